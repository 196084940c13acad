"""The demo's challenge log: twenty challenges to agencies, in every state a challenge can be in."""

from __future__ import annotations

from dataclasses import dataclass

from .plan_texts import EXPLOITATION, NEGLECT, VOICE

# The state each challenge is in on the day the demo is built. Overdue and escalated are
# never stored: they follow from the due date, and from the escalations made.
AWAITING = "awaiting"  # no answer yet, not due within a week
DUE_SOON = "due_soon"  # no answer yet, due within a week
OVERDUE = "overdue"  # past its due date, not yet long enough to escalate
ESCALATED_TO_BOARD_MEMBER = "escalated_to_board_member"  # automatically, unanswered
ESCALATED_TO_CHAIR = "escalated_to_chair"  # automatically, still unanswered
RESPONDED = "responded"  # answered, waiting for the board's judgement
FURTHER_CHALLENGE = "further_challenge"  # the answer was not enough: a second round is due
ESCALATED_BY_BOARD = "escalated_by_board"  # the board judged the answer and escalated it
CLOSED = "closed"  # answer accepted, no evidence of impact recorded
CLOSED_WITH_IMPACT = "closed_with_impact"  # answer accepted, with evidence of what changed


@dataclass(frozen=True)
class ChallengeSpec:
    fate: str
    agency: str
    title: str
    issue: str
    evidence: str
    raised_by: str = "chair"  # the person key of the chair or the business manager
    priority: str = ""  # a priority key of the business plan
    responses: tuple[str, ...] = ()  # the agency's answers, one a round
    judgements: tuple[str, ...] = ()  # the board's reasons for its judgement of each answer
    outcome: str = ""
    impact: str = ""
    late: bool = False  # answered only after it escalated to the agency's board member


