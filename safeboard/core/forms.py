"""Form helpers: every form renders through crispy-forms-gds with one submit button."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Submit
from django import forms
from django.core.exceptions import ValidationError

if TYPE_CHECKING:
    # The mixin is only ever mixed into a form: type-check it as one.
    _Form = forms.BaseForm
else:
    _Form = object


class GovUKFormMixin(_Form):
    submit_label = "Save"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        # Templates write their own <form> and {% csrf_token %}; crispy's second token would
        # duplicate it, and on GET forms put the token into the address bar.
        self.helper.disable_csrf = True
        self.helper.add_input(Submit("submit", self.submit_label))

    def add_service_errors(self, error: ValidationError) -> None:
        """Show a service's ValidationError on the form, field by field where it can."""
        if hasattr(error, "error_dict"):
            for field, messages in error.message_dict.items():
                target = field if field in self.fields else None
                for message in messages:
                    self.add_error(target, message)
        else:
            for message in error.messages:
                self.add_error(None, message)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict | None = None, **kwargs) -> None:
        attrs = {"class": "govuk-input govuk-input--width-10", **(attrs or {})}
        super().__init__(attrs=attrs, format="%Y-%m-%d", **kwargs)


class GovUKForm(GovUKFormMixin, forms.Form):
    pass


class GovUKModelForm(GovUKFormMixin, forms.ModelForm):
    pass
