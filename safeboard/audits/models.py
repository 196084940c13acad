"""Multi-agency case audits: tools, rounds over a sample of cases, answers, moderation, findings.

An audit tool is built by the business manager as sections of questions; each section says
which agencies answer it. A tool has numbered versions: a round is set up on the tool's latest
version and freezes it, and any later change to the tool makes a new version, so a running
round's questions never change under its auditors. Questions and sections keep a `key` from
version to version, so a re-audit on a later version is compared question by question.

A round samples pseudonymised cases; each agency involved has an auditor assigned, who saves
a draft and then submits (submitted answers are locked). A moderation meeting then agrees each
case's overall grade, recording where the agencies disagreed and how it was resolved. The
findings of the round (strengths, areas for improvement) are tagged with the partnership's
themes and lead to actions on the action spine.
"""

from __future__ import annotations

import datetime
import uuid
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from safeboard.core.children import AgeBand

if TYPE_CHECKING:
    from safeboard.actions.models import Action
    from safeboard.partnership.models import Agency


class Grade(models.TextChoices):
    """The four-point scale of inspection judgements, used for case audit grades."""

    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"


class YesNoPartly(models.TextChoices):
    YES = "yes", "Yes"
    PARTLY = "partly", "Partly"
    NO = "no", "No"


_CHOICE_LABELS = {**dict(YesNoPartly.choices), **dict(Grade.choices)}


class AuditTool(models.Model):
    """A template for auditing one area of practice, in numbered versions."""

    name = models.CharField(max_length=200, unique=True)
    purpose = models.TextField(help_text="What the tool tests, and the standard it tests against.")
    is_active = models.BooleanField(
        default=True, help_text="Retired tools keep their rounds but are not offered for new ones."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("audits:tool_detail", kwargs={"pk": self.pk})


class ToolVersion(models.Model):
    """One version of a tool's sections and questions; frozen once a round uses it."""

    tool = models.ForeignKey(AuditTool, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    based_on = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    frozen_at = models.DateTimeField(
        null=True, blank=True, help_text="When a round first used it; it never changes after."
    )

    class Meta:
        ordering = ["tool", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["tool", "number"], name="audit_version_number_per_tool"
            ),
            models.CheckConstraint(
                condition=models.Q(number__gte=1), name="audit_version_number_from_1"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tool.name}, version {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("audits:version_detail", kwargs={"pk": self.pk})

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None


class Section(models.Model):
    """A part of a tool, answered by the agencies it names (by type, or one by one).

    A section that names no agency is answered by every agency involved in the case.
    """

    version = models.ForeignKey(ToolVersion, on_delete=models.CASCADE, related_name="sections")
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=200)
    guidance = models.TextField(blank=True)
    agency_types = models.JSONField(
        default=list, blank=True, help_text="Types of agency (Agency.Type values) that answer it."
    )
    agencies = models.ManyToManyField(
        "partnership.Agency",
        blank=True,
        related_name="audit_sections",
        help_text="Named agencies that answer it.",
    )
    history = HistoricalRecords(m2m_fields=[agencies])
    number: int  # its place in the tool, set by selectors.version_sections()

    class Meta:
        ordering = ["version", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="audit_section_key_per_version")
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.version.tool.get_absolute_url() + f"#section-{self.pk}"

    @property
    def answered_by_every_agency(self) -> bool:
        return not self.agency_types and not self.agencies.all()

    def is_answered_by(self, agency) -> bool:
        """Whether `agency` answers this section (uses the prefetched agencies if any)."""
        if self.answered_by_every_agency:
            return True
        return agency.type in self.agency_types or any(
            named.pk == agency.pk for named in self.agencies.all()
        )

    def answerers(self) -> list[str]:
        """Who answers it, in words: the agency types, then the agencies named."""
        from safeboard.partnership.models import Agency

        if self.answered_by_every_agency:
            return ["Every agency involved"]
        labels = dict(Agency.Type.choices)
        return [labels.get(value, value) for value in self.agency_types] + [
            agency.name for agency in self.agencies.all()
        ]


class Question(models.Model):
    class Kind(models.TextChoices):
        YES_NO_PARTLY = "yes_no_partly", "Yes, partly or no"
        GRADE = "grade", "A grade: outstanding, good, requires improvement, inadequate"
        TEXT = "text", "Free text"

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="questions")
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    position = models.PositiveSmallIntegerField(default=0)
    text = models.TextField("question")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    guidance = models.TextField(
        blank=True, help_text="What the auditor should look for, and what a good answer shows."
    )
    answer_required = models.BooleanField(
        default=True, help_text="The auditor must answer it before submitting."
    )
    history = HistoricalRecords()
    # Its place in the tool ("2.3") and the key to sort by, set by selectors.version_sections().
    number: str
    sort_key: tuple[int, int]

    class Meta:
        ordering = ["section", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["section", "key"], name="audit_question_key_per_section"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=["yes_no_partly", "grade", "text"]),
                name="audit_question_kind_known",
            ),
        ]

    def __str__(self) -> str:
        return self.text

    def get_absolute_url(self) -> str:
        return self.section.version.tool.get_absolute_url() + f"#question-{self.pk}"

    @property
    def choices(self) -> list[tuple[str, str]]:
        """The answers an auditor may choose, or none for a free-text question."""
        if self.kind == self.Kind.YES_NO_PARTLY:
            return list(YesNoPartly.choices)
        if self.kind == self.Kind.GRADE:
            return list(Grade.choices)
        return []

    @property
    def is_measured(self) -> bool:
        """Whether its answers count towards the standard met (free text does not)."""
        return self.kind != self.Kind.TEXT


