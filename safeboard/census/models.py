"""A census import: one uploaded Children in Need census file, checked and computed once.

The record keeps what the board may see (the file's name, checksum, counts, the problems
found and the figures recorded), never the child-level rows: those live only in memory while
the figures are computed, unless the business manager switches retention on
(`CensusSettings.retain_child_rows`), in which case the tables are kept in a DuckDB file
beside the import, for the local authority's analysts, and still never shown.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

# The import page lists this many record problems at most; `problem_count` has them all.
PROBLEMS_KEPT = 1000


class ImportStatus(models.TextChoices):
    UPLOADED = "uploaded", "Uploaded"
    CHECKING = "checking", "Checking the file"
    NEEDS_DECISION = "needs_decision", "Problems found: your decision is needed"
    COMPUTING = "computing", "Computing the figures"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"
    CANCELLED = "cancelled", "Cancelled"


class CensusImport(models.Model):
    Status = ImportStatus

    # Statuses in which a background task is still working on the import.
    RUNNING = frozenset({Status.UPLOADED, Status.CHECKING, Status.COMPUTING})
    FINISHED = frozenset({Status.DONE, Status.FAILED, Status.CANCELLED})

    agency = models.ForeignKey(
        "partnership.Agency",
        on_delete=models.PROTECT,
        related_name="census_imports",
        help_text="The local authority whose census this is.",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)
    # Under MEDIA_ROOT/census/; emptied once the figures are computed, unless retention is on.
    file = models.FileField(upload_to="census/", blank=True)
    file_name = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField("SHA-256 checksum", max_length=64)
    population = models.PositiveIntegerField(
        "child population (0 to 17)", help_text="The rate per 10,000 children is taken over it."
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.UPLOADED)
    bytes_read = models.PositiveBigIntegerField(default=0)
    total_bytes = models.PositiveBigIntegerField(default=0)
    reference_date = models.DateField(null=True, blank=True)
    period = models.ForeignKey(
        "scorecard.Period", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    children = models.PositiveIntegerField(default=0)
    referrals = models.PositiveIntegerField(default=0)
    problem_count = models.PositiveIntegerField("record problems", default=0)
    children_left_out = models.PositiveIntegerField(default=0)
    # [{child_id, element, value, problem}], the first PROBLEMS_KEPT of problem_count.
    problems = models.JSONField(default=list, blank=True)
    error_message = models.TextField(blank=True)
    error_line = models.PositiveIntegerField(null=True, blank=True)
    # {indicator code: value as text}, as recorded in the scorecard.
    figures = models.JSONField(default=dict, blank=True)
    # The DuckDB file of the child-level tables, relative to MEDIA_ROOT, when retained.
    retained_tables = models.CharField(max_length=255, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["bytes_read"])

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ImportStatus.values),
                name="census_import_status_known",
            ),
            models.CheckConstraint(
                condition=models.Q(bytes_read__lte=models.F("total_bytes")),
                name="census_import_reads_no_more_than_the_file",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.uploaded_at:%d %b %Y})"

    def get_absolute_url(self) -> str:
        return reverse("census:import_detail", kwargs={"pk": self.pk})

    @property
    def owning_agency_id(self) -> int:
        """For the shared predicates: the local authority owns its census imports."""
        return self.agency_id

    @property
    def is_running(self) -> bool:
        return self.status in self.RUNNING

    @property
    def percent_read(self) -> int:
        if not self.total_bytes:
            return 0
        return min(100, self.bytes_read * 100 // self.total_bytes)

    @property
    def percent_announced(self) -> int:
        """The percentage read, in tenths, for screen readers: enough to follow, not chatter."""
        return self.percent_read // 10 * 10

    @property
    def problems_not_listed(self) -> int:
        return max(0, self.problem_count - len(self.problems))


class CensusSettings(models.Model):
    """The business manager's choices for census imports: one row, made when first read."""

    retain_child_rows = models.BooleanField(
        "keep the child-level rows",
        default=False,
        help_text=(
            "Keep the uploaded file and the child-level tables after the figures are computed. "
            "They are never shown in SafeBoard."
        ),
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "census settings"
        constraints = [
            models.CheckConstraint(condition=models.Q(pk=1), name="census_settings_single_row")
        ]

    def __str__(self) -> str:
        return "Census settings"

    @classmethod
    def load(cls) -> CensusSettings:
        settings_row, _ = cls.objects.get_or_create(pk=1)
        return settings_row
