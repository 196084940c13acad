"""The census upload, the decision on record problems, and the retention setting."""

from __future__ import annotations

from typing import cast

from django import forms

from safeboard.core.forms import GovUKForm
from safeboard.partnership.models import Agency

CHOOSE_DECISION = "Choose whether to leave those children out or cancel the import."
# England's largest local authorities have about 300,000 children; leave room to spare.
LARGEST_POPULATION = 2_000_000

CONTINUE = "continue"
CANCEL = "cancel"


class CensusUploadForm(GovUKForm):
    submit_label = "Upload and check"

    agency: forms.ModelChoiceField[Agency] = forms.ModelChoiceField(
        label="Local authority",
        queryset=None,
        empty_label=None,
        help_text="The local authority whose census this is.",
    )
    file = forms.FileField(
        label="Census file",
        help_text="The Children in Need census return as an XML file, as sent to the DfE.",
    )
    population = forms.IntegerField(
        label="Child population (aged 0 to 17)",
        min_value=1,
        max_value=LARGEST_POPULATION,
        help_text=(
            "The number of children aged 0 to 17 living in the area, from the ONS mid-year "
            "population estimates, for example 112,400. The rate of child protection plans "
            "per 10,000 children is worked out from it."
        ),
        widget=forms.TextInput(
            attrs={"class": "govuk-input govuk-input--width-10", "inputmode": "numeric"}
        ),
    )

    def __init__(self, *args, agencies, choose_agency: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if choose_agency:
            cast(forms.ModelChoiceField, self.fields["agency"]).queryset = agencies
        else:
            del self.fields["agency"]

    def full_clean(self):
        # "112,400" as people write it.
        if self.is_bound and "population" in self.data:
            self.data = self.data.copy()
            self.data["population"] = self.data["population"].replace(",", "").strip()
        super().full_clean()


class CensusDecisionForm(GovUKForm):
    submit_label = "Continue"

    decision = forms.ChoiceField(
        label="What do you want to do?",
        choices=[
            (CONTINUE, "Leave those children out and record the figures from the rest"),
            (CANCEL, "Cancel the import: no figures are recorded and the file is deleted"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": CHOOSE_DECISION},
    )


class CensusSettingsForm(GovUKForm):
    retain_child_rows = forms.TypedChoiceField(
        label="Keep the child-level rows after the figures are computed?",
        choices=[
            ("no", "No: delete the file and the rows once the figures are recorded"),
            ("yes", "Yes: keep the file and the rows (they are never shown in SafeBoard)"),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
