"""The demo's five multi-agency case audit tools, their questions and guidance, and the words
its auditors, moderation meetings and findings use. All invented."""

from __future__ import annotations

from dataclasses import dataclass

from safeboard.partnership.models import Agency

T = Agency.Type
HEALTH = (T.HEALTH_ICB, T.HEALTH_TRUST, T.HEALTH_GP)
YNP, GRADE, TEXT = "yes_no_partly", "grade", "text"


@dataclass(frozen=True)
class QuestionSpec:
    text: str
    guidance: str = ""
    kind: str = YNP
    required: bool = True


@dataclass(frozen=True)
class SectionSpec:
    title: str
    answered_by: tuple[str, ...]  # agency types; empty for every agency involved
    guidance: str
    questions: tuple[QuestionSpec, ...]


@dataclass(frozen=True)
class ToolSpec:
    key: str
    name: str
    purpose: str
    sections: tuple[SectionSpec, ...]


SECTION_47 = ToolSpec(
    "s47",
    "Section 47 decision-making",
    "Whether the decision to start, or not to start, a Section 47 enquiry was timely, rested on "
    "what every agency knew, and was recorded with its reasons. The standard is the partnership's "
    "child protection procedures and Working Together to Safeguard Children.",
    (
        SectionSpec(
            "The decision",
            (T.LOCAL_AUTHORITY,),
            "Read the contact, the referral, the strategy discussion and the manager's decision.",
            (
                QuestionSpec(
                    "Was the decision to start a Section 47 enquiry made within the timescale the "
                    "procedures set?",
                    "Compare the date the concern was received with the date of the strategy "
                    "discussion that decided on the enquiry.",
                ),
                QuestionSpec(
                    "Does the record give the reasons for the decision, and the harm it feared?",
                    "Yes only if a reader who does not know the family could follow the reasoning.",
                ),
                QuestionSpec(
                    "How good was the analysis of risk behind the decision?",
                    "Outstanding: history, strengths and every agency's information weighed. "
                    "Inadequate: the decision rests on the presenting incident alone.",
                    GRADE,
                ),
            ),
        ),
        SectionSpec(
            "What your agency shared",
            (T.POLICE, *HEALTH, T.EDUCATION),
            "Read your agency's own record for the fortnight before and after the decision.",
            (
                QuestionSpec(
                    "Did your agency share what it knew about the child and family before the "
                    "decision was made?",
                    "Include previous incidents, attendance, missed appointments and worries "
                    "recorded but not referred.",
                ),
                QuestionSpec(
                    "Is the information your agency shared recorded in your own record, with "
                    "who it went to and when?",
                ),
            ),
        ),
        SectionSpec(
            "The child",
            (),
            "",
            (
                QuestionSpec(
                    "Was the child seen during the enquiry, and seen alone where their age and "
                    "understanding allowed?",
                ),
                QuestionSpec(
                    "What did your agency's record show of the child's daily life at the time?",
                    kind=TEXT,
                ),
            ),
        ),
    ),
)

STRATEGY = ToolSpec(
    "strategy",
    "Strategy meetings",
    "Whether strategy meetings and discussions bring the right agencies together, share what "
    "they know, and plan the enquiry: who does what, when, and how the child will be seen.",
    (
        SectionSpec(
            "Invitation and attendance",
            (),
            "Read the invitation, the attendance list and your agency's own record of the meeting.",
            (
                QuestionSpec("Was your agency invited to the strategy meeting or discussion?"),
                QuestionSpec(
                    "Did your agency attend, or send what it knew if no one could attend?",
                    "Partly: the information arrived after the meeting.",
                ),
            ),
        ),
        SectionSpec(
            "The plan",
            (T.LOCAL_AUTHORITY, T.POLICE),
            "Read the record of the strategy meeting, as written by its chair.",
            (
                QuestionSpec(
                    "Does the record state the planned investigation: single or joint, who "
                    "leads, and what each agency will do?",
                    "Yes only if all three are there. A list of attendees and a decision to "
                    "proceed is not a plan.",
                ),
                QuestionSpec(
                    "Does the record say how and when the child will be seen and spoken to?",
                ),
                QuestionSpec(
                    "Was a decision about a joint investigation with the police recorded, "
                    "with the reasons?",
                ),
                QuestionSpec(
                    "How well did the meeting weigh the risks to the child?",
                    "Grade the analysis, not the outcome: was the history considered, and did "
                    "each agency's information change the picture?",
                    GRADE,
                ),
            ),
        ),
    ),
)

# Added to the plan in the tool's second version, after the first audit found siblings missed.
STRATEGY_V2_QUESTION = QuestionSpec(
    "Were other children in the household, and children the adults care for, considered?",
    "Yes if the record names them and says what, if anything, is planned for each.",
)

CONFERENCES = ToolSpec(
    "icpc",
    "Initial child protection conferences",
    "Whether initial child protection conferences are timely, hear from every agency and the "
    "family, and reach a decision the record explains.",
    (
        SectionSpec(
            "The conference",
            (T.LOCAL_AUTHORITY,),
            "Read the conference record, the social work report and the chair's notes.",
            (
                QuestionSpec(
                    "Was the conference held within 15 working days of the strategy discussion "
                    "that started the Section 47 enquiry?",
                ),
                QuestionSpec(
                    "Were the parents helped to take part, with an interpreter or advocate "
                    "where they needed one?",
                ),
                QuestionSpec(
                    "Is the decision, and the category of any plan, recorded with the reasons?",
                ),
                QuestionSpec(
                    "How good was the conference's analysis of harm, risk and strengths?",
                    kind=GRADE,
                ),
            ),
        ),
        SectionSpec(
            "Your agency's contribution",
            (),
            "",
            (
                QuestionSpec(
                    "Did your agency attend the conference, or send a written report if it "
                    "could not?",
                ),
                QuestionSpec(
                    "Was your agency's report shared with the parents before the conference?",
                    "Partly: shared on the day.",
                ),
            ),
        ),
    ),
)

