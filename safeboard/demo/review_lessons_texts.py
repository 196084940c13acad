"""What the demo's case reviews found, recommended and told practitioners (all invented).

Each review (by the keys of reviews.py) has findings tagged with themes, recommendations to
agencies (by the keys of people.AGENCIES) answering a finding, and at most one briefing.
An action plan entry says who owns each agency's action (a person key of people.PEOPLE) and
how it stands: complete, in progress or not started, and when it is or was due. A review's
action plan is made a week after publication, or (for a review still running) two weeks ago.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

D = datetime.date

COMPLETE = "complete"
IN_PROGRESS = "in_progress"
NOT_STARTED = "not_started"


@dataclass(frozen=True)
class FindingText:
    title: str
    text: str
    evidence: str
    themes: tuple[str, ...]


@dataclass(frozen=True)
class ActionPlan:
    agency: str
    owner: str
    state: str
    # When it is due: a complete action, days after the review's action plan was made; an
    # open one (the live part of the plan), days from today (negative when overdue).
    due_in: int
    progress: str = ""


@dataclass(frozen=True)
class RecommendationText:
    text: str
    finding: int  # the index of the finding it answers
    agencies: tuple[str, ...]
    actions: tuple[ActionPlan, ...] = ()
    title: str = ""  # the actions' title; the recommendation's words when empty


@dataclass(frozen=True)
class BriefingText:
    title: str
    what_happened: str
    what_we_learned: str
    what_to_do_differently: str
    questions: tuple[str, ...]
    shared_days_after: int | None = None  # after publication; None: still a draft


@dataclass(frozen=True)
class ReviewLessons:
    findings: tuple[FindingText, ...]
    recommendations: tuple[RecommendationText, ...]
    briefing: BriefingText | None = None


@dataclass(frozen=True)
class ThemeBriefingText:
    theme: str
    briefing: BriefingText
    shared_days_ago: int | None = None


LESSONS = {
    "scr_2012": ReviewLessons(
        findings=(
            FindingText(
                "What was known about the family did not follow them when they moved",
                "The family moved three times in a year. Each move reset what agencies knew: "
                "the new health visitor and the new GP started afresh, and the concerns "
                "recorded in the first area never reached the third.",
                "The health visiting record reached the third area seven weeks after the "
                "family arrived. The GP registration form gave no previous address.",
                ("information-sharing", "recording"),
            ),
            FindingText(
                "The parents' drug use was assessed without asking what it meant for the baby",
                "Adult services saw the parents' recovery; nobody asked who looked after a "
                "ten-week-old baby while they were using, or what a chaotic week looked like "
                "for him.",
                "The drug service recorded a lower methadone dose as progress in the same week "
                "the health visitor found the home cold and the baby's feeds unrecorded.",
                ("substance-misuse", "professional-curiosity"),
            ),
            FindingText(
                "Baby M's father was absent from every assessment",
                "Assessments were of the mother and the baby. The father lived in the home "
                "part of the week; his history was known to the police but not asked about.",
                "The initial assessment names the mother only. A police record of violence "
                "towards a previous partner was on file but not shared.",
                ("fathers-and-unseen-men", "domestic-abuse"),
            ),
        ),
        recommendations=(
            RecommendationText(
                "When a family with a child under five moves, the health visiting record and "
                "the GP record are transferred within five working days, and the new health "
                "visitor contacts the family within ten.",
                finding=0,
                agencies=("community", "gp"),
                title="Transfer records within five working days of a family moving",
                actions=(
                    ActionPlan("community", "community.lead", COMPLETE, 120),
                    ActionPlan("gp", "gp.lead", COMPLETE, 150),
                ),
            ),
            RecommendationText(
                "Adult drug and alcohol workers ask at every review who cares for any child "
                "in the household, and tell children's services of any concern.",
                finding=1,
                agencies=("community", "la"),
                title="Ask about the children at every drug and alcohol review",
                actions=(
                    ActionPlan("community", "community.board", COMPLETE, 180),
                    ActionPlan("la", "la.lead", COMPLETE, 180),
                ),
            ),
            RecommendationText(
                "Every assessment names each adult in the household and checks them with the "
                "police.",
                finding=2,
                agencies=("la", "police"),
                title="Check every adult in the household with the police",
                actions=(
                    ActionPlan("la", "la.lead", COMPLETE, 90),
                    ActionPlan("police", "police.lead", COMPLETE, 90),
                ),
            ),
        ),
        briefing=BriefingText(
            "Baby M: when families move",
            "A ten-week-old baby died of a head injury. His parents used drugs and the family "
            "had moved three times in a year, each time to a new health visitor and GP.",
            "Each move wiped the slate clean. Records were slow to follow the family, adult "
            "services saw the parents' recovery rather than the baby's day, and his father "
            "was never part of an assessment.",
            "When a family moves, find out what the last area knew before you first visit. "
            "Ask who looks after the baby when parents are using. Name every adult in the "
            "household and check them.",
            (
                "Which families on my caseload have moved in the last year, and what do I know "
                "of their history?",
                "Do I know what a bad day looks like for the children of parents who use drugs?",
                "Have I met the father, and what do I know about him?",
            ),
            shared_days_after=21,
        ),
    ),
    "scr_2014": ReviewLessons(
        findings=(
            FindingText(
                "Child J's exploitation was seen as his choice",
                "Professionals described a fourteen-year-old as choosing to go missing and to "
                "spend time with older youths, so each episode was handled as his behaviour "
                "rather than as a sign that he was being exploited.",
                "Police missing reports called him streetwise. School records said he was "
                "putting himself at risk. Nobody used the word exploitation until after the "
                "assault.",
                ("child-exploitation", "professional-curiosity"),
            ),
            FindingText(
                "What Child J said in return interviews went nowhere",
                "He was interviewed after six of his missing episodes. In three he named the "
                "same older youth, but the interviews were filed and not shared with his "
                "school or his youth justice worker.",
                "Six return home interviews between October and April; none on the school's "
                "file or the youth justice record.",
                ("voice-of-the-child", "information-sharing"),
            ),
            FindingText(
                "Nobody escalated when the plan was not working",
                "The child in need plan stayed the same for five months while the missing "
                "episodes grew more frequent. Practitioners were worried but did not use the "
                "escalation policy.",
                "Five review meetings recorded no change to the plan. Two practitioners told "
                "the review they had thought of escalating but did not know how.",
                ("escalation", "supervision"),
            ),
        ),
        recommendations=(
            RecommendationText(
                "A child's missing episodes and return interviews are shared with their school "
                "and any youth justice worker within 72 hours.",
                finding=1,
                agencies=("police", "la"),
                title="Share return interviews within 72 hours",
                actions=(
                    ActionPlan("police", "police.lead", COMPLETE, 90),
                    ActionPlan("la", "la.lead", COMPLETE, 120),
                ),
            ),
            RecommendationText(
                "Practitioners use the partnership's exploitation screening tool, and stop "
                "describing children as choosing to be exploited.",
                finding=0,
                agencies=("la", "schools", "yjs"),
                title="Use the exploitation screening tool and its language guide",
                actions=(
                    ActionPlan("la", "la.board", COMPLETE, 180),
                    ActionPlan("schools", "schools.lead", COMPLETE, 200),
                    ActionPlan("yjs", "yjs.lead", COMPLETE, 150),
                ),
            ),
            RecommendationText(
                "Supervisors ask about drift in every plan at each supervision, and the "
                "escalation policy is covered in the induction of every new practitioner.",
                finding=2,
                agencies=("la",),
                title="Cover drift and escalation in supervision and induction",
                actions=(ActionPlan("la", "la.lead", COMPLETE, 120),),
            ),
        ),
        briefing=BriefingText(
            "Child J: exploitation is not a choice",
            "A fourteen-year-old boy was seriously hurt by older young people who had been "
            "exploiting him. He had gone missing from home many times in the months before.",
            "He was seen as choosing his risks. What he told return interviews was never "
            "shared, and the plan drifted for five months without anyone escalating.",
            "Use the screening tool whenever a child goes missing more than once. Share return "
            "interviews within 72 hours. If a plan is not working, escalate: it is not a "
            "criticism of a colleague.",
            (
                "Which words do I use about children who go missing, and what do they suggest?",
                "Who else needs to know what a child told me after a missing episode?",
                "Is there a plan I am worried about, and have I escalated it?",
            ),
            shared_days_after=14,
        ),
    ),
    "lcspr_2021": ReviewLessons(
        findings=(
            FindingText(
                "Video contacts hid what a home visit would have shown",
                "During lockdown, health visits and a child in need visit were held by video. "
                "Child S was not seen moving around her home, and the camera showed only what "
                "her mother chose to show.",
                "Four contacts in three months were by video; the last face-to-face contact "
                "was in November. The injuries were found in February.",
                ("professional-curiosity", "voice-of-the-child"),
            ),
            FindingText(
                "Police reports of domestic abuse did not reach the health visitor",
                "The police attended two domestic incidents at the home. Children's services "
                "were told; the health visitor, who was seeing the family, was not.",
                "Call-outs in December and February. Both notifications went to the front "
                "door of children's services, which closed them with no further action.",
                ("domestic-abuse", "information-sharing"),
            ),
            FindingText(
                "The mother's partner was never seen",
                "The mother's partner stayed at the home most nights. No agency spoke to him "
                "or knew his history.",
                "He appears in the police logs of both incidents and nowhere else.",
                ("fathers-and-unseen-men",),
            ),
        ),
        recommendations=(
            RecommendationText(
                "Children under five in households with a known history of domestic abuse are "
                "seen face to face at home, whatever the contact rules in force; video is only "
                "ever an addition.",
                finding=0,
                agencies=("community", "la"),
                title="See children under five face to face where there is domestic abuse",
                actions=(
                    ActionPlan("community", "community.lead", COMPLETE, 90),
                    ActionPlan(
                        "la",
                        "la.lead",
                        IN_PROGRESS,
                        -25,
                        "The practice standard is agreed; the audit of visits is half done.",
                    ),
                ),
            ),
            RecommendationText(
                "Police notifications of domestic abuse in households with a child under five "
                "reach the health visiting service by the next working day.",
                finding=1,
                agencies=("police", "la", "community"),
                title="Share domestic abuse notifications with health visitors next day",
                actions=(
                    ActionPlan(
                        "police",
                        "police.lead",
                        IN_PROGRESS,
                        10,
                        "The daily notification list now includes the health visiting hub.",
                    ),
                    ActionPlan("la", "la.lead", COMPLETE, 120),
                    ActionPlan("community", "community.lead", NOT_STARTED, 45),
                ),
            ),
            RecommendationText(
                "Safe Harbour and children's services agree a joint pathway for children in "
                "households where an adult is supported for domestic abuse, including how "
                "partners are assessed.",
                finding=2,
                agencies=("harbour", "la"),
                title="Agree a joint pathway for children where an adult gets support",
                actions=(
                    ActionPlan("harbour", "harbour.lead", IN_PROGRESS, 30, "A draft is out for comment."),
                    ActionPlan("la", "la.board", NOT_STARTED, -12),
                ),
            ),
        ),
        briefing=BriefingText(
            "Child S: seeing children at home",
            "A two-year-old girl was seriously injured during lockdown. The police had been "
            "called to the home twice for domestic abuse; her health visits were by video.",
            "A camera shows what a parent chooses. The police reports never reached the health "
            "visitor, and the mother's partner, who was often there, was never seen.",
            "See young children in their homes, face to face, when there is domestic abuse. "
            "Expect the police notification and chase it. Find out who else stays at the "
            "home, and meet them.",
            (
                "Which children have I only seen on a screen recently?",
                "How would I know if the police had been called to a family I work with?",
                "Who stays in the homes I visit, and have I met them?",
            ),
            shared_days_after=20,
        ),
    ),
    "lcspr_current": ReviewLessons(
        findings=(
            FindingText(
                "The baby's father was not known to the health visitor",
                "The father joined the household when the baby was three months old. The "
                "police knew of his history; the health visitor did not know he was there.",
                "The police had two previous reports about him; the health visiting record "
                "lists the mother and her older child only.",
                ("fathers-and-unseen-men", "information-sharing"),
            ),
            FindingText(
                "Bruising on a baby who was not yet mobile was not referred",
                "A small bruise on the baby's ear was seen at a GP appointment and explained "
                "by the mother. The bruising protocol says any bruise on a non-mobile baby "
                "needs a referral.",
                "GP record, six weeks before the admission: bruise noted, explanation "
                "accepted, no referral.",
                ("thresholds", "professional-curiosity"),
            ),
        ),
        recommendations=(
            RecommendationText(
                "Every practitioner who sees a bruise on a baby who is not yet mobile follows "
                "the bruising protocol and refers, whatever explanation is given.",
                finding=1,
                agencies=("gp", "community", "acute"),
            ),
        ),
        briefing=BriefingText(
            "Child D: the men in the household",
            "A five-month-old baby was admitted with a fractured skull and older rib fractures. "
            "Her father had joined the household recently.",
            "The third local review to find that men in the household go unseen. A bruise "
            "seen weeks before was explained away.",
            "Ask who lives in the home and who visits. Any bruise on a baby who is not mobile "
            "means a referral.",
            (
                "Who are the men in the lives of the babies I work with?",
                "Would I refer a small bruise on a baby if the explanation sounded right?",
            ),
        ),
    ),
    "learning_review": ReviewLessons(
        findings=(
            FindingText(
                "The college's concerns did not reach Child L's social worker",
                "Her college tutor raised three concerns about her low mood. They went to the "
                "local authority's front door as if she were a new referral, and were closed "
                "because she already had a social worker, who never heard of them.",
                "Three college referrals in six weeks, each closed at the front door with "
                "'open case: information passed on'. None is on her case file.",
                ("information-sharing", "escalation"),
            ),
            FindingText(
                "What helped was one adult who kept in touch",
                "Child L told the reviewer that the person who helped most was a college "
                "welfare officer who messaged her every day she was absent.",
                "Child L's own account, given to the reviewer with her consent.",
                ("voice-of-the-child",),
            ),
        ),
        recommendations=(
            RecommendationText(
                "Colleges have a named contact in the children in care service, and concerns "
                "about a young person in care go straight to their social worker.",
                finding=0,
                agencies=("college", "la"),
                title="A named children in care contact for every college",
                actions=(
                    ActionPlan("college", "college.lead", IN_PROGRESS, 20, "Contacts named for two of three colleges."),
                    ActionPlan("la", "la.lead", NOT_STARTED, 20),
                ),
            ),
        ),
        briefing=BriefingText(
            "Child L: when a college is worried",
            "A sixteen-year-old in care took an overdose and recovered. Her college had been "
            "worried about her for weeks.",
            "The college's concerns went to the front door, not to her social worker. What "
            "helped her most was one adult who kept in touch.",
            "If you are worried about a young person in care, find their social worker and "
            "tell them directly.",
            ("Do I know how to reach the social worker of each young person in care I teach?",),
        ),
    ),
}  # fmt: skip


# What an agency showed when it completed a review's action.
COMPLETION_EVIDENCE = (
    "A re-audit of twenty cases found the new practice followed in eighteen.",
    "The revised procedure, signed off by the agency's safeguarding lead and published to staff.",
    "Training records: every practitioner in the teams concerned attended the briefing.",
    "A dip sample of records by the named professional found the change in place.",
    "The updated pathway, with the dates of the briefings held for each team.",
)

THEME_BRIEFINGS = (
    ThemeBriefingText(
        theme="professional-curiosity",
        shared_days_ago=60,
        briefing=BriefingText(
            "Professional curiosity: what our reviews keep finding",
            "In three of our reviews since 2012, practitioners accepted what they were told "
            "or shown: a parent's account, a video call, an explanation for a bruise.",
            "Curiosity is not suspicion. It is asking the next question, checking what you "
            "are told, and noticing what you have not seen. It needs time and supervision "
            "that makes room for doubt.",
            "Check accounts against what other agencies know. See children in their homes. "
            "Write down what you have not seen as well as what you have. Take your doubts to "
            "supervision.",
            (
                "What have I been told recently that I have not checked?",
                "What have I not seen in the homes I visit?",
                "When did supervision last change my mind about a family?",
            ),
        ),
    ),
    ThemeBriefingText(
        theme="fathers-and-unseen-men",
        shared_days_ago=25,
        briefing=BriefingText(
            "Unseen men: seeing fathers and partners",
            "Baby M's father, Child S's mother's partner and Child D's father were each "
            "known to one agency and unseen by the others.",
            "Men who live in or visit a household shape a child's safety, for good or ill. "
            "Our assessments still centre on mothers; men's histories sit in police systems "
            "that other agencies do not ask about.",
            "Ask every time who lives in the home and who visits. Meet fathers and partners, "
            "and include them in assessments and plans. Check their history with the police.",
            (
                "Which fathers or partners on my caseload have I never met?",
                "What would I need to know about the men in this child's life?",
            ),
        ),
    ),
    ThemeBriefingText(
        theme="information-sharing",
        briefing=BriefingText(
            "Information sharing: the finding we make every time",
            "Every one of our reviews has found that one agency knew something another "
            "needed and did not pass it on in time.",
            "The law supports sharing to protect a child. What gets in the way is not knowing "
            "who needs to know, and assuming someone else has told them.",
            "If you know something that could matter to another agency, tell them the same "
            "day and record that you did.",
            ("Who else needs to know what I learned this week?",),
        ),
    ),
)
