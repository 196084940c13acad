"""`safeboard reviews timescales`: the contract other tools rely on."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


def _run(*args) -> dict:
    out = StringIO()
    call_command("reviews", "timescales", *args, stdout=out)
    return json.loads(out.getvalue())


def test_2023_prints_the_notification_and_rapid_review_due_dates(wt2023):
    assert _run("--framework", "2023", "--aware", "2023-05-02") == {
        "notification_due": "2023-05-10",
        "rapid_review_due": "2023-05-24",
    }


def test_the_framework_may_be_named_by_its_code(wt2023):
    assert _run("--framework", "wt2018", "--aware", "2022-12-14") == {
        "notification_due": "2022-12-21",
        "rapid_review_due": "2023-01-09",
    }


def test_2010_has_no_notification_nor_rapid_review_but_a_decision_date(wt2023):
    assert _run("--framework", "2010", "--aware", "2012-03-01") == {
        "notification_due": None,
        "rapid_review_due": None,
        "decision_due": "2012-03-22",
    }


def test_2013_notifies_ofsted(wt2023):
    result = _run("--framework", "2013", "--aware", "2022-12-20")
    assert result["notification_due"] == "2022-12-29"
    assert result["rapid_review_due"] is None


def test_2015_answers_like_the_other_editions_counting_over_easter(wt2023):
    assert _run("--framework", "2015", "--aware", "2016-03-23") == {
        "notification_due": "2016-04-01",
        "rapid_review_due": None,
        "decision_due": "2016-04-15",
    }
    assert _run("--framework", "wt2015", "--aware", "2016-03-23")["notification_due"] == (
        "2016-04-01"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--framework", "1999", "--aware", "2023-05-02"), "No framework '1999'"),
        (("--framework", "wt2099", "--aware", "2023-05-02"), "No framework 'wt2099'"),
        (("--framework", "2023", "--aware", "2023-02-30"), "--aware must be a date"),
        (("--framework", "2023", "--aware", "yesterday"), "--aware must be a date"),
    ],
)
def test_an_unknown_framework_or_a_bad_date_is_a_clear_error(wt2023, args, message):
    with pytest.raises(CommandError, match=message) as error:
        call_command("reviews", "timescales", *args)
    assert error.value.returncode == 2
