"""Children's voice in the demo: three participation activities with what children and young
people said, coded to themes, and the partnership's responses. One response is linked to an
action of the "Hearing children" priority and published on the public "you said, we did"
page; another is published with a policy change; some views still wait for a response.

Everything is written through the voice services, as the business manager would. Who took
part is counted by age band and group only: the demo names no child.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType

from safeboard.actions.models import Action
from safeboard.priorities.models import Priority
from safeboard.themes.factories import default_themes
from safeboard.voice import services

from .people import Directory
from .plan import BuiltPlan
from .plan_texts import VOICE
from .timeline import Clock


@dataclass(frozen=True)
class Said:
    text: str
    themes: tuple[str, ...]
    age_band: str = "11_15"
    group: str = ""
    we_did: str = ""
    policy_change: str = ""
    to_the_priority: bool = False  # linked to the priority and its first action
    published: bool = False


@dataclass(frozen=True)
class ActivitySpec:
    kind: str
    title: str
    held_days_ago: int
    description: str
    consent: str
    safeguarding: str
    taking_part: tuple[tuple[str, str, int], ...]  # age band, group, how many
    said: tuple[Said, ...]


ACTIVITIES = (
    ActivitySpec(
        kind="advisers",
        title="Young advisers: do professionals listen?",
        held_days_ago=150,
        description=(
            "The young advisers' group ran two evening sessions asking young people with a "
            "social worker whether the adults working with them listen, and what would help."
        ),
        consent="Each young person agreed in writing; parents of those under 16 were told.",
        safeguarding="Two trained youth workers present; one disclosure passed to the MASH the same evening.",
        taking_part=(("11_15", "Young advisers' group", 8), ("16_17", "Young advisers' group", 5)),
        said=(
            Said(
                "My plan was written about me but nobody asked me what I wanted in it.",
                ("voice-of-the-child",),
                group="Young advisers' group",
                we_did=(
                    "Social workers now meet you before each child protection conference to "
                    "write down what you want in your plan, in your own words."
                ),
                to_the_priority=True,
                published=True,
            ),
            Said(
                "I've had four social workers this year. I stopped telling them things.",
                ("voice-of-the-child", "supervision"),
                age_band="16_17",
                group="Young advisers' group",
                we_did="We asked Children's Services to report to the board on changes of worker.",
            ),
        ),
    ),
    ActivitySpec(
        kind="survey",
        title="Feeling safe online: schools survey",
        held_days_ago=95,
        description=(
            "An online survey offered through secondary schools and the college, asking "
            "where young people feel unsafe online and who they would tell."
        ),
        consent="Anonymous; the survey's first page explained what it was for and how to stop.",
        safeguarding="Every page linked to Childline and the school's safeguarding lead.",
        taking_part=(
            ("11_15", "Secondary schools", 412),
            ("16_17", "Brackford College", 97),
        ),
        said=(
            Said(
                "People get added to group chats by older boys they don't know.",
                ("child-exploitation",),
                group="Secondary schools",
                we_did=(
                    "Schools are teaching every year 8 class how to leave and report a group "
                    "chat, and the police now follow up reports about older boys adding children."
                ),
                policy_change="The e-safety policy for schools now covers group chats.",
                published=True,
            ),
            Said(
                "I wouldn't tell a teacher because they'd phone my mum.",
                ("voice-of-the-child",),
                age_band="16_17",
                group="Brackford College",
            ),
        ),
    ),
    ActivitySpec(
        kind="school",
        title="Year 6 sessions on keeping safe outside school",
        held_days_ago=40,
        description="Sessions in four primary schools on where children feel safe in their town.",
        consent="Schools told parents beforehand; parents could opt their child out.",
        safeguarding="The school's designated safeguarding lead attended each session.",
        taking_part=(("under_11", "Year 6, four primary schools", 104),),
        said=(
            Said(
                "The underpass by the station is scary when it's dark.",
                ("child-exploitation",),
                age_band="under_11",
                we_did="We asked the community safety partnership to light the underpass.",
            ),
            Said("Some grown-ups shout at kids in the park.", ("neglect",), age_band="under_11"),
        ),
    ),
)


def _priority_action(priority: Priority) -> Action | None:
    return (
        Action.objects.filter(
            source_type=ContentType.objects.get_for_model(Priority), source_id=priority.pk
        )
        .order_by("created_at", "pk")
        .first()
    )


def build_voice(*, clock: Clock, directory: Directory, plan: BuiltPlan) -> None:
    themes = default_themes()
    priority = plan.priorities[VOICE]
    action = _priority_action(priority)
    for spec in ACTIVITIES:
        held_on = clock.days_ago(spec.held_days_ago)
        activity = services.activity_create(
            kind=spec.kind,
            title=spec.title,
            held_on=held_on,
            description=spec.description,
            consent_notes=spec.consent,
            safeguarding_notes=spec.safeguarding,
            created_by=directory.manager,
        )
        for age_band, group, count in spec.taking_part:
            services.participation_add(
                activity=activity, age_band=age_band, group=group, count=count
            )
        for said in spec.said:
            contribution = services.contribution_add(
                activity=activity,
                text=said.text,
                age_band=said.age_band,
                group=said.group,
                themes=[themes[slug] for slug in said.themes],
            )
            if not said.we_did:
                continue
            responded_on = clock.days_ago(max(spec.held_days_ago - 30, 1))
            services.response_record(
                contribution=contribution,
                what_we_did=said.we_did,
                responded_on=responded_on,
                priority=priority if said.to_the_priority else None,
                action=action if said.to_the_priority else None,
                policy_change=said.policy_change,
            )
            if said.published:
                services.response_publish(
                    contribution=contribution, on=clock.days_ago(max(spec.held_days_ago - 35, 0))
                )
