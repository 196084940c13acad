"""The framework table: five editions as data, editable, and never moving a running review."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.reviews.cases.steps import statutory_steps
from safeboard.reviews.decision import services as decision_services
from safeboard.reviews.factories import ReviewFactory, partners_agreeing
from safeboard.reviews.frameworks import services as framework_services
from safeboard.reviews.frameworks.timescales import notification_due, rapid_review_due
from safeboard.reviews.models import (
    CriterionAnswer,
    FrameworkCriterion,
    FrameworkEdition,
    RapidReviewBasis,
)
from safeboard.reviews.referral import services

pytestmark = pytest.mark.django_db


def _update(edition, **overrides):
    values = {field: getattr(edition, field) for field in framework_services.TIMESCALE_FIELDS}
    values["reason"] = "Our procedures count ten days for the notification."
    values.update(overrides)
    framework_services.edition_update(edition=edition, **values)


def test_the_table_holds_five_editions_with_2023_current(wt2023):
    editions = {e.code: e for e in FrameworkEdition.objects.all()}
    assert set(editions) == {"wt2010", "wt2013", "wt2015", "wt2018", "wt2023"}
    assert [e.code for e in FrameworkEdition.objects.filter(is_current=True)] == ["wt2023"]
    assert editions["wt2010"].notification_working_days is None
    assert editions["wt2013"].notification_working_days == 5
    assert editions["wt2013"].rapid_review_working_days is None
    for code in ("wt2018", "wt2023"):
        assert (
            editions[code].notification_working_days,
            editions[code].rapid_review_working_days,
        ) == (5, 15)
        assert editions[code].rapid_review_basis == RapidReviewBasis.AWARE
    assert {e.review_months for e in editions.values()} == {6}
    kinds = set(FrameworkCriterion.objects.values_list("kind", flat=True))
    assert kinds == {"must", "consider", "notify", "regard"}


def test_2015_always_holds_a_review_of_a_death_in_custody_or_under_mental_health_law(wt2023):
    edition = FrameworkEdition.objects.get(code="wt2015")
    assert (edition.regime, edition.notification_body, edition.notification_working_days) == (
        FrameworkEdition.Regime.SERIOUS_CASE_REVIEW,
        "Ofsted",
        5,
    )
    must = edition.criteria.filter(kind=FrameworkCriterion.Kind.MUST_REVIEW)
    custody = must.get(code="M3").text
    assert "custody" in custody and "Mental Health Act" in custody
    assert edition.quality == FrameworkEdition.Quality.PANEL_FEEDBACK


def test_2018_and_2023_record_what_the_partners_should_also_have_regard_to(wt2023):
    for code in ("wt2018", "wt2023"):
        regard = FrameworkCriterion.objects.filter(
            edition__code=code, kind=FrameworkCriterion.Kind.REGARD
        )
        assert list(regard.values_list("code", flat=True)) == ["R1", "R2", "R3", "R4"]
    assert (
        "integrated care board"
        in FrameworkCriterion.objects.get(edition__code="wt2023", code="R3").text
    )


def test_only_the_2010_edition_was_graded_by_ofsted(wt2023):
    graded = FrameworkEdition.objects.filter(quality=FrameworkEdition.Quality.OFSTED_GRADE)
    assert list(graded.values_list("code", flat=True)) == ["wt2010"]


def test_a_table_loaded_before_2015_is_completed_without_touching_edits(wt2023):
    from safeboard.reviews.frameworks.data import complete_editions

    FrameworkEdition.objects.filter(code="wt2015").delete()
    FrameworkCriterion.objects.filter(kind=FrameworkCriterion.Kind.REGARD).delete()
    FrameworkEdition.objects.update(quality=FrameworkEdition.Quality.PANEL_FEEDBACK)
    wt2023.criteria.filter(code="C1").update(text="Our own words.")

    complete_editions(FrameworkEdition, FrameworkCriterion)

    assert FrameworkEdition.objects.filter(code="wt2015").exists()
    assert wt2023.criteria.filter(kind=FrameworkCriterion.Kind.REGARD).count() == 4
    assert wt2023.criteria.get(code="C1").text == "Our own words."
    assert FrameworkEdition.objects.get(code="wt2010").quality == "ofsted_grade"


def test_editing_the_timescales_never_moves_a_running_reviews_due_dates(cast, wt2023):
    review = ReviewFactory(edition=wt2023, referred_by=cast[Role.BUSINESS_MANAGER])
    before = [
        (step.key, step.due_on) for step in statutory_steps(review, today=timezone.localdate())
    ]

    _update(
        wt2023,
        notification_working_days=10,
        rapid_review_working_days=25,
        rapid_review_basis=RapidReviewBasis.NOTIFIED,
        review_months=9,
    )

    review.refresh_from_db()
    after = [
        (step.key, step.due_on) for step in statutory_steps(review, today=timezone.localdate())
    ]
    assert after == before
    assert (review.notification_working_days, review.rapid_review_working_days) == (5, 15)
    assert review.rapid_review_basis == RapidReviewBasis.AWARE
    assert review.review_months == 6
    # A case referred afterwards counts with the new timescales.
    later = services.refer_case(
        edition=wt2023,
        child_pseudonym="Child D",
        age_band="5_9",
        agencies=[cast.home_agency],
        incident_date=review.incident_date,
        aware_date=review.aware_date,
        summary="A child was seriously injured.",
        referred_by=cast[Role.BUSINESS_MANAGER],
    )
    assert notification_due(later) > notification_due(review)
    assert rapid_review_due(later, notification_sent_on=None) is None


def test_editing_through_the_page_keeps_the_running_review_and_records_the_reason(
    cast, wt2023, manager_client
):
    review = ReviewFactory(edition=wt2023, referred_by=cast[Role.BUSINESS_MANAGER])
    due_before = notification_due(review)
    data = {
        "notification_body": wt2023.notification_body,
        "notification_working_days": 7,
        "rapid_review_working_days": 15,
        "rapid_review_basis": "aware",
        "review_months": 6,
        "guidance": wt2023.guidance,
        "is_current": "on",
        "reason": "Local procedure agreed by the partners.",
    }

    response = manager_client.post(
        reverse("reviews:framework_edit", kwargs={"pk": wt2023.pk}), data
    )

    assert response.status_code == 302
    wt2023.refresh_from_db()
    assert wt2023.notification_working_days == 7
    review.refresh_from_db()
    assert notification_due(review) == due_before
    history = manager_client.get(reverse("reviews:framework_history", kwargs={"pk": wt2023.pk}))
    assert "Local procedure agreed by the partners." in history.content.decode()


def test_a_rapid_review_needs_a_notification_to_count_from(wt2023):
    with pytest.raises(ValidationError) as error:
        _update(wt2023, notification_working_days=None)
    assert error.value.message_dict == {
        "notification_working_days": [framework_services.RAPID_REVIEW_NEEDS_NOTIFICATION]
    }


def test_a_change_needs_a_reason(wt2023):
    with pytest.raises(ValidationError) as error:
        _update(wt2023, reason=" ")
    assert error.value.message_dict == {"reason": [framework_services.REASON_REQUIRED]}


def test_making_an_edition_current_makes_it_the_only_one(wt2023):
    wt2018 = FrameworkEdition.objects.get(code="wt2018")
    _update(wt2018, is_current=True)
    assert list(FrameworkEdition.objects.filter(is_current=True)) == [wt2018]


def test_criteria_are_added_changed_and_removed_with_their_history(wt2023, manager_client):
    criterion = framework_services.criterion_add(
        edition=wt2023, code="C9", kind="consider", text="A child died in custody."
    )
    assert criterion.position == wt2023.criteria.count()
    framework_services.criterion_update(
        criterion=criterion, code="C9", kind="must", text="A child died in custody.", position=1
    )
    framework_services.criterion_remove(criterion=criterion)
    assert not FrameworkCriterion.objects.filter(code="C9").exists()

    page = manager_client.get(reverse("reviews:framework_history", kwargs={"pk": wt2023.pk}))
    text = page.content.decode()
    assert "Criterion C9: created" in text
    assert "Criterion C9: changed" in text
    assert "Criterion C9: deleted" in text


def test_a_criterion_code_is_unique_within_its_edition(wt2023):
    with pytest.raises(ValidationError) as error:
        framework_services.criterion_add(edition=wt2023, code="c1", kind="consider", text="Again.")
    assert "code" in error.value.message_dict


def test_an_answered_criterion_stays_and_answers_keep_their_words(cast, review):
    criteria = list(review.edition.criteria.order_by("position"))
    decision_services.decision_record(
        review=review,
        outcome="no_review",
        reasons="Below the criteria.",
        partners=partners_agreeing(review.aware_date),
        answers={c.pk: {"answer": "not_met", "reason": "No."} for c in criteria},
        recorded_by=cast[Role.BUSINESS_MANAGER],
    )
    first = criteria[0]
    words = first.text
    with pytest.raises(ValidationError) as error:
        framework_services.criterion_remove(criterion=first)
    assert error.value.messages == [framework_services.CRITERION_ANSWERED.format(code=first.code)]

    framework_services.criterion_update(
        criterion=first, code=first.code, kind=first.kind, text="New words.", position=1
    )
    assert CriterionAnswer.objects.get(criterion=first).criterion_text == words


def test_the_table_pages_show_the_editions(wt2023, manager_client):
    page = manager_client.get(reverse("reviews:framework_list")).content.decode()
    assert "Working Together 2010" in page and "Working Together 2023" in page
    detail = manager_client.get(reverse("reviews:framework_detail", kwargs={"pk": wt2023.pk}))
    assert "the Child Safeguarding Practice Review Panel" in detail.content.decode()
