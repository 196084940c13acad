"""Six case reviews of every kind and stage, each made through the review services and dated
to the days things happened.

- a serious case review of 2012 under Working Together 2010, published and graded;
- a serious case review of 2014 under Working Together 2013, published;
- a local child safeguarding practice review of 2021 under Working Together 2018, published;
- a practice review under way this year (Working Together 2023), with its team and panel,
  agencies' chronologies (one overdue), events and milestones;
- a near-miss learning review below the criteria, with the timescale the board set;
- a case referred a couple of weeks ago, waiting for its decision, its rapid review due soon.

Every child is a pseudonym and every detail invented. The findings, recommendations and
briefings of these reviews are built after them (review_lessons.py), from the dict returned.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.files.uploadedfile import SimpleUploadedFile

from safeboard.reviews.conduct import services as review_services
from safeboard.reviews.decision import services as decision_services
from safeboard.reviews.factories import (
    DecisionFactory,
    ReviewDocumentFactory,
    ReviewFactory,
    TeamMemberFactory,
    edition,
)
from safeboard.reviews.frameworks.timescales import (
    add_working_days,
    is_working_day,
    working_days_between,
)
from safeboard.reviews.models import (
    AgencyContribution,
    Decision,
    PractitionerEvent,
    RapidReview,
    Review,
    ReviewDocument,
    SafeguardingPartner,
    TeamMember,
)
from safeboard.reviews.referral import services

from .people import Directory
from .timeline import Clock, date_latest_entry

D = datetime.date
Kind = AgencyContribution.Kind
Event = PractitionerEvent.Kind
Member = TeamMember.Role
Doc = ReviewDocument.Kind

MET, NOT_MET, UNCLEAR = "met", "not_met", "unclear"
DEFAULT_REASONS = {
    MET: "The information gathered for the decision shows this.",
    NOT_MET: "Nothing known to the partners points to this.",
    UNCLEAR: "The agencies' accounts differ; the review will establish it.",
}


@dataclass(frozen=True)
class Contribution:
    agency: str
    kind: str
    requested_on: D
    due_on: D
    received_on: D | None = None


@dataclass(frozen=True)
class RapidReviewText:
    """What the partners' rapid review found and decided, and the Panel's answer."""

    facts: str
    immediate_actions: str
    learning: str
    national_review: str
    local_review: str
    reasons: str
    panel_response: str = ""
    panel_response_on: D | None = None


@dataclass(frozen=True)
class Case:
    """One case's life, as the partnership lived it."""

    key: str
    edition: str
    pseudonym: str
    age_band: str
    agencies: tuple[str, ...]
    incident: D
    aware: D
    summary: str
    notified: D | None = None
    rapid_review_sent: D | None = None
    rapid_review: RapidReviewText | None = None
    outcome: str = ""
    decided_on: D | None = None
    decided_by: str = "chair"
    # From 2018: who answered for the local authority, the ICB and the police.
    partners: tuple[str, str, str] = ("la.board", "icb.lead", "police.board")
    decision_reasons: str = ""
    answers: dict[str, tuple[str, str]] = field(default_factory=dict)
    signed_off: bool = True
    title: str = ""
    methodology: str = ""
    lead_reviewer: str = ""
    started_on: D | None = None
    due_on: D | None = None  # a learning review's, set by the board
    family: str = ""
    team: tuple[tuple[str, str], ...] = ()
    contributions: tuple[Contribution, ...] = ()
    events: tuple[tuple[str, D, str, int | None], ...] = ()
    milestones: tuple[tuple[str, D, D | None], ...] = ()
    documents: tuple[tuple[str, str, D], ...] = ()
    published_on: D | None = None
    # Notice of publication to the Panel and the Secretary of State (a practice review's).
    publication_notice: D | None = None
    grade: str = ""
    panel_feedback: tuple[str, D] | None = None


