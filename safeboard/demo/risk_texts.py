"""The demo's risk register: twelve risks to how well children are protected, and their reviews."""

from __future__ import annotations

from dataclasses import dataclass

from safeboard.risks.models import Risk

from .plan_texts import EXPLOITATION, NEGLECT, VOICE

C = Risk.Category
S = Risk.Status


@dataclass(frozen=True)
class MitigationSpec:
    """An action to bring a risk down, on the action spine."""

    title: str
    owner: str  # a person key
    raised_days_ago: int
    due_in: int  # days from today; negative when overdue
    progress: str = ""  # the owner's latest update, if any
    completed_days_ago: int | None = None
    evidence: str = ""  # what shows a completed action was done


@dataclass(frozen=True)
class RiskSpec:
    title: str
    category: str
    owner: str  # a person key
    description: str
    cause: str
    consequence: str
    controls: str
    inherent: tuple[int, int]  # likelihood, impact before controls
    reviews: tuple[tuple[int, int, str], ...]  # residual likelihood, impact and note; oldest first
    review_due_in: int  # days from today the next review falls due; negative when overdue
    review_interval_months: int = 3
    status: str = S.OPEN
    status_from_review: int = -1  # the review (index) that tolerated or closed it
    priorities: tuple[str, ...] = ()
    mitigations: tuple[MitigationSpec, ...] = ()


