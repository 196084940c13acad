"""The multi-agency scorecard: the indicator catalogue, reporting periods and the figures.

An indicator carries its own definition, owner, unit and polarity, and every change to it is
kept, so that a definition cannot drift unseen. Each period an agency's data contact submits
one figure per indicator; a figure is changed only by a revision with a reason, and every
revision is kept. Comparators (England, region, statistical neighbours) sit beside them.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Upper
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from safeboard.core.asking.stages import AskedRecord, Stage

from .periods import Frequency, PeriodKey
from .values import DECIMAL_PLACES, MAX_DIGITS, Unit, display_value

CODE_PATTERN = r"^[A-Z0-9][A-Z0-9._-]*$"
CODE_HELP = "A short unique reference in capitals, digits and - . _, for example CSC-04."


def normalise_code(code: str) -> str:
    """Indicator codes are kept in capitals and compared without case."""
    return (code or "").strip().upper()


def figure_field(verbose_name: str | None = None, **kwargs) -> models.DecimalField:
    return models.DecimalField(
        verbose_name, max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES, **kwargs
    )


class Polarity(models.TextChoices):
    # The values are those of spc.Polarity, so a chart reads them directly.
    UP = "up", "Higher is better"
    DOWN = "down", "Lower is better"
    NONE = "none", "Neither: a change either way needs explaining"


class Perspective(models.TextChoices):
    """The four views of a balanced scorecard."""

    QUANTITY = "quantity", "Quantity: how much we do"
    TIMELINESS = "timeliness", "Timeliness: how quickly we do it"
    QUALITY = "quality", "Quality: how well we do it"
    OUTCOMES = "outcomes", "Outcomes: what difference it makes to children"


class FigureSource(models.TextChoices):
    FORM = "form", "Web form"
    EXCEL = "excel", "Excel template"
    CSV = "csv", "CSV file"
    CENSUS = "census", "Children in Need census"
    API = "api", "API"
    DEMO = "demo", "Demonstration data"


class ComparatorSource(models.TextChoices):
    ENGLAND = "england", "England"
    REGION = "region", "Region"
    STATISTICAL_NEIGHBOURS = "statistical_neighbours", "Statistical neighbours"


class Indicator(models.Model):
    Unit = Unit
    Frequency = Frequency
    Polarity = Polarity
    Perspective = Perspective

    code = models.CharField(
        max_length=20,
        unique=True,
        validators=[RegexValidator(CODE_PATTERN, CODE_HELP)],
        help_text=CODE_HELP,
    )
    name = models.CharField(max_length=200)
    definition = models.TextField(help_text="What the indicator measures, in plain English.")
    numerator_definition = models.TextField("numerator", blank=True)
    denominator_definition = models.TextField("denominator", blank=True)
    owning_agency = models.ForeignKey(
        "partnership.Agency", on_delete=models.PROTECT, related_name="indicators"
    )
    unit = models.CharField(max_length=16, choices=Unit.choices)
    polarity = models.CharField(max_length=8, choices=Polarity.choices)
    frequency = models.CharField(max_length=16, choices=Frequency.choices)
    perspective = models.CharField(max_length=16, choices=Perspective.choices)
    target = figure_field(null=True, blank=True)
    tolerance = figure_field(
        null=True,
        blank=True,
        help_text="How far from the target a figure may be and still count as near it.",
    )
    data_source = models.CharField(
        max_length=200, blank=True, help_text="Where the figure comes from, e.g. a case system."
    )
    census_key = models.CharField(
        max_length=64,
        blank=True,
        help_text="The Children in Need census measure that computes this indicator, if any.",
    )
    screen_moving_ranges = models.BooleanField(
        default=False,
        help_text="Leave unusually large moving ranges out of the chart's limits (NHSRplotthedots).",
    )
    # The analyst's choice of baseline for the chart's limits (default: every point), and a
    # known step change from which the limits are calculated afresh.
    spc_baseline_from = models.DateField(
        "baseline starts", null=True, blank=True, help_text="The first period of the baseline."
    )
    spc_baseline_to = models.DateField(
        "baseline ends", null=True, blank=True, help_text="The last period of the baseline."
    )
    spc_recalculate_from = models.DateField(
        "limits recalculated from",
        null=True,
        blank=True,
        help_text="A known change in the process (e.g. a new front door): limits start afresh here.",
    )
    priorities = models.ManyToManyField(
        "priorities.Priority", blank=True, related_name="indicators"
    )
    is_active = models.BooleanField(
        default=True, help_text="Retired indicators keep their figures but take no new ones."
    )
    # The business manager's choice: the public scorecard shows the indicator's chart and
    # figures to anyone, signed in or not (scorecard/public/).
    is_public = models.BooleanField(
        "shown on the public scorecard",
        default=False,
        help_text="Anyone may read its chart and figures on the public site.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    # What the indicator tells of: a theme's page (and a priority's) shows its latest state.
    themes = models.ManyToManyField("themes.Theme", blank=True, related_name="indicators")
    history = HistoricalRecords(m2m_fields=[priorities, themes])
    spc: Any  # its chart (spc.selectors.IndicatorSpc), set by evidence.indicators_about()

    class Meta:
        ordering = ["code"]
        indexes = [
            models.Index(fields=["owning_agency", "is_active", "frequency"]),
            models.Index(fields=["perspective", "is_active"]),
            models.Index(fields=["frequency", "is_active"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code=Upper("code")), name="indicator_code_upper"
            ),
            models.CheckConstraint(condition=~models.Q(code=""), name="indicator_has_code"),
            models.CheckConstraint(
                condition=models.Q(unit__in=Unit.values), name="indicator_unit_known"
            ),
            models.CheckConstraint(
                condition=models.Q(frequency__in=Frequency.values), name="indicator_frequency_known"
            ),
            models.CheckConstraint(
                condition=models.Q(polarity__in=Polarity.values),
                name="indicator_polarity_known",
            ),
            models.CheckConstraint(
                condition=models.Q(perspective__in=Perspective.values),
                name="indicator_perspective_known",
            ),
            models.CheckConstraint(
                condition=models.Q(tolerance__isnull=True)
                | models.Q(target__isnull=False, tolerance__gte=0),
                name="indicator_tolerance_needs_target",
            ),
            models.UniqueConstraint(
                fields=["census_key"],
                condition=~models.Q(census_key=""),
                name="indicator_census_key_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(spc_baseline_from__isnull=True)
                | models.Q(spc_baseline_to__isnull=True)
                | models.Q(spc_baseline_to__gte=models.F("spc_baseline_from")),
                name="indicator_spc_baseline_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("scorecard:indicator_detail", kwargs={"pk": self.pk})

    def display(self, value) -> str:
        return display_value(value, self.unit)

    @property
    def display_target(self) -> str:
        return self.display(self.target)


class Period(models.Model):
    """A month, financial quarter or financial year for which figures are submitted."""

    Frequency = Frequency

    frequency = models.CharField(max_length=16, choices=Frequency.choices)
    starts_on = models.DateField()
    ends_on = models.DateField()
    submissions_due_on = models.DateField(
        help_text="The date by which agencies should have submitted their figures."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["frequency", "starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["frequency", "starts_on"], name="one_period_per_start"),
            models.CheckConstraint(
                condition=models.Q(frequency__in=Frequency.values), name="period_frequency_known"
            ),
            models.CheckConstraint(
                condition=models.Q(starts_on__day=1), name="period_starts_on_first_of_month"
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__gt=models.F("starts_on")),
                name="period_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=models.Q(submissions_due_on__gt=models.F("ends_on")),
                name="period_submissions_due_after_it_ends",
            ),
        ]
        indexes = [models.Index(fields=["starts_on"])]

    def __str__(self) -> str:
        return self.label

    @property
    def key(self) -> PeriodKey:
        return PeriodKey(self.starts_on, self.frequency)

    @property
    def label(self) -> str:
        return self.key.label

    @property
    def slug(self) -> str:
        return self.key.slug


class Figure(models.Model):
    """The current figure of an indicator for a period; earlier values are in its revisions."""

    Source = FigureSource

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="figures")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="figures")
    value = figure_field()
    source = models.CharField(max_length=16, choices=FigureSource.choices)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    revision_count = models.PositiveIntegerField(default=0)
    revised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revised_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator_id", "period__starts_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period"], name="one_figure_per_indicator_and_period"
            ),
            models.CheckConstraint(condition=models.Q(value__gte=0), name="figure_not_negative"),
            models.CheckConstraint(
                condition=models.Q(source__in=FigureSource.values),
                name="figure_source_known",
            ),
            models.CheckConstraint(
                condition=models.Q(revision_count=0, revised_at__isnull=True)
                | models.Q(revision_count__gt=0, revised_at__isnull=False),
                name="figure_revised_at_only_when_revised",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period}: {self.value}"

    @property
    def owning_agency_id(self) -> int:
        return self.indicator.owning_agency_id

    @property
    def display_value(self) -> str:
        return self.indicator.display(self.value)


class FigureRevision(models.Model):
    """One change to a figure: from what, to what, why, by whom and when."""

    figure = models.ForeignKey(Figure, on_delete=models.CASCADE, related_name="revisions")
    previous_value = figure_field()
    new_value = figure_field()
    previous_source = models.CharField(max_length=16, choices=FigureSource.choices)
    new_source = models.CharField(max_length=16, choices=FigureSource.choices)
    reason = models.TextField()
    revised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revised_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["revised_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(reason=""), name="figure_revision_has_reason"
            ),
            models.CheckConstraint(
                condition=~models.Q(previous_value=models.F("new_value")),
                name="figure_revision_changes_the_value",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.previous_value} \u2192 {self.new_value}"


class Comparator(models.Model):
    """A published figure to compare an indicator with: England, the region or neighbours.

    Its period need not share the indicator's frequency: England's figures are mostly annual.
    """

    Source = ComparatorSource

    class Origin(models.TextChoices):
        ENTERED = "entered", "Entered by hand"
        IMPORTED = "imported", "Imported"

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="comparators")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="comparators")
    source = models.CharField(max_length=32, choices=ComparatorSource.choices)
    value = figure_field()
    origin = models.CharField(max_length=16, choices=Origin.choices, default=Origin.ENTERED)
    reference = models.CharField(
        max_length=300, blank=True, help_text="The publication the figure comes from."
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator_id", "period__starts_on", "source"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period", "source"], name="one_comparator_per_source"
            ),
            models.CheckConstraint(
                condition=models.Q(source__in=ComparatorSource.values),
                name="comparator_source_known",
            ),
            models.CheckConstraint(
                condition=models.Q(value__gte=0), name="comparator_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period} {self.get_source_display()}: {self.value}"


class QueryTrigger(models.TextChoices):
    CONCERN = "concern", "Special cause variation of concern"
    TARGET_MISSED = "target_missed", "Target missed"
    RAISED = "raised", "Raised by the board"


# An indicator with no better direction has no "worse" either: its signal is a significant
# change, worth explaining, and is never called a concern.
SIGNIFICANT_CHANGE = "Special cause variation: a significant change"


def trigger_words(trigger: str, polarity: str) -> str:
    """Why the scorecard opened a query, in words that fit the indicator's polarity."""
    if trigger == QueryTrigger.CONCERN and polarity == Polarity.NONE:
        return SIGNIFICANT_CHANGE
    return str(QueryTrigger(trigger).label) if trigger in QueryTrigger.values else trigger


