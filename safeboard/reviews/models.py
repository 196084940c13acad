"""Case reviews: from a serious incident, through the decision against the criteria, to findings,
recommendations and the lessons it publishes.

A case is referred for consideration under one edition of Working Together (a row of
`FrameworkEdition`). The referral copies the edition's timescales when it is made, so a later
change to the table never moves a running review's due dates. Everything about a case hangs off
its `Review`; a review that is not published is confidential to its team, the business manager
and the chair (see rules.py), and every view of it is logged.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from safeboard.core.children import AgeBand

AWARE_BEFORE_INCIDENT = "The date the partnership became aware cannot be before the incident date."


class RapidReviewBasis(models.TextChoices):
    AWARE = "aware", "From the day the partnership became aware"
    NOTIFIED = "notified", "From the day the notification was sent"


class FrameworkEdition(models.Model):
    """An edition of Working Together: its criteria (rows of FrameworkCriterion) and timescales."""

    class Regime(models.TextChoices):
        SERIOUS_CASE_REVIEW = "scr", "Serious case reviews (LSCB)"
        PRACTICE_REVIEW = "cspr", "Child safeguarding practice reviews (safeguarding partners)"

    class Quality(models.TextChoices):
        OFSTED_GRADE = "ofsted_grade", "Ofsted graded serious case reviews (2007 to 2012)"
        PANEL_FEEDBACK = "panel_feedback", "The national Panel's feedback"

    code = models.SlugField(max_length=20, unique=True, help_text="For example wt2023.")
    name = models.CharField(max_length=100, unique=True)
    year = models.PositiveSmallIntegerField()
    regime = models.CharField(max_length=8, choices=Regime.choices)
    notification_body = models.CharField(
        max_length=200, blank=True, help_text="Who serious incidents are notified to."
    )
    notification_working_days = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Working days after becoming aware; blank if none."
    )
    rapid_review_working_days = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Working days for the rapid review; blank if none."
    )
    rapid_review_basis = models.CharField(
        max_length=10, choices=RapidReviewBasis.choices, default=RapidReviewBasis.AWARE
    )
    decision_working_days = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Working days after becoming aware for the decision whether to hold a review.",
    )
    review_months = models.PositiveSmallIntegerField(
        default=6, help_text="Months from the start of a review to its completion."
    )
    quality = models.CharField(
        max_length=16,
        choices=Quality.choices,
        default=Quality.PANEL_FEEDBACK,
        help_text="How a review's quality was judged under this edition.",
    )
    guidance = models.TextField(blank=True)
    is_current = models.BooleanField(default=False, help_text="Offered first for new referrals.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year"]

    def __str__(self) -> str:
        return self.name


class FrameworkCriterion(models.Model):
    class Kind(models.TextChoices):
        MUST_REVIEW = "must", "A review must be held"
        CONSIDER = "consider", "A review must be considered"
        NOTIFY = "notify", "A serious incident to notify"
        REGARD = "regard", "The partners should also have regard to"

    edition = models.ForeignKey(FrameworkEdition, on_delete=models.CASCADE, related_name="criteria")
    code = models.CharField(max_length=20)
    text = models.TextField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    position = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["edition", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "code"], name="criterion_code_per_edition")
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.text[:60]}"


class Review(models.Model):
    """One case, from its referral for consideration to its published lessons."""

    class Stage(models.TextChoices):
        REFERRED = "referred", "Referred for consideration"
        DECIDED = "decided", "Decision made"
        IN_REVIEW = "in_review", "Review in progress"
        REPORTED = "reported", "Final report received"
        PUBLISHED = "published", "Published"
        CLOSED = "closed", "Closed without a review"

    AgeBand = AgeBand

    class Methodology(models.TextChoices):
        LEARNING_TOGETHER = "learning_together", "Systems: Learning Together (SCIE)"
        SYSTEMS_OTHER = "systems", "Systems: other"
        APPRECIATIVE = "appreciative", "Appreciative inquiry"
        TRADITIONAL = "traditional", "Traditional (chronology and management reviews)"
        HYBRID = "hybrid", "Hybrid"
        OTHER = "other", "Other"

    class QualityGrade(models.TextChoices):
        GOOD = "good", "Good"
        ADEQUATE = "adequate", "Adequate"
        INADEQUATE = "inadequate", "Inadequate"

    reference = models.CharField(max_length=20, unique=True)
    edition = models.ForeignKey(FrameworkEdition, on_delete=models.PROTECT, related_name="+")
    child_pseudonym = models.CharField(
        max_length=60, help_text='A pseudonym only, such as "Child A". Never a real name.'
    )
    age_band = models.CharField(max_length=10, choices=AgeBand.choices)
    agencies = models.ManyToManyField("partnership.Agency", related_name="case_reviews")
    incident_date = models.DateField()
    aware_date = models.DateField(help_text="The day the partnership became aware.")
    summary = models.TextField(help_text="What happened, in brief, with no identifying detail.")
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    referred_at = models.DateTimeField(auto_now_add=True)
    stage = models.CharField(max_length=12, choices=Stage.choices, default=Stage.REFERRED)

    # The edition's timescales as they stood when the case was referred.
    notification_working_days = models.PositiveSmallIntegerField(null=True, blank=True)
    rapid_review_working_days = models.PositiveSmallIntegerField(null=True, blank=True)
    rapid_review_basis = models.CharField(max_length=10, choices=RapidReviewBasis.choices)
    decision_working_days = models.PositiveSmallIntegerField(null=True, blank=True)
    review_months = models.PositiveSmallIntegerField()

    notification_sent_on = models.DateField(null=True, blank=True)
    rapid_review_sent_on = models.DateField(null=True, blank=True)

    # The review itself, once one is decided on.
    title = models.CharField(max_length=200, blank=True, help_text='For example "Child A".')
    methodology = models.CharField(max_length=20, choices=Methodology.choices, blank=True)
    lead_reviewer = models.CharField(max_length=200, blank=True)
    started_on = models.DateField(null=True, blank=True)
    due_on = models.DateField(null=True, blank=True, help_text="When the review should finish.")
    family_involvement = models.TextField(blank=True)
    published_on = models.DateField(null=True, blank=True)
    panel_notified_on = models.DateField(
        null=True, blank=True, help_text="The Panel told of the publication, before it."
    )
    secretary_of_state_notified_on = models.DateField(
        null=True, blank=True, help_text="The Secretary of State told of it, before it."
    )
    panel_feedback = models.TextField(blank=True)
    panel_feedback_on = models.DateField(null=True, blank=True)
    quality_grade = models.CharField(max_length=12, choices=QualityGrade.choices, blank=True)
    history = HistoricalRecords(excluded_fields=["referred_at"])

    class Meta:
        ordering = ["-aware_date", "-id"]
        indexes = [models.Index(fields=["stage"]), models.Index(fields=["published_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(aware_date__gte=models.F("incident_date")),
                name="review_aware_not_before_incident",
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title or self.child_pseudonym}"

    def get_absolute_url(self) -> str:
        return reverse("reviews:detail", kwargs={"pk": self.pk})

    def clean(self) -> None:
        if self.incident_date and self.aware_date and self.aware_date < self.incident_date:
            raise ValidationError({"aware_date": AWARE_BEFORE_INCIDENT})

    @property
    def is_published(self) -> bool:
        from .lifecycle import is_published

        return is_published(self)


class Decision(models.Model):
    """The decision against the edition's criteria: one answer per criterion, then the outcome."""

    class Outcome(models.TextChoices):
        SCR = "scr", "Serious case review"
        LCSPR = "lcspr", "Local child safeguarding practice review"
        RAPID_REVIEW_ONLY = "rapid_review_only", "Rapid review only"
        LEARNING_REVIEW = "learning_review", "Near-miss or learning review"
        NO_REVIEW = "no_review", "No review"

    review = models.OneToOneField(Review, on_delete=models.CASCADE, related_name="decision")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    reasons = models.TextField()
    # Under 2010 to 2015 one person decided for the board; from 2018 the three safeguarding
    # partners decide together, each partner's agreement a PartnerAgreement.
    decided_by = models.ForeignKey(
        "partnership.Person", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    decided_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        help_text="The chair who signed the decision off.",
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"{self.review.reference}: {self.get_outcome_display()}"

    def get_absolute_url(self) -> str:
        return reverse("reviews:decision", kwargs={"pk": self.review_id})


class CriterionAnswer(models.Model):
    class Answer(models.TextChoices):
        MET = "met", "Met"
        NOT_MET = "not_met", "Not met"
        UNCLEAR = "unclear", "Unclear"

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="answers")
    criterion = models.ForeignKey(FrameworkCriterion, on_delete=models.PROTECT, related_name="+")
    # The criterion's words as they were answered, should the table be edited later.
    criterion_text = models.TextField()
    answer = models.CharField(max_length=10, choices=Answer.choices)
    reason = models.TextField()

    class Meta:
        ordering = ["criterion__position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "criterion"], name="one_answer_per_criterion"
            )
        ]


