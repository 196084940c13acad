"""The links of a chain, made straight from the models so that each test says what it needs:
a case review finding with a recommendation and an action, an audit finding with an action,
and a claim of impact attached to a record."""

from __future__ import annotations

import datetime

from django.utils import timezone

from safeboard.actions.factories import ActionFactory
from safeboard.actions.models import Action
from safeboard.audits.factories import AuditRoundFactory, FindingFactory
from safeboard.impact.models import Claim
from tests.reviews import builders as reviews

TODAY = timezone.localdate()


def review_link(theme, *, published=True, team=(), action_status=None, overdue=False):
    """A finding of a review tagged with `theme`, its recommendation and one action."""
    review = reviews.review(published=published, team=team)
    finding = reviews.finding(review, themes=[theme])
    recommendation = reviews.recommendation(review, finding=finding)
    due = TODAY - datetime.timedelta(days=3) if overdue else TODAY + datetime.timedelta(days=30)
    fields = {"source": recommendation, "due_on": due}
    if action_status == Action.Status.COMPLETE:
        fields.update(status=Action.Status.COMPLETE, completed_on=TODAY)
    action = ActionFactory(**fields)
    return finding, recommendation, action


def audit_link(theme, *, with_action=True, closed=True):
    audit_round = AuditRoundFactory(closed=closed) if closed else AuditRoundFactory()
    finding = FindingFactory(round=audit_round, themes=[theme])
    action = ActionFactory(source=finding) if with_action else None
    return finding, action


def story(subject, statement="A mother said the family was finally listened to."):
    return Claim.objects.create(
        kind=Claim.Kind.STORY,
        subject=subject,
        statement=statement,
        narrative="We were listened to at last.",
        told_by="a parent",
        consent_recorded=True,
        recorded_on=TODAY,
    )