class IndicatorQuery(AskedRecord, models.Model):
    """A question put to an indicator's owning agency: why did this figure move?

    Opened by the scorecard when a new figure shows special-cause variation of concern or
    misses the target (once per indicator, period and trigger), or by hand; the agency
    answers with an explanation and, where needed, actions; the performance subgroup (the
    business manager or chair for it) accepts the answer or challenges it, which opens it again.
    """

    class Status(models.TextChoices):
        OPEN = "open", "Awaiting an answer"
        ANSWERED = "answered", "Answered"
        ACCEPTED = "accepted", "Accepted"

    STAGES = {
        Status.OPEN: Stage.ASKED,
        Status.ANSWERED: Stage.ANSWERED,
        Status.ACCEPTED: Stage.CLOSED,
    }

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="queries")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="queries")
    agency = models.ForeignKey(
        "partnership.Agency", on_delete=models.PROTECT, related_name="indicator_queries"
    )
    trigger = models.CharField(max_length=16, choices=QueryTrigger.choices)
    signals = models.CharField(
        max_length=100, blank=True, help_text="The SPC signals that opened it, comma-separated."
    )
    question = models.TextField()
    opened_on = models.DateField()
    response_due_on = models.DateField("answer due")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    explanation = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_on = models.DateField(null=True, blank=True)
    judgement_reason = models.TextField(blank=True)
    judged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    judged_on = models.DateField(null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Empty when the scorecard opened it.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-opened_on", "-id"]
        indexes = [
            models.Index(fields=["agency", "status", "response_due_on"]),
            models.Index(fields=["status", "response_due_on"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period", "trigger"],
                condition=~models.Q(trigger="raised"),
                name="one_automatic_query_per_indicator_period_trigger",
            ),
            models.CheckConstraint(
                condition=models.Q(response_due_on__gte=models.F("opened_on")),
                name="indicator_query_due_after_opened",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["open", "answered", "accepted"]),
                name="indicator_query_status_known",
            ),
        ]
        verbose_name_plural = "indicator queries"

    def __str__(self) -> str:
        return f"Query on {self.indicator.code} for {self.period}"

    def get_absolute_url(self) -> str:
        return reverse("scorecard:query_detail", kwargs={"pk": self.pk})

    @property
    def opened_because(self) -> str:
        """The trigger in words: a "concern" only where the indicator has a worse direction."""
        return trigger_words(self.trigger, self.indicator.polarity)

    @property
    def owning_agency_id(self) -> int:
        return self.agency_id
