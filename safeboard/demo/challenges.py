"""The challenge log: twenty challenges from the board to agencies, in every state.

Each challenge's life is planned as rounds (a response due date, the agency's answer, the
board's judgement), then replayed in date order the way the challenge services would have
made it: an unanswered round escalates to the agency's board member a set number of days
after its due date and to the chair the same number of days later; an accepted answer is
followed by the closing of the challenge, and sometimes later by its evidence of impact.
The records and their history are then written in bulk, dated to the days things happened.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.conf import settings

from safeboard.accounts.roles import Role
from safeboard.challenges.factories import (
    ChallengeEscalationFactory,
    ChallengeFactory,
    ChallengeResponseFactory,
    ChallengeThemeFactory,
)
from safeboard.challenges.models import (
    Challenge,
    ChallengeEscalation,
    ChallengeResponse,
    EscalationLevel,
)
from safeboard.core.dates import long_date
from safeboard.partnership.models import Agency, Person

from . import challenge_texts as texts
from .people import Directory
from .plan import BuiltPlan
from .timeline import Clock, Versions

RESPONSE_DAYS = 28  # the time an agency is usually given to answer
FURTHER_RESPONSE_DAYS = 21  # the time it is given to answer a further challenge
DEFAULT_ESCALATION_DAYS = 10
DEFAULT_DAILY_RUN_HOUR = 7  # when the daily job that escalates challenges runs

Judgement = ChallengeResponse.Judgement
UNANSWERED = (
    texts.AWAITING,
    texts.DUE_SOON,
    texts.OVERDUE,
    texts.ESCALATED_TO_BOARD_MEMBER,
    texts.ESCALATED_TO_CHAIR,
)
SECOND_ROUND = (texts.FURTHER_CHALLENGE, texts.ESCALATED_BY_BOARD)
CLOSED = (texts.CLOSED, texts.CLOSED_WITH_IMPACT)

# What the challenge services write in a challenge's history at each step.
RESPONDED = "The agency responded"
JUDGED = "Response judged: {judgement}"
ESCALATED_AUTOMATICALLY = "Escalated automatically: no response"
CLOSED_REASON = "Closed"


def escalation_days() -> int:
    """Days after the due date (and after the first escalation) a challenge escalates."""
    return getattr(settings, "SAFEBOARD_CHALLENGE_ESCALATION_DAYS", DEFAULT_ESCALATION_DAYS)


@dataclass
class Round:
    due_on: datetime.date
    responded_on: datetime.date | None = None
    judged_on: datetime.date | None = None


@dataclass(frozen=True)
class Life:
    spec: texts.ChallengeSpec
    raised_on: datetime.date
    rounds: list[Round]
    closed_on: datetime.date | None = None
    impact_on: datetime.date | None = None  # when the evidence of impact was recorded


def build_challenges(
    *, rng: random.Random, clock: Clock, directory: Directory, plan: BuiltPlan
) -> list[Challenge]:
    days = escalation_days()
    lives = sorted(
        (_life(rng, clock.today, spec, days) for spec in texts.CHALLENGES),
        key=lambda life: life.raised_on,
    )
    replay = Replay(rng, clock, directory, plan, days)
    numbers: dict[int, int] = {}
    for life in lives:
        year = life.raised_on.year
        numbers[year] = numbers.get(year, 0) + 1
        replay.challenge(life, reference=f"CH-{year}-{numbers[year]:03d}")
    return replay.write()


def _life(rng: random.Random, today: datetime.date, spec: texts.ChallengeSpec, days: int) -> Life:
    _check_spec(spec)
    rounds = _rounds(rng, today, spec, days)
    raised_on = rounds[0].due_on - datetime.timedelta(days=RESPONSE_DAYS)
    last_judged_on = rounds[-1].judged_on
    if spec.fate not in CLOSED or last_judged_on is None:
        return Life(spec, raised_on, rounds)
    closed_on = last_judged_on + datetime.timedelta(days=rng.randint(0, 5))
    impact_on = None
    if spec.impact:
        impact_on = min(closed_on + datetime.timedelta(days=rng.randint(14, 60)), today)
    return Life(spec, raised_on, rounds, closed_on, impact_on)


def _rounds(
    rng: random.Random, today: datetime.date, spec: texts.ChallengeSpec, days: int
) -> list[Round]:
    """The rounds of a challenge, so that on `today` it is in the state its spec asks for."""

    def ago(low: int, high: int) -> datetime.date:
        return today - datetime.timedelta(days=rng.randint(low, high))

    fate = spec.fate
    if fate in UNANSWERED:
        due_in = {
            texts.AWAITING: (8, RESPONSE_DAYS - 1),  # raised before today, due after a week
            texts.DUE_SOON: (1, 6),
            texts.OVERDUE: (-(days - 1), -1),  # not yet overdue long enough to escalate
            texts.ESCALATED_TO_BOARD_MEMBER: (-(2 * days - 1), -(days + 1)),
            texts.ESCALATED_TO_CHAIR: (-(2 * days + 12), -(2 * days + 1)),
        }[fate]
        return [Round(today + datetime.timedelta(days=rng.randint(*due_in)))]
    if fate == texts.RESPONDED:
        responded_on = ago(1, 12)
        return [Round(responded_on + datetime.timedelta(days=rng.randint(0, 10)), responded_on)]
    if fate in SECOND_ROUND:
        judged_on = ago(3, 18)
        second_due_on = judged_on + datetime.timedelta(days=FURTHER_RESPONSE_DAYS)
        return [_answered(rng, judged_on=judged_on), Round(second_due_on)]
    rounds: list[Round] = []
    judged_on = ago(20, 240)
    for number in reversed(range(len(spec.responses))):
        # A late answer comes after the first escalation, before the second.
        late_by = rng.randint(days + 1, 2 * days - 1) if spec.late and number == 0 else None
        answered = _answered(rng, judged_on=judged_on, late_by=late_by)
        rounds.insert(0, answered)
        judged_on = answered.due_on - datetime.timedelta(days=FURTHER_RESPONSE_DAYS)
    return rounds


def _answered(rng: random.Random, *, judged_on: datetime.date, late_by: int | None = None) -> Round:
    """A round answered a few days before the board judged it: in time, or `late_by` days."""
    responded_on = judged_on - datetime.timedelta(days=rng.randint(3, 10))
    if late_by is None:
        due_on = responded_on + datetime.timedelta(days=rng.randint(0, 6))
    else:
        due_on = responded_on - datetime.timedelta(days=late_by)
    return Round(due_on, responded_on, judged_on)


def _check_spec(spec: texts.ChallengeSpec) -> None:
    if spec.fate in UNANSWERED:
        answers = judged = 0
    elif spec.fate == texts.RESPONDED:
        answers, judged = 1, 0
    elif spec.fate in SECOND_ROUND:
        answers = judged = 1
    else:
        answers = judged = max(1, len(spec.responses))
    if (len(spec.responses), len(spec.judgements)) != (answers, judged):
        raise ValueError(f"{spec.title}: {answers} answers and {judged} judgements expected.")
    if (spec.fate == texts.CLOSED_WITH_IMPACT) != bool(spec.impact):
        raise ValueError(f"{spec.title}: only a challenge closed with impact has its evidence.")
    if bool(spec.outcome) != (spec.fate in CLOSED):
        raise ValueError(f"{spec.title}: only a closed challenge has an outcome.")


class Replay:
    """Plays each challenge's life forward, keeping its records and the versions of them."""

    def __init__(
        self,
        rng: random.Random,
        clock: Clock,
        directory: Directory,
        plan: BuiltPlan,
        escalation_days: int,
    ) -> None:
        self.rng, self.clock, self.directory, self.plan = rng, clock, directory, plan
        self.days = escalation_days
        self.daily_run_hour = getattr(settings, "SAFEBOARD_REMINDER_HOUR", DEFAULT_DAILY_RUN_HOUR)
        self.versions = Versions()
        self.challenges: list[Challenge] = []
        self.responses: list[ChallengeResponse] = []
        self.escalations: list[ChallengeEscalation] = []

    def challenge(self, life: Life, *, reference: str) -> None:
        spec = life.spec
        raiser = self.directory.people[spec.raised_by]
        board_user = self.directory.user_of(raiser)
        challenge = Challenge(
            reference=reference,
            agency=self.directory.agencies[spec.agency],
            title=spec.title,
            issue=spec.issue,
            evidence=spec.evidence,
            raised_by=raiser,
            raised_on=life.raised_on,
            response_due_on=life.rounds[0].due_on,
            priority=self.plan.priorities[spec.priority] if spec.priority else None,
            created_by=board_user,
        )
        self.versions.created(challenge, when=self._at(life.raised_on, 9, 16), user=board_user)
        self.challenges.append(challenge)
        for number, round_ in enumerate(life.rounds):
            self._escalate_while_unanswered(challenge, spec.agency, round_)
            if round_.responded_on is None:
                break
            response = self._respond(challenge, spec, spec.responses[number], round_)
            if round_.judged_on is None:
                break
            later = life.rounds[number + 1] if number + 1 < len(life.rounds) else None
            if later is None:
                judgement = Judgement.ACCEPTED
            elif spec.fate == texts.ESCALATED_BY_BOARD:
                judgement = Judgement.ESCALATED
            else:
                judgement = Judgement.FURTHER_CHALLENGE
            response.judgement = judgement
            response.judgement_reason = spec.judgements[number]
            response.judged_by = board_user
            response.judged_on = round_.judged_on
            self._judged(challenge, spec, response, later)
        if life.closed_on is not None:
            self._close(challenge, life.spec, board_user, life.closed_on, life.impact_on)

    def _escalate_while_unanswered(self, challenge: Challenge, agency: str, round_: Round):
        """Escalate as the daily job does while the round waits for its answer."""
        waited_until = round_.responded_on or self.clock.today
        day = round_.due_on + datetime.timedelta(days=self.days)
        while challenge.escalation_level < EscalationLevel.CHAIR and day <= waited_until:
            level = challenge.escalation_level + 1
            reason = _automatic_reason(challenge, level=level, on=day)
            self._escalation(challenge, agency, level, day, reason)
            day += datetime.timedelta(days=self.days)

    def _escalation(self, challenge, agency, level, day, reason, *, by=None) -> None:
        """Escalate `challenge`: automatically (by the daily job) unless `by` a user."""
        if level == EscalationLevel.BOARD_MEMBER:
            escalated_to = self._board_member(agency)
        else:
            escalated_to = self.directory.people["chair"]
        self.escalations.append(
            ChallengeEscalation(
                challenge=challenge,
                level=level,
                escalated_on=day,
                escalated_to=escalated_to,
                reason=reason,
                is_automatic=by is None,
                recorded_by=by,
            )
        )
        challenge.escalation_level = level
        if by is None:
            when = self.clock.at(day, hour=self.daily_run_hour)
            self.versions.changed(challenge, when=when, user=None, reason=ESCALATED_AUTOMATICALLY)

    def _respond(self, challenge, spec, text, round_) -> ChallengeResponse:
        responder = self._responder(spec.agency, escalated=challenge.escalation_level > 0)
        user = self.directory.user_of(responder)
        response = ChallengeResponse(
            challenge=challenge, text=text, responded_by=user, responded_on=round_.responded_on
        )
        when = self._at(round_.responded_on, 14, 17)
        self.versions.created(response, when=when, user=user)
        self.responses.append(response)
        challenge.status = Challenge.Status.RESPONDED
        self.versions.changed(challenge, when=when, user=user, reason=RESPONDED)
        return response

    def _judged(self, challenge, spec, response, later: Round | None) -> None:
        day, judge = response.judged_on, response.judged_by
        when = self._at(day, 10, 11)
        self.versions.changed(response, when=when, user=judge)
        if later is None:  # accepted: the challenge waits to be closed
            return
        challenge.status = Challenge.Status.AWAITING_RESPONSE
        challenge.response_due_on = later.due_on
        if response.judgement == Judgement.ESCALATED:
            level = challenge.escalation_level + 1
            reason = response.judgement_reason
            self._escalation(challenge, spec.agency, level, day, reason, by=judge)
        label = Judgement(response.judgement).label
        reason = JUDGED.format(judgement=label)
        self.versions.changed(challenge, when=when, user=judge, reason=reason)

    def _close(self, challenge, spec, user, closed_on, impact_on) -> None:
        challenge.status = Challenge.Status.CLOSED
        challenge.closed_on = closed_on
        challenge.outcome = spec.outcome
        when = self._at(closed_on, 12, 13)
        self.versions.changed(challenge, when=when, user=user, reason=CLOSED_REASON)
        if impact_on is not None:
            # Its evidence of impact is added later as claims (impact.py). The hour is still
            # drawn, so the challenges after this one keep the dates they always had.
            self._at(impact_on, 14, 16)

    def _board_member(self, agency: str) -> Person:
        return self.directory.active_people_of(agency, Role.BOARD_MEMBER)[0]

    def _responder(self, agency: str, *, escalated: bool) -> Person:
        """The agency lead answers; once escalated, the agency's board member does."""
        roles = (Role.BOARD_MEMBER,) if escalated else (Role.AGENCY_LEAD, Role.BOARD_MEMBER)
        people = self.directory.active_people_of(agency, *roles)
        return next((p for p in people if self.directory.role_of(p) == roles[0]), people[0])

    def _at(self, day: datetime.date, first_hour: int, last_hour: int) -> datetime.datetime:
        hour = self.rng.randint(first_hour, last_hour)
        return self.clock.at(day, hour=hour, minute=self.rng.randint(0, 59))

    def write(self) -> list[Challenge]:
        ChallengeFactory.create_in_bulk(self.challenges, validate=True)
        # A challenge about a priority is about the themes the priority addresses.
        through = ChallengeThemeFactory._meta.model
        ChallengeThemeFactory.create_in_bulk(
            through(challenge_id=challenge.pk, theme_id=theme.pk)
            for challenge in self.challenges
            if challenge.priority is not None
            for theme in challenge.priority.themes.all()
        )
        ChallengeResponseFactory.create_in_bulk(self.responses, validate=True)
        ChallengeEscalationFactory.create_in_bulk(self.escalations, validate=True)
        self.versions.write()
        return self.challenges


def _automatic_reason(challenge: Challenge, *, level: int, on: datetime.date) -> str:
    """The reason the daily job gives for an escalation, in the challenge services' words."""
    agency: Agency = challenge.agency
    days = (on - challenge.response_due_on).days
    to = "the agency\u2019s board member" if level == EscalationLevel.BOARD_MEMBER else "the chair"
    return (
        f"No response from {agency.name}: {days} days overdue (the response was due on "
        f"{long_date(challenge.response_due_on)}). Escalated automatically to {to}."
    )
