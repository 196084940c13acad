"""Every change to a census import, from upload to figures in the scorecard.

Upload keeps the file and queues `tasks.check_census`. The check reads the file, writing its
progress to the row as it goes; a file that cannot be read fails the import with the line;
record problems wait for the uploader's decision (leave those children out, or cancel);
otherwise the figures are computed and recorded in the scorecard in one transaction, so a
failure leaves the scorecard as it was. The child-level rows are dropped once the figures are
computed, unless the business manager has switched retention on.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import uuid
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path, PurePath
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.core.history import save_with_reason
from safeboard.core.stored_files import local_path
from safeboard.core.uploads import size_problem
from safeboard.partnership.models import Agency
from safeboard.scorecard.models import Figure
from safeboard.scorecard.periods import Frequency, PeriodKey
from safeboard.scorecard.selectors import census_indicators
from safeboard.scorecard.services import figures_record

from .extract import CensusExtract
from .models import PROBLEMS_KEPT, CensusImport, CensusSettings
from .reader import DEFAULT_MAX_BYTES, WIDE_ENCODING, wide_encoding

logger = logging.getLogger(__name__)

NOT_XML = "The selected file must be the census as an XML file (ending .xml)."
XML_CONTENT_EXPECTED = "The selected file is not XML: a census file starts with \u201c<\u201d."
NOT_A_CENSUS_AGENCY = "{agency} owns no census indicators, so it has no census to import."
NO_REFERENCE_DATE = "The file has no ReferenceDate, so the period of its figures is unknown."
NO_FIGURES_TO_RECORD = (
    "The census gave no figure for any of {agency}\u2019s census indicators "
    "(every one had nothing to divide by)."
)
FIGURES_REFUSED = "The scorecard refused the figures, so none were saved: {problems}"
UNEXPECTED_FAILURE = (
    "The import stopped because of an error in SafeBoard. Nothing was saved; "
    "try again, and tell the business manager if it happens again."
)
NOT_AWAITING_DECISION = "This import is not waiting for a decision."
STOPPED = "The check stopped before it finished (the worker stopped or timed out). Run it again."
CANNOT_RUN_AGAIN = (
    "Only an import whose check stopped before it finished can be run again: upload the "
    "file again instead."
)
RE_IMPORT_REASON = "Census re-imported: {file_name} ({checksum})"
RETAINED_FOLDER = "census/retained"

Reader = Callable[..., CensusExtract]
Computer = Callable[..., dict[str, Any]]


def census_upload_limit() -> int:
    """The reader's own limit: a file the reader would refuse is refused at upload."""
    return getattr(settings, "SAFEBOARD_CENSUS_MAX_BYTES", DEFAULT_MAX_BYTES)


def census_upload_check(upload: UploadedFile) -> None:
    """The census's part of the one upload path: the upload path's size check (held to the
    reader's limit, far above other uploads', as a census runs to hundreds of MB), then an
    XML file in an encoding the reader takes. The reader checks everything else as it reads."""
    problem = size_problem(upload, limit=census_upload_limit())
    if problem is None and PurePath(upload.name or "").suffix.lower() != ".xml":
        problem = NOT_XML
    if problem is None:
        upload.seek(0)
        head = upload.read(1024)
        upload.seek(0)
        encoding = wide_encoding(head)
        if encoding is not None:
            problem = WIDE_ENCODING.format(encoding=encoding)
        elif not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
            problem = XML_CONTENT_EXPECTED
    if problem:
        raise ValidationError({"file": problem})


def census_agencies() -> QuerySet[Agency]:
    """The agencies that own census indicators: the local authorities that import a census."""
    owners = {indicator.owning_agency_id for indicator in census_indicators().values()}
    return Agency.objects.filter(pk__in=owners).order_by("name")


# Upload ------------------------------------------------------------------------------------


