"""What the demo's meetings discuss and decide, group by group."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    title: str
    presenter: str  # a person key of people.PEOPLE
    summary: str


@dataclass(frozen=True)
class DecisionSpec:
    text: str  # may name "{agency}", the owner of the action that follows
    action_title: str = ""  # an action follows when set
    owner: str = ""  # the owning agency's key


OPENING = "Welcome, apologies and declarations of interest"
LAST_MINUTES = "Minutes of the last meeting and the action log"
CLOSING = "Any other business"

TOPICS: dict[str, tuple[Topic, ...]] = {
    "board": (
        Topic("Independent scrutineer's report", "chair", "What the chair has seen and heard since the last meeting, and the questions it raises for partners."),
        Topic("Performance and quality assurance report", "la.lead", "Scorecard exceptions for the quarter and the findings of the latest multi-agency audit."),
        Topic("Case reviews in progress", "community.board", "Progress of rapid reviews and practice reviews, and the recommendations still open."),
        Topic("Child exploitation: quarterly profile", "police.board", "Trends in missing episodes, referrals for exploitation and disruption activity."),
        Topic("Business plan priorities: progress", "manager", "Where each priority stands and which actions have slipped, with the reasons given."),
        Topic("Section 11 self-assessments: headline findings", "manager", "How agencies rated themselves against the Section 11 standards, and what peer challenge found."),
        Topic("Budget and partner contributions", "manager", "Spend to date and the proposed contributions for next year."),
        Topic("What children and young people told us", "cvs.board", "Findings from the young people's consultation on feeling safe in their neighbourhood."),
        Topic("Annual report: draft for agreement", "manager", "The draft annual report, including what changed as a result of the partnership's work."),
        Topic("Risk register review", "manager", "Risks to the protection of children, their scores and the controls in place."),
        Topic("Neglect strategy: one year on", "la.board", "What the neglect strategy has achieved, and where practice is still inconsistent."),
        Topic("Children missing education", "schools.board", "Numbers of children missing education and electively home educated, and how agencies find them."),
    ),
    "pqa": (
        Topic("Quarterly scorecard: exceptions and queries", "analyst", "Indicators showing real change this quarter and the agencies asked to explain them."),
        Topic("Multi-agency audit: strategy meetings re-audit", "auditor", "Eight cases audited again a year on; whether the new strategy record template has changed practice."),
        Topic("Multi-agency audit: the child's voice in domestic abuse cases", "auditor", "Whether records show what the child said and how it shaped the plan."),
        Topic("Re-referrals to children's social care", "la.lead", "Why re-referrals within twelve months have risen, and what the sample shows."),
        Topic("Timeliness of initial health assessments", "icb.lead", "Assessments for children coming into care completed within twenty working days."),
        Topic("Strategy discussions: who attends", "police.lead", "How often health and education take part in strategy discussions."),
    ),
    "case_review": (
        Topic("New notifications and rapid review decisions", "manager", "Serious incidents notified since the last meeting and the decisions reached."),
        Topic("Child D: decision against the review criteria", "icb.lead", "Whether the case meets the criteria for a local child safeguarding practice review."),
        Topic("Child E rapid review: chronologies", "la.auditor", "Single-agency chronologies received and those still outstanding."),
        Topic("Open recommendations from published reviews", "manager", "Recommendations with actions not yet complete, and the evidence offered for those that are."),
        Topic("National review panel report: learning for us", "community.board", "What the latest national report means for practice in the county."),
    ),
    "learning": (
        Topic("Training programme: take-up and evaluations", "learning", "Places booked and attended by agency, and what evaluations say."),
        Topic("Learning briefing from the latest rapid review", "learning.2", "A two-page briefing for practitioners; agreeing how it will be cascaded."),
        Topic("Professional curiosity workshops: impact", "learning", "Three-month follow-up with attendees and their managers."),
        Topic("Training needs from the Section 11 returns", "schools.lead", "Gaps agencies reported in their own safeguarding training."),
    ),
    "exploitation": (
        Topic("Missing episodes and return-home interviews", "police.missing", "Children missing more than three times this quarter, and interviews offered and taken up."),
        Topic("Locations of concern", "police.board", "Places linked to exploitation and the disruption planned for each."),
        Topic("Transitions to adulthood for exploited young people", "yjs.board", "Support for young people at risk as they turn eighteen."),
        Topic("Disruption activity and its results", "police.board", "Orders, notices and arrests, and what changed for the children involved."),
    ),
}  # fmt: skip

DECISIONS: dict[str, tuple[DecisionSpec, ...]] = {
    "board": (
        DecisionSpec("The board asked {agency} to bring a recovery plan for initial health assessments of children in care to its next meeting.", "Recovery plan for timely initial health assessments", "icb"),
        DecisionSpec("The board agreed that neglect remains a priority and asked the business unit to refresh the neglect strategy.", "Refresh the neglect strategy", "unit"),
        DecisionSpec("The board asked {agency} to explain its low attendance at child protection conferences and what it will do about it.", "Report on attendance at child protection conferences", "probation"),
        DecisionSpec("The board agreed partner contributions for next year at the current level with an uplift for inflation."),
        DecisionSpec("The board asked {agency} to review how domestic abuse notifications reach schools within one working day.", "Review the timeliness of domestic abuse notifications to schools", "police"),
        DecisionSpec("The board endorsed the rapid review learning briefing and asked {agency} to cascade it to front-line staff.", "Cascade the rapid review learning briefing to front-line staff", "acute"),
        DecisionSpec("The board accepted the risk register and asked {agency} to add a risk on social work staff turnover.", "Add a risk on social work staff turnover to the register", "la"),
        DecisionSpec("The board agreed the draft annual report for publication, subject to the chair's final edits."),
    ),
    "pqa": (
        DecisionSpec("The subgroup asked {agency} to audit a sample of strategy discussions for the presence of health and education.", "Audit health and education attendance at strategy discussions", "la"),
        DecisionSpec("The subgroup agreed to add re-referral rates to the quarterly scorecard.", "Add re-referral rates to the quarterly scorecard", "unit"),
        DecisionSpec("{agency} to provide an exception report on the timeliness of return-home interviews.", "Exception report on return-home interview timeliness", "la"),
        DecisionSpec("The subgroup noted the multi-agency audit on neglect and agreed its findings go to the board."),
        DecisionSpec("{agency} to check why its scorecard figures for the quarter were submitted late.", "Explain the late scorecard submission", "community"),
    ),
    "case_review": (
        DecisionSpec("The subgroup agreed the case of Child D does not meet the criteria for a practice review and that a learning review will be held instead.", "Hold a learning review for Child D", "unit"),
        DecisionSpec("{agency} to share its single-agency chronology for the Child E rapid review within ten working days.", "Share the Child E chronology", "acute"),
        DecisionSpec("The subgroup asked {agency} to confirm what was done about the recommendation on sharing information with GPs.", "Confirm action on the GP information-sharing recommendation", "gp"),
        DecisionSpec("{agency} to show that the Child C review's recommendation on supervision is in place.", "Evidence the Child C supervision recommendation is in place", "la"),
        DecisionSpec("The subgroup agreed to recommend publication of the Child C review to the safeguarding partners."),
    ),
    "learning": (
        DecisionSpec("The subgroup agreed to commission multi-agency training on working with fathers and male carers.", "Commission training on working with fathers and male carers", "unit"),
        DecisionSpec("{agency} to promote the neglect toolkit training with designated safeguarding leads.", "Promote the neglect toolkit training to designated safeguarding leads", "schools"),
        DecisionSpec("The subgroup agreed to evaluate each professional curiosity workshop three months after it runs.", "Set up three-month evaluations of professional curiosity workshops", "unit"),
        DecisionSpec("The subgroup agreed the training calendar for the next six months."),
    ),
    "exploitation": (
        DecisionSpec("{agency} to map the locations linked to criminal exploitation identified last quarter.", "Map locations linked to criminal exploitation", "police"),
        DecisionSpec("The subgroup asked {agency} to review how information about missing episodes reaches the youth justice team.", "Review how missing-episode information reaches youth justice", "yjs"),
        DecisionSpec("{agency} to run awareness sessions for taxi drivers and hotel staff on spotting exploitation.", "Awareness sessions for taxi drivers and hotel staff", "la"),
        DecisionSpec("The subgroup agreed to invite the college's student welfare team to its next meeting."),
    ),
}  # fmt: skip

NOTED = DecisionSpec("The reports were noted; no decision was needed.")

LOCATIONS = {
    "board": ("County Hall, Brackford: Council Chamber",),
    "subgroup": (
        "County Hall, Brackford: Committee Room 2",
        "Brackenshire Police Headquarters: Conference Suite",
        "Holtham Health Centre: Seminar Room",
        "Online video call",
    ),
}

DISCUSSION = (
    "Members asked how the figures compared with statistical neighbours.",
    "The chair asked what difference this had made for children and how we would know.",
    "Members noted the progress and asked for an update at the next meeting.",
    "There was discussion of how far the findings applied to older children.",
    "The lay member asked for the report to be summarised in plain language for the website.",
    "Members agreed the analysis was helpful but asked for the child's experience to be more visible.",
)
