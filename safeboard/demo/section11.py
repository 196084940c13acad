"""Section 11 self-assessment: a closed cycle two years ago and this year's open cycle.

The earlier cycle was answered by every organisation asked but one, moderated and closed;
its improvement plans became actions that are now complete. This year's cycle opened ten
weeks ago and its deadline passed a fortnight and a half ago: most organisations have
returned (their answers carried forward and updated), two have drafts and an extension,
and two have not returned at all, with the reminders, a call and the escalation letters
the chasing schedule sent them. The moderation panel has started, and the board has asked
two organisations for the evidence behind their declarations.

The returns are answered through the services, on the days they would have been; what the
services stamp with the moment they run is then dated to the day it happened.
"""

from __future__ import annotations

import datetime
import random

from django.core.mail import get_connection

from safeboard.accounts.roles import Role
from safeboard.actions import services as action_services
from safeboard.section11 import chase_services, return_services, scrutiny_services, services
from safeboard.section11.factories import (
    CycleFactory,
    EvidenceRequestFactory,
    ImprovementItemFactory,
    RatingFactory,
    ReturnFactory,
)
from safeboard.section11.library_data import WT2018
from safeboard.section11.models import (
    Cycle,
    EvidenceRequest,
    ImprovementItem,
    Kind,
    Return,
    StandardSet,
)

from .people import Directory
from .timeline import Backdater, Clock

ASKED = (
    "la",
    "police",
    "icb",
    "acute",
    "community",
    "gp",
    "probation",
    "yjs",
    "cvs",
    "lanterns",
    "harbour",
)
DRAFTS = ("police", "lanterns")  # answering now, with an extension
NON_RETURNERS = ("probation", "gp")  # chased, escalated, still nothing
NOT_RETURNED_LAST_TIME = "probation"
NO_CHIEF_OFFICER = "gp"  # its letters are kept to print and post

OPENED_DAYS_AGO = 75
DUE_DAYS_AGO = 17
EXTENSION_DAYS_AHEAD = 12
EARLIER_CYCLE_DAYS_BEFORE = 730  # the cycle runs every two years

SCORE_WEIGHTS = {3: 75, 2: 18, 1: 6, 0: 1}

CHIEF_OFFICER_TITLES = {
    "la": "Corporate Director of Children's Services",
    "police": "Chief Constable",
    "icb": "Chief Executive",
    "acute": "Chief Executive",
    "community": "Chief Executive",
    "probation": "Head of the Probation Delivery Unit",
    "yjs": "Service Director, Youth Justice",
    "cvs": "Chief Executive",
    "lanterns": "Chief Executive",
    "harbour": "Director",
}
OFFICER_NAMES = (
    "Morag Ellison", "Dev Chaudhry", "Bronwen Pike", "Tom Okafor", "Ruth Ashdown",
    "Imran Sadiq", "Helen Varley", "Marcus Quayle", "Sian Hollis", "Owen Brightwell",
)  # fmt: skip

EVIDENCE = (
    "Safeguarding policy, approved by the executive board",
    "Quarterly safeguarding report to the board, with its minutes",
    "Training compliance report: staff trained to the level their role needs",
    "Audit of safeguarding supervision records",
    "Safer recruitment checklist and a sample of personnel files",
    "Whistleblowing procedure on the staff intranet",
    "Children's feedback survey and what changed as a result",
    "Information-sharing agreement signed with partner agencies",
    "Allegations log, reviewed with the LADO",
)
# The evidence an agency offers for each standard of Working Together 2018, by its code: a
# document that shows that standard, never one picked at random from another.
EVIDENCE_BY_STANDARD = {
    "WT18-1": (
        "Safeguarding accountability chart, up to the chief executive",
        "Job descriptions that set out each role's safeguarding duties",
    ),
    "WT18-2": (
        "Board minutes naming the executive lead for safeguarding",
        "Quarterly safeguarding report to the board, with its minutes",
    ),
    "WT18-3": (
        "Children's feedback survey and what changed as a result",
        "Notes of the young people's panel and the service's reply",
    ),
    "WT18-4": (
        "Whistleblowing procedure on the staff intranet",
        "Log of concerns raised under the whistleblowing procedure this year",
    ),
    "WT18-5": (
        "Escalation policy, briefed to every team",
        "Escalations raised with partner agencies and how each was resolved",
    ),
    "WT18-6": (
        "Information-sharing agreement signed with partner agencies",
        "Audit of referrals for the information shared with them",
    ),
    "WT18-7": (
        "Letters appointing the designated doctor and nurse",
        "Designated safeguarding lead's role description and protected time",
    ),
    "WT18-8": (
        "Safer recruitment checklist and a sample of personnel files",
        "Criminal record check renewals tracker",
    ),
    "WT18-9": (
        "Training compliance report: staff trained to the level their role needs",
        "Audit of safeguarding supervision records",
    ),
    "WT18-10": (
        "Allegations log, reviewed with the LADO",
        "Policy on allegations against people who work with children",
    ),
}


