"""The other sources of learning in the demo: two findings of the child death overview panel,
three national reviews and reports with what the partnership decided about each, and the
partnership's protocols with other boards, with a challenge raised with one of them.

All written through the apps' services. The child death findings identify no child: each is
the panel's learning across the deaths it reviewed, with the category of death as data.
"""

from __future__ import annotations

from dataclasses import dataclass

from safeboard.challenges.models import Challenge
from safeboard.child_deaths import services as child_deaths
from safeboard.child_deaths.models import DeathCategory
from safeboard.national_learning import services as national
from safeboard.other_boards import services as boards
from safeboard.themes.factories import default_themes

from .names import COUNTY
from .people import Directory
from .timeline import Clock

# A challenge of the demo's challenge log that the partnership took to the community safety
# partnership, which leads on domestic abuse.
CHALLENGE_WITH_THE_CSP = "Children present at domestic abuse incidents"


@dataclass(frozen=True)
class Finding:
    title: str
    text: str
    category: int
    modifiable: str
    deaths: int
    agreed_days_ago: int
    themes: tuple[str, ...]
    recommendation: str
    action: str
    owner: str  # a person key of the demo
    due_in: int


CHILD_DEATH_FINDINGS = (
    Finding(
        title="Safer sleep advice given once and not repeated",
        text=(
            "In three sudden unexpected deaths of infants, parents had been given safer sleep "
            "advice at birth but not again, and the risks changed when the family moved, a "
            "parent was drinking or the baby slept on a sofa."
        ),
        category=10,
        modifiable="yes",
        deaths=3,
        agreed_days_ago=160,
        themes=("safe-sleeping", "substance-misuse"),
        recommendation="Repeat and record safer sleep advice at every contact in the first year.",
        action="Add a safer sleep check to every health visitor contact in the first year",
        owner="community.lead",
        due_in=45,
    ),
    Finding(
        title="Self-harm seen in the emergency department not shared with school",
        text=(
            "In two deaths of young people by suicide, earlier attendances at the emergency "
            "department after self-harm were not shared with the school, which saw a young "
            "person withdrawing without knowing why."
        ),
        category=2,
        modifiable="yes",
        deaths=2,
        agreed_days_ago=75,
        themes=("information-sharing",),
        recommendation=(
            "The hospital tells the school's safeguarding lead, with consent, when a pupil "
            "attends after self-harm."
        ),
        action="Agree a consent-based notice to schools after self-harm attendances",
        owner="acute.lead",
        due_in=60,
    ),
)


@dataclass(frozen=True)
class National:
    kind: str
    title: str
    publisher: str
    published_days_ago: int
    summary: str
    themes: tuple[str, ...]
    decision: str
    recommendation: str
    action: str
    owner: str
    due_in: int


NATIONAL_REVIEWS = (
    National(
        kind="panel_review",
        title="The myth of invisible men",
        publisher="Child Safeguarding Practice Review Panel",
        published_days_ago=700,
        summary=(
            "Men who harmed babies were often known to services but absent from assessments "
            "and plans; practitioners rarely engaged fathers and male carers."
        ),
        themes=("fathers-and-unseen-men",),
        decision=(
            "Check our own practice by audit, and add working with fathers to the multi-agency "
            "training programme."
        ),
        recommendation="Every assessment names and checks each adult in the household.",
        action="Audit whether assessments name and check each adult in the household",
        owner="la.lead",
        due_in=20,
    ),
    National(
        kind="panel_review",
        title="Child protection in England",
        publisher="Child Safeguarding Practice Review Panel",
        published_days_ago=420,
        summary=(
            "Agencies held information about risk that was not brought together, and "
            "decisions were made by one agency on partial information."
        ),
        themes=("information-sharing", "professional-curiosity"),
        decision="Review how strategy discussions gather what each agency knows.",
        recommendation="Police, health and education attend every strategy discussion.",
        action="Report attendance at strategy discussions to the board each quarter",
        owner="police.lead",
        due_in=30,
    ),
    National(
        kind="thematic",
        title="Multi-agency response to children affected by domestic abuse",
        publisher="Joint targeted area inspection (Ofsted, CQC, HMICFRS, HMI Probation)",
        published_days_ago=250,
        summary=(
            "Children living with domestic abuse were often seen only as witnesses; their own "
            "experience and the harm to them were not assessed."
        ),
        themes=("domestic-abuse", "voice-of-the-child"),
        decision="Ask every agency how its records show the child's own experience of abuse.",
        recommendation="Domestic abuse notifications to schools include what the child saw.",
        action="Add the child's experience to the domestic abuse notification to schools",
        owner="schools.lead",
        due_in=90,
    ),
)


def build_wider_learning(*, clock: Clock, directory: Directory) -> None:
    themes = default_themes()
    manager = directory.manager
    for spec in CHILD_DEATH_FINDINGS:
        agreed_on = clock.days_ago(spec.agreed_days_ago)
        finding = child_deaths.finding_create(
            title=spec.title,
            text=spec.text,
            category=DeathCategory.objects.get(number=spec.category),
            modifiable_factors=spec.modifiable,
            deaths_reviewed=spec.deaths,
            agreed_on=agreed_on,
            themes=[themes[slug] for slug in spec.themes],
            created_by=manager,
        )
        recommendation = child_deaths.recommendation_add(
            finding=finding, text=spec.recommendation, made_on=agreed_on
        )
        child_deaths.recommendation_add_action(
            recommendation=recommendation,
            title=spec.action,
            owner_person=directory.people[spec.owner],
            due_on=clock.days_ahead(spec.due_in),
            created_by=manager,
        )
    for review_spec in NATIONAL_REVIEWS:
        review = national.review_log(
            kind=review_spec.kind,
            title=review_spec.title,
            publisher=review_spec.publisher,
            published_on=clock.days_ago(review_spec.published_days_ago),
            summary=review_spec.summary,
            themes=[themes[slug] for slug in review_spec.themes],
            created_by=manager,
        )
        decided_on = clock.days_ago(max(review_spec.published_days_ago - 60, 1))
        national.review_decide(review=review, decision=review_spec.decision, decided_on=decided_on)
        national_recommendation = national.recommendation_add(
            review=review, text=review_spec.recommendation, made_on=decided_on
        )
        national.recommendation_add_action(
            recommendation=national_recommendation,
            title=review_spec.action,
            owner_person=directory.people[review_spec.owner],
            due_on=clock.days_ahead(review_spec.due_in),
            created_by=manager,
        )
    _build_other_boards(clock=clock, directory=directory)


def _build_other_boards(*, clock: Clock, directory: Directory) -> None:
    safety = boards.board_add(
        name=f"{COUNTY} Community Safety Partnership",
        kind="community_safety",
        contact="Community safety manager, the county council",
    )
    boards.protocol_add(
        board=safety,
        title="Joint working on domestic abuse and exploitation",
        agreed_on=clock.days_ago(340),
        review_on=clock.days_ahead(25),
        lead_person=directory.people["manager"],
    )
    boards.challenge_link(
        board=safety,
        challenge=Challenge.objects.get(title=CHALLENGE_WITH_THE_CSP),
        direction="by_us",
    )
    adults = boards.board_add(
        name=f"{COUNTY} Safeguarding Adults Board",
        kind="adults",
        contact="Business manager, the adults board",
    )
    boards.protocol_add(
        board=adults,
        title="Young people moving from children's to adults' safeguarding",
        agreed_on=clock.days_ago(200),
        review_on=clock.days_ahead(165),
        lead_person=directory.people["manager"],
    )