class SafeguardingPartner(models.TextChoices):
    LOCAL_AUTHORITY = "local_authority", "Local authority"
    INTEGRATED_CARE_BOARD = "icb", "Integrated care board"
    POLICE = "police", "Chief officer of police"


class PartnerAgreement(models.Model):
    """One safeguarding partner's word on the decision: who spoke for it, when, and whether
    it agreed."""

    Partner = SafeguardingPartner

    decision = models.ForeignKey(
        Decision, on_delete=models.CASCADE, related_name="partner_agreements"
    )
    partner = models.CharField(max_length=16, choices=SafeguardingPartner.choices)
    person = models.ForeignKey("partnership.Person", on_delete=models.PROTECT, related_name="+")
    agreed_on = models.DateField()
    agrees = models.BooleanField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["decision", "partner"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "partner"], name="one_agreement_per_partner"
            )
        ]

    def __str__(self) -> str:
        word = "agreed" if self.agrees else "disagreed"
        return f"{self.get_partner_display()}: {self.person} {word}"


class RapidReview(models.Model):
    """The partners' rapid review of a serious incident (2018 and 2023): what it found, what
    it decided, and the Panel's answer. The day it was sent is the review's
    `rapid_review_sent_on`, which the statutory clock reads."""

    class NationalReview(models.TextChoices):
        MAY_SUIT = "may_suit", "The case may be suitable for a national review"
        NOT_SUITED = "not_suited", "The case is not suitable for a national review"

    class LocalReview(models.TextChoices):
        LCSPR = "lcspr", "A local child safeguarding practice review is appropriate"
        NO_LCSPR = "no_lcspr", "A local child safeguarding practice review is not appropriate"

    review = models.OneToOneField(Review, on_delete=models.CASCADE, related_name="rapid_review")
    facts = models.TextField(help_text="The facts known so far.")
    immediate_actions = models.TextField(
        help_text="The immediate actions taken to keep children safe."
    )
    learning = models.TextField(help_text="The learning identified so far.")
    national_review = models.CharField(max_length=12, choices=NationalReview.choices)
    local_review = models.CharField(max_length=12, choices=LocalReview.choices)
    local_review_reasons = models.TextField()
    panel_response = models.TextField(blank=True)
    panel_response_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Rapid review of {self.review.reference}"

    def get_absolute_url(self) -> str:
        return reverse("reviews:detail", kwargs={"pk": self.review_id}) + "#rapid-review"