def _past_cases() -> list[Case]:
    return [
        Case(
            key="scr_2012",
            edition="wt2010",
            pseudonym="Baby M",
            age_band=Review.AgeBand.UNDER_1,
            agencies=("la", "police", "acute", "community", "gp"),
            incident=D(2012, 2, 10),
            aware=D(2012, 2, 13),
            summary="A ten-week-old baby died of a head injury. Both parents had been known "
            "to services for substance misuse; the family had moved three times in a year.",
            outcome=Decision.Outcome.SCR,
            decided_on=D(2012, 3, 2),
            decision_reasons="Neglect is suspected to have contributed to the baby's death, "
            "and five agencies were involved with the family.",
            answers={
                "M1": (MET, "The post-mortem findings point to a non-accidental injury."),
                "C5": (MET, "Information about the moves was not passed between areas."),
            },
            title="Baby M",
            methodology=Review.Methodology.TRADITIONAL,
            lead_reviewer="Margaret Thornbury, independent author",
            started_on=D(2012, 3, 19),
            family="The mother met the author once; the father declined to take part.",
            team=(("manager", Member.SUPPORT), ("chair", Member.PANEL_CHAIR)),
            contributions=(
                Contribution("la", Kind.MANAGEMENT_REVIEW, D(2012, 3, 20), D(2012, 5, 18), D(2012, 5, 17)),
                Contribution("acute", Kind.MANAGEMENT_REVIEW, D(2012, 3, 20), D(2012, 5, 18), D(2012, 5, 25)),
                Contribution("police", Kind.MANAGEMENT_REVIEW, D(2012, 3, 20), D(2012, 5, 18), D(2012, 5, 16)),
            ),
            documents=((Doc.FINAL_REPORT, "Baby M overview report.pdf", D(2012, 9, 28)),),
            published_on=D(2013, 1, 15),
            grade=Review.QualityGrade.ADEQUATE,
        ),
        Case(
            key="scr_2014",
            edition="wt2013",
            pseudonym="Child J",
            age_band=Review.AgeBand.AGE_10_15,
            agencies=("la", "police", "schools", "community", "yjs"),
            incident=D(2014, 5, 8),
            aware=D(2014, 5, 12),
            notified=D(2014, 5, 15),
            summary="A fourteen-year-old boy was seriously injured in an assault by older "
            "young people who had been exploiting him. He had been missing from home often.",
            outcome=Decision.Outcome.SCR,
            decided_on=D(2014, 5, 30),
            decision_reasons="Serious harm through exploitation, with concern about how "
            "agencies shared what they knew of his missing episodes.",
            answers={
                "M1": (NOT_MET, "The boy survived."),
                "M2": (MET, "Return interviews were not shared with his school."),
                "N1": (MET, "Ofsted was notified on 15 May 2014."),
            },
            title="Child J",
            methodology=Review.Methodology.LEARNING_TOGETHER,
            lead_reviewer="Daniel Okafor, SCIE-accredited reviewer",
            started_on=D(2014, 6, 16),
            family="Child J and his mother met the review team twice.",
            team=(("manager", Member.SUPPORT), ("chair", Member.PANEL_CHAIR)),
            events=((Event.PRACTITIONER_EVENT, D(2014, 9, 9), "Practitioner learning event", 14),),
            documents=((Doc.FINAL_REPORT, "Child J final report.pdf", D(2014, 12, 10)),),
            published_on=D(2015, 3, 2),
            panel_feedback=(
                "A clear systems analysis; the recommendations on missing episodes are specific "
                "enough to be tested.",
                D(2015, 2, 16),
            ),
        ),
        Case(
            key="lcspr_2021",
            edition="wt2018",
            pseudonym="Child S",
            age_band=Review.AgeBand.AGE_1_4,
            agencies=("la", "police", "icb", "community", "harbour"),
            incident=D(2021, 3, 5),
            aware=D(2021, 3, 8),
            notified=D(2021, 3, 10),
            rapid_review_sent=D(2021, 3, 26),
            rapid_review=RapidReviewText(
                facts="Child S, aged two, was admitted with a fractured arm and bruising to her "
                "face. Her mother's partner has been arrested.",
                immediate_actions="Child S and her brother are with their grandmother under a "
                "child protection plan; the partner has bail conditions not to visit.",
                learning="Health visits held by video during lockdown did not see the home; two "
                "police call-outs for domestic abuse did not reach the health visitor.",
                national_review=RapidReview.NationalReview.NOT_SUITED,
                local_review=RapidReview.LocalReview.LCSPR,
                reasons="Learning for every agency about contact with families by video.",
                panel_response="The Panel agrees that a local review is appropriate and asks "
                "that it look at how domestic abuse notifications reach health visitors.",
                panel_response_on=D(2021, 4, 9),
            ),
            summary="A two-year-old girl suffered serious injuries during lockdown. Domestic "
            "abuse had been reported to the police twice; health visits were held by video.",
            outcome=Decision.Outcome.LCSPR,
            decided_on=D(2021, 3, 26),
            partners=("la.board", "icb.board.former", "police.board"),
            decision_reasons="The rapid review found that the move to video contacts hid "
            "what practitioners would have seen at home: learning for every agency.",
            answers={
                "N1": (MET, "Serious harm, with abuse suspected."),
                "C1": (MET, "Home visiting during lockdown needs a safer pattern."),
                "C3": (MET, "Police reports of domestic abuse did not reach the health visitor."),
            },
            title="Child S",
            methodology=Review.Methodology.HYBRID,
            lead_reviewer="Ruth Aldington, independent reviewer",
            started_on=D(2021, 4, 12),
            family="The mother and maternal grandmother took part; their account is in the report.",
            team=(("manager", Member.SUPPORT), ("chair", Member.PANEL_CHAIR)),
            events=((Event.PRACTITIONER_EVENT, D(2021, 6, 22), "Practitioner learning event (online)", 21),),
            documents=(
                (Doc.RAPID_REVIEW, "Child S rapid review.pdf", D(2021, 3, 26)),
                (Doc.FINAL_REPORT, "Child S LCSPR report.pdf", D(2021, 10, 1)),
            ),
            published_on=D(2021, 11, 15),
            publication_notice=D(2021, 11, 8),
            panel_feedback=(
                "The Panel found the review's analysis of remote contact with families useful "
                "nationally and will cite it in its annual report.",
                D(2022, 1, 20),
            ),
        ),
    ]  # fmt: skip


