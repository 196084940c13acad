"""The forms of the record of working with other boards."""

from __future__ import annotations

from django import forms

from safeboard.core.forms import DateInput, GovUKForm
from safeboard.partnership.fields import PersonChoiceField

from . import selectors
from .models import Board, BoardChallenge


class BoardForm(GovUKForm):
    submit_label = "Add the board"

    name = forms.CharField(max_length=200)
    kind = forms.ChoiceField(choices=Board.Kind.choices, widget=forms.RadioSelect)
    contact = forms.CharField(max_length=200, required=False)


class ProtocolForm(GovUKForm):
    submit_label = "Add the protocol"

    title = forms.CharField(max_length=200)
    agreed_on = forms.DateField(label="Date agreed", widget=DateInput())
    review_on = forms.DateField(label="Review due", widget=DateInput())
    lead_person = PersonChoiceField(
        label="Lead", help_text="They are reminded when the review falls due."
    )
    document_link = forms.URLField(
        label="Link to the document", required=False, max_length=500, assume_scheme="https"
    )


class ProtocolReviewForm(GovUKForm):
    submit_label = "Save the review"

    agreed_on = forms.DateField(label="Date agreed again", widget=DateInput())
    review_on = forms.DateField(label="Next review due", widget=DateInput())


class ChallengeLinkForm(GovUKForm):
    submit_label = "Link the challenge"

    challenge = forms.ModelChoiceField(
        queryset=selectors.challenge_choices(),
        empty_label="Choose a challenge",
        help_text="Raise it in the challenge log first; it is answered and followed up there.",
    )
    direction = forms.ChoiceField(
        choices=BoardChallenge.Direction.choices, widget=forms.RadioSelect
    )
