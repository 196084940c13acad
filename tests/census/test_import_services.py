"""The census import from upload to figures in the scorecard: services and background tasks."""

from __future__ import annotations

import datetime
import hashlib
import io
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from safeboard.census import services
from safeboard.census.extract import CensusExtract, RecordProblem
from safeboard.census.indicators import compute_indicators
from safeboard.census.models import CensusImport, CensusSettings
from safeboard.census.reader import read_census
from safeboard.census.synth import write_census
from safeboard.partnership.factories import AgencyFactory
from safeboard.partnership.models import Agency
from safeboard.scorecard.factories import IndicatorFactory
from safeboard.scorecard.models import Figure, FigureRevision, Indicator, Period, Unit
from safeboard.scorecard.periods import Frequency, PeriodKey

from .test_census_command import census_file, details

YEAR_2024_25 = PeriodKey(datetime.date(2024, 4, 1), Frequency.ANNUAL)
POPULATION = 100_000
# census key → (code, unit)
CENSUS_INDICATORS = {
    "referrals": ("CIN-00", Unit.COUNT),
    "re_referral_pct": ("CIN-01", Unit.PERCENTAGE),
    "assessments_within_45wd_pct": ("CIN-02", Unit.PERCENTAGE),
    "icpcs_within_15wd_pct": ("CIN-03", Unit.PERCENTAGE),
    "cpp_ended_2y_plus_pct": ("CIN-04", Unit.PERCENTAGE),
    "cpp_rate_per_10k": ("CIN-05", Unit.RATE_PER_10K),
}


@dataclass
class LocalAuthority:
    agency: Agency
    indicators: dict[str, Indicator]  # by census key


@pytest.fixture
def local_authority(db) -> LocalAuthority:
    agency = AgencyFactory(name="Shire County Council", type=Agency.Type.LOCAL_AUTHORITY)
    indicators = {
        key: IndicatorFactory(
            code=code,
            owning_agency=agency,
            unit=unit,
            frequency=Frequency.ANNUAL,
            census_key=key,
        )
        for key, (code, unit) in CENSUS_INDICATORS.items()
    }
    return LocalAuthority(agency, indicators)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def synthetic_census(*, children: int = 40, seed: int = 1, year: int = 2025) -> bytes:
    stream = io.BytesIO()
    write_census(stream, children=children, seed=seed, year=year)
    return stream.getvalue()


def hand_made_census(tmp_path: Path, children: dict[str, list[str]], year: int = 2025) -> bytes:
    return census_file(tmp_path, year, children).read_bytes()


def upload(content: bytes, name: str = "cin-2025.xml") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/xml")


def import_census(
    local_authority: LocalAuthority,
    content: bytes,
    capture,
    *,
    name: str = "cin-2025.xml",
    user=None,
) -> CensusImport:
    """Upload as the data contact would; the test settings run the queued check at once."""
    with capture(execute=True):
        census_import = services.census_import_upload(
            agency=local_authority.agency,
            upload=upload(content, name),
            population=POPULATION,
            uploaded_by=user,
        )
    census_import.refresh_from_db()
    return census_import


def census_figures() -> dict[str, tuple[Decimal, str]]:
    return {
        code: (value, source)
        for code, value, source in Figure.objects.values_list("indicator__code", "value", "source")
    }


def media_files(media_root: Path) -> list[Path]:
    return [path for path in media_root.rglob("*") if path.is_file()] if media_root.exists() else []


def test_an_uploaded_census_is_checked_and_its_figures_land_in_the_scorecard(
    local_authority, django_capture_on_commit_callbacks, tmp_path
):
    content = synthetic_census()
    census_import = import_census(local_authority, content, django_capture_on_commit_callbacks)

    assert census_import.status == CensusImport.Status.DONE
    path = tmp_path / "expected.xml"
    path.write_bytes(content)
    expected = compute_indicators(read_census([path]), population=POPULATION)
    figures = census_figures()
    assert figures["CIN-00"] == (Decimal(expected["referrals"]), Figure.Source.CENSUS)
    assert figures["CIN-05"][0] == Decimal(str(expected["cpp_rate_per_10k"]))
    assert {source for _, source in figures.values()} == {Figure.Source.CENSUS}
    assert census_import.period.key == YEAR_2024_25
    assert census_import.figures["CIN-00"] == str(figures["CIN-00"][0])


def test_the_import_record_keeps_the_file_name_checksum_counts_and_progress(
    local_authority, django_capture_on_commit_callbacks
):
    content = synthetic_census(children=25)
    census_import = import_census(local_authority, content, django_capture_on_commit_callbacks)

    assert census_import.file_name == "cin-2025.xml"
    assert census_import.sha256 == hashlib.sha256(content).hexdigest()
    assert census_import.size == len(content)
    assert census_import.children == 25
    assert census_import.referrals > 0
    assert census_import.reference_date == datetime.date(2025, 3, 31)
    assert census_import.bytes_read == census_import.total_bytes == len(content)
    assert census_import.finished_at is not None