def _current_cases(clock: Clock) -> list[Case]:
    # The practice review: the case came to light some ten weeks ago.
    aware = clock.weekday_on_or_after(clock.days_ago(72))
    rapid = add_working_days(aware, 14)
    started = clock.weekday_on_or_after(rapid + datetime.timedelta(days=7))
    # The near-miss: four months ago, below the criteria.
    near_aware = clock.weekday_on_or_after(clock.days_ago(125))
    near_decided = add_working_days(near_aware, 12)
    near_due = clock.weekday_on_or_after(clock.days_ahead(20))
    # The new referral: its rapid review is due in four working days.
    referral_aware = _working_days_before(clock.today, 11)
    return [
        Case(
            key="learning_review",
            edition="wt2023",
            pseudonym="Child L",
            age_band=Review.AgeBand.AGE_16_17,
            agencies=("la", "college", "community", "police"),
            incident=near_aware - datetime.timedelta(days=1),
            aware=near_aware,
            summary="A sixteen-year-old girl in care took an overdose and recovered. Her "
            "college had raised concerns that did not reach her social worker.",
            outcome=Decision.Outcome.LEARNING_REVIEW,
            decided_on=near_decided,
            decided_by="chair",
            decision_reasons="Below the criteria for a practice review, but the case shows "
            "how concerns from colleges are heard: a learning review, in three months.",
            answers={
                "N1": (NOT_MET, "No abuse or neglect is known or suspected."),
                "C1": (MET, "Colleges do not use the referral route schools use."),
            },
            title="Learning review: Child L",
            methodology=Review.Methodology.APPRECIATIVE,
            lead_reviewer="The partnership's quality assurance officer",
            started_on=add_working_days(near_decided, 3),
            due_on=near_due,
            family="Child L chose to tell her story to the reviewer herself.",
            team=(("auditor", Member.LEAD_REVIEWER), ("la.auditor", Member.REVIEW_TEAM)),
            events=((Event.PRACTITIONER_EVENT, clock.days_ago(30), "Appreciative inquiry workshop", 11),),
            milestones=(("Workshop with college staff", clock.days_ago(30), clock.days_ago(30)),),
            documents=((Doc.DRAFT_REPORT, "Child L draft learning review.pdf", clock.days_ago(12)),),
        ),
        Case(
            key="lcspr_current",
            edition="wt2023",
            pseudonym="Child D",
            age_band=Review.AgeBand.UNDER_1,
            agencies=("la", "police", "acute", "community", "gp", "harbour"),
            incident=aware - datetime.timedelta(days=2),
            aware=aware,
            notified=add_working_days(aware, 3),
            rapid_review_sent=rapid,
            rapid_review=RapidReviewText(
                facts="The baby was taken to hospital by his mother after a fall from a sofa. "
                "A skeletal survey found older rib fractures. The father is on police bail.",
                immediate_actions="The baby and his sister are in foster care; the father's "
                "contact is supervised. The GP practice has reviewed its bruising protocol.",
                learning="The father was not known to the health visitor; the police knew of "
                "his history. A bruise seen at a GP appointment was not referred.",
                national_review=RapidReview.NationalReview.NOT_SUITED,
                local_review=RapidReview.LocalReview.LCSPR,
                reasons="Recurrent learning about unseen men in the household and about "
                "bruising in babies who are not mobile.",
                panel_response="The Panel agrees with the decision to hold a local review and "
                "asks that it tell the Panel of its learning on bruising protocols.",
                panel_response_on=add_working_days(rapid, 10),
            ),
            summary="A five-month-old baby was admitted with a fractured skull and older rib "
            "fractures. The father had recently joined the household and was not known to "
            "the health visitor.",
            outcome=Decision.Outcome.LCSPR,
            decided_on=rapid,
            decision_reasons="The rapid review found recurrent learning about men in the "
            "household who are not seen, and about bruising in babies who are not mobile.",
            answers={
                "N1": (MET, "Serious harm, non-accidental injury suspected."),
                "C1": (MET, "The bruising protocol was not followed at a GP appointment."),
                "C2": (MET, "Unseen men in the household: the third local review to find it."),
                "C3": (MET, "The police knew of the father's history; health did not."),
                "C4": (UNCLEAR, "The Panel has not yet replied to the rapid review."),
            },
            title="Child D",
            methodology=Review.Methodology.LEARNING_TOGETHER,
            lead_reviewer="Helen Marchetti, independent lead reviewer",
            started_on=started,
            family="The mother has agreed to meet the lead reviewer; the father has not replied.",
            team=(
                ("chair", Member.PANEL_CHAIR),
                ("manager", Member.SUPPORT),
                ("auditor", Member.REVIEW_TEAM),
                ("police.board", Member.PANEL_MEMBER),
                ("icb.lead", Member.PANEL_MEMBER),
            ),
            contributions=(
                Contribution("police", Kind.CHRONOLOGY, started, started + datetime.timedelta(days=21), started + datetime.timedelta(days=19)),
                Contribution("community", Kind.CHRONOLOGY, started, started + datetime.timedelta(days=21), started + datetime.timedelta(days=24)),
                Contribution("gp", Kind.CHRONOLOGY, started, clock.days_ago(6)),
                Contribution("acute", Kind.AGENCY_REPORT, clock.days_ago(10), clock.days_ahead(18)),
            ),
            events=(
                (Event.PANEL_MEETING, started + datetime.timedelta(days=2), "Panel meeting: terms of reference", 9),
                (Event.PRACTITIONER_EVENT, clock.days_ago(8), "Practitioner learning event", 16),
            ),
            milestones=(
                ("Terms of reference agreed", started + datetime.timedelta(days=7), started + datetime.timedelta(days=2)),
                ("Meet the family", clock.weekday_on_or_after(clock.days_ahead(6)), None),
                ("Draft report to the panel", clock.weekday_on_or_after(clock.days_ahead(40)), None),
            ),
            documents=((Doc.RAPID_REVIEW, "Child D rapid review.pdf", rapid),),
        ),
        Case(
            key="referral",
            edition="wt2023",
            pseudonym="Child R",
            age_band=Review.AgeBand.AGE_5_9,
            agencies=("la", "police", "schools", "acute"),
            incident=referral_aware - datetime.timedelta(days=1),
            aware=referral_aware,
            notified=add_working_days(referral_aware, 2),
            rapid_review=RapidReviewText(
                facts="The boy has burns to his hands and arms; his account and his mother's "
                "differ. His school had recorded a smaller burn in the spring.",
                immediate_actions="The boy and his sister are staying with an aunt under a "
                "safety plan while the police investigate.",
                learning="Early help closed the case a month before; the school's earlier "
                "concern was not passed on.",
                national_review=RapidReview.NationalReview.NOT_SUITED,
                local_review=RapidReview.LocalReview.LCSPR,
                reasons="Still being discussed by the partners: a draft, not yet sent.",
            ),
            summary="A seven-year-old boy was found with burns that his school had seen "
            "signs of earlier. The family had been closed to early help a month before.",
        ),
    ]  # fmt: skip


