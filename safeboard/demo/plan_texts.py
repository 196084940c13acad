"""What the demo's business plan says: its three priorities, their reviews and measures."""

from __future__ import annotations

from dataclasses import dataclass

from safeboard.priorities.models import Priority

from . import action_texts
from .names import COUNTY

P = Priority.Progress

NEGLECT = "neglect"
EXPLOITATION = "exploitation"
VOICE = "voice"

PLAN_SUMMARY = (
    f"Three priorities the safeguarding partners of {COUNTY} agreed after the last annual "
    "report, the strategy meetings audit and two local reviews. The board reviews each "
    "priority on its review date and publishes progress in the annual report. Work that every "
    "partnership does anyway (learning from reviews, training, scrutiny) is not a priority; "
    "it is in the partnership's core plan."
)


@dataclass(frozen=True)
class ReviewSpec:
    progress: str
    summary: str


@dataclass(frozen=True)
class PrioritySpec:
    key: str
    title: str
    description: str
    objectives: tuple[str, ...]
    lead: str  # a board member's person key
    review_interval_months: int
    review_due_in: int  # days from today the next review falls due; negative when overdue
    reviews: tuple[ReviewSpec, ...]  # oldest first
    measures: tuple[str, ...]
    themes: tuple[str, ...]  # the themes (action_texts) of the actions that deliver it
    addresses: tuple[str, ...] = ()  # the slugs of the themes (themes app) it is about


PRIORITIES = (
    PrioritySpec(
        key=NEGLECT,
        title="Neglect: noticed sooner and acted on together",
        description=(
            "Neglect is the most common reason children here become subject to a child "
            "protection plan, and our reviews keep finding that several agencies saw it for "
            "a long time before anyone acted. Each agency sees an episode; nobody sees the "
            "pattern, and plans drift once they start."
        ),
        objectives=(
            "Every agency uses the same neglect assessment tool, so practitioners describe "
            "neglect in the same terms.",
            "Plans for neglect say what must change in the child's daily life, and by when.",
            "Fewer children return to a plan for neglect within two years of the last one.",
            "Health visitors, schools and GPs treat missed appointments and poor attendance "
            "as possible signs of neglect and act on them.",
        ),
        lead="la.board",
        review_interval_months=3,
        review_due_in=38,
        reviews=(
            ReviewSpec(
                P.SOME_CONCERNS,
                "Baseline agreed. The neglect tool is used by children's services and health "
                "visiting only; schools, police and GPs have not started.",
            ),
            ReviewSpec(
                P.SOME_CONCERNS,
                "Training has reached 240 practitioners. The multi-agency audit found plans "
                "listing the services offered rather than what should change for the child.",
            ),
            ReviewSpec(
                P.ON_TRACK,
                "Every agency now reports its use of the tool. Second and later plans for "
                "neglect fell for the second quarter running.",
            ),
            ReviewSpec(
                P.SOME_CONCERNS,
                "Fewer twelve-month health reviews used the tool because health visiting is "
                "short of staff (risk R08). A recovery plan is agreed with the Community "
                "Trust; the board will look at it again next quarter.",
            ),
        ),
        measures=(
            "Practitioners in each agency who used the neglect assessment tool this quarter, "
            "from the agencies' returns",
            "Children starting a second or later plan for neglect, against England and our "
            "statistical neighbours",
            "Re-audit of neglect cases: does the plan name what must change for the child?",
        ),
        themes=(action_texts.NEGLECT,),
        addresses=("neglect", "recording"),
    ),
    PrioritySpec(
        key=EXPLOITATION,
        title="Children safe from exploitation and harm outside the home",
        description=(
            "Young people in Brackford and along the routes to the city are drawn into "
            "criminal and sexual exploitation. Each agency holds a piece of what is known "
            "about the places, peers and adults linked to harm, and too often we act on the "
            "child rather than on the place or the adult."
        ),
        objectives=(
            "One shared picture of the places, peers and adults linked to exploitation, "
            "refreshed every month.",
            "Every child who goes missing is offered a return-home conversation within 72 "
            "hours, and what they say is acted on.",
            "Adults who exploit children are disrupted with every police and council power "
            "available.",
            "Exploited children are described and treated as victims in every agency's records.",
        ),
        lead="police.board",
        review_interval_months=3,
        review_due_in=-16,
        reviews=(
            ReviewSpec(
                P.SOME_CONCERNS,
                "The exploitation subgroup agreed the shared map and an information-sharing "
                "agreement. Return-home conversation rates vary widely between agencies.",
            ),
            ReviewSpec(
                P.OFF_TRACK,
                "The shared map is not live: two agencies have not signed the "
                "information-sharing agreement. Missing episodes rose over the summer.",
            ),
            ReviewSpec(
                P.SOME_CONCERNS,
                "The map is live in the north of the county. Return-home conversations within "
                "72 hours rose from 54% to 68%. Disruption is still recorded unevenly.",
            ),
        ),
        measures=(
            "Return-home conversations offered and held within 72 hours of a child being "
            "found, by agency",
            "Disruption recorded against the places and adults on the shared map each quarter",
            "What young people tell the reference group about being treated as victims",
        ),
        themes=(action_texts.EXPLOITATION,),
        addresses=("child-exploitation",),
    ),
    PrioritySpec(
        key=VOICE,
        title="Hearing children and helping families early",
        description=(
            "Reviews and audits find the same gap: records say what adults think, not what "
            "the child said or what their day is like. Families tell us help came late, "
            "after a crisis. This priority joins the two: listen to children, and act on "
            "what they say before a problem becomes harm."
        ),
        objectives=(
            "Every assessment and plan records the child's own words and what was done about them.",
            "Any agency can start and lead an early help assessment, not only schools and "
            "children's services.",
            "A child who lived through a domestic abuse incident is supported at school the "
            "next day.",
            "Young people shape the partnership's work through their reference group.",
        ),
        lead="community.board",
        review_interval_months=4,
        review_due_in=52,
        reviews=(
            ReviewSpec(
                P.SOME_CONCERNS,
                "Baseline audit: the child's words were recorded in 5 of 12 records. Early "
                "help assessments are still started almost only by schools and children's "
                "services.",
            ),
            ReviewSpec(
                P.ON_TRACK,
                "Dip sample: the child's words recorded in 10 of 12 records. Nine schools in "
                "ten now hear of domestic abuse incidents before the next school day. Health "
                "visitors started 31 early help assessments this quarter.",
            ),
        ),
        measures=(
            "Dip samples of records by agency: the child's own words recorded and acted on",
            "Early help assessments started by agencies other than children's services and schools",
        ),
        themes=(action_texts.DOMESTIC_ABUSE, action_texts.EARLY_HELP),
        addresses=("domestic-abuse", "voice-of-the-child"),
    ),
)

# The scorecard indicator that shows a measure, by the measure's words (the plan is agreed
# before the scorecard's catalogue is loaded, so the links are made once it is).
MEASURE_INDICATORS = {
    "Children starting a second or later plan for neglect, against England and our "
    "statistical neighbours": "CSC-07",
    "Return-home conversations offered and held within 72 hours of a child being "
    "found, by agency": "CSC-11",
}