def test_re_importing_a_period_revises_its_figures_with_the_reason(
    local_authority, django_capture_on_commit_callbacks
):
    import_census(local_authority, synthetic_census(seed=1), django_capture_on_commit_callbacks)
    second = import_census(
        local_authority,
        synthetic_census(seed=2, children=60),
        django_capture_on_commit_callbacks,
        name="cin-2025-corrected.xml",
    )

    assert second.status == CensusImport.Status.DONE
    revision = FigureRevision.objects.get(figure__indicator__code="CIN-00")
    assert revision.reason == f"Census re-imported: cin-2025-corrected.xml ({second.sha256})"
    assert revision.new_source == Figure.Source.CENSUS
    assert Figure.objects.filter(indicator__code="CIN-00").count() == 1


def test_a_malformed_file_fails_with_its_line_and_records_no_figures(
    local_authority, django_capture_on_commit_callbacks, media_root
):
    lines = synthetic_census().decode().splitlines()
    lines[6] = lines[6] + "<Broken"
    census_import = import_census(
        local_authority, "\n".join(lines).encode(), django_capture_on_commit_callbacks
    )

    assert census_import.status == CensusImport.Status.FAILED
    assert census_import.error_line is not None and census_import.error_line >= 7
    assert "not well-formed" in census_import.error_message
    assert Figure.objects.count() == 0
    assert Period.objects.count() == 0
    assert media_files(media_root) == []


def test_a_file_without_a_reference_date_fails(local_authority, django_capture_on_commit_callbacks):
    content = synthetic_census().replace(b"<ReferenceDate>2025-03-31</ReferenceDate>", b"")
    census_import = import_census(local_authority, content, django_capture_on_commit_callbacks)

    assert census_import.status == CensusImport.Status.FAILED
    assert "ReferenceDate" in census_import.error_message
    assert Figure.objects.count() == 0


def _census_with_one_bad_child(tmp_path) -> bytes:
    return hand_made_census(
        tmp_path,
        {
            "CHILD-1": [details("2024-06-03", assessment=("2024-06-03", "2024-07-01"))],
            "CHILD-2": [details("2024-07-01")],
            "CHILD-3": [details("2024-13-45")],
        },
    )


def test_record_problems_wait_for_a_decision_and_record_nothing(
    local_authority, django_capture_on_commit_callbacks, tmp_path
):
    census_import = import_census(
        local_authority, _census_with_one_bad_child(tmp_path), django_capture_on_commit_callbacks
    )

    assert census_import.status == CensusImport.Status.NEEDS_DECISION
    assert census_import.problems == [
        {
            "child_id": "CHILD-3",
            "element": "CINreferralDate",
            "value": "2024-13-45",
            "problem": "not a date (YYYY-MM-DD)",
        }
    ]
    assert census_import.problem_count == 1
    assert Figure.objects.count() == 0
    assert census_import.file  # kept until the decision


