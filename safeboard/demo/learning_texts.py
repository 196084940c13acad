"""What the demo's training offer says: roles, courses, venues, and what practitioners wrote."""

from __future__ import annotations

from dataclasses import dataclass

from .names import COUNTY
from .plan_texts import EXPLOITATION, NEGLECT, VOICE

# The frontline roles training is planned for, in the order the matrix shows them.
SW, FSW, POL, HV, SN, MW = "sw", "fsw", "pol", "hv", "sn", "mw"
HOSP, GP, TEACH, DSL, PYJ, MH = "hosp", "gp", "teach", "dsl", "pyj", "mh"
JOB_ROLES = {
    SW: "Social worker",
    FSW: "Family support worker",
    POL: "Police officer",
    HV: "Health visitor",
    SN: "School nurse",
    MW: "Midwife",
    HOSP: "Hospital nurse or doctor",
    GP: "GP or practice nurse",
    TEACH: "Teacher",
    DSL: "Designated safeguarding lead",
    PYJ: "Probation or youth justice officer",
    MH: "Mental health practitioner",
}
EVERY_ROLE = tuple(JOB_ROLES)

# Each agency's email domain, and the share of the partnership's practitioners who work there
# with the roles they hold (weights).
AGENCY_WORKFORCE = {
    "la": ("brackenshire.gov.test", 0.22, {SW: 6, FSW: 4}),
    "police": ("brackenshire.police.test", 0.16, {POL: 1}),
    "icb": ("brackenshire.icb.nhs.test", 0.01, {DSL: 1}),
    "acute": ("brackfordhospitals.nhs.test", 0.12, {MW: 4, HOSP: 6}),
    "community": ("brackenshire-cmh.nhs.test", 0.12, {HV: 9, SN: 5, MH: 6}),
    "gp": ("holthamvale-pcn.nhs.test", 0.06, {GP: 1}),
    "schools": ("brackenshire-heads.sch.test", 0.12, {TEACH: 17, DSL: 3}),
    "academies": ("northgate-trust.sch.test", 0.07, {TEACH: 17, DSL: 3}),
    "college": ("brackford-college.ac.test", 0.03, {TEACH: 4, DSL: 1}),
    "probation": ("brackenshire.probation.justice.test", 0.03, {PYJ: 1}),
    "yjs": ("yjs.brackenshire.gov.test", 0.02, {PYJ: 1}),
    "cvs": ("brackenshire-cvs.org.test", 0.01, {DSL: 1}),
    "lanterns": ("lanterns-charity.org.test", 0.02, {FSW: 4, DSL: 1}),
    "harbour": ("safeharbour-da.org.test", 0.01, {FSW: 1}),
}

VENUES = (
    "Brackford Civic Centre, Training Room 1",
    "Holtham Community Hall",
    "Northgate Police Learning Centre",
    "Brackenshire House, Room 2.14",
    "Brackford College, Conference Suite",
)

EXTERNAL_TRAINERS = (
    "Brackenshire Multi-Agency Trainers' Pool",
    "Licensed Graded Care Profile 2 trainer",
    "Safe Harbour Domestic Abuse Service trainers",
    "Designated Nurse and Named Doctor, ICB",
)


@dataclass(frozen=True)
class CourseSpec:
    key: str
    title: str
    summary: str
    level: str  # Course.Level value
    outcomes: tuple[str, str, str]
    roles: tuple[str, ...]  # the roles it is meant for
    needed_by: tuple[str, ...]  # the roles the needs matrix says need it
    themes: tuple[str, ...]  # theme slugs
    priorities: tuple[str, ...] = ()
    refresher_months: int | None = None
    multi_agency: bool = True
    fee: str = "0.00"
    no_show: str = "40.00"
    weight: int = 2  # how often it runs, relative to the others