CHALLENGES = (
    ChallengeSpec(
        fate=AWAITING,
        agency="la",
        title="Children waiting for an assessment after a referral about neglect",
        issue="Explain why children referred for neglect wait longer for an assessment than "
        "children referred for other reasons, and what you will do about it.",
        evidence="The scorecard shows assessments for neglect completed in 38 working days "
        "on average against 29 for all assessments, for three quarters running.",
        priority=NEGLECT,
    ),
    ChallengeSpec(
        fate=AWAITING,
        agency="academies",
        title="Part-time timetables for children on child protection plans",
        issue="Tell the board how many children on child protection plans are on part-time "
        "timetables in the trust's schools, for how long, and who agreed each one.",
        evidence="Two review child protection conferences this year heard of children on "
        "plans attending school for mornings only for more than a term, unknown to their "
        "social workers.",
        raised_by="manager",
        priority=NEGLECT,
    ),
    ChallengeSpec(
        fate=AWAITING,
        agency="harbour",
        title="Children's workers at high-risk domestic abuse conferences",
        issue="Set out how the service will make sure a children's worker speaks for the "
        "children at every high-risk domestic abuse conference.",
        evidence="Minutes of the last six conferences: a children's worker attended two.",
        raised_by="manager",
        priority=VOICE,
    ),
    ChallengeSpec(
        fate=DUE_SOON,
        agency="police",
        title="Domestic abuse notifications reaching schools at weekends",
        issue="Explain why notifications of incidents on Friday and Saturday nights reach "
        "schools after the Monday, and when weekend notifications will be automated.",
        evidence="Dip sample of 40 notifications: 36 of 37 weekday notifications reached "
        "schools in time, none of the weekend ones did.",
        priority=VOICE,
    ),
    ChallengeSpec(
        fate=DUE_SOON,
        agency="gp",
        title="GP reports to initial child protection conferences",
        issue="Tell the board how practices will make sure a report reaches every initial "
        "child protection conference.",
        evidence="Conference chairs received a GP report for 9 of the last 25 initial conferences.",
        raised_by="manager",
    ),
    ChallengeSpec(
        fate=OVERDUE,
        agency="acute",
        title="Follow-up of children who were not brought to appointments",
        issue="Explain how the trust follows up children who miss outpatient appointments, "
        "and how it tells the child's GP and health visitor.",
        evidence="The health visiting team's own check of six families open to them: in 4 "
        "cases a child had not been brought to three or more hospital appointments with no "
        "follow-up recorded.",
        priority=NEGLECT,
    ),
    ChallengeSpec(
        fate=OVERDUE,
        agency="yjs",
        title="Exploitation screening at first contact",
        issue="Show the board that every young person is screened for exploitation at their "
        "first contact with the service, and what happens when the screening is positive.",
        evidence="The exploitation subgroup's audit found no screening recorded for 5 of 14 "
        "young people.",
        raised_by="manager",
        priority=EXPLOITATION,
    ),
    ChallengeSpec(
        fate=ESCALATED_TO_BOARD_MEMBER,
        agency="probation",
        title="Checks with children's services at the start of supervision",
        issue="Explain why the service does not check children's services records when it "
        "starts supervising someone who lives with children.",
        evidence="Two recent rapid reviews found that probation did not know the people it "
        "supervised lived with children on child protection plans.",
    ),
    ChallengeSpec(
        fate=ESCALATED_TO_BOARD_MEMBER,
        agency="community",
        title="Waiting times for mental health assessments of children on plans",
        issue="Tell the board how long children on child protection plans wait for a mental "
        "health assessment, and what the trust is doing to shorten the wait.",
        evidence="Social workers report waits of up to 20 weeks; the trust's own figures "
        "have not been shared with the board.",
        raised_by="manager",
        priority=VOICE,
    ),
    ChallengeSpec(
        fate=ESCALATED_TO_CHAIR,
        agency="schools",
        title="Exclusion data for the exploitation subgroup",
        issue="Explain why schools have not shared data on suspensions and exclusions with "
        "the exploitation subgroup, as the board agreed.",
        evidence="Decision of the board six months ago; no data has been received.",
        raised_by="manager",
        priority=EXPLOITATION,
    ),
    ChallengeSpec(
        fate=RESPONDED,
        agency="icb",
        title="Cover for the designated doctor",
        issue="Tell the board how the ICB will cover the designated doctor's duties while "
        "the post is vacant.",
        evidence="The post has been vacant for five months; no cover has been reported.",
        responses=(
            "A named doctor from Brackford Hospitals covers two sessions a week until the "
            "new designated doctor starts in the spring; the designated nurse covers "
            "strategic work. A note of the arrangement is attached.",
        ),
    ),
    ChallengeSpec(
        fate=RESPONDED,
        agency="la",
        title="Return-home conversations for children missing from care",
        issue="Explain why fewer than half the children in care who go missing are offered "
        "a return-home conversation within 72 hours.",
        evidence="Scorecard, last quarter: 46% offered within 72 hours, against 68% for all "
        "children.",
        priority=EXPLOITATION,
        responses=(
            "Children's homes out of the county were not told to notify us. We have written "
            "to every provider, added the duty to placement contracts and moved the "
            "conversations to the commissioned advocacy service from next month.",
        ),
    ),
    ChallengeSpec(
        fate=FURTHER_CHALLENGE,
        agency="police",
        title="Use of police protection powers out of hours",
        issue="Explain why police protection is used out of hours more than twice as often "
        "as in our statistical neighbours, and whether other options were considered.",
        evidence="Twelve months of police protection figures against three neighbouring "
        "forces; a sample of six cases reviewed by the case review subgroup.",
        responses=(
            "Most uses follow domestic abuse incidents at night when the out-of-hours team "
            "could not attend. Officers act to keep the child safe.",
        ),
        judgements=(
            "The answer explains the circumstances but not whether other options were tried. "
            "Please audit the six cases against the guidance and say what will change.",
        ),
    ),
    ChallengeSpec(
        fate=FURTHER_CHALLENGE,
        agency="cvs",
        title="Safer recruitment checks in small voluntary groups",
        issue="Show how small voluntary groups that work with children are supported to "
        "carry out safer recruitment and criminal record checks.",
        evidence="A concern this year about a volunteer at a holiday club, who had not been "
        "checked.",
        raised_by="manager",
        responses=("We published a safer recruitment checklist and ran two workshops.",),
        judgements=(
            "Please tell the board how many groups have used the checklist and how you know "
            "checks are now made.",
        ),
    ),
    ChallengeSpec(
        fate=ESCALATED_BY_BOARD,
        agency="acute",
        title="Referrals from the emergency department after self-harm",
        issue="Explain why fewer young people attending after self-harm were referred on "
        "this winter, and what the trust will do about night cover.",
        evidence="Trust audit: referrals fell from 82% to 70% of attendances.",
        priority=VOICE,
        responses=(
            "Attendances rose by a third this winter. A business case for night cover will "
            "go to the trust's executive later in the year.",
        ),
        judgements=(
            "The answer gives no date and no interim measure while young people are sent home "
            "without a referral. Escalated to the trust's board member.",
        ),
    ),
    ChallengeSpec(
        fate=CLOSED,
        agency="lanterns",
        title="Membership of the young people's reference group",
        issue="Tell the board how the reference group will include young people with "
        "experience of exploitation and of care.",
        evidence="The group has eight members, all from two secondary schools.",
        raised_by="manager",
        priority=VOICE,
        responses=(
            "We are working with the youth justice service and the children in care council "
            "to invite four more young people, with support to take part.",
        ),
        judgements=("A clear plan with named partners.",),
        outcome="Accepted. The business manager will ask who joined at the next review of "
        "the group.",
    ),
    ChallengeSpec(
        fate=CLOSED,
        agency="probation",
        title="Attendance at board meetings",
        issue="Explain why the service was represented at fewer than half of the board's "
        "meetings this year, and how it will take part from now on.",
        evidence="The board's attendance report.",
        responses=(
            "The head of the delivery unit covered two posts for six months. A deputy is now "
            "named for every meeting.",
        ),
        judgements=("Accepted; attendance will be checked in the annual report.",),
        outcome="Accepted: a named deputy for every meeting.",
    ),
    ChallengeSpec(
        fate=CLOSED_WITH_IMPACT,
        agency="police",
        title="Children present at domestic abuse incidents",
        issue="Explain why children present at domestic abuse incidents were not always "
        "recorded, so that no notification was sent.",
        evidence="Case review subgroup: in two reviews, children present were not named in "
        "the police record.",
        priority=VOICE,
        responses=(
            "Recording children present is now a mandatory field; supervisors check it "
            "before a record is closed; all response officers were briefed.",
        ),
        judgements=("Accepted, with the audit results as evidence.",),
        outcome="Accepted. The force changed its recording system and its supervision.",
        impact="Re-audit of 50 incidents: children present recorded in 48, up from 31 at "
        "the first audit; notifications sent for all 48.",
    ),
    ChallengeSpec(
        fate=CLOSED_WITH_IMPACT,
        agency="la",
        title="Children on child protection plans for two years or more",
        issue="Explain why more children are on plans for two years or more than in "
        "comparable areas, and what is being done for each of them.",
        evidence="Scorecard (the census): about one plan in seven that ended had lasted two "
        "years or more, three times England's 4.4%.",
        priority=NEGLECT,
        responses=(
            "Most are children on plans for neglect. Team managers review every plan at "
            "nine months.",
            "A senior manager now reviews every plan open at fifteen months with the "
            "conference chair, and the case for legal planning is recorded for each child.",
        ),
        judgements=(
            "The answer describes the process but not what changed for the children. Please "
            "report on the children concerned.",
            "Accepted: each child's plan has been reviewed and the reasons are recorded.",
        ),
        outcome="Accepted after a second round: senior oversight of every long plan.",
        impact="Plans lasting two years or more fell this year, now that a senior manager "
        "reviews every long plan.",
    ),
    ChallengeSpec(
        fate=CLOSED_WITH_IMPACT,
        agency="gp",
        title="Recording child protection plans in GP records",
        issue="Explain how practices record that a child is on a child protection plan, and "
        "how other members of the household are flagged.",
        evidence="An audit of 50 children on plans found the plan coded in 29 GP records.",
        raised_by="manager",
        late=True,
        responses=(
            "Every practice now receives the list of children on plans each month and codes "
            "the child and the household; the practice safeguarding leads check the list.",
        ),
        judgements=("Accepted, with the re-audit as evidence.",),
        outcome="Accepted after escalation: a monthly list and coding check in every practice.",
        impact="Re-audit: the plan coded in 48 of 50 GP records.",
    ),
)