class TeamMember(models.Model):
    """Somebody on the review team or panel: the people a restricted review is open to."""

    class Role(models.TextChoices):
        PANEL_CHAIR = "panel_chair", "Panel chair"
        PANEL_MEMBER = "panel_member", "Panel member"
        LEAD_REVIEWER = "lead_reviewer", "Lead reviewer"
        REVIEW_TEAM = "review_team", "Review team"
        SUPPORT = "support", "Business support"

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="review_team_places"
    )
    role = models.CharField(max_length=16, choices=Role.choices)
    added_on = models.DateField(auto_now_add=True)

    class Meta:
        ordering = ["role", "id"]
        constraints = [
            models.UniqueConstraint(fields=["review", "user"], name="one_team_place_per_person")
        ]


class AgencyContribution(models.Model):
    """A chronology or report asked of an agency, and when it came in."""

    class Kind(models.TextChoices):
        CHRONOLOGY = "chronology", "Chronology"
        AGENCY_REPORT = "agency_report", "Agency report"
        MANAGEMENT_REVIEW = "imr", "Individual management review"

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="contributions")
    agency = models.ForeignKey("partnership.Agency", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    requested_on = models.DateField()
    due_on = models.DateField()
    received_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]


class PractitionerEvent(models.Model):
    class Kind(models.TextChoices):
        PRACTITIONER_EVENT = "practitioner", "Practitioner learning event"
        FAMILY_MEETING = "family", "Meeting with the family"
        PANEL_MEETING = "panel", "Panel meeting"

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    held_on = models.DateField()
    title = models.CharField(max_length=200)
    attendees = models.PositiveSmallIntegerField(null=True, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["held_on", "id"]


class Milestone(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=200)
    due_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]


