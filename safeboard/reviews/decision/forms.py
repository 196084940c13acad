"""The decision form: every criterion of the review's edition, then the outcome."""

from __future__ import annotations

from typing import cast

from crispy_forms_gds.layout import HTML, Div, Layout, Submit
from django import forms
from django.utils import timezone
from django.utils.html import format_html

from safeboard.core.forms import DateInput, GovUKForm
from safeboard.partnership.fields import PersonChoiceField, active_people

from ..models import CriterionAnswer, Decision, FrameworkCriterion, Review, SafeguardingPartner
from . import services


def _textarea(rows: int = 4) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class DecisionForm(GovUKForm):
    """Every criterion of the review's edition, then the decision.

    The answers are not required here: the service checks that each criterion has an answer
    and a reason, and names the criterion when one is missing.
    """

    submit_label = "Record the decision"

    outcome = forms.ChoiceField(
        label="The decision", widget=forms.RadioSelect, required=False, choices=()
    )
    reasons = forms.CharField(label="Reasons for the decision", widget=_textarea(5), required=False)
    decided_by = PersonChoiceField(
        label="Decided by", empty_label="Choose a person", required=False
    )
    decided_on = forms.DateField(
        label="Date of the decision", widget=DateInput(), initial=timezone.localdate, required=False
    )

    def __init__(self, *args, review: Review, criteria: list[FrameworkCriterion], **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        cast(forms.ChoiceField, self.fields["outcome"]).choices = [
            (outcome.value, outcome.label) for outcome in services.outcomes_for(review.edition)
        ]
        layout = [
            HTML(
                format_html(
                    '<h2 class="govuk-heading-m">The criteria of {}</h2>', review.edition.name
                )
            )
        ]
        for criterion in criteria:
            answer = services.criterion_field(criterion, "answer")
            reason = services.criterion_field(criterion, "reason")
            self.fields[answer] = forms.ChoiceField(
                label=f"Is criterion {criterion.code} met?",
                choices=CriterionAnswer.Answer.choices,
                widget=forms.RadioSelect,
                required=False,
            )
            self.fields[reason] = forms.CharField(
                label=f"Reason for the answer to {criterion.code}",
                widget=_textarea(3),
                required=False,
            )
            layout.append(
                Div(
                    HTML(
                        format_html(
                            '<h3 class="govuk-heading-s">{}: {}</h3><p class="govuk-body">{}</p>',
                            criterion.code,
                            criterion.get_kind_display(),
                            criterion.text,
                        )
                    ),
                    answer,
                    reason,
                    css_class="safeboard-criterion",
                )
            )
        layout += [HTML('<h2 class="govuk-heading-m">The decision</h2>'), "outcome", "reasons"]
        if services.partners_decide(review.edition):
            del self.fields["decided_by"], self.fields["decided_on"]
            layout += self._partner_fields()
        else:
            layout += ["decided_by", "decided_on"]
        layout.append(Submit("submit", self.submit_label))
        self.helper.layout = Layout(*layout)
        self.helper.inputs = []

    def _partner_fields(self) -> list:
        """Each safeguarding partner's answer: who spoke for it, when, agree or disagree."""
        layout: list = [
            HTML(
                '<p class="govuk-body">The three safeguarding partners decide together. '
                "Record who answered for each partner, when, and whether it agreed.</p>"
            )
        ]
        for partner in SafeguardingPartner:
            agency_type = services.PARTNER_AGENCY_TYPE[partner]
            person = services.partner_field(partner, "person")
            agreed_on = services.partner_field(partner, "agreed_on")
            agrees = services.partner_field(partner, "agrees")
            self.fields[person] = PersonChoiceField(
                queryset=active_people().filter(agency__type=agency_type),
                label=f"Who answered for the {partner.label.lower()}",
                empty_label="Choose a person",
                required=False,
            )
            self.fields[agreed_on] = forms.DateField(
                label=f"Date the {partner.label.lower()} answered",
                widget=DateInput(),
                required=False,
            )
            self.fields[agrees] = forms.TypedChoiceField(
                label=f"Does the {partner.label.lower()} agree?",
                choices=[("yes", "Agrees"), ("no", "Disagrees")],
                coerce=lambda value: value == "yes",
                empty_value=None,
                widget=forms.RadioSelect,
                required=False,
            )
            layout.append(
                Div(
                    HTML(format_html('<h3 class="govuk-heading-s">{}</h3>', partner.label)),
                    person,
                    agreed_on,
                    agrees,
                    css_class="safeboard-partner",
                )
            )
        return layout

    @staticmethod
    def partners_from(data: dict) -> dict[str, dict]:
        """The service's partners' agreements, by partner, from the form's cleaned data."""
        return {
            partner.value: {
                part: data.get(services.partner_field(partner, part))
                for part in ("person", "agreed_on", "agrees")
            }
            for partner in SafeguardingPartner
        }

    @staticmethod
    def initial_for(decision: Decision) -> dict:
        initial = {
            "outcome": decision.outcome,
            "reasons": decision.reasons,
            "decided_by": decision.decided_by_id,
            "decided_on": decision.decided_on,
        }
        for agreement in decision.partner_agreements.all():
            initial[services.partner_field(agreement.partner, "person")] = agreement.person_id
            initial[services.partner_field(agreement.partner, "agreed_on")] = agreement.agreed_on
            initial[services.partner_field(agreement.partner, "agrees")] = (
                "yes" if agreement.agrees else "no"
            )
        for answer in decision.answers.all():
            initial[services.criterion_field(answer.criterion, "answer")] = answer.answer
            initial[services.criterion_field(answer.criterion, "reason")] = answer.reason
        return initial

    @staticmethod
    def answers_from(data: dict, criteria: list[FrameworkCriterion]) -> dict[int, dict[str, str]]:
        """The service's answers, by criterion, from the form's cleaned data."""
        return {
            criterion.pk: {
                "answer": data.get(services.criterion_field(criterion, "answer")) or "",
                "reason": data.get(services.criterion_field(criterion, "reason")) or "",
            }
            for criterion in criteria
        }
