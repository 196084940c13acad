"""The forms of a claim: what it is about, never its verdict (services.py refuses one)."""

from __future__ import annotations

from django import forms

from safeboard.audits.models import AuditRound
from safeboard.core.forms import GovUKForm
from safeboard.learning.models import Course, Session
from safeboard.scorecard.models import Indicator, Period
from safeboard.section11.models import Cycle

from . import services
from .models import Claim


class ClaimKindForm(GovUKForm):
    submit_label = "Continue"

    kind = forms.ChoiceField(
        label="What kind of evidence is it?",
        choices=[(kind.value, kind.label) for kind in Claim.Kind],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the kind of evidence."},
    )


class PeriodChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, period: Period) -> str:
        return f"{period.label} ({period.get_frequency_display().lower()})"


class RoundChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, audit_round: AuditRound) -> str:
        return (
            f"{audit_round.reference}: {audit_round.title} ({audit_round.tool_version.tool.name})"
        )


class SessionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, session: Session) -> str:
        return f"{session.course.title}, {session.starts_at:%-d %b %Y}"


class ClaimForm(GovUKForm):
    submit_label = "Add the evidence"

    statement = forms.CharField(
        label="What changed",
        help_text="In a sentence, as the board would say it. SafeBoard checks it against the data.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": services.STATEMENT_REQUIRED},
    )


def _period(label: str, which: str) -> PeriodChoiceField:
    return PeriodChoiceField(
        label=label,
        queryset=Period.objects.order_by("frequency", "starts_on"),
        error_messages={"required": services.PERIOD_REQUIRED.format(which=which)},
    )


class IndicatorClaimForm(ClaimForm):
    indicator = forms.ModelChoiceField(
        queryset=Indicator.objects.filter(is_active=True).order_by("code"),
        help_text="Its periods below must be of the indicator's frequency.",
        error_messages={"required": services.INDICATOR_REQUIRED},
    )
    before_first = _period("First period before the change", "first before")
    before_last = _period("Last period before the change", "last before")
    after_first = _period("First period after the change", "first after")
    after_last = _period("Last period after the change", "last after")


def _round(label: str, which: str) -> RoundChoiceField:
    return RoundChoiceField(
        label=label,
        queryset=AuditRound.objects.select_related("tool_version__tool").order_by("created_at"),
        error_messages={"required": services.ROUND_REQUIRED.format(which=which)},
    )


class ReauditClaimForm(ClaimForm):
    earlier_round = _round("Earlier audit round", "earlier")
    later_round = _round("Later audit round (the re-audit)", "later")


class TrainingClaimForm(ClaimForm):
    course = forms.ModelChoiceField(
        queryset=Course.objects.order_by("title"),
        error_messages={"required": services.COURSE_REQUIRED},
    )
    session = SessionChoiceField(
        queryset=Session.objects.select_related("course").order_by("-starts_at"),
        required=False,
        help_text="Optional: one session's follow-up answers instead of the whole course's.",
    )


def _cycle(label: str, which: str) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=label,
        queryset=Cycle.objects.order_by("returns_due_on"),
        error_messages={"required": services.CYCLE_REQUIRED.format(which=which)},
    )


class Section11ClaimForm(ClaimForm):
    standard_code = forms.CharField(
        label="Standard",
        help_text="Its code, the same in both cycles: for example 3.2.",
        max_length=20,
        error_messages={"required": services.STANDARD_REQUIRED},
    )
    earlier_cycle = _cycle("Earlier cycle", "earlier")
    later_cycle = _cycle("Later cycle", "later")


class StoryClaimForm(ClaimForm):
    narrative = forms.CharField(
        label="The story",
        help_text="Anonymised: no names, dates of birth or addresses.",
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": services.NARRATIVE_REQUIRED},
    )
    told_by = forms.CharField(
        label="Who told it",
        help_text="By role: a young person, a parent, a foster carer.",
        max_length=200,
        error_messages={"required": services.TOLD_BY_REQUIRED},
    )
    consent_recorded = forms.BooleanField(
        label="The person who told it consented to its being recorded and shared",
        error_messages={"required": services.CONSENT_REQUIRED},
    )


FORMS = {
    Claim.Kind.INDICATOR: IndicatorClaimForm,
    Claim.Kind.REAUDIT: ReauditClaimForm,
    Claim.Kind.TRAINING: TrainingClaimForm,
    Claim.Kind.SECTION11: Section11ClaimForm,
    Claim.Kind.STORY: StoryClaimForm,
}


class WithdrawForm(GovUKForm):
    submit_label = "Withdraw the claim"

    reason = forms.CharField(
        label="Why is it withdrawn?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": services.REASON_REQUIRED},
    )