@transaction.atomic
def census_import_upload(
    *, agency: Agency, upload: UploadedFile, population: int, uploaded_by: User | None = None
) -> CensusImport:
    """Keep the uploaded census and queue its check; the record is what the board sees."""
    census_upload_check(upload)
    if not census_agencies().filter(pk=agency.pk).exists():
        raise ValidationError(NOT_A_CENSUS_AGENCY.format(agency=agency.name))
    size = upload.size or 0  # the check refused a file without one
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    census_import = CensusImport(
        agency=agency,
        uploaded_by=uploaded_by,
        file_name=PurePath(upload.name or "census.xml").name[:255],
        size=size,
        sha256=digest.hexdigest(),
        population=population,
        total_bytes=size,
    )
    # Stored under a name of our own: the user's file name is kept, never trusted as a path.
    census_import.file.save(f"{uuid.uuid4().hex}.xml", upload, save=False)
    try:
        census_import.full_clean()
        census_import.save()
    except Exception:
        census_import.file.delete(save=False)
        raise
    transaction.on_commit(lambda: _enqueue("check_census", census_import.pk))
    return census_import


def _enqueue(task_name: str, import_id: int) -> None:
    from . import tasks  # the tasks call these services

    getattr(tasks, task_name).enqueue(import_id)


# Check and compute (run by the tasks) ------------------------------------------------------


def census_import_check(
    *, census_import: CensusImport, read: Reader | None = None, compute: Computer | None = None
) -> CensusImport:
    """Read the file: fail it, ask about its record problems, or compute and record it.

    Only an import waiting for its check is checked: one already checked (by an earlier run
    of the queued task, or directly, as the demo does inside its transaction) is left as it
    is, so a check queued for it that runs later changes nothing.
    """
    census_import.refresh_from_db(fields=["status"])
    if census_import.status != CensusImport.Status.UPLOADED:
        return census_import
    _set_status(census_import, CensusImport.Status.CHECKING, started_at=timezone.now())
    extract = _read(census_import, read=read, leave_out=False)
    if extract is None:
        return census_import
    if extract.problems:
        census_import.status = CensusImport.Status.NEEDS_DECISION
        _keep_counts(census_import, extract)
        census_import.problems = [asdict(problem) for problem in extract.problems[:PROBLEMS_KEPT]]
        census_import.problem_count = len(extract.problems)
        census_import.save()
        return census_import
    return _compute_and_record(census_import, extract, compute=compute)


def census_import_compute(
    *, census_import: CensusImport, read: Reader | None = None, compute: Computer | None = None
) -> CensusImport:
    """Read the file again leaving out the children with problems, and record the figures."""
    _set_status(census_import, CensusImport.Status.COMPUTING)
    extract = _read(census_import, read=read, leave_out=True)
    if extract is None:
        return census_import
    return _compute_and_record(census_import, extract, compute=compute)


def _read(
    census_import: CensusImport, *, read: Reader | None, leave_out: bool
) -> CensusExtract | None:
    """The extract of the import's file, or None once the import has been failed."""
    from . import reader

    read = read or reader.read_census
    progress = ProgressWriter(census_import.pk)
    try:
        with local_path(census_import.file) as path:
            extract = read([path], leave_out_problem_children=leave_out, progress=progress)
    except reader.CensusFileError as error:
        _fail(census_import, getattr(error, "message", str(error)), getattr(error, "line", None))
        return None
    except Exception:
        logger.exception("Census import %s could not be read", census_import.pk)
        _fail(census_import, UNEXPECTED_FAILURE)
        return None
    progress.finish()
    # The progress was written past this object: keep it when the object is saved.
    census_import.refresh_from_db(fields=["bytes_read", "total_bytes"])
    if extract.reference_date is None:
        _fail(census_import, NO_REFERENCE_DATE)
        return None
    return extract