def evidence_for(rng: random.Random, code: str) -> str:
    """Evidence that shows the standard with this code (any of the general kind otherwise)."""
    return rng.choice(EVIDENCE_BY_STANDARD.get(code, EVIDENCE))


PLANS = (
    "Refresh the training plan and report compliance to the board every quarter",
    "Audit supervision records and act on what the audit finds",
    "Publish the escalation policy and brief every team on it",
    "Recheck criminal record checks due for renewal and clear the backlog",
    "Ask children and families what they think of the service and report back",
    "Name a deputy safeguarding lead and agree their time for the role",
)
EVIDENCE_QUESTION = (
    "The board has sampled this declaration. Please send the evidence that shows the "
    "standard is fully met: documents, audits or figures from the last twelve months."
)


def build_section11(*, rng: random.Random, clock: Clock, directory: Directory) -> list[Cycle]:
    standard_set = StandardSet.objects.get(name=WT2018["name"])
    _record_chief_officers(directory)
    backdater = Backdater()
    earlier = _earlier_cycle(rng, clock, directory, standard_set, backdater)
    current = _current_cycle(rng, clock, directory, standard_set, earlier, backdater)
    backdater.apply()
    return [earlier, current]


def _record_chief_officers(directory: Directory) -> None:
    names = iter(OFFICER_NAMES)
    for key in ASKED:
        if key == NO_CHIEF_OFFICER:
            continue
        name = next(names)
        services.chief_officer_save(
            agency=directory.agencies[key],
            full_name=name,
            job_title=CHIEF_OFFICER_TITLES[key],
            email=f"{name.lower().replace(' ', '.')}@{key}.demo.safeboard.test",
        )


def _cycle(
    directory: Directory,
    standard_set: StandardSet,
    backdater: Backdater,
    *,
    title: str,
    set_up_on: datetime.date,
    due_on: datetime.date,
    previous: Cycle | None,
) -> Cycle:
    """A cycle set up directly, its deadline already past or near (the service refuses a
    deadline in the past), with the set's standards and the organisations asked."""
    cycle: Cycle = CycleFactory.create(
        title=title,
        kind=Kind.SECTION_11,
        frequency=Cycle.Frequency.TWO_YEARLY,
        standard_set=standard_set,
        previous_cycle=previous,
        returns_due_on=due_on,
        created_by=directory.manager,
    )
    services.copy_standards(cycle=cycle, standard_set=standard_set)
    returns = ReturnFactory.create_in_bulk(
        [Return(cycle=cycle, agency=directory.agencies[key]) for key in ASKED], with_history=True
    )
    when = Clock(set_up_on).at(set_up_on, hour=11)
    backdater.stamp(cycle, when=when, user=directory.manager, field="created_at")
    for agency_return in returns:
        backdater.stamp(agency_return, when=when, user=directory.manager)
    return cycle


def _score(rng: random.Random) -> int:
    return rng.choices(list(SCORE_WEIGHTS), weights=list(SCORE_WEIGHTS.values()))[0]


def _lead(directory: Directory, key: str):
    people = directory.active_people_of(key, Role.AGENCY_LEAD) or directory.active_people_of(
        key, Role.BOARD_MEMBER
    )
    return people[0]


def _answer(
    rng: random.Random,
    agency_return: Return,
    *,
    owner,
    on: datetime.date,
    plan_due_on: datetime.date,
    only: int | None = None,
) -> None:
    """Score the return's standards (the first `only` of them, for a draft), each with
    evidence, and a plan for every standard below met."""
    ratings = list(agency_return.ratings.select_related("standard").order_by("standard__position"))
    for rating in ratings[:only]:
        previous = rating.self_score
        score = _score(rng) if previous is None else min(3, previous + rng.choice((0, 0, 0, 1)))
        return_services.rating_save(
            rating=rating,
            self_score=score,
            commentary=f"{'Confirmed' if previous is not None else 'Assessed'} by the "
            f"safeguarding lead: {evidence_for(rng, rating.standard.code).lower()}.",
        )
        if not rating.evidence.exists():
            return_services.evidence_add(
                rating=rating,
                description=evidence_for(rng, rating.standard.code),
                dated_on=on - datetime.timedelta(days=rng.randint(10, 300)),
            )
        if score < agency_return.cycle.met_score:
            ImprovementItemFactory(
                rating=rating, text=rng.choice(PLANS), owner_person=owner, due_on=plan_due_on
            )