RISKS = (
    RiskSpec(
        title="Neglect is recognised late, after the harm is entrenched",
        category=C.PRACTICE,
        owner="la.lead",
        description="Agencies respond to each sign of neglect on its own, so the cumulative "
        "harm to a child is recognised only when it is already serious.",
        cause="No shared tool or language for neglect; records of single episodes; high "
        "caseloads in universal services.",
        consequence="Children live with neglect for years; plans start late, last longer and "
        "are repeated.",
        controls="Multi-agency neglect assessment tool and training; repeat plans on the "
        "scorecard; priority 1 of the business plan.",
        inherent=(5, 4),
        reviews=(
            (4, 4, "Added after repeat child protection plans for neglect rose on the "
             "scorecard for three quarters running."),
            (4, 4, "No change: training on the tool has started, but few outside children's "
             "services use it yet."),
            (3, 4, "Likelihood down: every agency now uses the tool, and referrals for "
             "neglect now come from more agencies and earlier."),
            (3, 3, "Impact down: plans for neglect now say what must change for the child; "
             "repeat plans fell for two quarters."),
        ),
        mitigations=(
            MitigationSpec(
                "Train health visitors and school nurses to use the neglect assessment tool",
                owner="la.lead",
                raised_days_ago=240,
                due_in=-60,
                completed_days_ago=75,
                evidence="Attendance lists: 212 health visitors and school nurses trained.",
            ),
            MitigationSpec(
                "Add neglect assessments started by partner agencies to the scorecard",
                owner="la.lead",
                raised_days_ago=90,
                due_in=40,
                progress="The measure is defined; the first quarter's figures come next month.",
            ),
        ),
        review_due_in=27,
        priorities=(NEGLECT,),
    ),
    RiskSpec(
        title="Social work vacancies and turnover weaken child protection plans",
        category=C.WORKFORCE,
        owner="la.board",
        description="Vacancies and reliance on agency social workers mean children change "
        "worker often and their plans lose momentum.",
        cause="A regional shortage of experienced social workers; a pay gap with neighbouring "
        "councils; high caseloads in the assessment teams.",
        consequence="Children retell their story to each new worker; visits are missed; plans "
        "drift and last longer.",
        controls="Recruitment and retention strategy; monthly caseload monitoring; an academy "
        "for newly qualified social workers; a manager reviews every change of worker.",
        inherent=(5, 4),
        reviews=(
            (3, 4, "Vacancy rate 14%; caseloads within the agreed range."),
            (3, 4, "No change; the first newly qualified cohort starts next month."),
            (4, 4, "Likelihood up: three team managers left; vacancy rate 19%."),
            (4, 4, "Still 19%; agency staff cover most posts in the assessment teams."),
            (5, 4, "Likelihood up again: vacancy rate 23% and caseloads above the agreed "
             "range in two teams. Reported to the board as a very high risk."),
        ),
        mitigations=(
            MitigationSpec(
                "Report child protection plans that changed social worker twice in a quarter",
                owner="la.board",
                raised_days_ago=120,
                due_in=-14,
                progress="The report is drafted; the data team is checking the counts.",
            ),
        ),
        review_due_in=-12,
        review_interval_months=2,
        priorities=(NEGLECT,),
    ),
    RiskSpec(
        title="Schools hear about domestic abuse incidents too late to support the child",
        category=C.INFORMATION,
        owner="police.lead",
        description="When police attend a domestic abuse incident where a child lives, the "
        "child's school is told days later, if at all.",
        cause="Notifications sent by hand from a shared inbox; no out-of-hours cover; "
        "school contact details out of date.",
        consequence="A child arrives at school after a night of violence and nobody knows to "
        "look out for them.",
        controls="Automated notification to the school's designated safeguarding lead before "
        "the next school day; a monthly check of school contacts; a dip sample each quarter.",
        inherent=(4, 4),
        reviews=(
            (4, 3, "Added after the Child D rapid review: notifications took four days on "
             "average."),
            (3, 3, "The automated notifications went live; 71% reached schools in time."),
            (2, 3, "Nine in ten notifications now reach schools before the next school day."),
        ),
        mitigations=(
            MitigationSpec(
                "Tell schools of every domestic abuse call-out by nine the next school morning",
                owner="police.lead",
                raised_days_ago=150,
                due_in=25,
                progress="Running in two of the four districts; the rest start next month.",
            ),
        ),
        review_due_in=45,
        priorities=(VOICE,),
    ),
    RiskSpec(
        title="Health is missing from strategy discussions held out of hours",
        category=C.PARTNERSHIP,
        owner="icb.lead",
        description="Strategy discussions held in the evening or at weekends rarely include "
        "anyone from health, so decisions about Section 47 enquiries lack health information.",
        cause="No out-of-hours rota of health professionals for strategy discussions.",
        consequence="Decisions are made without knowing a child's health history; medical "
        "examinations are arranged late.",
        controls="Named nurses on call in working hours; an out-of-hours rota being agreed "
        "across the three trusts; monthly audit of attendance.",
        inherent=(4, 4),
        reviews=(
            (3, 4, "Health attended 4 of 11 out-of-hours strategy discussions sampled."),
            (3, 4, "No change; the trusts are still negotiating the rota."),
            (3, 4, "No change; the rota is costed and waiting for approval."),
            (3, 4, "No change; the chair has asked the ICB to report at the next board."),
        ),
        review_due_in=8,
    ),
    RiskSpec(
        title="Children leaving custody or on remand lose contact with a trusted adult",
        category=C.PRACTICE,
        owner="yjs.board",
        description="Children released from custody or remanded far from home lose touch with "
        "the workers who know them, and return to the people who exploited them.",
        cause="Placements out of the county; late notice of release dates; no named worker "
        "who stays with the child.",
        consequence="Children are re-exploited within days of release; missing episodes and "
        "reoffending rise.",
        controls="Release planning meetings 10 days before release; a named worker for every "
        "child; a joint protocol with children's services on remand.",
        inherent=(4, 5),
        reviews=(
            (2, 4, "Release planning in place for every child released this quarter."),
            (3, 4, "Likelihood up: two children released with a day's notice."),
            (3, 4, "No change; the remand protocol is still in draft."),
            (4, 4, "Likelihood up: remands rose and three children were placed outside the "
             "region."),
        ),
        review_due_in=4,
        priorities=(EXPLOITATION,),
    ),
    RiskSpec(
        title="What agencies know about exploitation is held apart and never joined up",
        category=C.INFORMATION,
        owner="police.board",
        description="Police, children's services, schools and youth justice each hold part of "
        "what is known about the places, peers and adults linked to exploitation.",
        cause="Separate recording systems; no information-sharing agreement for contextual "
        "safeguarding; no analyst for the partnership.",
        consequence="Patterns are missed; children are moved on while the adults exploiting "
        "them are not disrupted.",
        controls="Information-sharing agreement; a monthly shared map of places and people; "
        "a partnership analyst; the exploitation subgroup reviews the map each month.",
        inherent=(5, 4),
        reviews=(
            (4, 4, "Added at the exploitation subgroup's request."),
            (4, 4, "No change; the information-sharing agreement is with the lawyers."),
            (4, 3, "Impact down: the monthly meeting on places of concern has started."),
            (3, 3, "Likelihood down: every agency has signed the agreement."),
            (3, 3, "No change; the shared map is live in the north of the county."),
            (2, 3, "Likelihood down: the map covers the whole county and the analyst is in "
             "post."),
        ),
        review_due_in=19,
        review_interval_months=2,
        priorities=(EXPLOITATION,),
    ),
    RiskSpec(
        title="Partner contributions do not cover the statutory review programme",
        category=C.FINANCE,
        owner="manager",
        description="The partnership's budget cannot pay for more than two local child "
        "safeguarding practice reviews a year.",
        cause="Contributions frozen for three years; independent reviewers' fees rising.",
        consequence="Reviews are delayed or narrowed, and learning reaches practitioners late.",
        controls="A reserve for reviews; a pool of reviewers shared with neighbouring "
        "partnerships; the partners agree contributions each January.",
        inherent=(4, 4),
        reviews=(
            (4, 3, "Three reviews are likely this year; the budget covers two."),
            (3, 3, "Likelihood down: the shared reviewer pool has cut the cost of a review."),
            (3, 3, "No change. The board accepts the remaining risk: the reserve covers a "
             "third review. Tolerated until contributions are next agreed."),
        ),
        review_due_in=70,
        review_interval_months=6,
        status=S.TOLERATED,
    ),
    RiskSpec(
        title="Fewer health visitors mean families with babies are seen less often",
        category=C.WORKFORCE,
        owner="community.board",
        description="Health visiting vacancies mean some families miss their mandated contacts, "
        "and early signs of neglect and domestic abuse go unseen.",
        cause="National shortage of health visitors; retirements; a hiring freeze last year.",
        consequence="Babies and young children, who cannot speak for themselves, are seen by "
        "no professional for months.",
        controls="Contacts prioritised for families known to children's services; skill-mix "
        "teams; a recruitment campaign with the university.",
        inherent=(4, 4),
        reviews=(
            (2, 3, "Mandated contacts at 92%."),
            (3, 3, "Likelihood up: six vacancies; twelve-month reviews at 81%."),
            (3, 4, "Impact up: two serious incidents involved babies not seen since birth."),
            (4, 4, "Likelihood up: nine vacancies; contacts prioritised by risk."),
        ),
        review_due_in=33,
        priorities=(NEGLECT, VOICE),
    ),
    RiskSpec(
        title="Learning from reviews is not embedded, so the same findings recur",
        category=C.GOVERNANCE,
        owner="chair",
        description="Local and national reviews find the same weaknesses again: the child's "
        "voice, professional curiosity, information sharing.",
        cause="Recommendations tracked as tasks rather than as changes in practice; no check "
        "after training of what practitioners now do differently.",
        consequence="Children are harmed in ways that earlier reviews said could be prevented.",
        controls="Every recommendation becomes an action with evidence of impact; follow-up "
        "evaluation of training at three months; re-audit of each finding a year on.",
        inherent=(4, 4),
        reviews=(
            (4, 3, "Two of the last three reviews repeated earlier findings."),
            (3, 3, "Likelihood down: recommendations now tracked as actions with evidence."),
            (3, 3, "No change; the first re-audits are due next quarter."),
            (3, 2, "Impact down: re-audits found practice changed on four of six findings."),
        ),
        mitigations=(
            MitigationSpec(
                "Re-audit each review finding a year after its briefing",
                owner="manager",
                raised_days_ago=60,
                due_in=120,
            ),
        ),
        review_due_in=-5,
    ),
    RiskSpec(
        title="Academies and independent schools take part unevenly in the partnership",
        category=C.PARTNERSHIP,
        owner="schools.board",
        description="Some academy trusts and independent schools do not send returns, attend "
        "the designated leads' network or take part in audits.",
        cause="Schools are many and answer to different bodies; one head teacher represents "
        "all of them on the board.",
        consequence="The board cannot be sure every school follows the partnership's "
        "procedures.",
        controls="Section 11 returns from every school; a termly network for designated "
        "safeguarding leads; the education adviser follows up any school that does not reply.",
        inherent=(3, 4),
        reviews=(
            (3, 3, "Eleven schools did not send their Section 11 return."),
            (3, 2, "Impact down: the trusts agreed to answer for their schools. The board "
             "tolerates the remaining risk."),
            (3, 2, "No change; returns now from all but three schools."),
        ),
        review_due_in=95,
        review_interval_months=6,
        status=S.TOLERATED,
        status_from_review=1,
    ),
    RiskSpec(
        title="The child in need census fails its checks and the scorecard loses its data",
        category=C.INFORMATION,
        owner="la.lead",
        description="If the child in need census return fails validation, the child protection "
        "measures on the scorecard cannot be computed for the year.",
        cause="A new case recording system; fields mapped by hand; staff who knew the return "
        "have left.",
        consequence="The board would report without child protection figures and could not "
        "compare itself with England.",
        controls="Validation of every file against the schema before submission; a trial "
        "return each quarter; a second trained analyst.",
        inherent=(4, 4),
        reviews=(
            (3, 4, "The first trial return failed 40 checks."),
            (2, 4, "Likelihood down: the trial return failed 6 checks, all fixed."),
            (1, 4, "Likelihood down: the return passed every check."),
            (1, 3, "Two returns in a row passed first time; the measures are computed from "
             "them. Closed."),
        ),
        review_due_in=25,
        status=S.CLOSED,
    ),
    RiskSpec(
        title="Children seen in the emergency department after self-harm are not referred on",
        category=C.PRACTICE,
        owner="acute.board",
        description="Young people who attend the emergency department after self-harm are "
        "sent home without a referral to mental health services or children's services.",
        cause="No paediatric liaison cover at night; unclear pathway between the trusts; "
        "pressure to discharge.",
        consequence="A young person at risk leaves without help, and nobody who knows them is "
        "told.",
        controls="A self-harm pathway agreed by both trusts; paediatric liaison follow-up of "
        "every attendance the next morning; monthly audit of referrals.",
        inherent=(4, 5),
        reviews=(
            (3, 4, "Audit: 82% of attendances after self-harm were referred on."),
            (3, 4, "No change; night liaison cover is still not funded."),
            (4, 4, "Likelihood up: referrals fell to 70% when attendances rose over the winter."),
        ),
        review_due_in=20,
        priorities=(VOICE,),
    ),
)  # fmt: skip