def test_continuing_leaves_the_problem_children_out_and_counts_them(
    local_authority, django_capture_on_commit_callbacks, tmp_path
):
    census_import = import_census(
        local_authority, _census_with_one_bad_child(tmp_path), django_capture_on_commit_callbacks
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.census_import_continue(census_import=census_import)
    census_import.refresh_from_db()

    assert census_import.status == CensusImport.Status.DONE
    assert census_import.children_left_out == 1
    assert census_figures()["CIN-00"] == (Decimal(2), Figure.Source.CENSUS)


def test_cancelling_records_nothing_and_deletes_the_file(
    local_authority, django_capture_on_commit_callbacks, tmp_path, media_root
):
    census_import = import_census(
        local_authority, _census_with_one_bad_child(tmp_path), django_capture_on_commit_callbacks
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.census_import_cancel(census_import=census_import)
    census_import.refresh_from_db()

    assert census_import.status == CensusImport.Status.CANCELLED
    assert Figure.objects.count() == 0
    assert not census_import.file
    assert media_files(media_root) == []


def test_only_an_import_awaiting_a_decision_can_be_continued(
    local_authority, django_capture_on_commit_callbacks
):
    census_import = import_census(
        local_authority, synthetic_census(), django_capture_on_commit_callbacks
    )
    with pytest.raises(ValidationError, match=services.NOT_AWAITING_DECISION):
        services.census_import_continue(census_import=census_import)


def test_without_retention_the_file_is_deleted_and_no_rows_are_kept(
    local_authority, django_capture_on_commit_callbacks, media_root
):
    census_import = import_census(
        local_authority, synthetic_census(), django_capture_on_commit_callbacks
    )

    assert census_import.status == CensusImport.Status.DONE
    assert not census_import.file
    assert census_import.retained_tables == ""
    assert media_files(media_root) == []


def test_with_retention_the_file_and_the_child_level_tables_are_kept(
    local_authority, django_capture_on_commit_callbacks, media_root
):
    import duckdb

    services.census_settings_update(retain_child_rows=True)
    census_import = import_census(
        local_authority, synthetic_census(children=10), django_capture_on_commit_callbacks
    )

    assert census_import.status == CensusImport.Status.DONE
    assert Path(census_import.file.path).exists()
    tables = media_root / census_import.retained_tables
    with duckdb.connect(str(tables), read_only=True) as connection:
        (children,) = connection.execute(
            "SELECT count(DISTINCT child_id) FROM referrals"
        ).fetchone()
    assert children > 0


def test_a_census_the_scorecard_refuses_leaves_no_figures_at_all(
    local_authority, django_capture_on_commit_callbacks, tmp_path
):
    # The year ending 31 March 2027 has not ended, so the scorecard takes none of its figures.
    content = hand_made_census(tmp_path, {"CHILD-1": [details("2026-06-01")]}, year=2027)
    census_import = import_census(local_authority, content, django_capture_on_commit_callbacks)

    assert census_import.status == CensusImport.Status.FAILED
    assert "can be submitted once it has ended" in census_import.error_message
    assert Figure.objects.count() == 0
    assert Period.objects.count() == 0


def test_progress_is_written_to_the_import_while_the_file_is_read(local_authority):
    census_import = CensusImport.objects.create(
        agency=local_authority.agency,
        file=SimpleUploadedFile("stored.xml", b"<Message/>"),
        file_name="cin.xml",
        size=1000,
        sha256="0" * 64,
        population=POPULATION,
        total_bytes=1000,
    )
    seen = []

    def read(sources, *, leave_out_problem_children, progress):
        for bytes_read in range(0, 1001, 100):
            progress(bytes_read, 1000)
            seen.append(CensusImport.objects.get(pk=census_import.pk).bytes_read)
        return CensusExtract(
            reference_date=datetime.date(2025, 3, 31),
            problems=[RecordProblem("CHILD-9", "CPPendDate", "2024-01-01", "before its start")],
        )

    services.census_import_check(census_import=census_import, read=read)

    assert seen == list(range(0, 1001, 100))
    assert CensusImport.objects.get(pk=census_import.pk).status == "needs_decision"


def test_an_agency_without_census_indicators_cannot_upload_a_census(db):
    police = AgencyFactory(name="Shire Constabulary", type=Agency.Type.POLICE)
    with pytest.raises(ValidationError, match="owns no census indicators"):
        services.census_import_upload(
            agency=police, upload=upload(b"<Message/>"), population=POPULATION
        )
    assert CensusImport.objects.count() == 0


def test_retention_is_off_until_the_business_manager_turns_it_on(db):
    assert CensusSettings.load().retain_child_rows is False
    services.census_settings_update(retain_child_rows=True)
    assert CensusSettings.load().retain_child_rows is True


def test_a_checked_import_is_left_as_it_is_when_its_queued_check_runs_later(
    local_authority, django_capture_on_commit_callbacks
):
    """The demo checks its imports inside its own transaction; the check queued on upload
    then runs after the commit and must neither read the file again nor record anything."""
    with django_capture_on_commit_callbacks(execute=False) as queued:
        census_import = services.census_import_upload(
            agency=local_authority.agency, upload=upload(synthetic_census()), population=POPULATION
        )
    checked = services.census_import_check(census_import=census_import)
    assert checked.status == CensusImport.Status.DONE
    figures = census_figures()
    history = census_import.history.count()

    def read(*args, **kwargs):
        raise AssertionError("a checked import is read again")

    again = services.census_import_check(
        census_import=CensusImport.objects.get(pk=census_import.pk), read=read
    )
    with django_capture_on_commit_callbacks(execute=True):
        for callback in queued:
            callback()  # the queued check_census task, run at once by the test settings

    assert again.status == CensusImport.Status.DONE
    assert CensusImport.objects.get(pk=census_import.pk).status == CensusImport.Status.DONE
    assert census_import.history.count() == history
    assert census_figures() == figures
    assert FigureRevision.objects.count() == 0


@pytest.mark.parametrize(
    "status",
    [
        CensusImport.Status.NEEDS_DECISION,
        CensusImport.Status.COMPUTING,
        CensusImport.Status.FAILED,
        CensusImport.Status.CANCELLED,
    ],
)
def test_only_an_import_waiting_for_its_check_is_checked(local_authority, status):
    census_import = CensusImport.objects.create(
        agency=local_authority.agency,
        file=SimpleUploadedFile("stored.xml", synthetic_census()),
        file_name="cin.xml",
        size=1000,
        sha256="0" * 64,
        population=POPULATION,
        total_bytes=1000,
        status=status,
    )

    def read(*args, **kwargs):
        raise AssertionError("an import not waiting for its check is read")

    services.census_import_check(census_import=census_import, read=read)

    assert CensusImport.objects.get(pk=census_import.pk).status == status
    assert not Figure.objects.exists()