COURSES = (
    CourseSpec(
        "basic",
        "Safeguarding children: basic awareness",
        "What abuse and neglect look like, what to do when you are worried about a child, "
        "and who to tell. For everyone who works with children or their parents.",
        "basic",
        (
            "Recognise the main signs of abuse and neglect",
            "Know how to report a concern the same day, and to whom",
            "Explain why one agency's worry is often part of a bigger picture",
        ),
        EVERY_ROLE,
        EVERY_ROLE,
        ("information-sharing", "thresholds"),
        refresher_months=36,
        no_show="0.00",
        weight=12,
    ),
    CourseSpec(
        "core",
        "Working together: multi-agency safeguarding core",
        "How the agencies of the partnership work together from the first concern to a child "
        "protection plan: referrals, strategy discussions, enquiries and conferences.",
        "core",
        (
            "Describe each agency's part from referral to child protection plan",
            "Share information lawfully and in good time",
            "Take part in a strategy discussion with confidence",
        ),
        EVERY_ROLE,
        tuple(role for role in EVERY_ROLE if role != TEACH),
        ("information-sharing", "thresholds", "escalation"),
        refresher_months=36,
        weight=12,
    ),
    CourseSpec(
        "neglect",
        "Recognising and responding to neglect: the Graded Care Profile 2",
        "Using the Graded Care Profile 2 to see neglect as it builds up over time, talk about "
        "it with parents and agree what must change in the child's daily life.",
        "core",
        (
            "Use the Graded Care Profile 2 with a family",
            "Recognise cumulative harm behind single episodes",
            "Write a plan that says what must change, and by when",
        ),
        (SW, FSW, HV, SN, TEACH, DSL),
        (FSW, HV),
        ("neglect", "professional-curiosity"),
        priorities=(NEGLECT,),
        refresher_months=36,
        weight=4,
    ),
    CourseSpec(
        "exploitation",
        "Child criminal and sexual exploitation: spotting the signs",
        "How children are groomed and exploited by gangs and adults, including through county "
        "lines and online, and what to do when you notice the signs.",
        "core",
        (
            "Recognise the signs of criminal and sexual exploitation",
            "Use the exploitation screening tool and refer to the panel",
            "Treat an exploited child as a victim, not an offender",
        ),
        (SW, POL, TEACH, DSL, PYJ, SN, HOSP),
        (POL, PYJ),
        ("child-exploitation",),
        priorities=(EXPLOITATION,),
        refresher_months=24,
        weight=4,
    ),
    CourseSpec(
        "contextual",
        "Contextual safeguarding: harm outside the home",
        "Assessing and reducing the risk to young people in the places where they spend their "
        "time: parks, takeaways, transport hubs and online spaces.",
        "specialist",
        (
            "Map the places and peer groups where a young person is at risk",
            "Plan with the agencies responsible for those places",
            "Record contextual risk in the child's plan",
        ),
        (SW, POL, PYJ, DSL),
        (),
        ("child-exploitation", "information-sharing"),
        priorities=(EXPLOITATION,),
    ),
    CourseSpec(
        "voice",
        "Hearing the child: the voice of the child in assessments",
        "Finding out what daily life is like for a child, including babies and children who do "
        "not speak, and making sure it shapes the plan.",
        "core",
        (
            "Use direct work tools to hear from children of every age",
            "Record the child's words and experience, not only the adults' views",
            "Show how the child's views changed the plan",
        ),
        (SW, HV, SN, TEACH, DSL, MH, FSW),
        (SW,),
        ("voice-of-the-child", "recording"),
        priorities=(VOICE,),
    ),
    CourseSpec(
        "domestic-abuse",
        "Domestic abuse and its impact on children",
        "What domestic abuse does to children who live with it, asking about it safely, and "
        "the local pathway from MARAC to specialist support.",
        "core",
        (
            "Describe the impact of domestic abuse on children at each age",
            "Ask about domestic abuse safely and routinely",
            "Refer to MARAC and specialist services",
        ),
        EVERY_ROLE,
        (GP,),
        ("domestic-abuse",),
        refresher_months=36,
        weight=3,
    ),
    CourseSpec(
        "curiosity",
        "Professional curiosity and respectful uncertainty",
        "Why practitioners accept what they are told, and how to ask the next question, check "
        "the story and see the child, drawing on local reviews.",
        "core",
        (
            "Explain why professional curiosity fails in busy practice",
            "Check accounts against what others know",
            "Ask about every adult in the household",
        ),
        EVERY_ROLE,
        (),
        ("professional-curiosity", "fathers-and-unseen-men"),
        priorities=(NEGLECT,),
        weight=3,
    ),
    CourseSpec(
        "safe-sleep",
        "Safer sleeping and coping with crying babies",
        "Giving consistent safer sleeping advice at every contact, and the ICON message for "
        "parents of crying babies: babies cry, you can cope.",
        "basic",
        (
            "Give safer sleeping advice that parents remember",
            "Ask where the baby sleeps, and see it",
            "Explain the ICON message to both parents",
        ),
        (HV, MW, HOSP, GP, FSW, SW),
        (MW,),
        ("safe-sleeping",),
        refresher_months=24,
        no_show="0.00",
    ),
    CourseSpec(
        "parents",
        "Parents' mental health and substance use: what it means for children",
        "How a parent's mental ill health or drug and alcohol use affects their care of a child, "
        "and working with adult services so that the child stays in view.",
        "core",
        (
            "Recognise when a parent's difficulties harm their care of a child",
            "Work with adult mental health and substance use services",
            "Keep the child at the centre of an adult-focused plan",
        ),
        (SW, HV, MH, GP, PYJ, FSW),
        (MH,),
        ("parental-mental-health", "substance-misuse"),
    ),
    CourseSpec(
        "fathers",
        "Seeing the unseen men: working with fathers and male carers",
        "Finding out who the men in a child's life are, bringing them into assessments and "
        "plans, and recognising the risk and the protection they bring.",
        "specialist",
        (
            "Identify every man involved in a child's care",
            "Include fathers and male carers in assessments",
            "Assess the risk and the protection a man brings",
        ),
        (SW, HV, MW, FSW, PYJ),
        (),
        ("fathers-and-unseen-men",),
        priorities=(NEGLECT,),
    ),
    CourseSpec(
        "escalation",
        "Escalation and resolving professional disagreements",
        "Using the partnership's escalation policy when you disagree with another agency's "
        "decision, so that disagreement leads to action for the child.",
        "core",
        (
            "Know the stages of the escalation policy",
            "Challenge another agency's decision respectfully",
            "Record the disagreement and what it led to",
        ),
        EVERY_ROLE,
        (),
        ("escalation", "thresholds"),
    ),
    CourseSpec(
        "thresholds",
        "Understanding thresholds and the continuum of need",
        f"The {COUNTY} continuum of need: early help, children in need and child protection, "
        "and how to decide which fits a family.",
        "basic",
        (
            "Use the continuum of need to decide on the right response",
            "Make a referral the front door can act on",
            "Offer early help before problems escalate",
        ),
        EVERY_ROLE,
        (TEACH, GP, HOSP),
        ("thresholds",),
        refresher_months=36,
        no_show="0.00",
        weight=3,
    ),
    CourseSpec(
        "disabled",
        "Safeguarding disabled children",
        "Why disabled children are more likely to be abused and less likely to be protected, "
        "and how to communicate with children who use other means than speech.",
        "specialist",
        (
            "Explain why abuse of disabled children goes unnoticed",
            "Communicate with children who do not use speech",
            "See past the disability to the harm",
        ),
        (SW, SN, TEACH, DSL, HOSP),
        (),
        ("disabled-children", "voice-of-the-child"),
        priorities=(VOICE,),
        weight=1,
    ),
    CourseSpec(
        "supervision",
        "Reflective supervision for safeguarding practice",
        "Supervising safeguarding work so that it challenges drift and optimism and supports "
        "the practitioner, for supervisors in every agency.",
        "leadership",
        (
            "Use a reflective model of supervision",
            "Spot drift and over-optimism in a case",
            "Record supervision decisions clearly",
        ),
        (SW, HV, DSL, MH, PYJ),
        (),
        ("supervision",),
        weight=1,
    ),
    CourseSpec(
        "reviews",
        "Learning from local child safeguarding practice reviews",
        "The findings of the partnership's recent reviews, what they mean for each agency's "
        "practice, and what has changed since.",
        "core",
        (
            "Describe the findings of recent local reviews",
            "Say what the findings mean for your own practice",
            "Know what the partnership has changed in response",
        ),
        EVERY_ROLE,
        (),
        ("information-sharing", "professional-curiosity", "recording"),
        priorities=(NEGLECT, VOICE),
        weight=3,
    ),
    CourseSpec(
        "conferences",
        "Contributing to child protection conferences",
        "Writing reports for conferences and core groups, sharing them with families, and "
        "speaking up for the child at the meeting.",
        "specialist",
        (
            "Write a conference report that families can understand",
            "Contribute analysis, not only information",
            "Agree a plan with clear outcomes for the child",
        ),
        (SW, POL, HV, SN, TEACH, DSL, GP),
        (),
        ("information-sharing", "recording"),
    ),
    CourseSpec(
        "dsl",
        "Designated safeguarding lead: new to role",
        "Everything a new designated safeguarding lead needs: the role and its duties, "
        "records, referrals, and support for staff.",
        "specialist",
        (
            "Carry out the duties of a designated safeguarding lead",
            "Keep safeguarding records that stand up to scrutiny",
            "Support and supervise staff who raise concerns",
        ),
        (DSL,),
        (DSL,),
        ("thresholds", "recording", "escalation"),
        refresher_months=24,
        fee="45.00",
    ),
    CourseSpec(
        "leadership",
        "Strategic leadership of multi-agency safeguarding",
        "For senior managers: the statutory framework, holding partners to account, and using "
        "data and reviews to improve practice.",
        "leadership",
        (
            "Explain the safeguarding partners' statutory duties",
            "Use the partnership's scorecard and reviews to lead improvement",
            "Challenge partner agencies constructively",
        ),
        (SW, POL, DSL),
        (),
        ("supervision", "escalation"),
        fee="120.00",
        no_show="120.00",
        weight=1,
    ),
    CourseSpec(
        "recording",
        "Recording that helps children: chronologies and case notes",
        "Writing records that show what was decided, why and who will do what, and building "
        "a chronology that reveals patterns over time.",
        "basic",
        (
            "Write case notes that show analysis and decisions",
            "Build a chronology that reveals patterns",
            "Write so that the child could read it later",
        ),
        (SW, FSW),
        (),
        ("recording", "voice-of-the-child"),
        multi_agency=False,
        no_show="0.00",
    ),
)