class ProgressWriter:
    """The reader's progress callback: saves bytes read about every 1% of the file.

    Each write is its own short statement outside any transaction, so the page polling the
    import sees it at once.
    """

    STEP = 100  # writes per file, at most

    def __init__(self, import_id: int) -> None:
        self.import_id = import_id
        self.written = -1
        self.total = 0
        self.latest = 0

    def __call__(self, bytes_read: int, total_bytes: int) -> None:
        self.total, self.latest = total_bytes, min(bytes_read, total_bytes)
        step = max(1, total_bytes // self.STEP)
        if self.written < 0 or self.latest - self.written >= step or self.latest == total_bytes:
            self._write()

    def finish(self) -> None:
        if self.total and self.written != self.total:
            self.latest = self.total
            self._write()

    def _write(self) -> None:
        CensusImport.objects.filter(pk=self.import_id).update(
            bytes_read=self.latest, total_bytes=self.total
        )
        self.written = self.latest


def _compute_and_record(
    census_import: CensusImport, extract: CensusExtract, *, compute: Computer | None
) -> CensusImport:
    from .indicators import compute_indicators

    compute = compute or compute_indicators
    _set_status(census_import, CensusImport.Status.COMPUTING)
    try:
        results = compute(extract, population=census_import.population)
    except Exception:
        logger.exception("Census import %s could not be computed", census_import.pk)
        return _fail(census_import, UNEXPECTED_FAILURE)
    agency = census_import.agency
    values = {
        indicator.code: results[key]
        for key, indicator in census_indicators().items()
        if indicator.owning_agency_id == agency.pk and results.get(key) is not None
    }
    if not values:
        return _fail(census_import, NO_FIGURES_TO_RECORD.format(agency=agency.name))
    retain = CensusSettings.load().retain_child_rows
    retained = ""
    try:
        with transaction.atomic():
            assert extract.reference_date is not None, "figures come only from a dated census"
            recorded = figures_record(
                agency=agency,
                period=PeriodKey.containing(Frequency.ANNUAL, extract.reference_date),
                values=values,
                source=Figure.Source.CENSUS,
                submitted_by=census_import.uploaded_by,
                reason=RE_IMPORT_REASON.format(
                    file_name=census_import.file_name, checksum=census_import.sha256
                ),
            )
            if retain:
                retained = _retain_tables(census_import, extract)
            figures = [*recorded.created, *recorded.revised, *recorded.unchanged]
            census_import.status = CensusImport.Status.DONE
            census_import.period = recorded.period
            census_import.figures = {figure.indicator.code: str(figure.value) for figure in figures}
            census_import.retained_tables = retained
            census_import.finished_at = timezone.now()
            _keep_counts(census_import, extract)
            census_import.save()
    except ValidationError as error:
        _remove_retained(retained)
        return _fail(census_import, FIGURES_REFUSED.format(problems=" ".join(error.messages)))
    except Exception:
        _remove_retained(retained)
        logger.exception("Census import %s could not be recorded", census_import.pk)
        return _fail(census_import, UNEXPECTED_FAILURE)
    if not retain:
        _drop_file(census_import)
    return census_import


def _keep_counts(census_import: CensusImport, extract: CensusExtract) -> None:
    census_import.reference_date = extract.reference_date
    census_import.children = extract.children
    census_import.referrals = len(extract.rows.get("referrals", ()))
    census_import.children_left_out = extract.children_left_out


def _retain_tables(census_import: CensusImport, extract: CensusExtract) -> str:
    """Write the child-level tables to a DuckDB file beside the import; its media path."""
    import duckdb

    from .tables import load_into_duckdb

    name = f"{RETAINED_FOLDER}/{census_import.pk}-{census_import.sha256[:12]}.duckdb"
    path = Path(settings.MEDIA_ROOT) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    with duckdb.connect(str(path)) as connection:
        load_into_duckdb(extract, connection)
    return name


def _remove_retained(name: str) -> None:
    if name:
        (Path(settings.MEDIA_ROOT) / name).unlink(missing_ok=True)


def _set_status(census_import: CensusImport, status: str, **fields: Any) -> None:
    census_import.status = status
    for name, value in fields.items():
        setattr(census_import, name, value)
    census_import.save(update_fields=["status", *fields])


def _fail(census_import: CensusImport, message: str, line: int | None = None) -> CensusImport:
    """Fail the import: only the record of the attempt is kept, never the child-level file."""
    census_import.refresh_from_db()
    census_import.status = CensusImport.Status.FAILED
    census_import.error_message = message
    census_import.error_line = line
    census_import.finished_at = timezone.now()
    census_import.save()
    _drop_file(census_import)
    return census_import


def _drop_file(census_import: CensusImport) -> None:
    if census_import.file:
        census_import.file.delete(save=False)
        census_import.save(update_fields=["file"])


# Checks that stopped: a worker that died leaves the import running for ever ---------------


def _timed_out_before(now: datetime.datetime) -> datetime.datetime:
    return now - datetime.timedelta(minutes=settings.SAFEBOARD_CENSUS_IMPORT_TIMEOUT_MINUTES)


def _is_stale(census_import: CensusImport, now: datetime.datetime) -> bool:
    """Still queued, checking or computing past the time-out, counted from when its current
    run began (`started_at`, set when queued again or continued) or else its upload."""
    began = census_import.started_at or census_import.uploaded_at
    return census_import.is_running and began < _timed_out_before(now)


@transaction.atomic
def census_imports_expire_stale(*, now: datetime.datetime | None = None) -> int:
    """Fail every import whose check stopped before it finished; how many were failed. The
    file is kept so that the check can be run again."""
    now = now or timezone.now()
    began = _timed_out_before(now)
    stale = CensusImport.objects.select_for_update().filter(
        status__in=CensusImport.RUNNING, uploaded_at__lt=began
    )
    expired = 0
    for census_import in stale:
        if _is_stale(census_import, now):
            _expire(census_import, now)
            expired += 1
    return expired


def expire_stale_census_imports(*, today: datetime.date) -> int:
    """The daily step: imports nobody has looked at are failed too. It escalates nothing."""
    census_imports_expire_stale()
    return 0


def census_import_expire_if_stale(*, census_import: CensusImport) -> CensusImport:
    """The import as its page should show it: failed, if its check stopped long ago."""
    now = timezone.now()
    if not _is_stale(census_import, now):
        return census_import
    with transaction.atomic():
        locked = CensusImport.objects.select_for_update().get(pk=census_import.pk)
        if _is_stale(locked, now):
            _expire(locked, now)
    census_import.refresh_from_db()
    return census_import


def _expire(census_import: CensusImport, now: datetime.datetime) -> None:
    census_import.status = CensusImport.Status.FAILED
    census_import.error_message = STOPPED
    census_import.error_line = None
    census_import.finished_at = now
    save_with_reason(census_import, "The check stopped before it finished")


def may_run_again(census_import: CensusImport) -> bool:
    """Only a check that stopped can be run again: its file was kept for that."""
    return (
        census_import.status == CensusImport.Status.FAILED
        and census_import.error_message == STOPPED
        and bool(census_import.file)
    )


@transaction.atomic
def census_import_run_again(
    *, census_import: CensusImport, requested_by: User | None = None
) -> CensusImport:
    """Queue the check again for the same uploaded file."""
    census_import = CensusImport.objects.select_for_update().get(pk=census_import.pk)
    if not may_run_again(census_import):
        raise ValidationError(CANNOT_RUN_AGAIN)
    census_import.status = CensusImport.Status.UPLOADED
    census_import.error_message = ""
    census_import.finished_at = None
    census_import.started_at = timezone.now()  # the time-out counts from now
    census_import.bytes_read = 0
    save_with_reason(census_import, f"Check run again by {requested_by or 'SafeBoard'}")
    transaction.on_commit(lambda: _enqueue("check_census", census_import.pk))
    return census_import


# The uploader's decision on record problems ------------------------------------------------


@transaction.atomic
def census_import_continue(
    *, census_import: CensusImport, decided_by: User | None = None
) -> CensusImport:
    """Leave the children with problems out and compute the figures from the rest."""
    census_import = _awaiting_decision(census_import)
    census_import.status = CensusImport.Status.COMPUTING
    census_import.bytes_read = 0
    census_import.started_at = timezone.now()  # the time-out counts from now
    save_with_reason(census_import, "Chose to leave the children with problems out")
    transaction.on_commit(lambda: _enqueue("compute_census", census_import.pk))
    return census_import


@transaction.atomic
def census_import_cancel(
    *, census_import: CensusImport, decided_by: User | None = None
) -> CensusImport:
    """Stop the import: no figures, and the file is deleted."""
    census_import = _awaiting_decision(census_import)
    census_import.status = CensusImport.Status.CANCELLED
    census_import.finished_at = timezone.now()
    save_with_reason(census_import, "Chose to cancel after problems were found")
    transaction.on_commit(lambda: _drop_file(census_import))
    return census_import


def _awaiting_decision(census_import: CensusImport) -> CensusImport:
    census_import = CensusImport.objects.select_for_update().get(pk=census_import.pk)
    if census_import.status != CensusImport.Status.NEEDS_DECISION:
        raise ValidationError(NOT_AWAITING_DECISION)
    return census_import


# Settings ----------------------------------------------------------------------------------


@transaction.atomic
def census_settings_update(
    *, retain_child_rows: bool, changed_by: User | None = None
) -> CensusSettings:
    census_settings = CensusSettings.load()
    census_settings.retain_child_rows = retain_child_rows
    census_settings.changed_by = changed_by
    census_settings.changed_at = timezone.now()
    census_settings.save()
    return census_settings
