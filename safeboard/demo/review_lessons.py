"""The lessons of the demo's case reviews: findings tagged with themes, recommendations to
agencies with their actions on the action plan, and briefings (texts in
review_lessons_texts.py).

Everything is made through the reviews' own services, then dated to the day it would have
happened: a published review's findings and recommendations a week after publication, a
running review's two weeks ago. The published reviews' briefings are shared with
practitioners; the running reviews' are drafts. Two briefings on a theme are shared, a third
is a draft.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from safeboard.actions import services as action_services
from safeboard.actions.models import Action
from safeboard.reviews.briefings import services as briefings_services
from safeboard.reviews.findings import services as findings_services
from safeboard.reviews.models import Briefing, Finding, Recommendation, Review
from safeboard.themes.factories import default_themes

from .people import Directory
from .review_lessons_texts import (
    COMPLETE,
    COMPLETION_EVIDENCE,
    IN_PROGRESS,
    LESSONS,
    THEME_BRIEFINGS,
    ActionPlan,
    BriefingText,
    ReviewLessons,
)
from .timeline import Backdater, Clock, date_every_entry, date_latest_entry

PLAN_DAYS_AFTER_PUBLICATION = 7
RUNNING_PLAN_DAYS_AGO = 14


@dataclass
class BuiltLessons:
    findings: list[Finding] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    briefings: list[Briefing] = field(default_factory=list)


def build_review_lessons(
    *, rng: random.Random, clock: Clock, directory: Directory, reviews: dict[str, Review]
) -> BuiltLessons:
    builder = _Builder(rng, clock, directory)
    for key, lessons in LESSONS.items():
        if key in reviews:
            builder.review_lessons(reviews[key], lessons)
    for text in THEME_BRIEFINGS:
        builder.theme_briefing(text.theme, text.briefing, text.shared_days_ago)
    builder.backdater.apply()
    return builder.built


class _Builder:
    def __init__(self, rng: random.Random, clock: Clock, directory: Directory) -> None:
        self.rng = rng
        self.clock = clock
        self.directory = directory
        self.author = directory.manager
        self.themes = default_themes()
        self.backdater = Backdater()
        self.built = BuiltLessons()

    def review_lessons(self, review: Review, lessons: ReviewLessons) -> None:
        published_on = review.published_on if review.is_published else None
        made_on = (
            published_on + datetime.timedelta(days=PLAN_DAYS_AFTER_PUBLICATION)
            if published_on is not None
            else self.clock.days_ago(RUNNING_PLAN_DAYS_AGO)
        )
        findings = []
        for text in lessons.findings:
            finding = findings_services.finding_create(
                review=review,
                title=text.title,
                text=text.text,
                evidence=text.evidence,
                themes=[self.themes[slug] for slug in text.themes],
            )
            self._stamp(finding, made_on)
            findings.append(finding)
        self.built.findings += findings
        for spec in lessons.recommendations:
            recommendation = findings_services.recommendation_create(
                review=review,
                text=spec.text,
                finding=findings[spec.finding],
                agencies=[self.directory.agencies[key] for key in spec.agencies],
            )
            self._stamp(recommendation, made_on)
            self.built.recommendations.append(recommendation)
            if spec.actions:
                self._actions(recommendation, spec.actions, spec.title, made_on)
        if lessons.briefing is not None:
            shared_on = None
            if published_on is not None and lessons.briefing.shared_days_after is not None:
                shared_on = published_on + datetime.timedelta(
                    days=lessons.briefing.shared_days_after
                )
            self._briefing(lessons.briefing, made_on, shared_on, review=review)

    def theme_briefing(self, slug: str, text: BriefingText, shared_days_ago: int | None) -> None:
        written_on = self.clock.days_ago((shared_days_ago or 0) + 10)
        shared_on = self.clock.days_ago(shared_days_ago) if shared_days_ago else None
        self._briefing(text, written_on, shared_on, theme=self.themes[slug])

    def _actions(
        self,
        recommendation: Recommendation,
        plans: tuple[ActionPlan, ...],
        title: str,
        made_on: datetime.date,
    ) -> None:
        agencies = {plan.agency: self.directory.agencies[plan.agency] for plan in plans}
        due_dates = {agencies[plan.agency]: self._due_on(plan, made_on) for plan in plans}
        actions = findings_services.recommendation_create_actions(
            recommendation=recommendation,
            owners={agencies[plan.agency]: self.directory.people[plan.owner] for plan in plans},
            due_dates=due_dates,
            title=title,
            created_by=self.author,
        )
        by_agency = {action.owner_agency_id: action for action in actions}
        for plan in plans:
            action = by_agency[agencies[plan.agency].pk]
            self.backdater.stamp(
                action, when=self.clock.at(made_on), user=self.author, field="created_at"
            )
            self._follow_up(action, plan, made_on)
            self.built.actions.append(action)

    def _due_on(self, plan: ActionPlan, made_on: datetime.date) -> datetime.date:
        if plan.state == COMPLETE:
            return made_on + datetime.timedelta(days=plan.due_in)
        return self.clock.days_ahead(plan.due_in)

    def _follow_up(self, action: Action, plan: ActionPlan, made_on: datetime.date) -> None:
        owner = self.directory.user_of(action.owner_person)
        if plan.state == COMPLETE:
            days_early = self.rng.randint(0, 20)
            completed_on = max(
                made_on + datetime.timedelta(days=1),
                min(action.due_on - datetime.timedelta(days=days_early), self.clock.today),
            )
            evidence = action_services.action_add_evidence(
                action=action,
                description=self.rng.choice(COMPLETION_EVIDENCE),
                evidence_dated=completed_on,
                added_by=owner,
            )
            self.backdater.stamp(
                evidence, when=self.clock.at(completed_on, 11), user=owner, field="added_at"
            )
            action_services.action_complete(action=action, completed_on=completed_on)
            date_latest_entry(action, self.clock.at(completed_on, 15), owner)
        elif plan.state == IN_PROGRESS:
            written_on = max(made_on, self.clock.days_ago(self.rng.randint(3, 30)))
            update = action_services.action_add_progress(
                action=action, text=plan.progress, written_on=written_on, author=owner
            )
            self.backdater.stamp(
                update, when=self.clock.at(written_on, 14), user=owner, field="created_at"
            )

    def _briefing(
        self,
        text: BriefingText,
        written_on: datetime.date,
        shared_on: datetime.date | None,
        **about,
    ) -> None:
        briefing = briefings_services.briefing_create(
            title=text.title,
            what_happened=text.what_happened,
            what_we_learned=text.what_we_learned,
            what_to_do_differently=text.what_to_do_differently,
            questions_for_supervision="\n".join(text.questions),
            # Shared briefings go on the public site too (a review's, once it is published).
            is_public=shared_on is not None,
            **about,
        )
        self._stamp(briefing, written_on)
        if shared_on is not None:
            briefings_services.briefing_share(briefing=briefing, shared_on=shared_on)
            date_latest_entry(briefing, self.clock.at(shared_on), self.author)
        self.built.briefings.append(briefing)

    def _stamp(self, record: Finding | Recommendation | Briefing, day: datetime.date) -> None:
        """Date every History entry so far (tagging themes or agencies adds one) to `day`."""
        date_every_entry(record, self.clock.at(day), self.author)