def _earlier_cycle(rng, clock, directory, standard_set, backdater) -> Cycle:
    due_on = clock.days_ago(DUE_DAYS_AGO + EARLIER_CYCLE_DAYS_BEFORE)
    opened_on = due_on - datetime.timedelta(days=OPENED_DAYS_AGO - DUE_DAYS_AGO)
    cycle = _cycle(
        directory,
        standard_set,
        backdater,
        title=f"Section 11 self-assessment {due_on.year}",
        set_up_on=opened_on - datetime.timedelta(days=14),
        due_on=due_on,
        previous=None,
    )
    services.cycle_open(cycle=cycle, today=opened_on)
    for agency_return in cycle.returns.select_related("agency", "cycle").order_by("agency__name"):
        key = _key_of(directory, agency_return)
        if key == NOT_RETURNED_LAST_TIME:
            continue
        owner = _lead(directory, key)
        plan_due_on = due_on + datetime.timedelta(days=rng.randint(90, 200))
        _answer(rng, agency_return, owner=owner, on=due_on, plan_due_on=plan_due_on)
        submitted_on = due_on - datetime.timedelta(days=rng.randint(0, 20))
        _submit(agency_return, directory, key, submitted_on, backdater)
        for item in ImprovementItem.objects.filter(rating__agency_return=agency_return):
            _complete(rng, clock, item, directory, key, backdater)
    _moderate(rng, cycle, on=due_on + datetime.timedelta(days=30))
    services.cycle_close(cycle=cycle, today=due_on + datetime.timedelta(days=45))
    return cycle


def _key_of(directory: Directory, agency_return: Return) -> str:
    return next(
        key for key, agency in directory.agencies.items() if agency.pk == agency_return.agency_id
    )


def _submit(agency_return, directory, key, submitted_on, backdater) -> None:
    user = directory.user_of(_lead(directory, key))
    return_services.return_submit(agency_return=agency_return, submitted_by=user)
    when = Clock(submitted_on).at(submitted_on, hour=15)
    agency_return.submitted_at = agency_return.started_at = when
    ReturnFactory.update_in_bulk([agency_return], ["submitted_at", "started_at"])
    for item in ImprovementItem.objects.filter(rating__agency_return=agency_return):
        backdater.stamp(item.action, when=when, user=user, field="created_at")


def _complete(rng, clock, item, directory, key, backdater) -> None:
    """An action from the earlier cycle's plan, done, with the evidence that it was."""
    action = item.action
    done_on = min(action.due_on - datetime.timedelta(days=rng.randint(0, 30)), clock.today)
    evidence = action_services.action_add_evidence(
        action=action,
        description=f"Completed: {item.text.lower()}. Reported to the partnership.",
        evidence_dated=done_on,
    )
    backdater.stamp(
        evidence, when=clock.at(done_on, hour=16), user=directory.manager, field="added_at"
    )
    action_services.action_complete(action=action, completed_on=done_on)


def _moderate(rng: random.Random, cycle: Cycle, *, on: datetime.date) -> None:
    """The panel looks at a few returns and lowers or confirms some scores."""
    submitted = list(cycle.returns.filter(status=Return.Status.SUBMITTED).order_by("agency__name"))
    for agency_return in rng.sample(submitted, min(4, len(submitted))):
        agency_return.cycle = cycle
        ratings = list(
            agency_return.ratings.select_related("standard").order_by("standard__position")
        )
        chosen = rng.sample(ratings, 2)
        scores = [
            scrutiny_services.ModeratedScore(
                rating=rating,
                score=max(0, (rating.self_score or 0) - rng.choice((0, 1))),
                reason=rng.choice(
                    (
                        "The panel agreed the score: the evidence shows the arrangements in practice.",
                        "Lowered: the policy is in place but the audit of practice is not yet done.",
                        "Lowered: training figures were below the organisation's own target.",
                    )
                ),
            )
            for rating in chosen
        ]
        scrutiny_services.return_moderate(agency_return=agency_return, scores=scores)
        for rating in chosen:
            rating.moderated_on = on
        RatingFactory.update_in_bulk(chosen, ["moderated_on"])


