import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from safeboard.challenges.factories import ChallengeFactory
from safeboard.reports import assembly, services
from safeboard.reports.models import Recipient, YearlyReport

from .conftest import END, START


def test_a_period_must_be_twelve_months(cast):
    with pytest.raises(ValidationError, match="12 months"):
        services.create_report(
            period_start=START,
            period_end=datetime.date(2025, 2, 28),
            created_by=cast["business_manager"],
        )


def test_an_overlapping_period_is_refused(cast):
    services.create_report(period_start=START, period_end=END, created_by=cast["business_manager"])
    with pytest.raises(ValidationError, match="overlaps"):
        services.create_report(
            period_start=datetime.date(2024, 10, 1),
            period_end=datetime.date(2025, 9, 30),
            created_by=cast["business_manager"],
        )


def test_signing_off_a_draft_not_reviewed_is_refused(cast):
    report = services.create_report(
        period_start=START, period_end=END, created_by=cast["business_manager"]
    )
    with pytest.raises(ValidationError, match="not reviewed"):
        services.sign_off(report=report, signed_off_by=cast["chair"])


def test_only_a_chair_signs_off(cast):
    manager = cast["business_manager"]
    report = services.create_report(period_start=START, period_end=END, created_by=manager)
    services.send_for_review(report=report, sent_by=manager)
    with pytest.raises(ValidationError, match="chair"):
        services.sign_off(report=report, signed_off_by=manager)


def test_publishing_before_sign_off_is_refused(cast):
    manager = cast["business_manager"]
    report = services.create_report(period_start=START, period_end=END, created_by=manager)
    services.send_for_review(report=report, sent_by=manager)
    with pytest.raises(ValidationError, match="not signed"):
        services.publish_report(report=report, published_by=manager)


def test_publishing_twice_is_refused(cast, published):
    with pytest.raises(ValidationError, match="published already"):
        services.publish_report(report=published, published_by=cast["business_manager"])


def test_a_published_report_cannot_be_edited(cast, published):
    with pytest.raises(ValidationError, match="cannot be changed"):
        services.set_narrative(
            report=published,
            section_key="challenges",
            text="Later words",
            written_by=cast["business_manager"],
        )


def test_a_published_report_does_not_change_when_a_figure_is_revised(cast):
    challenge = ChallengeFactory(
        agency=cast.home_agency,
        raised_on=datetime.date(2024, 6, 1),
        closed=True,
        closed_on=datetime.date(2024, 9, 1),
        outcome="Agreed to attend every discussion.",
    )
    manager = cast["business_manager"]
    report = services.create_report(period_start=START, period_end=END, created_by=manager)
    services.set_narrative(
        report=report, section_key="challenges", text="The board pressed hard.", written_by=manager
    )
    services.send_for_review(report=report, sent_by=manager)
    services.sign_off(report=report, signed_off_by=cast["chair"])
    services.publish_report(report=report, published_by=manager)

    # A record is revised after publication, and another is added in the period.
    challenge.outcome = "Rewritten later"
    challenge.save()
    ChallengeFactory(agency=cast.home_agency, raised_on=datetime.date(2024, 7, 1))

    report = YearlyReport.objects.get(pk=report.pk)
    section = next(s for s in assembly.sections_of(report) if s.key == "challenges")
    assert section.figures["raised"] == 1
    assert section.figures["outcomes"][0]["outcome"] == "Agreed to attend every discussion."
    assert section.narrative == "The board pressed hard."
    # The live figures did change: the report kept the old ones.
    live = next(
        s
        for s in assembly.compute_sections(start=START, end=END, narratives={})
        if s.key == "challenges"
    )
    assert live.figures["raised"] == 2


def test_a_corrected_edition_points_to_the_one_it_corrects(cast, published):
    manager = cast["business_manager"]
    correction = services.issue_correction(
        report=published,
        note="The attendance figures left out the health trust.",
        issued_by=manager,
    )
    assert correction.corrects == published
    assert correction.status == YearlyReport.Status.DRAFT
    with pytest.raises(ValidationError, match="already"):
        services.issue_correction(report=published, note="Again", issued_by=manager)


def test_a_correction_needs_a_note(cast, published):
    with pytest.raises(ValidationError):
        services.issue_correction(report=published, note=" ", issued_by=cast["business_manager"])


def test_recipients_are_recorded_once_after_publication(cast, published):
    manager = cast["business_manager"]
    today = published.published_at.date()
    services.record_recipient(
        report=published, recipient=Recipient.NATIONAL_PANEL, sent_on=today, recorded_by=manager
    )
    with pytest.raises(ValidationError, match="already recorded"):
        services.record_recipient(
            report=published,
            recipient=Recipient.NATIONAL_PANEL,
            sent_on=today,
            recorded_by=manager,
        )
    with pytest.raises(ValidationError, match="future"):
        services.record_recipient(
            report=published,
            recipient=Recipient.WHAT_WORKS,
            sent_on=today + datetime.timedelta(days=3),
            recorded_by=manager,
            today=today,
        )


def test_a_draft_is_not_sent_to_recipients(cast):
    manager = cast["business_manager"]
    report = services.create_report(period_start=START, period_end=END, created_by=manager)
    with pytest.raises(ValidationError):
        services.record_recipient(
            report=report,
            recipient=Recipient.WHAT_WORKS,
            sent_on=datetime.date(2025, 5, 1),
            recorded_by=manager,
        )


def test_a_contribution_cannot_be_negative(cast):
    with pytest.raises(ValidationError, match="less than"):
        services.record_contribution(
            agency=cast.home_agency,
            financial_year=2024,
            amount=Decimal("-1"),
            recorded_by=cast["business_manager"],
        )


def test_a_second_contribution_for_the_year_replaces_the_first(cast):
    manager = cast["business_manager"]
    for amount in ("100", "250.50"):
        services.record_contribution(
            agency=cast.home_agency,
            financial_year=2024,
            amount=Decimal(amount),
            recorded_by=manager,
        )
    section = next(
        s
        for s in assembly.compute_sections(start=START, end=END, narratives={})
        if s.key == "contributions"
    )
    assert section.figures["rows"] == [
        {"agency": "Shire Constabulary", "year": "2024 to 2025", "amount": "250.50", "in_kind": ""}
    ]
    assert section.figures["total"] == "250.50"


def test_the_glossary_gathers_each_acronym_once():
    sections = [
        assembly.Section("a", "A", "t", {}, "", [["SPC", "Statistical"]]),
        assembly.Section("b", "B", "t", {}, "", [["SPC", "Statistical"], ["MACA", "Audit"]]),
    ]
    assert assembly.glossary(sections) == [("MACA", "Audit"), ("SPC", "Statistical")]