PLANS = ToolSpec(
    "plans",
    "Quality of the child protection plan",
    "Whether child protection plans say clearly what must change for the child to be safe, and "
    "what each agency must do, by when, and whether the agencies are doing it.",
    (
        SectionSpec(
            "The plan",
            (T.LOCAL_AUTHORITY,),
            "Read the plan as it stood at the first core group, and the latest review.",
            (
                QuestionSpec(
                    "Is it clear what each agency must do to make the child safe?",
                    "Yes only if every action names the agency, the person and the date.",
                ),
                QuestionSpec(
                    "Does the plan say what must change for the child to be safe, in words the "
                    "family can understand?",
                ),
                QuestionSpec(
                    "Does the plan say what will happen if things do not change?",
                ),
                QuestionSpec("How good is the plan overall?", kind=GRADE),
            ),
        ),
        SectionSpec(
            "Your agency's part",
            (),
            "Read your agency's record since the plan was made.",
            (
                QuestionSpec(
                    "Does your agency know its actions under the plan, and has it done them on "
                    "time?",
                ),
                QuestionSpec(
                    "Has your agency attended the core groups, or told the lead social worker "
                    "why not?",
                ),
                QuestionSpec(
                    "What difference has your agency's work made to the child's safety?",
                    "The evidence, not the activity: what is different for the child now.",
                    TEXT,
                ),
            ),
        ),
    ),
)

VOICE = ToolSpec(
    "voice",
    "The child's voice",
    "Whether each agency's record shows what the child said, did and felt, and whether that "
    "changed what the agency did.",
    (
        SectionSpec(
            "The child in your agency's record",
            (),
            "Read the last six months of your agency's record.",
            (
                QuestionSpec(
                    "Does the record show what the child said in their own words, or showed "
                    "through their behaviour if they could not say?",
                ),
                QuestionSpec(
                    "Was the child seen alone where their age and understanding allowed?",
                ),
                QuestionSpec(
                    "Did what the child said or showed change what your agency did?",
                ),
                QuestionSpec(
                    "How well does the record capture the child's daily lived experience?",
                    kind=GRADE,
                ),
                QuestionSpec(
                    "What would the child say about the help they got?",
                    kind=TEXT,
                    required=False,
                ),
            ),
        ),
    ),
)

TOOLS = (SECTION_47, STRATEGY, CONFERENCES, PLANS, VOICE)

LIVED_EXPERIENCE = (
    "Often late to school and hungry; said home was 'shouty' at night.",
    "Quiet in clinic; the health visitor noted the baby rarely made eye contact.",
    "Cared for a younger sibling most evenings while mother worked.",
    "Told the teacher they did not want to go home at weekends.",
    "Missed three health appointments; no one asked the child why.",
    "Spent nights at a friend's flat; said they felt safer there.",
)
DIFFERENCE_MADE = (
    "School now sees the child daily at breakfast club; attendance up from 71% to 94%.",
    "The health visitor's weekly visits picked up weight loss early; the baby is now gaining.",
    "Police checks on the household found no new incidents since the plan began.",
    "No difference we can evidence yet: actions are done but nothing is recorded from the child.",
)
CHILD_WOULD_SAY = (
    "That someone finally listened when they said they were scared.",
    "That too many people asked the same questions.",
)
EVIDENCE_COMMENTS = (
    "Recorded in the strategy note, page 2.",
    "Not in the record; the auditor found it only in an email.",
    "The record says 'discussed' without saying what was decided.",
    "Named the lead officer and the date for the joint visit.",
)
AGENCY_VIEWS = (
    "Timely and joined-up work; the record shows clear reasons for each decision.",
    "Sound decisions, but the record does not say who will do what.",
    "Our information arrived late and was not used in the decision.",
    "The child was seen and heard; the plan reflects what they said.",
    "Drift between the strategy meeting and the visit; no one chased it.",
)
# Why agencies' grades differed at moderation, and how the panel settled it.
DISAGREEMENT_REASONS = (
    "Health saw no plan for the siblings, which the others had not looked for.",
    "The school had not been told of the enquiry, so could not act on it.",
    "Health's information reached the meeting late and was not used in the decision.",
    "The police record was fuller than Children's Services' own note of the meeting.",
)
RESOLUTIONS = (
    "The panel read the chronology together and weighed each agency's record.",
    "The decision was right on what was known; the gap is carried into the findings.",
    "The panel agreed the grade the evidence of the shared record supports.",
)
CASE_CONTEXT = (
    "Referred by school after a disclosure of physical chastisement.",
    "Domestic abuse incident with a baby in the household.",
    "Repeat referral for neglect; third in twelve months.",
    "Missing episodes and concerns about exploitation.",
    "Injury to a non-mobile baby seen in the emergency department.",
    "Parental substance misuse; younger siblings at home.",
    "Disclosure to a youth worker about an adult in the home.",
    "Concerns from the GP about a mother's mental health and the baby's care.",
)