class AuditRound(models.Model):
    class Status(models.TextChoices):
        SETTING_UP = "setting_up", "Setting up"
        OPEN = "open", "Open for answers"
        CLOSED = "closed", "Closed"

    reference = models.CharField(max_length=20, unique=True)
    title = models.CharField(max_length=200)
    tool_version = models.ForeignKey(ToolVersion, on_delete=models.PROTECT, related_name="rounds")
    theme = models.ForeignKey("themes.Theme", on_delete=models.PROTECT, related_name="audit_rounds")
    sample = models.TextField(
        help_text="How the cases were chosen: the period, the criteria and how many."
    )
    answers_due_on = models.DateField("answers due")
    moderation_on = models.DateField("moderation meeting", null=True, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SETTING_UP)
    opened_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="closed", closed_on__isnull=False)
                | (~models.Q(status="closed") & models.Q(closed_on__isnull=True)),
                name="audit_round_closed_on_only_when_closed",
            ),
            models.CheckConstraint(
                condition=models.Q(status="setting_up") | models.Q(opened_on__isnull=False),
                name="audit_round_opened_on_once_open",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("audits:round_detail", kwargs={"pk": self.pk})

    @property
    def tool(self) -> AuditTool:
        return self.tool_version.tool

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED

    @property
    def display_status(self) -> str:
        return self.get_status_display()

    @property
    def status_tag_colour(self) -> str:
        return {"setting_up": "grey", "open": "blue", "closed": "green"}[self.status]


class SampleCase(models.Model):
    """A pseudonymised case in a round's sample: never a name, only a reference."""

    round = models.ForeignKey(AuditRound, on_delete=models.CASCADE, related_name="cases")
    number = models.PositiveSmallIntegerField()
    reference = models.CharField(max_length=24, unique=True)
    age_band = models.CharField(max_length=10, choices=AgeBand.choices)
    agencies = models.ManyToManyField(
        "partnership.Agency", related_name="audit_cases", verbose_name="agencies involved"
    )
    context = models.TextField(
        blank=True,
        help_text="Why the case is in the sample, without names, dates of birth or addresses.",
    )
    history = HistoricalRecords(m2m_fields=[agencies])
    # Its progress in the round, set by selectors.round_page().
    missing_agencies: list[Agency]
    all_answers_in: bool

    class Meta:
        ordering = ["round", "number"]
        constraints = [
            models.UniqueConstraint(fields=["round", "number"], name="audit_case_number_per_round"),
            models.CheckConstraint(
                condition=models.Q(age_band__in=AgeBand.values), name="audit_case_age_band_known"
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        return reverse("audits:case_detail", kwargs={"pk": self.pk})


class Assignment(models.Model):
    """One agency's part in auditing one case: its auditor, due date and answers."""

    case = models.ForeignKey(SampleCase, on_delete=models.CASCADE, related_name="assignments")
    agency = models.ForeignKey(
        "partnership.Agency", on_delete=models.PROTECT, related_name="audit_assignments"
    )
    auditor = models.ForeignKey(
        "partnership.Person", on_delete=models.PROTECT, related_name="audit_assignments"
    )
    due_on = models.DateField("answers due")
    proposed_grade = models.CharField(
        max_length=24, choices=Grade.choices, blank=True, help_text="The agency's overall grade."
    )
    summary = models.TextField(
        blank=True, help_text="The agency's overall view of the case: strengths and gaps."
    )
    started_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["case", "agency__name"]
        indexes = [models.Index(fields=["auditor", "submitted_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "agency"], name="audit_one_assignment_per_agency"
            ),
            models.CheckConstraint(
                condition=models.Q(proposed_grade="") | models.Q(proposed_grade__in=Grade.values),
                name="audit_proposed_grade_on_scale",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case.reference}: {self.agency}"

    def get_absolute_url(self) -> str:
        return reverse("audits:assignment_detail", kwargs={"pk": self.pk})

    @property
    def owning_agency_id(self) -> int:
        return self.agency_id

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        return not self.is_submitted and self.due_on < (today or timezone.localdate())

    @property
    def display_status(self) -> str:
        if self.is_submitted:
            return "Submitted"
        if self.is_overdue():
            return "Overdue"
        return "Draft saved" if self.started_at else "Not started"

    @property
    def status_tag_colour(self) -> str:
        if self.is_submitted:
            return "green"
        if self.is_overdue():
            return "red"
        return "yellow" if self.started_at else "grey"


class Answer(models.Model):
    """An auditor's answer to one question: a choice (yes/partly/no or a grade) and words.

    Answers change only in a draft, and submitting locks them; the business manager may
    reopen them, so each answer keeps its own history: who changed it, when, from what.
    """

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    choice = models.CharField(max_length=24, blank=True)
    text = models.TextField(
        blank=True, help_text="The answer to a free-text question, or evidence."
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["assignment", "question"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "question"], name="audit_one_answer_per_question"
            ),
            models.CheckConstraint(
                condition=models.Q(choice__in=["", *YesNoPartly.values, *Grade.values]),
                name="audit_answer_choice_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assignment}: {self.choice or self.text[:40]}"

    @property
    def choice_label(self) -> str:
        return _CHOICE_LABELS.get(self.choice, self.choice)


class Moderation(models.Model):
    """The multi-agency moderation of one case: the grade agreed and how it was reached."""

    case = models.OneToOneField(SampleCase, on_delete=models.CASCADE, related_name="moderation")
    agreed_grade = models.CharField(max_length=24, choices=Grade.choices)
    moderated_on = models.DateField()
    attendees = models.ManyToManyField("partnership.Person", blank=True, related_name="+")
    others_present = models.CharField(max_length=300, blank=True)
    disagreement = models.TextField(
        blank=True, help_text="Where the agencies' views of the case differed."
    )
    resolution = models.TextField(blank=True, help_text="How the grade was agreed.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords(m2m_fields=[attendees])

    class Meta:
        ordering = ["case"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(agreed_grade__in=Grade.values),
                name="audit_agreed_grade_on_scale",
            )
        ]

    def __str__(self) -> str:
        return f"Moderation of {self.case.reference}"

    def get_absolute_url(self) -> str:
        return self.case.get_absolute_url()


class Finding(models.Model):
    class Kind(models.TextChoices):
        STRENGTH = "strength", "Strength"
        AREA_FOR_IMPROVEMENT = "improvement", "Area for improvement"

    round = models.ForeignKey(AuditRound, on_delete=models.CASCADE, related_name="findings")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    title = models.CharField(max_length=200)
    text = models.TextField("finding")
    evidence = models.TextField(help_text="What the audit found that shows it.")
    themes = models.ManyToManyField("themes.Theme", related_name="audit_findings")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[themes])
    action_list: list[Action]  # the actions it led to, set by selectors.findings_with_actions()

    class Meta:
        ordering = ["round", "kind", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=["strength", "improvement"]),
                name="audit_finding_kind_known",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("audits:round_report", kwargs={"pk": self.round_id}) + f"#finding-{self.pk}"

    @property
    def page_record(self) -> AuditRound:
        """The record whose page shows this finding (core.links asks its page's rule)."""
        return self.round