def _working_days_before(day: D, n: int) -> D:
    """The latest working day with n working days after it up to and including `day`."""
    start = day
    while working_days_between(start, day) < n or not is_working_day(start):
        start -= datetime.timedelta(days=1)
    return start


def build_reviews(*, clock: Clock, directory: Directory) -> dict[str, Review]:
    """Build the six cases; return them by key for the learning built from them."""
    builder = _Builder(clock, directory)
    return {case.key: builder.build(case) for case in [*_past_cases(), *_current_cases(clock)]}


class _Builder:
    def __init__(self, clock: Clock, directory: Directory) -> None:
        self.clock = clock
        self.directory = directory
        self.manager = directory.manager
        self.chair = directory.users["chair"]

    def build(self, case: Case) -> Review:
        review = services.refer_case(
            edition=edition(case.edition),
            child_pseudonym=case.pseudonym,
            age_band=case.age_band,
            agencies=[self.directory.agencies[key] for key in case.agencies],
            incident_date=case.incident,
            aware_date=case.aware,
            summary=case.summary,
            referred_by=self.manager,
        )
        review.referred_at = self.clock.at(case.aware, 11)
        ReviewFactory.update_in_bulk([review], ["referred_at"])
        self._dated(review, case.aware)
        for member_key, role in case.team:
            member = review_services.team_member_add(
                review=review, user=self.directory.users[member_key], role=role
            )
            member.added_on = case.aware
            TeamMemberFactory.update_in_bulk([member], ["added_on"])
        if case.notified:
            services.record_notification_sent(review=review, sent_on=case.notified)
            self._dated(review, case.notified)
        if case.rapid_review:
            self._rapid_review(review, case, case.rapid_review)
        elif case.rapid_review_sent:
            services.record_rapid_review_sent(review=review, sent_on=case.rapid_review_sent)
            self._dated(review, case.rapid_review_sent)
        if case.outcome:
            self._decide(review, case)
        if case.started_on:
            self._run(review, case)
        review.refresh_from_db()
        return review

    def _rapid_review(self, review: Review, case: Case, text: RapidReviewText) -> None:
        record = services.rapid_review_record(
            review=review,
            facts=text.facts,
            immediate_actions=text.immediate_actions,
            learning=text.learning,
            national_review=text.national_review,
            local_review=text.local_review,
            local_review_reasons=text.reasons,
            sent_on=case.rapid_review_sent,
            panel_response=text.panel_response,
            panel_response_on=text.panel_response_on,
            recorded_by=self.manager,
        )
        written_on = case.rapid_review_sent or self.clock.today
        self._dated(record, written_on)
        if case.rapid_review_sent:
            self._dated(review, case.rapid_review_sent)

    def _partners(self, case: Case, decided_on: D) -> dict[str, dict]:
        """Each partner's agreement: the local authority first, the others by the day."""
        people = dict(zip(SafeguardingPartner, case.partners, strict=True))
        return {
            partner.value: {
                "person": self.directory.people[key],
                "agreed_on": decided_on,
                "agrees": True,
            }
            for partner, key in people.items()
        }

    def _decide(self, review: Review, case: Case) -> None:
        decided_on = case.decided_on
        assert decided_on is not None, "a case with an outcome has the day it was decided"
        criteria = list(review.edition.criteria.order_by("position"))
        answers = {}
        for criterion in criteria:
            answer, reason = case.answers.get(criterion.code, (NOT_MET, ""))
            answers[criterion.pk] = {"answer": answer, "reason": reason or DEFAULT_REASONS[answer]}
        who: dict = {"decided_by": self.directory.people[case.decided_by], "decided_on": decided_on}
        if decision_services.partners_decide(review.edition):
            who = {"partners": self._partners(case, decided_on)}
        decision = decision_services.decision_record(
            review=review,
            outcome=case.outcome,
            reasons=case.decision_reasons,
            answers=answers,
            recorded_by=self.manager,
            **who,
        )
        self._dated(review, decided_on)
        self._dated(decision, decided_on)
        if case.signed_off:
            decision_services.decision_sign_off(decision=decision, signed_off_by=self.chair)
            signed_at = self.clock.at(decided_on + datetime.timedelta(days=1), 9)
            decision.signed_off_at = signed_at
            DecisionFactory.update_in_bulk([decision], ["signed_off_at"])
            self._dated(
                decision,
                decided_on + datetime.timedelta(days=1),
                self.chair,
                signed_off_at=signed_at,
            )

    def _run(self, review: Review, case: Case) -> None:
        started_on = case.started_on
        assert started_on is not None, "only a case whose review started is run"
        review_services.review_set_up(
            review=review,
            title=case.title,
            methodology=case.methodology,
            lead_reviewer=case.lead_reviewer,
            started_on=started_on,
            family_involvement=case.family,
            due_on=case.due_on,
        )
        self._dated(review, started_on)
        for item in case.contributions:
            contribution = review_services.contribution_request(
                review=review,
                agency=self.directory.agencies[item.agency],
                kind=item.kind,
                requested_on=item.requested_on,
                due_on=item.due_on,
            )
            if item.received_on:
                review_services.contribution_received(
                    contribution=contribution, received_on=item.received_on
                )
        for kind, held_on, title, attendees in case.events:
            review_services.event_add(
                review=review, kind=kind, held_on=held_on, title=title, attendees=attendees
            )
        for title, due_on, completed_on in case.milestones:
            milestone = review_services.milestone_add(review=review, title=title, due_on=due_on)
            if completed_on:
                review_services.milestone_complete(milestone=milestone, completed_on=completed_on)
        for kind, name, uploaded_on in case.documents:
            self._upload(review, kind, name, uploaded_on)
        if case.panel_feedback:
            feedback, feedback_on = case.panel_feedback
            review_services.review_panel_feedback(
                review=review, panel_feedback=feedback, panel_feedback_on=feedback_on
            )
            self._dated(review, feedback_on)
        if case.published_on:
            review_services.review_publish(
                review=review,
                published_on=case.published_on,
                panel_notified_on=case.publication_notice,
                secretary_of_state_notified_on=case.publication_notice,
            )
            self._dated(review, case.published_on)
        if case.grade:
            assert case.published_on is not None, "a demo review is graded once published"
            review_services.review_grade(review=review, quality_grade=case.grade)
            self._dated(review, case.published_on + datetime.timedelta(days=60))

    def _upload(self, review: Review, kind: str, name: str, uploaded_on: D) -> None:
        report = SimpleUploadedFile(
            name, report_pdf(name.removesuffix(".pdf"), review), "application/pdf"
        )
        document = review_services.document_upload(
            review=review, kind=kind, file=report, uploaded_by=self.manager
        )
        document.uploaded_at = self.clock.at(uploaded_on, 15)
        ReviewDocumentFactory.update_in_bulk([document], ["uploaded_at"])
        if kind == Doc.FINAL_REPORT:
            self._dated(review, uploaded_on)

    def _dated(self, record, day: D, user=None, **fields) -> None:
        """Date the record's latest History entry to the day the change happened."""
        date_latest_entry(record, self.clock.at(day, 12), user or self.manager, **fields)


def report_pdf(title: str, review: Review) -> bytes:
    """A one-page PDF standing in for a report: its title and the review's reference."""
    lines = [title, f"{review.reference}, {review.edition.name}", "Synthetic demo document."]
    return minimal_pdf(lines)


def _pdf_string(text: str) -> str:
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def minimal_pdf(lines: list[str]) -> bytes:
    """A valid single-page PDF showing a few lines of Helvetica."""
    text = " ".join(f"{_pdf_string(line)} '" for line in lines)
    content = f"BT /F1 14 Tf 72 770 Td 20 TL {text} ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
    ]
    pdf = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(pdf)
    pdf += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    pdf += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    pdf += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return pdf