def review_document_path(document: ReviewDocument, filename: str) -> str:
    return f"reviews/{document.review_id}/{filename}"


class ReviewDocument(models.Model):
    class Kind(models.TextChoices):
        DRAFT_REPORT = "draft", "Draft report"
        FINAL_REPORT = "final", "Final report"
        RAPID_REVIEW = "rapid_review", "Rapid review"
        OTHER = "other", "Other"

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    file = models.FileField(upload_to=review_document_path, max_length=300)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]


class ReviewViewLog(models.Model):
    """Who opened a restricted review's pages, and when."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="view_log")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    viewed_at = models.DateTimeField(auto_now_add=True)
    path = models.CharField(max_length=300)

    class Meta:
        ordering = ["-viewed_at", "-id"]
        indexes = [models.Index(fields=["review", "-viewed_at"])]


class Finding(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="findings")
    title = models.CharField(max_length=200)
    text = models.TextField(help_text="What the review found.")
    evidence = models.TextField(help_text="What in the case shows it.")
    themes = models.ManyToManyField("themes.Theme", related_name="review_findings")
    position = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        ordering = ["review", "position", "id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reviews:findings", kwargs={"pk": self.review_id}) + f"#finding-{self.pk}"

    @property
    def page_record(self) -> Review:
        """The review whose page shows this finding (core.links asks its page's rule)."""
        return self.review


class Recommendation(models.Model):
    """A recommendation to named agencies; each agency's response is an action on the spine."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="recommendations")
    finding = models.ForeignKey(
        Finding, on_delete=models.SET_NULL, null=True, blank=True, related_name="recommendations"
    )
    number = models.PositiveSmallIntegerField()
    text = models.TextField()
    agencies = models.ManyToManyField("partnership.Agency", related_name="+")
    history = HistoricalRecords(m2m_fields=[agencies])

    class Meta:
        ordering = ["review", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "number"], name="recommendation_number_per_review"
            )
        ]

    def __str__(self) -> str:
        return f"Recommendation {self.number} of {self.review.reference}"

    def get_absolute_url(self) -> str:
        return (
            reverse("reviews:recommendations", kwargs={"pk": self.review_id})
            + f"#recommendation-{self.pk}"
        )

    @property
    def page_record(self) -> Review:
        """The review whose page shows this recommendation (core.links asks its page's rule)."""
        return self.review

    def describe_for(self, user):
        """How an action's page names this recommendation: an owner outside the review's
        team learns only that the action answers a case review, unless it is published."""
        from safeboard.actions.selectors import SourceLink

        if user.has_perm("reviews.view_review", self.review):
            return SourceLink("Case review recommendation", str(self), self.get_absolute_url())
        return SourceLink("Case review recommendation", "a confidential case review")


class Briefing(models.Model):
    """A one-page briefing for practitioners on the lessons of one review or one theme."""

    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, null=True, blank=True, related_name="briefings"
    )
    theme = models.ForeignKey(
        "themes.Theme", on_delete=models.PROTECT, null=True, blank=True, related_name="briefings"
    )
    title = models.CharField(max_length=200)
    what_happened = models.TextField()
    what_we_learned = models.TextField()
    what_to_do_differently = models.TextField()
    questions_for_supervision = models.TextField(help_text="One question per line.")
    shared_on = models.DateField(
        null=True, blank=True, help_text="When it was shared with practitioners."
    )
    is_public = models.BooleanField(
        default=False,
        help_text="Shown on the public site once shared, if its review is published.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-shared_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(review__isnull=False, theme__isnull=True)
                    | models.Q(review__isnull=True, theme__isnull=False)
                ),
                name="briefing_is_about_a_review_or_a_theme",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reviews:briefing", kwargs={"pk": self.pk})
