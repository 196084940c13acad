"""Who may open each page of referral to published review.

A review that is not published is open only to its team, the business manager and the chair:
everyone else gets 404 (refused_status), as for a review that does not exist. Here the home
agency's auditor sits on the review's team.
"""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.reviews.factories import (
    AgencyContributionFactory,
    DecisionFactory,
    MilestoneFactory,
    ReviewFactory,
    TeamMemberFactory,
    edition,
)
from safeboard.reviews.models import (
    Decision,
    FrameworkCriterion,
    Review,
    ReviewDocument,
    TeamMember,
)
from tests.access import EVERY_ROLE, AccessCase

MANAGER = frozenset({Role.BUSINESS_MANAGER})
BOARD = frozenset({Role.BUSINESS_MANAGER, Role.CHAIR})
# The business manager, the chair, and the auditor on the review's team.
TEAM = BOARD | {Role.AUDITOR}
CHAIR = frozenset({Role.CHAIR})
NOT_FOUND = 404


def restricted_review(cast) -> Review:
    review = ReviewFactory(referred_by=cast[Role.BUSINESS_MANAGER])
    TeamMemberFactory(review=review, user=cast[Role.AUDITOR], role=TeamMember.Role.REVIEW_TEAM)
    return review


def _review(cast) -> dict:
    return {"pk": restricted_review(cast).pk}


def _in_state(**fields):
    """A restricted review in the state its form needs (lifecycle.py): a form the state does
    not allow refuses its GET, which would hide whether the role gets in."""

    def kwargs(cast) -> dict:
        review = restricted_review(cast)
        Review.objects.filter(pk=review.pk).update(**fields)
        return {"pk": review.pk}

    return kwargs


_notified = _in_state(notification_sent_on=timezone.localdate())
_in_review = _in_state(stage=Review.Stage.IN_REVIEW)
_reported = _in_state(stage=Review.Stage.REPORTED)


def _published(cast) -> dict:
    review = ReviewFactory(
        referred_by=cast[Role.BUSINESS_MANAGER],
        stage=Review.Stage.PUBLISHED,
        published_on=timezone.localdate(),
    )
    return {"pk": review.pk}


def _scr_reported(cast) -> dict:
    """A serious case review of 2010 with its final report in: Ofsted's grade is offered."""
    review = restricted_review(cast)
    Review.objects.filter(pk=review.pk).update(
        edition=edition("wt2010"), stage=Review.Stage.REPORTED
    )
    DecisionFactory(
        review=review, outcome=Decision.Outcome.SCR, recorded_by=cast[Role.BUSINESS_MANAGER]
    )
    return {"pk": review.pk}


def _published_report(cast) -> dict:
    """The final report of a published review, which every reader may download."""
    review = ReviewFactory(
        referred_by=cast[Role.BUSINESS_MANAGER],
        stage=Review.Stage.PUBLISHED,
        published_on=timezone.localdate(),
    )
    document = ReviewDocument(
        review=review,
        kind=ReviewDocument.Kind.FINAL_REPORT,
        original_name="final.pdf",
        content_type="application/pdf",
        uploaded_by=cast[Role.BUSINESS_MANAGER],
    )
    document.file.save("final.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    document.save()
    return {"pk": review.pk, "document_pk": document.pk}


def _decided(cast) -> dict:
    review = restricted_review(cast)
    DecisionFactory(review=review, recorded_by=cast[Role.BUSINESS_MANAGER])
    return {"pk": review.pk}


def _team_member(cast) -> dict:
    review = restricted_review(cast)
    member = TeamMemberFactory(review=review, role=TeamMember.Role.PANEL_MEMBER)
    return {"pk": review.pk, "member_pk": member.pk}


def _contribution(cast) -> dict:
    review = restricted_review(cast)
    contribution = AgencyContributionFactory(review=review, agency=cast.home_agency)
    return {"pk": review.pk, "contribution_pk": contribution.pk}


def _milestone(cast) -> dict:
    review = restricted_review(cast)
    return {"pk": review.pk, "milestone_pk": MilestoneFactory(review=review).pk}


def _document(cast) -> dict:
    review = restricted_review(cast)
    document = ReviewDocument(
        review=review,
        kind=ReviewDocument.Kind.DRAFT_REPORT,
        original_name="draft.pdf",
        content_type="application/pdf",
        uploaded_by=cast[Role.BUSINESS_MANAGER],
    )
    document.file.save("draft.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    document.save()
    return {"pk": review.pk, "document_pk": document.pk}


def _edition(cast) -> dict:
    return {"pk": edition("wt2023").pk}


def _criterion(cast) -> dict:
    wt2023 = edition("wt2023")
    criterion = FrameworkCriterion.objects.filter(edition=wt2023).first()
    return {"pk": wt2023.pk, "criterion_pk": criterion.pk}


def _restricted(url_name: str, allowed=TEAM, kwargs=_review) -> AccessCase:
    return AccessCase(url_name, frozenset(allowed), kwargs, refused_status=NOT_FOUND)


ACCESS_CASES = [
    AccessCase("reviews:list", EVERY_ROLE),
    AccessCase("reviews:refer", BOARD),
    AccessCase("reviews:access_log", MANAGER),
    AccessCase("reviews:framework_list", MANAGER),
    AccessCase("reviews:framework_detail", MANAGER, _edition),
    AccessCase("reviews:framework_edit", MANAGER, _edition),
    AccessCase("reviews:framework_history", MANAGER, _edition),
    AccessCase("reviews:criterion_add", MANAGER, _edition),
    AccessCase("reviews:criterion_edit", MANAGER, _criterion),
    AccessCase("reviews:criterion_remove", MANAGER, _criterion),
    _restricted("reviews:detail"),
    # Once published, everyone signed in with a role reads its summary...
    AccessCase("reviews:detail", EVERY_ROLE, _published),
    # ...but its working pages stay with the team.
    _restricted("reviews:decision", BOARD, _published),
    _restricted("reviews:notification"),
    _restricted("reviews:rapid_review", TEAM, _notified),
    _restricted("reviews:decision"),
    _restricted("reviews:decision_record"),
    _restricted("reviews:decision_sign_off", CHAIR, _decided),
    _restricted("reviews:setup", TEAM, _in_review),
    _restricted("reviews:team_add", BOARD),
    _restricted("reviews:team_remove", BOARD, _team_member),
    _restricted("reviews:contribution_request"),
    _restricted("reviews:contribution_received", TEAM, _contribution),
    _restricted("reviews:event_add"),
    _restricted("reviews:milestone_add"),
    _restricted("reviews:milestone_complete", TEAM, _milestone),
    _restricted("reviews:document_upload"),
    _restricted("reviews:document_download", TEAM, _document),
    _restricted("reviews:publish", BOARD, _reported),
    _restricted("reviews:quality", BOARD, _scr_reported),
    _restricted("reviews:panel_feedback", BOARD, _reported),
    _restricted("reviews:lessons_export"),
    # A published review's lessons and final report are every reader's.
    AccessCase("reviews:lessons_export", EVERY_ROLE, _published),
    AccessCase("reviews:document_download", EVERY_ROLE, _published_report),
]
