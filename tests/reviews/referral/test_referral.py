"""Referral: a case is referred under an edition, keeps its timescales, and bad dates are
refused with nothing saved."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.partnership.factories import AgencyFactory
from safeboard.reviews.frameworks.timescales import add_working_days
from safeboard.reviews.models import AWARE_BEFORE_INCIDENT, Review
from safeboard.reviews.referral import services

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _refer(cast, edition, **overrides) -> Review:
    values = {
        "edition": edition,
        "child_pseudonym": "Child B",
        "age_band": Review.AgeBand.AGE_1_4,
        "agencies": [cast.home_agency, cast.other_agency],
        "incident_date": TODAY - datetime.timedelta(days=3),
        "aware_date": TODAY - datetime.timedelta(days=2),
        "summary": "A toddler was found with a fractured arm.",
        "referred_by": cast[Role.BUSINESS_MANAGER],
    }
    values.update(overrides)
    return services.refer_case(**values)


def test_a_referral_copies_the_editions_timescales_and_takes_the_next_reference(cast, wt2023):
    first = _refer(
        cast,
        wt2023,
        aware_date=datetime.date(TODAY.year, 1, 1),
        incident_date=datetime.date(TODAY.year, 1, 1),
    )
    second = _refer(cast, wt2023)

    assert first.reference == f"CR-{TODAY.year}-01"
    assert second.reference == f"CR-{TODAY.year}-02"
    assert second.stage == Review.Stage.REFERRED
    assert (second.notification_working_days, second.rapid_review_working_days) == (5, 15)
    assert second.rapid_review_basis == wt2023.rapid_review_basis
    assert second.review_months == 6
    assert set(second.agencies.all()) == {cast.home_agency, cast.other_agency}


def test_becoming_aware_before_the_incident_is_refused_and_nothing_is_saved(cast, wt2023):
    with pytest.raises(ValidationError) as error:
        _refer(
            cast,
            wt2023,
            incident_date=TODAY - datetime.timedelta(days=2),
            aware_date=TODAY - datetime.timedelta(days=3),
        )
    assert error.value.message_dict == {"aware_date": [AWARE_BEFORE_INCIDENT]}
    assert not Review.objects.exists()


def test_dates_in_the_future_are_refused(cast, wt2023):
    tomorrow = TODAY + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        _refer(cast, wt2023, incident_date=tomorrow, aware_date=tomorrow)
    assert error.value.message_dict == {
        "incident_date": [services.INCIDENT_IN_FUTURE],
        "aware_date": [services.AWARE_IN_FUTURE],
    }


def test_the_referral_form_refers_the_case_and_shows_its_due_dates(cast, wt2023, manager_client):
    aware = TODAY - datetime.timedelta(days=1)
    response = manager_client.post(
        reverse("reviews:refer"),
        {
            "edition": wt2023.pk,
            "child_pseudonym": "Child C",
            "age_band": Review.AgeBand.UNDER_1,
            "agencies": [cast.home_agency.pk],
            "incident_date": aware.isoformat(),
            "aware_date": aware.isoformat(),
            "summary": "A baby was brought to hospital with a head injury.",
        },
        follow=True,
    )

    review = Review.objects.get()
    assert response.redirect_chain[-1][0] == review.get_absolute_url()
    page = response.content.decode()
    assert f"Case {review.reference} referred" in page
    assert add_working_days(aware, 5).strftime("%-d %B %Y") in page
    assert add_working_days(aware, 15).strftime("%-d %B %Y") in page


def test_the_referral_form_names_the_problem_when_the_dates_are_the_wrong_way_round(
    cast, wt2023, manager_client
):
    response = manager_client.post(
        reverse("reviews:refer"),
        {
            "edition": wt2023.pk,
            "child_pseudonym": "Child C",
            "age_band": Review.AgeBand.UNDER_1,
            "agencies": [cast.home_agency.pk],
            "incident_date": (TODAY - datetime.timedelta(days=1)).isoformat(),
            "aware_date": (TODAY - datetime.timedelta(days=4)).isoformat(),
            "summary": "A baby was brought to hospital with a head injury.",
        },
    )

    assert response.status_code == 400
    assert AWARE_BEFORE_INCIDENT in response.content.decode()
    assert not Review.objects.exists()


def test_a_referral_needs_the_agencies_involved(cast, wt2023):
    with pytest.raises(ValidationError) as error:
        _refer(cast, wt2023, agencies=[])
    assert error.value.message_dict == {"agencies": [services.AGENCIES_REQUIRED]}


def test_the_form_offers_the_current_edition_first(manager_client, wt2023):
    AgencyFactory(name="Shire Council")
    page = manager_client.get(reverse("reviews:refer")).content.decode()
    assert page.index("Working Together 2023 (current)") < page.index("Working Together 2010")
