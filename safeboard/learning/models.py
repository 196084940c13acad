"""Learning and training: courses, sessions, bookings, attendance, evaluation and reach.

Practitioners are `Learner`s: anyone who works for a partner agency and trains with the
partnership, with or without an account. Hundreds of them book themselves, so the learner is
kept apart from `partnership.Person` (the people who run the partnership's business).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

RATING_MIN, RATING_MAX = 1, 5
RATING_RANGE = f"Rate it from {RATING_MIN} to {RATING_MAX}."


def rating_field(verbose_name: str, **options) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        verbose_name,
        validators=[
            MinValueValidator(RATING_MIN, f"The rating must be {RATING_MIN} or more."),
            MaxValueValidator(RATING_MAX, f"The rating must be {RATING_MAX} or less."),
        ],
        help_text=RATING_RANGE,
        **options,
    )


def rating_in_range(name: str, field: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__gte": RATING_MIN, f"{field}__lte": RATING_MAX}),
        name=name,
    )


class JobRole(models.Model):
    """A frontline role training is planned for: social worker, police officer, teacher..."""

    name = models.CharField(max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class AgencyDomain(models.Model):
    """An email domain of a partner agency: a practitioner with an address there may register."""

    agency = models.ForeignKey(
        "partnership.Agency", on_delete=models.CASCADE, related_name="email_domains"
    )
    domain = models.CharField(max_length=200, unique=True, help_text="For example police.example.")
    # Off unless the learning officer knows the agency gives out addresses at subdomains
    # (mail.police.example): anyone who controls any subdomain could otherwise register as
    # the agency's staff.
    allow_subdomains = models.BooleanField(
        default=False,
        help_text="Addresses at a subdomain, such as mail.police.example, may register too.",
    )

    class Meta:
        ordering = ["domain"]

    def __str__(self) -> str:
        return self.domain


class Learner(models.Model):
    full_name = models.CharField(max_length=200)
    email = models.EmailField(unique=True)
    agency = models.ForeignKey("partnership.Agency", on_delete=models.PROTECT, related_name="+")
    job_role = models.ForeignKey(JobRole, on_delete=models.PROTECT, related_name="learners")
    manager = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff",
        help_text="The line manager, who may book training for them.",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="learner",
    )
    email_confirmed_at = models.DateTimeField(null=True, blank=True)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["full_name", "id"]
        indexes = [models.Index(fields=["agency", "job_role"])]

    def __str__(self) -> str:
        return self.full_name


class Course(models.Model):
    class Level(models.TextChoices):
        BASIC = "basic", "Basic awareness"
        CORE = "core", "Multi-agency core"
        SPECIALIST = "specialist", "Specialist"
        LEADERSHIP = "leadership", "Leadership"

    title = models.CharField(max_length=200, unique=True)
    summary = models.TextField()
    level = models.CharField(max_length=12, choices=Level.choices)
    is_multi_agency = models.BooleanField(default=True)
    job_roles = models.ManyToManyField(
        JobRole, blank=True, related_name="courses", help_text="The roles it is meant for."
    )
    themes = models.ManyToManyField("themes.Theme", blank=True, related_name="courses")
    reviews = models.ManyToManyField(
        "reviews.Review", blank=True, related_name="courses", help_text="Reviews it teaches."
    )
    priorities = models.ManyToManyField("priorities.Priority", blank=True, related_name="courses")
    fee_per_place = models.DecimalField(max_digits=8, decimal_places=2, default=Decimal("0.00"))
    no_show_charge = models.DecimalField(max_digits=8, decimal_places=2, default=Decimal("0.00"))
    refresher_months = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="How long before a refresher is due; blank if never."
    )
    is_active = models.BooleanField(default=True)
    history = HistoricalRecords(m2m_fields=[job_roles, themes])

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("learning:course_detail", kwargs={"pk": self.pk})


class LearningOutcome(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="outcomes")
    text = models.CharField(max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["course", "position", "id"]

    def __str__(self) -> str:
        return self.text


class Event(models.Model):
    """An event of several sessions, such as a learning-from-reviews conference."""

    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    starts_on = models.DateField()
    ends_on = models.DateField()

    class Meta:
        ordering = ["-starts_on"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("learning:event_detail", kwargs={"pk": self.pk})


class Session(models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        CANCELLED = "cancelled", "Cancelled"

    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="sessions")
    event = models.ForeignKey(
        Event, on_delete=models.SET_NULL, null=True, blank=True, related_name="sessions"
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    venue = models.CharField(max_length=200, blank=True)
    is_online = models.BooleanField(default=False)
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="training_sessions",
    )
    trainer_name = models.CharField(max_length=200, blank=True)
    capacity = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SCHEDULED)
    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["starts_at"]), models.Index(fields=["course", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="session_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__gte=1), name="session_has_at_least_one_place"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.course.title}, {self.starts_at:%d %b %Y}"

    def get_absolute_url(self) -> str:
        return reverse("learning:session_detail", kwargs={"pk": self.pk})


class Booking(models.Model):
    """A learner's place on a session, or their place on its waiting list."""

    class Status(models.TextChoices):
        BOOKED = "booked", "Booked"
        WAITING = "waiting", "On the waiting list"
        CANCELLED = "cancelled", "Cancelled"

    class Attendance(models.TextChoices):
        ATTENDED = "attended", "Attended"
        NO_SHOW = "no_show", "Did not attend"

    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="bookings")
    learner = models.ForeignKey(Learner, on_delete=models.PROTECT, related_name="bookings")
    status = models.CharField(max_length=12, choices=Status.choices)
    attendance = models.CharField(max_length=12, choices=Attendance.choices, blank=True)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    booked_at = models.DateTimeField()
    cancelled_at = models.DateTimeField(null=True, blank=True)
    attendance_marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    attendance_marked_at = models.DateTimeField(null=True, blank=True)
    # The session start a learner without an account was emailed a reminder about: the
    # reminder job mails them directly, once per start, so a session moved is reminded again.
    reminded_for = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["booked_at", "id"]
        indexes = [
            models.Index(fields=["session", "status", "booked_at"]),
            models.Index(fields=["learner", "status"]),
            models.Index(fields=["attendance"]),
            # Reach and training compliance count attended places by session and learner.
            models.Index(fields=["attendance", "session", "learner"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "learner"],
                condition=~models.Q(status="cancelled"),
                name="one_live_booking_per_learner_per_session",
            ),
            models.CheckConstraint(
                condition=models.Q(attendance="") | models.Q(status="booked"),
                name="attendance_only_for_booked_places",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.learner} on {self.session}"

    def get_absolute_url(self) -> str:
        return reverse("learning:booking_detail", kwargs={"pk": self.pk})


class Evaluation(models.Model):
    booking = models.OneToOneField(Booking, on_delete=models.CASCADE, related_name="evaluation")
    satisfaction = rating_field("overall satisfaction")
    comments = models.TextField(blank=True)
    submitted_at = models.DateTimeField()

    class Meta:
        constraints = [rating_in_range("evaluation_satisfaction_1_to_5", "satisfaction")]


class OutcomeRating(models.Model):
    """Confidence on one learning outcome before and after the session, as the learner rates it."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="ratings")
    outcome = models.ForeignKey(LearningOutcome, on_delete=models.PROTECT, related_name="+")
    confidence_before = rating_field("confidence before")
    confidence_after = rating_field("confidence after")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "outcome"], name="one_rating_per_outcome"
            ),
            rating_in_range("rating_before_1_to_5", "confidence_before"),
            rating_in_range("rating_after_1_to_5", "confidence_after"),
        ]


class FollowUp(models.Model):
    """The survey three months after the session: what changed in practice."""

    class Change(models.TextChoices):
        YES = "yes", "Yes, my practice has changed"
        PARTLY = "partly", "Partly"
        NO = "no", "No"

    booking = models.OneToOneField(Booking, on_delete=models.CASCADE, related_name="follow_up")
    sent_on = models.DateField()
    practice_changed = models.CharField(max_length=8, choices=Change.choices, blank=True)
    what_changed = models.TextField(blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    # Optional: how confident the learner feels now, beside the before and after of the
    # evaluation, so the three can be read together.
    confidence_follow_up = rating_field("confidence at follow-up", null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["sent_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(confidence_follow_up__isnull=True)
                | models.Q(
                    confidence_follow_up__gte=RATING_MIN, confidence_follow_up__lte=RATING_MAX
                ),
                name="follow_up_confidence_1_to_5",
            )
        ]


class Charge(models.Model):
    """What an agency owes for a place: the fee per place, or the no-show charge."""

    class Kind(models.TextChoices):
        PLACE = "place", "Place fee"
        NO_SHOW = "no_show", "No-show charge"

    booking = models.ForeignKey(Booking, on_delete=models.PROTECT, related_name="charges")
    agency = models.ForeignKey("partnership.Agency", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    amount = models.DecimalField(max_digits=8, decimal_places=2)
    raised_on = models.DateField()

    class Meta:
        ordering = ["-raised_on", "id"]
        indexes = [models.Index(fields=["agency", "raised_on"])]
        constraints = [
            models.UniqueConstraint(fields=["booking", "kind"], name="one_charge_of_a_kind"),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="charge_is_positive"),
        ]


class TrainingNeed(models.Model):
    """One cell of the training-needs matrix: staff in this role need this course."""

    job_role = models.ForeignKey(JobRole, on_delete=models.CASCADE, related_name="needs")
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="needs")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["job_role", "course"], name="one_need_per_cell")
        ]


class Headcount(models.Model):
    """How many staff an agency has in a role, as the agency reports it."""

    agency = models.ForeignKey("partnership.Agency", on_delete=models.CASCADE, related_name="+")
    job_role = models.ForeignKey(JobRole, on_delete=models.CASCADE, related_name="+")
    headcount = models.PositiveIntegerField()
    as_of = models.DateField()
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "job_role"], name="one_headcount_per_agency_role"
            )
        ]
