"""Section 11 (and Section 175) self-assessment: cycles, returns, moderation and chasing.

Section 11 of the Children Act 2004 puts a duty on named organisations to make arrangements
to safeguard and promote the welfare of children; Section 175 of the Education Act 2002 does
the same for schools and colleges. A partnership checks those arrangements in cycles, each
year or every two years: every organisation asked scores itself against a set of standards,
with evidence and a plan for what it does not yet meet.

The standard sets are a library the business manager edits. A cycle copies its set's
standards when it is created, so editing the library never changes a running cycle; the
cycle's own copy may be edited until the cycle opens. When a cycle opens, each return is
pre-filled from the organisation's return to the previous cycle (same standard code),
marked "carried forward" until the organisation confirms or updates it.
"""

from __future__ import annotations

import datetime
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from .scale import DEFAULT_LABELS, DEFAULT_MAX, DEFAULT_MET, DEFAULT_MIN, Scale

# Scores are small whole numbers; a cycle's scale lies within these bounds.
LOWEST_SCORE = 0
HIGHEST_SCORE = 10


class Kind(models.TextChoices):
    SECTION_11 = "section_11", "Section 11 (Children Act 2004)"
    SECTION_175 = "section_175", "Section 175 (Education Act 2002), for schools and colleges"


class StandardSet(models.Model):
    """A library of standards, such as Working Together 2018's; copied into each cycle."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    source = models.TextField(blank=True, help_text="Where the standards come from.")
    is_active = models.BooleanField(
        default=True, help_text="Retired sets are kept for their cycles but not offered."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("section11:standard_set_detail", kwargs={"pk": self.pk})


class StandardFields(models.Model):
    """What a standard says, in the library and in a cycle's copy alike."""

    code = models.CharField(
        max_length=20,
        help_text="Stable from cycle to cycle: answers are carried forward by code.",
    )
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True, help_text="What meeting the standard looks like.")
    sub_standards = models.JSONField(
        default=list, blank=True, help_text="The expectations the standard is made of, in order."
    )

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def numbered_sub_standards(self) -> list[tuple[str, str]]:
        """Each sub-standard with its number under the standard: ("3.1", "...")."""
        return [(f"{self.code}.{n}", text) for n, text in enumerate(self.sub_standards, start=1)]


class Standard(StandardFields):
    standard_set = models.ForeignKey(
        StandardSet, on_delete=models.CASCADE, related_name="standards"
    )
    # What the standard is about. Kept in the library and matched to each cycle's copy by
    # code, so tagging a standard tags it in every cycle, past and future.
    themes = models.ManyToManyField("themes.Theme", blank=True, related_name="s11_standards")
    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        ordering = ["standard_set", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["standard_set", "code"], name="s11_code_per_set")
        ]

    def get_absolute_url(self) -> str:
        return self.standard_set.get_absolute_url() + f"#standard-{self.pk}"


def _default_labels() -> list[str]:
    return list(DEFAULT_LABELS)


def _default_reminder_days() -> list[int]:
    return [14, 3]