# The courses run together at the partnership's learning-from-reviews conferences.
CONFERENCE_COURSES = ("reviews", "curiosity", "voice", "escalation")
CONFERENCE_TITLE = "Learning from reviews conference"
CONFERENCE_DESCRIPTION = (
    "A day of workshops on the lessons of the partnership's recent reviews, for practitioners "
    "and managers of every agency."
)

EVALUATION_COMMENTS = (
    "Very practical. The case studies from our own reviews made it real.",
    "Good to hear how the police and health see the same family.",
    "I would have liked more time on the screening tool.",
    "The trainer knew the local services well.",
    "Too much content for one morning.",
    "The online format worked well, but the breakout rooms were short.",
    "Useful reminder of who to contact and when.",
    "I will share the chronology template with my team.",
    "",
    "",
    "",
)

WHAT_CHANGED = (
    "I now ask to see where the baby sleeps at every visit, not only the first.",
    "I ask about every adult in the household, including the ones who are not there.",
    "I have used the escalation policy twice since the course.",
    "Our team uses the Graded Care Profile 2 in every neglect case now.",
    "I write the child's own words in my records.",
    "I refer to the exploitation panel sooner, and with better information.",
    "I share information with the school nurse before the core group, not at it.",
    "I check what I am told against what other agencies know.",
    "Not much yet: my caseload has not had a case like this.",
)
