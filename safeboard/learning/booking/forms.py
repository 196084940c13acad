"""The booking form: whose place it is depends on who books (rules.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms

from safeboard.core.forms import GovUKForm

from ..models import Learner

UNKNOWN_LEARNER = (
    "Nobody who trains with the partnership has that email address: they register first, "
    "with their work email address."
)
CHOOSE_LEARNER = "Select who the place is for."


class LearnerChoiceField(forms.ModelChoiceField):
    """Each learner by name and role; the one who books, if among them, as "Myself"."""

    own: Learner | None = None

    def label_from_instance(self, learner: Learner) -> str:
        if self.own is not None and learner.pk == self.own.pk:
            return f"Myself ({learner.full_name})"
        return f"{learner.full_name}, {learner.job_role}"


class BookingForm(GovUKForm):
    """The learning officer books anyone by email address; a line manager chooses themself or
    one of their staff; a practitioner books themself, with nothing to fill in."""

    submit_label = "Book a place"

    email = forms.EmailField(
        label="Email address of the learner",
        help_text="The work email address they registered with.",
        error_messages={
            "required": "Enter the email address of the learner.",
            "invalid": "Enter an email address in the correct format, like name@example.org.",
        },
    )
    learner = LearnerChoiceField(
        queryset=Learner.objects.none(),
        label="Who is the place for?",
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": CHOOSE_LEARNER, "invalid_choice": CHOOSE_LEARNER},
    )

    def __init__(
        self,
        *args,
        own: Learner | None,
        staff: Sequence[Learner],
        by_email: bool,
        full: bool,
        **kwargs,
    ) -> None:
        self.submit_label = "Join the waiting list" if full else "Book a place"
        super().__init__(*args, **kwargs)
        self.own = own
        layout = []
        if by_email:
            del self.fields["learner"]
            layout.append(Field.text("email", field_width=20))
        else:
            del self.fields["email"]
            choices = Learner.objects.filter(pk__in=[member.pk for member in staff]) | (
                Learner.objects.filter(pk=own.pk) if own else Learner.objects.none()
            )
            if staff:
                field = cast(LearnerChoiceField, self.fields["learner"])
                field.queryset = choices.select_related("job_role").order_by("full_name", "id")
                field.own = own
                layout.append(Field.radios("learner", legend_size=Size.MEDIUM))
            else:
                del self.fields["learner"]
        self.helper.layout = Layout(*layout, Submit("submit", self.submit_label))
        self.helper.inputs = []

    def clean_email(self) -> str:
        email = self.cleaned_data["email"]
        learner = Learner.objects.filter(email__iexact=email.strip()).first()
        if learner is None:
            raise forms.ValidationError(UNKNOWN_LEARNER)
        self.cleaned_data["found"] = learner
        return email

    def chosen_learner(self) -> Learner | None:
        if "email" in self.fields:
            return self.cleaned_data.get("found")
        if "learner" in self.fields:
            return self.cleaned_data["learner"]
        return self.own