class Cycle(models.Model):
    class Status(models.TextChoices):
        SETTING_UP = "setting_up", "Setting up"
        OPEN = "open", "Open for returns"
        CLOSED = "closed", "Closed"

    class Frequency(models.TextChoices):
        YEARLY = "yearly", "Every year"
        TWO_YEARLY = "two_yearly", "Every two years"

    title = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.SECTION_11)
    frequency = models.CharField(
        max_length=12, choices=Frequency.choices, default=Frequency.TWO_YEARLY
    )
    standard_set = models.ForeignKey(
        StandardSet,
        on_delete=models.PROTECT,
        related_name="cycles",
        help_text="The set the cycle's standards were copied from.",
    )
    previous_cycle = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Whose answers are carried forward, and compared with.",
    )
    returns_due_on = models.DateField("returns due")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SETTING_UP)
    opened_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)

    scale_min = models.PositiveSmallIntegerField("lowest score", default=DEFAULT_MIN)
    scale_max = models.PositiveSmallIntegerField("highest score", default=DEFAULT_MAX)
    met_score = models.PositiveSmallIntegerField(
        "score that counts as met",
        default=DEFAULT_MET,
        help_text="Below it, a standard needs an improvement plan.",
    )
    scale_labels = models.JSONField(
        default=_default_labels, help_text="A label for every score, lowest first."
    )

    reminder_days_before = models.JSONField(
        "reminders before the deadline (days)", default=_default_reminder_days, blank=True
    )
    overdue_reminder_every_days = models.PositiveSmallIntegerField(
        "reminders after the deadline, every (days)",
        default=7,
        help_text="0 for none.",
    )
    first_letter_days_after = models.PositiveSmallIntegerField(
        "first escalation letter (days after the deadline)", default=14
    )
    second_letter_days_after = models.PositiveSmallIntegerField(
        "second escalation letter (days after the deadline)", null=True, blank=True, default=28
    )

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-returns_due_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="closed", closed_on__isnull=False)
                | (~models.Q(status="closed") & models.Q(closed_on__isnull=True)),
                name="s11_cycle_closed_on_only_when_closed",
            ),
            models.CheckConstraint(
                condition=models.Q(status="setting_up") | models.Q(opened_on__isnull=False),
                name="s11_cycle_opened_on_once_open",
            ),
            models.CheckConstraint(
                condition=models.Q(scale_min__lt=models.F("scale_max"))
                & models.Q(scale_min__gte=LOWEST_SCORE, scale_max__lte=HIGHEST_SCORE),
                name="s11_cycle_scale_in_bounds",
            ),
            models.CheckConstraint(
                condition=models.Q(met_score__gt=models.F("scale_min"))
                & models.Q(met_score__lte=models.F("scale_max")),
                name="s11_cycle_met_score_on_scale",
            ),
            models.CheckConstraint(
                condition=models.Q(second_letter_days_after__isnull=True)
                | models.Q(second_letter_days_after__gt=models.F("first_letter_days_after")),
                name="s11_cycle_second_letter_after_first",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("section11:cycle_detail", kwargs={"pk": self.pk})

    @property
    def scale(self) -> Scale:
        return Scale(
            minimum=self.scale_min,
            maximum=self.scale_max,
            met=self.met_score,
            labels=tuple(self.scale_labels),
        )

    @property
    def is_setting_up(self) -> bool:
        return self.status == self.Status.SETTING_UP

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED

    @property
    def status_tag_colour(self) -> str:
        return {"setting_up": "grey", "open": "blue", "closed": "green"}[self.status]


class CycleStandard(StandardFields):
    """The cycle's own copy of a standard: what its returns are scored against."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="standards")
    history = HistoricalRecords()

    class Meta:
        ordering = ["cycle", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["cycle", "code"], name="s11_code_per_cycle")]

    def get_absolute_url(self) -> str:
        return reverse("section11:cycle_standards", kwargs={"pk": self.cycle_id}) + (
            f"#standard-{self.pk}"
        )

    @property
    def page_record(self):
        """The cycle whose page shows this standard (core.links asks its page's rule)."""
        return self.cycle


class ChiefOfficer(models.Model):
    """Who an organisation's escalation letters are addressed to: its most senior officer."""

    agency = models.OneToOneField(
        "partnership.Agency", on_delete=models.CASCADE, related_name="section11_chief_officer"
    )
    full_name = models.CharField("name", max_length=200)
    job_title = models.CharField(max_length=200)
    email = models.EmailField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["agency__name"]

    def __str__(self) -> str:
        return f"{self.full_name}, {self.job_title}"


class ReturnQuerySet(models.QuerySet):
    def with_due_on(self) -> ReturnQuerySet:
        """Add `effective_due_on`: the extended deadline if there is one, else the cycle's."""
        return self.annotate(effective_due_on=Coalesce("extended_to", "cycle__returns_due_on"))


class Return(models.Model):
    """One organisation's self-assessment in one cycle."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        DRAFT = "draft", "Draft saved"
        SUBMITTED = "submitted", "Submitted"

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="returns")
    agency = models.ForeignKey(
        "partnership.Agency", on_delete=models.PROTECT, related_name="section11_returns"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.NOT_STARTED)
    extended_to = models.DateField("deadline extended to", null=True, blank=True)
    extension_reason = models.TextField(blank=True)
    carried_forward_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    objects = ReturnQuerySet.as_manager()

    class Meta:
        ordering = ["cycle", "agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "agency"], name="s11_one_return_per_agency"),
            models.CheckConstraint(
                condition=models.Q(status="submitted", submitted_at__isnull=False)
                | (~models.Q(status="submitted") & models.Q(submitted_at__isnull=True)),
                name="s11_submitted_at_only_when_submitted",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency}: {self.cycle}"

    def get_absolute_url(self) -> str:
        return reverse("section11:return_detail", kwargs={"pk": self.pk})

    @property
    def owning_agency_id(self) -> int:
        return self.agency_id

    @property
    def due_on(self) -> datetime.date:
        return self.extended_to or self.cycle.returns_due_on

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        return not self.is_submitted and self.due_on < (today or timezone.localdate())

    @property
    def display_status(self) -> str:
        """Overdue is derived from the deadline, never stored."""
        if self.cycle.is_open and self.is_overdue():
            return "Overdue" if self.status == self.Status.NOT_STARTED else "Draft: overdue"
        return self.get_status_display()

    @property
    def status_tag_colour(self) -> str:
        if self.is_submitted:
            return "green"
        if self.cycle.is_open and self.is_overdue():
            return "red"
        return "yellow" if self.status == self.Status.DRAFT else "grey"


class Rating(models.Model):
    """An organisation's self-assessment against one standard, and its moderation."""

    agency_return = models.ForeignKey(Return, on_delete=models.CASCADE, related_name="ratings")
    standard = models.ForeignKey(CycleStandard, on_delete=models.PROTECT, related_name="ratings")
    self_score = models.PositiveSmallIntegerField("self-assessed score", null=True, blank=True)
    commentary = models.TextField(
        blank=True, help_text="How the organisation meets the standard, in its own words."
    )
    is_carried_forward = models.BooleanField(
        default=False,
        help_text="Pre-filled from the previous cycle and not yet confirmed or updated.",
    )
    moderated_score = models.PositiveSmallIntegerField(null=True, blank=True)
    moderation_reason = models.TextField(blank=True)
    moderated_on = models.DateField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["agency_return", "standard__position", "standard_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency_return", "standard"], name="s11_one_rating_per_standard"
            ),
            models.CheckConstraint(
                condition=models.Q(self_score__isnull=True)
                | models.Q(self_score__gte=LOWEST_SCORE, self_score__lte=HIGHEST_SCORE),
                name="s11_self_score_in_bounds",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(moderated_score__isnull=True) & models.Q(moderated_on__isnull=True)
                )
                | (
                    models.Q(moderated_score__gte=LOWEST_SCORE, moderated_score__lte=HIGHEST_SCORE)
                    & models.Q(moderated_on__isnull=False)
                ),
                name="s11_moderated_on_with_moderated_score",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency_return.agency}: standard {self.standard.code}"

    def get_absolute_url(self) -> str:
        return self.agency_return.get_absolute_url() + f"#standard-{self.standard_id}"

    @property
    def page_record(self):
        """The return whose page shows this rating (core.links asks its page's rule)."""
        return self.agency_return

    @property
    def owning_agency_id(self) -> int:
        return self.agency_return.agency_id

    @property
    def agreed_score(self) -> int | None:
        """The moderated score where the panel agreed one, else the self-assessed score."""
        return self.moderated_score if self.moderated_score is not None else self.self_score


