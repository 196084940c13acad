"""The partnership: agencies, people, the board and its subgroups, meetings and induction."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords


class Agency(models.Model):
    class Type(models.TextChoices):
        LOCAL_AUTHORITY = "local_authority", "Local authority children's services"
        POLICE = "police", "Police"
        HEALTH_ICB = "health_icb", "Health: integrated care board"
        HEALTH_TRUST = "health_trust", "Health: NHS trust"
        HEALTH_GP = "health_gp", "Health: general practice"
        EDUCATION = "education", "Education"
        PROBATION = "probation", "Probation"
        YOUTH_JUSTICE = "youth_justice", "Youth justice"
        VOLUNTARY = "voluntary", "Voluntary and community sector"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=40, blank=True)
    type = models.CharField(max_length=32, choices=Type.choices)
    is_statutory_partner = models.BooleanField(
        default=False,
        help_text="One of the three safeguarding partners: local authority, police, ICB.",
    )
    is_active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("partnership:agency_detail", args=[self.pk])

    @property
    def owning_agency_id(self) -> int:
        return self.pk


class Person(models.Model):
    full_name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=200, blank=True)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="people")
    email = models.EmailField(unique=True)
    phone = models.CharField(max_length=40, blank=True)
    is_active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["full_name"]
        verbose_name_plural = "people"
        indexes = [models.Index(fields=["agency", "full_name"])]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("partnership:person_detail", args=[self.pk])

    @property
    def owning_agency_id(self) -> int:
        return self.agency_id


class Group(models.Model):
    """The board or one of its subgroups."""

    class Kind(models.TextChoices):
        BOARD = "board", "Board"
        SUBGROUP = "subgroup", "Subgroup"

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    purpose = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="subgroups"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="board", parent__isnull=True) | models.Q(kind="subgroup"),
                name="board_has_no_parent",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("partnership:group_detail", args=[self.pk])


class Membership(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", "Chair"
        VICE_CHAIR = "vice_chair", "Vice-chair"
        MEMBER = "member", "Member"
        LAY_MEMBER = "lay_member", "Lay member"
        ADVISER = "adviser", "Adviser"

    class Seniority(models.TextChoices):
        EXECUTIVE = "executive", "Executive (chief officer or director)"
        SENIOR = "senior", "Senior manager (head of service or assistant director)"
        MANAGER = "manager", "Manager"
        PRACTITIONER = "practitioner", "Practitioner"
        LAY = "lay", "Lay member"

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.MEMBER)
    seniority = models.CharField(max_length=16, choices=Seniority.choices)
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["group", "person__full_name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="membership_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()}, {self.group})"

    def clean(self) -> None:
        if self.ended_on and self.started_on and self.ended_on < self.started_on:
            raise ValidationError({"ended_on": "The end date must be on or after the start date."})


class InductionPlan(models.Model):
    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="induction_plan")
    buddy = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="buddy_of"
    )
    started_on = models.DateField()
    target_completion_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-started_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(target_completion_on__gte=models.F("started_on")),
                name="induction_target_after_start",
            ),
            models.CheckConstraint(
                condition=~models.Q(buddy=models.F("person")),
                name="induction_buddy_is_someone_else",
            ),
        ]

    def __str__(self) -> str:
        return f"Induction plan for {self.person}"

    def get_absolute_url(self) -> str:
        return reverse("partnership:induction_detail", args=[self.pk])

    def clean(self) -> None:
        errors = {}
        if (
            self.started_on
            and self.target_completion_on
            and (self.target_completion_on < self.started_on)
        ):
            errors["target_completion_on"] = "The target date must be on or after the start date."
        if self.buddy_id and self.buddy_id == self.person_id:
            errors["buddy"] = "The buddy must be someone other than the new member."
        if errors:
            raise ValidationError(errors)


class InductionItem(models.Model):
    plan = models.ForeignKey(InductionPlan, on_delete=models.CASCADE, related_name="items")
    title = models.CharField(max_length=200)
    due_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "due_on", "title"]

    def __str__(self) -> str:
        return self.title


class HandbookPage(models.Model):
    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=200)
    body = models.TextField(help_text="Plain text; a blank line starts a new paragraph.")
    position = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("partnership:handbook") + f"#{self.slug}"
