"""`{% govuk_form %}` writes a form exactly as `{% crispy %}` (crispy-forms-gds) does
(decision 16): every filter form of SafeBoard, empty, filled and with errors, and a form of
every plain widget with hints, errors of its own and of the whole form."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.template import engines

from safeboard.actions.forms import ActionFilterForm
from safeboard.challenges.forms import ChallengeFilterForm
from safeboard.core.forms import DateInput, GovUKForm
from safeboard.core.govuk_form import is_plain, render_form
from safeboard.learning.catalogue.forms import CatalogueFilterForm
from safeboard.learning.charges.forms import ChargeFilterForm
from safeboard.learning.compliance.forms import ComplianceFilterForm
from safeboard.meetings.forms import MeetingFilterForm
from safeboard.meetings.models import Group
from safeboard.partnership.factories import AgencyFactory
from safeboard.partnership.forms import AgencyFilterForm, PersonFilterForm
from safeboard.reviews.access_log.forms import AccessLogFilterForm
from safeboard.reviews.cases.forms import ReviewFilterForm
from safeboard.reviews.models import Review
from safeboard.risks.forms import RiskFilterForm
from safeboard.scorecard.catalogue.forms import IndicatorFilterForm
from safeboard.scorecard.grid.forms import GridFilterForm
from safeboard.scorecard.queries.forms import QueryFilterForm
from safeboard.themes.models import Theme

from .test_form_renderer import _canonical

pytestmark = pytest.mark.django_db

FILTER_FORMS: dict[str, Callable[..., forms.Form]] = {
    "actions": ActionFilterForm,
    "challenges": ChallengeFilterForm,
    "courses": CatalogueFilterForm,
    "charges": lambda data=None: ChargeFilterForm(data, every_agency=True),
    "charges, own agency": lambda data=None: ChargeFilterForm(data, every_agency=False),
    "compliance": ComplianceFilterForm,
    "meetings": lambda data=None: MeetingFilterForm(data, groups=Group.objects.all()),
    "agencies": AgencyFilterForm,
    "people": PersonFilterForm,
    "access log": lambda data=None: AccessLogFilterForm(data, reviews=Review.objects.all()),
    "reviews": ReviewFilterForm,
    "risks": RiskFilterForm,
    "indicators": IndicatorFilterForm,
    "scorecard grid": GridFilterForm,
    "indicator queries": QueryFilterForm,
}


def _by_crispy(form: forms.Form) -> str:
    template = engines["django"].from_string("{% load crispy_forms_tags %}{% crispy form %}")
    return template.render({"form": form})


def _wrong_values(form: forms.Form) -> dict[str, str]:
    """A value no field takes: selects refuse it, dates cannot read it, text keeps it."""
    return dict.fromkeys(form.fields, "not-a-value")


@pytest.fixture
def choices():
    AgencyFactory.create_batch(3)
    Theme.objects.create(name="Neglect & <emotional> harm", slug="neglect-emotional", position=99)


@pytest.mark.parametrize("name", FILTER_FORMS)
@pytest.mark.parametrize("state", ["empty", "bound, nothing chosen", "with errors"])
def test_every_filter_form_is_written_as_crispy_writes_it(choices, name, state):
    make = FILTER_FORMS[name]
    data = {"empty": None, "bound, nothing chosen": {}, "with errors": _wrong_values(make())}
    ours, theirs = make(data[state]), make(data[state])
    if data[state] is not None:
        assert ours.is_valid() == theirs.is_valid()
    assert _canonical(render_form(ours)) == _canonical(_by_crispy(theirs))


def test_the_filter_forms_with_plain_fields_are_written_here(choices):
    written_here = {name for name, make in FILTER_FORMS.items() if is_plain(make())}
    # The scorecard grid groups its rows with radios: crispy-forms-gds writes that form.
    assert written_here == set(FILTER_FORMS) - {"scorecard grid"}


class EveryPlainWidget(GovUKForm):
    submit_label = "Show the <results> & more"

    title = forms.CharField(label="Title <em>here</em>", help_text="Words & <b>hints</b>")
    count = forms.IntegerField(label="How many", min_value=0, help_text="0 or more")
    due = forms.DateField(label="Due on", widget=DateInput())
    email = forms.EmailField(label="Email", required=False)
    notes = forms.CharField(label="Notes", widget=forms.Textarea, required=False)
    status = forms.ChoiceField(
        label="Status", choices=[("", "Any"), ("open", "Open")], help_text="Pick one"
    )
    overdue = forms.BooleanField(label="Only overdue", required=False, help_text="Past due")
    secret = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean(self):
        if self.data.get("title") == "refused":
            raise ValidationError(["The whole form is refused.", "And a second reason."])
        return super().clean()


@pytest.mark.parametrize(
    "data",
    [
        None,
        {
            "title": "A title",
            "count": "3",
            "due": "2026-11-30",
            "email": "someone@example.org",
            "notes": "One\ntwo",
            "status": "open",
            "overdue": "on",
            "secret": "7",
        },
        {"title": "", "count": "-1", "due": "2026-13-45", "email": "nope", "status": "x"},
        {"title": "refused", "count": "1", "due": "2026-11-30", "status": "open"},
    ],
    ids=["empty", "filled", "errors on fields", "errors on the whole form"],
)
def test_every_plain_widget_is_written_as_crispy_writes_it(data):
    ours, theirs = EveryPlainWidget(data), EveryPlainWidget(data)
    assert is_plain(ours)
    if data is not None:
        assert ours.is_valid() == theirs.is_valid()
    assert _canonical(render_form(ours)) == _canonical(_by_crispy(theirs))


def test_writing_a_form_twice_writes_it_the_same():
    form = EveryPlainWidget({"title": "", "count": "-1"})
    assert render_form(form) == render_form(form)


class WithRadios(GovUKForm):
    kind = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)


def test_a_form_it_does_not_know_is_written_by_crispy():
    form = WithRadios()
    assert not is_plain(form)
    assert render_form(form) == _by_crispy(WithRadios())


def test_a_form_with_a_layout_of_its_own_is_written_by_crispy():
    form = EveryPlainWidget()
    form.helper.label_size = "govuk-label--s"
    assert not is_plain(form)
    assert _canonical(render_form(form)) == _canonical(_by_crispy(form))