def evidence_upload_path(evidence: Evidence, filename: str) -> str:
    return f"section11/evidence/{evidence.rating_id}/{PurePath(filename).name}"


class Evidence(models.Model):
    """Something that shows how a standard is met: words, and a file if there is one."""

    rating = models.ForeignKey(Rating, on_delete=models.CASCADE, related_name="evidence")
    description = models.TextField("what the evidence shows")
    dated_on = models.DateField("date of the evidence")
    file = models.FileField(upload_to=evidence_upload_path, blank=True, max_length=300)
    content_type = models.CharField(max_length=100, blank=True)
    request = models.ForeignKey(
        "EvidenceRequest",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="evidence",
        help_text="The board's request it answers, if any.",
    )
    is_carried_forward = models.BooleanField(default=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-dated_on", "-id"]
        verbose_name_plural = "evidence"

    def __str__(self) -> str:
        return self.description[:60]

    @property
    def owning_agency_id(self) -> int:
        return self.rating.agency_return.agency_id

    @property
    def file_name(self) -> str:
        return PurePath(self.file.name or "").name if self.file else ""


class ImprovementItem(models.Model):
    """A step of the improvement plan for a standard not yet met; an action once submitted."""

    rating = models.ForeignKey(Rating, on_delete=models.CASCADE, related_name="improvements")
    text = models.TextField("what will be done")
    owner_person = models.ForeignKey(
        "partnership.Person", on_delete=models.PROTECT, related_name="section11_improvements"
    )
    due_on = models.DateField("due date")
    action = models.OneToOneField(
        "actions.Action",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="section11_improvement",
    )
    history = HistoricalRecords()
    # What its name (and its page's rule) reads, for a list that names many items at once.
    name_reads = (
        "rating__agency_return__cycle",
        "rating__agency_return__agency",
        "rating__standard",
    )

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = "Section 11 improvement plan item"

    def __str__(self) -> str:
        agency_return = self.rating.agency_return
        return (
            f"{agency_return.cycle}, {agency_return.agency}, standard {self.rating.standard.code}"
        )

    def get_absolute_url(self) -> str:
        return self.rating.get_absolute_url()

    @property
    def page_record(self):
        """The return whose page shows this item (core.links asks its page's rule)."""
        return self.rating.agency_return


class EvidenceRequest(models.Model):
    """Peer challenge: the board asks for the evidence behind a self-declared score."""

    class Status(models.TextChoices):
        OPEN = "open", "Waiting for the organisation"
        ANSWERED = "answered", "Answered: waiting for the board"
        CONCLUDED = "concluded", "Concluded"

    class Conclusion(models.TextChoices):
        SUPPORTED = "supported", "The evidence supports the score"
        NOT_SUPPORTED = "not_supported", "The evidence does not support the score"

    rating = models.ForeignKey(Rating, on_delete=models.CASCADE, related_name="requests")
    question = models.TextField(help_text="What the board asks to see.")
    is_sampled = models.BooleanField(
        default=False, help_text="Drawn at random from the self-declarations, not chosen."
    )
    requested_on = models.DateField()
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    response_due_on = models.DateField("response due")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    response = models.TextField(blank=True)
    responded_on = models.DateField(null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    conclusion = models.CharField(max_length=16, choices=Conclusion.choices, blank=True)
    conclusion_note = models.TextField(blank=True)
    concluded_on = models.DateField(null=True, blank=True)
    concluded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-requested_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(response_due_on__gte=models.F("requested_on")),
                name="s11_request_due_after_requested",
            ),
            models.CheckConstraint(
                condition=(models.Q(status="concluded") & ~models.Q(conclusion=""))
                | (~models.Q(status="concluded") & models.Q(conclusion="")),
                name="s11_request_conclusion_when_concluded",
            ),
        ]

    def __str__(self) -> str:
        return f"Evidence requested from {self.rating}"

    def get_absolute_url(self) -> str:
        return reverse("section11:request_detail", kwargs={"pk": self.pk})

    @property
    def owning_agency_id(self) -> int:
        return self.rating.agency_return.agency_id

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        return self.status == self.Status.OPEN and self.response_due_on < (
            today or timezone.localdate()
        )

    @property
    def status_tag_colour(self) -> str:
        if self.is_overdue():
            return "red"
        return {"open": "blue", "answered": "yellow", "concluded": "green"}[self.status]


