"""Neither the voice record nor the child death learning has anywhere to keep a child's
name or date of birth: what children said is kept apart from who they are."""

from __future__ import annotations

import re

import pytest
from django.apps import apps

IDENTIFYING = re.compile(
    r"(^|_)(first_?name|last_?name|surname|forename|full_?name|name|dob|date_of_birth|"
    r"birth|born|nhs_number|upn|address|postcode|date_of_death|died)(_|$)"
)
# A board or a category has a name; a child never does.
NOT_ABOUT_A_CHILD = {("child_deaths", "deathcategory")}


@pytest.mark.parametrize("app_label", ["voice", "child_deaths"])
def test_no_model_has_a_field_for_a_childs_name_or_date_of_birth(app_label):
    models = [
        model
        for model in apps.get_app_config(app_label).get_models()
        if (app_label, model._meta.model_name) not in NOT_ABOUT_A_CHILD
    ]
    assert models
    found = [
        f"{model._meta.label}.{field.name}"
        for model in models
        for field in model._meta.get_fields()
        if IDENTIFYING.search(field.name) or IDENTIFYING.search(getattr(field, "column", "") or "")
    ]
    assert found == []


def test_the_check_would_catch_such_a_field():
    assert IDENTIFYING.search("child_name")
    assert IDENTIFYING.search("date_of_birth")
    assert IDENTIFYING.search("dob")
    assert not IDENTIFYING.search("age_band")
    assert not IDENTIFYING.search("group")
