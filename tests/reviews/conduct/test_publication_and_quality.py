"""Publication needs notice to the Panel and the Secretary of State first; the published
final report is every reader's and the public's; Ofsted's grade belongs to serious case reviews
of 2007 to 2012, later reviews carry the Panel's feedback; and a review's lessons export."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.core import extension_points as points
from safeboard.reviews import lifecycle
from safeboard.reviews.conduct import services
from safeboard.reviews.decision import services as decision_services
from safeboard.reviews.factories import ReviewFactory, partners_agreeing
from safeboard.reviews.models import Briefing, Decision, Review, ReviewDocument
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _reported(cast, review, *, outcome=Decision.Outcome.LCSPR, **who) -> Review:
    who = who or {"partners": partners_agreeing(review.aware_date)}
    decision_services.decision_record(
        review=review,
        outcome=outcome,
        reasons="Agencies did not work together.",
        answers={c.pk: {"answer": "met", "reason": "Yes."} for c in review.edition.criteria.all()},
        recorded_by=cast[Role.BUSINESS_MANAGER],
        **who,
    )
    review.refresh_from_db()
    services.document_upload(
        review=review,
        kind=ReviewDocument.Kind.FINAL_REPORT,
        file=SimpleUploadedFile("final.pdf", PDF, "application/pdf"),
        uploaded_by=cast[Role.BUSINESS_MANAGER],
    )
    review.refresh_from_db()
    return review


def test_publishing_a_practice_review_without_notice_names_what_is_missing(cast, review):
    review = _reported(cast, review)
    with pytest.raises(ValidationError) as error:
        services.review_publish(review=review, published_on=TODAY, panel_notified_on=TODAY)
    assert error.value.messages == [
        services.NOTICE_MISSING.format(missing="the Secretary of State")
    ]
    with pytest.raises(ValidationError) as error:
        services.review_publish(review=review, published_on=TODAY)
    assert "the Panel and the Secretary of State was told" in error.value.messages[0]
    review.refresh_from_db()
    assert not review.is_published


def test_notice_comes_before_publication_and_not_in_the_future(cast, review):
    review = _reported(cast, review)
    yesterday = TODAY - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        services.review_publish(
            review=review,
            published_on=yesterday,
            panel_notified_on=TODAY,
            secretary_of_state_notified_on=yesterday,
        )
    assert error.value.message_dict["panel_notified_on"] == [
        services.NOTICE_AFTER_PUBLICATION.format(whom="The Panel")
    ]


def test_a_published_reviews_final_report_is_read_by_readers_but_not_its_drafts(cast, review):
    review = _reported(cast, review)
    draft = services.document_upload(
        review=review,
        kind=ReviewDocument.Kind.DRAFT_REPORT,
        file=SimpleUploadedFile("draft.pdf", PDF, "application/pdf"),
        uploaded_by=cast[Role.BUSINESS_MANAGER],
    )
    final = review.documents.get(kind=ReviewDocument.Kind.FINAL_REPORT)
    reader = signed_in_client(cast[Role.READER])

    def url(document):
        return reverse(
            "reviews:document_download", kwargs={"pk": review.pk, "document_pk": document.pk}
        )

    assert reader.get(url(final)).status_code == 404  # not yet published
    services.review_publish(
        review=review,
        published_on=TODAY,
        panel_notified_on=TODAY,
        secretary_of_state_notified_on=TODAY,
    )
    assert reader.get(url(final)).status_code == 200
    assert reader.get(url(draft)).status_code == 404
    assert "final.pdf" in reader.get(review.get_absolute_url()).content.decode()


def test_ofsteds_grade_is_offered_for_a_2010_serious_case_review_only(cast, wt2010):
    review = ReviewFactory(edition=wt2010, referred_by=cast[Role.BUSINESS_MANAGER])
    review = _reported(
        cast,
        review,
        outcome=Decision.Outcome.SCR,
        decided_by=cast[Role.BUSINESS_MANAGER].person,
        decided_on=review.aware_date,
    )
    assert lifecycle.is_ofsted_graded(review)
    services.review_grade(review=review, quality_grade=Review.QualityGrade.GOOD)
    page = signed_in_client(cast[Role.BUSINESS_MANAGER]).get(review.get_absolute_url())
    assert "Ofsted&rsquo;s grade" in page.content.decode()
    assert "Record the Panel&rsquo;s feedback" not in page.content.decode()
    with pytest.raises(ValidationError):
        services.review_panel_feedback(
            review=review, panel_feedback="Fine.", panel_feedback_on=TODAY
        )


def test_a_2013_serious_case_review_carries_the_panels_feedback(cast, db):
    from safeboard.reviews.factories import edition

    review = ReviewFactory(edition=edition("wt2013"), referred_by=cast[Role.BUSINESS_MANAGER])
    review = _reported(
        cast,
        review,
        outcome=Decision.Outcome.SCR,
        decided_by=cast[Role.BUSINESS_MANAGER].person,
        decided_on=review.aware_date,
    )
    assert lifecycle.grading_refusal(review) == lifecycle.NOT_GRADED
    with pytest.raises(ValidationError) as error:
        services.review_panel_feedback(
            review=review, panel_feedback="Clear.", panel_feedback_on=TODAY + datetime.timedelta(1)
        )
    assert error.value.message_dict["panel_feedback_on"] == [services.FEEDBACK_IN_FUTURE]
    services.review_panel_feedback(review=review, panel_feedback="Clear.", panel_feedback_on=TODAY)
    page = signed_in_client(cast[Role.BUSINESS_MANAGER]).get(review.get_absolute_url())
    text = page.content.decode()
    assert "Record Ofsted" not in text
    assert "Clear." in text


def _published_with_briefings(cast, review) -> tuple[Review, Briefing, Briefing]:
    review = _reported(cast, review)
    services.review_publish(
        review=review,
        published_on=TODAY,
        panel_notified_on=TODAY,
        secretary_of_state_notified_on=TODAY,
    )
    shown = Briefing.objects.create(
        review=review,
        title="Seeing the baby",
        what_happened="A baby was hurt.",
        what_we_learned="Ask who lives in the home.",
        what_to_do_differently="Ask.",
        questions_for_supervision="Who lives there?",
        shared_on=TODAY,
        is_public=True,
    )
    kept = Briefing.objects.create(
        review=review,
        title="For practitioners only",
        what_happened="A baby was hurt.",
        what_we_learned="Internal.",
        what_to_do_differently="Ask.",
        questions_for_supervision="Who?",
        shared_on=TODAY,
    )
    return review, shown, kept


def test_the_public_page_lists_published_reports_and_public_briefings_only(cast, review):
    published, shown, kept = _published_with_briefings(cast, review)
    restricted = ReviewFactory(title="Child Z restricted", referred_by=cast[Role.BUSINESS_MANAGER])
    anonymous = Client()

    page = anonymous.get(reverse("reviews:public_reviews"))
    text = page.content.decode()
    assert page.status_code == 200
    assert shown.title in text and kept.title not in text
    assert restricted.title not in text
    final = published.documents.get(kind=ReviewDocument.Kind.FINAL_REPORT)
    report = anonymous.get(
        reverse("reviews:public_report", kwargs={"pk": published.pk, "document_pk": final.pk})
    )
    assert report.status_code == 200
    assert (
        anonymous.get(reverse("reviews:public_briefing", kwargs={"pk": shown.pk})).status_code
        == 200
    )
    assert (
        anonymous.get(reverse("reviews:public_briefing", kwargs={"pk": kept.pk})).status_code == 404
    )
    assert "case-reviews" in points.public_pages


def test_an_unpublished_reviews_report_is_not_public(cast, review):
    review = _reported(cast, review)
    final = review.documents.get(kind=ReviewDocument.Kind.FINAL_REPORT)
    response = Client().get(
        reverse("reviews:public_report", kwargs={"pk": review.pk, "document_pk": final.pk})
    )
    assert response.status_code == 404


def test_the_lessons_export_as_csv_and_excel(cast, review):
    from tests.reviews.builders import finding, recommendation

    review = _reported(cast, review)
    first = finding(review, title="Nobody asked who lived there")
    recommendation(review, finding=first, text="Ask at every contact.")
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    url = reverse("reviews:lessons_export", kwargs={"pk": review.pk})

    response = client.get(url + "?format=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:5] == [
        "Finding",
        "Finding title",
        "What the review found",
        "Themes",
        "Recommendation",
    ]
    assert rows[1][1] == "Nobody asked who lived there"
    assert rows[1][5] == "Ask at every contact."

    excel = client.get(url + "?format=xlsx")
    assert excel.status_code == 200
    assert b"".join(excel.streaming_content)[:2] == b"PK"
    assert client.get(url + "?format=pdf").status_code == 400