def letter_upload_path(chase: Chase, filename: str) -> str:
    return f"section11/letters/{chase.agency_return.cycle_id}/{PurePath(filename).name}"


class Chase(models.Model):
    """Every time the board chased a return: who was written to, what, when and how."""

    class Kind(models.TextChoices):
        REMINDER = "reminder", "Reminder before the deadline"
        OVERDUE_REMINDER = "overdue_reminder", "Reminder: return overdue"
        ESCALATION_LETTER = "escalation_letter", "Escalation letter to the chief officer"
        OTHER_CONTACT = "other_contact", "Other contact"

    class Method(models.TextChoices):
        REMINDER_EMAIL = "reminder_email", "In the daily reminder email"
        EMAIL = "email", "Email"
        LETTER = "letter", "Letter by email, with a printable copy"
        LETTER_TO_POST = "letter_to_post", "Letter to print and post (no email address held)"
        PHONE = "phone", "Telephone call"
        MEETING = "meeting", "Meeting"

    agency_return = models.ForeignKey(Return, on_delete=models.CASCADE, related_name="chases")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    method = models.CharField(max_length=20, choices=Method.choices)
    step = models.CharField(
        max_length=40,
        blank=True,
        help_text="The step of the cycle's chasing schedule; blank when chased by hand.",
    )
    sent_on = models.DateField("date")
    recipients = models.TextField("who it went to")
    subject = models.CharField(max_length=300, blank=True)
    body = models.TextField(blank=True)
    letter = models.FileField(upload_to=letter_upload_path, blank=True, max_length=300)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Empty when the daily job sent it.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sent_on", "id"]
        indexes = [models.Index(fields=["sent_on", "kind"])]
        constraints = [
            # A schedule step is taken once per return: a job that runs twice sends nothing more.
            models.UniqueConstraint(
                fields=["agency_return", "step"],
                condition=~models.Q(step=""),
                name="s11_one_chase_per_schedule_step",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.agency_return.agency}, {self.sent_on}"

    def get_absolute_url(self) -> str:
        return reverse("section11:chase_list", kwargs={"pk": self.agency_return.cycle_id}) + (
            f"#return-{self.agency_return_id}"
        )

    @property
    def owning_agency_id(self) -> int:
        return self.agency_return.agency_id