def _current_cycle(rng, clock, directory, standard_set, earlier, backdater) -> Cycle:
    due_on = clock.days_ago(DUE_DAYS_AGO)
    opened_on = clock.days_ago(OPENED_DAYS_AGO)
    cycle = _cycle(
        directory,
        standard_set,
        backdater,
        title=f"Section 11 self-assessment {clock.today.year}",
        set_up_on=opened_on - datetime.timedelta(days=14),
        due_on=due_on,
        previous=earlier,
    )
    services.cycle_open(cycle=cycle, today=opened_on)
    returns = {
        _key_of(directory, agency_return): agency_return
        for agency_return in cycle.returns.select_related("agency", "cycle")
    }
    submissions = {}
    for key, agency_return in sorted(returns.items()):
        if key in NON_RETURNERS:
            continue
        owner = _lead(directory, key)
        plan_due_on = clock.days_ahead(rng.randint(60, 180))
        draft = key in DRAFTS
        _answer(
            rng,
            agency_return,
            owner=owner,
            on=due_on,
            plan_due_on=plan_due_on,
            only=6 if draft else None,
        )
        if not draft:
            submissions[key] = due_on - datetime.timedelta(days=rng.randint(0, 25))
    _chase(clock, directory, cycle, returns, submissions, backdater)
    _moderate(rng, cycle, on=clock.days_ago(5))
    _peer_challenge(rng, clock, directory, cycle)
    return cycle


def _chase(clock, directory, cycle, returns, submissions, backdater) -> None:
    """Replay the daily job from the day the cycle opened: returns come in on their days,
    drafts get an extension before the deadline, and the rest are chased."""
    quiet = get_connection("django.core.mail.backends.dummy.EmailBackend")
    day = cycle.opened_on
    while day <= clock.today:
        for key, submitted_on in submissions.items():
            if submitted_on == day:
                _submit(returns[key], directory, key, submitted_on, backdater)
        if day == cycle.returns_due_on - datetime.timedelta(days=5):
            for key in DRAFTS:
                services.return_extend_deadline(
                    agency_return=returns[key],
                    extended_to=clock.days_ahead(EXTENSION_DAYS_AHEAD),
                    reason="A new safeguarding lead started this month and asked for time.",
                )
        if day == cycle.returns_due_on + datetime.timedelta(days=10):
            chase_services.chase_by_hand(
                agency_return=returns[NON_RETURNERS[0]],
                how=chase_services.HOW_PHONE,
                with_whom=f"{_lead(directory, NON_RETURNERS[0]).full_name}, the agency lead",
                note="The return is with the head of service for sign-off; promised within a week.",
                recorded_by=directory.manager,
                today=day,
                connection=quiet,
            )
        chase_services.chase_non_returns(today=day, connection=quiet)
        day += datetime.timedelta(days=1)


def _peer_challenge(rng, clock, directory, cycle) -> None:
    """Two declarations sampled: one answered and concluded, one waiting for its answer."""
    drawn = scrutiny_services.sample_draw(
        cycle=cycle,
        size=2,
        question=EVIDENCE_QUESTION,
        response_due_on=clock.days_ahead(9),
        requested_by=directory.manager,
        rng=rng,
    )
    for request in drawn:
        request.requested_on = clock.days_ago(12)
    EvidenceRequestFactory.update_in_bulk(drawn, ["requested_on"])
    answered = drawn[0]
    agency_return = answered.rating.agency_return
    responder = directory.user_of(_lead(directory, _key_of(directory, agency_return)))
    scrutiny_services.evidence_request_respond(
        request=answered,
        response="The last two quarterly reports to our board, and the audit of supervision "
        "records they refer to, are on the shared site; the summary figures are in the report.",
        responded_by=responder,
    )
    scrutiny_services.evidence_request_conclude(
        request=answered,
        conclusion=EvidenceRequest.Conclusion.SUPPORTED,
        note="The reports show the arrangements working and challenged at board level.",
        concluded_by=directory.manager,
    )
    answered.responded_on, answered.concluded_on = clock.days_ago(6), clock.days_ago(3)
    EvidenceRequestFactory.update_in_bulk([answered], ["responded_on", "concluded_on"])
