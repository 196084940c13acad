"""The rapid review is a record: what is known, what was done, the learning, whether a national
review may suit, the decision on a local review and why, the day sent to the Panel and the
Panel's response, with each date checked."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.reviews import lifecycle
from safeboard.reviews.models import RapidReview
from safeboard.reviews.referral import services

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


@pytest.fixture
def notified(review):
    services.record_notification_sent(review=review, sent_on=review.aware_date)
    return review


def _record(cast, review, **overrides) -> RapidReview:
    values = {
        "review": review,
        "facts": "A baby was admitted with a fractured skull.",
        "immediate_actions": "The baby and her brother are in foster care.",
        "learning": "The father was not known to the health visitor.",
        "national_review": RapidReview.NationalReview.NOT_SUITED,
        "local_review": RapidReview.LocalReview.LCSPR,
        "local_review_reasons": "Recurrent learning about unseen men.",
        "recorded_by": cast[Role.BUSINESS_MANAGER],
    }
    values.update(overrides)
    return services.rapid_review_record(**values)


def test_the_record_holds_every_part_and_the_day_sent(cast, notified):
    sent = notified.aware_date + datetime.timedelta(days=3)
    record = _record(cast, notified, sent_on=sent)
    notified.refresh_from_db()
    assert notified.rapid_review_sent_on == sent
    assert record.local_review == RapidReview.LocalReview.LCSPR
    assert record.immediate_actions.startswith("The baby")


def test_a_draft_is_kept_before_it_is_sent(cast, notified):
    _record(cast, notified)
    notified.refresh_from_db()
    assert notified.rapid_review_sent_on is None
    assert notified.rapid_review.facts


def test_each_part_is_asked_for(cast, notified):
    with pytest.raises(ValidationError) as error:
        _record(
            cast, notified, facts=" ", immediate_actions="", national_review="", local_review=""
        )
    assert set(error.value.message_dict) == {
        "facts",
        "immediate_actions",
        "national_review",
        "local_review",
    }
    assert not RapidReview.objects.exists()


def test_it_is_not_written_before_the_notification(cast, review):
    with pytest.raises(ValidationError) as error:
        _record(cast, review)
    assert error.value.messages == [lifecycle.RAPID_REVIEW_BEFORE_NOTIFICATION]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"sent_on": TODAY + datetime.timedelta(1)}, "sent_on", services.RAPID_REVIEW_IN_FUTURE),
        (
            {"panel_response": "Agreed.", "panel_response_on": TODAY},
            "panel_response_on",
            services.RESPONSE_BEFORE_SENT,
        ),
        ({"panel_response": "Agreed."}, "panel_response_on", services.RESPONSE_DATE_REQUIRED),
        ({"panel_response_on": TODAY}, "panel_response", services.RESPONSE_TEXT_REQUIRED),
    ],
)
def test_the_dates_are_checked(cast, notified, fields, field, message):
    with pytest.raises(ValidationError) as error:
        _record(cast, notified, **fields)
    assert error.value.message_dict[field] == [message]


def test_it_is_not_sent_before_the_notification(cast, review):
    services.record_notification_sent(
        review=review, sent_on=review.aware_date + datetime.timedelta(days=2)
    )
    with pytest.raises(ValidationError) as error:
        _record(cast, review, sent_on=review.aware_date)
    assert "sent_on" in error.value.message_dict


def test_the_panel_answers_after_it_was_sent_and_not_in_the_future(cast, notified):
    sent = notified.aware_date + datetime.timedelta(days=3)
    with pytest.raises(ValidationError) as error:
        _record(
            cast,
            notified,
            sent_on=sent,
            panel_response="Agreed.",
            panel_response_on=sent - datetime.timedelta(days=1),
        )
    assert "panel_response_on" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        _record(
            cast,
            notified,
            sent_on=sent,
            panel_response="Agreed.",
            panel_response_on=TODAY + datetime.timedelta(days=1),
        )
    assert error.value.message_dict["panel_response_on"] == [services.RESPONSE_IN_FUTURE]

    record = _record(
        cast, notified, sent_on=sent, panel_response="Agreed.", panel_response_on=TODAY
    )
    assert record.panel_response_on == TODAY


def test_the_form_records_it_and_the_review_page_shows_it(notified, manager_client):
    url = reverse("reviews:rapid_review", kwargs={"pk": notified.pk})
    assert "The facts known so far" in manager_client.get(url).content.decode()
    response = manager_client.post(
        url,
        {
            "facts": "Burns to the hands.",
            "immediate_actions": "A safety plan with an aunt.",
            "learning": "An earlier concern was not passed on.",
            "national_review": "not_suited",
            "local_review": "lcspr",
            "local_review_reasons": "Learning for schools and early help.",
            "sent_on": notified.aware_date.isoformat(),
        },
    )
    assert response.status_code == 302
    page = manager_client.get(notified.get_absolute_url()).content.decode()
    assert 'id="rapid-review"' in page
    assert "A safety plan with an aunt." in page
    assert "Change the rapid review" in page
