"""The check before export refuses text that looks identifying, naming the item and text."""

from __future__ import annotations

import pytest

from safeboard.exchange import anonymity
from safeboard.exchange.selectors import identifying_names
from safeboard.partnership.factories import PersonFactory

NAMES = anonymity.names_pattern(["Priya Raman", "Tom Okafor"])


def _reasons(text: str) -> list[tuple[str, str]]:
    return anonymity.identifying_text(text, names=NAMES)


def test_a_staff_members_name_is_refused():
    assert _reasons("The health visitor, priya raman, saw the baby twice.") == [
        ("priya raman", "a person's name")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Child B (date of birth 03/04/2019) was not seen.",
        "Child B, born 3 April 2019, was not seen.",
        "Child B was seen on 2019-04-03 by the school nurse.",
        "On April 3rd, 2019 the referral was closed.",
    ],
)
def test_dates_of_birth_and_full_dates_are_refused(text):
    reasons = {reason for _, reason in _reasons(text)}
    assert reasons & {"a date of birth", "a full date"}


@pytest.mark.parametrize("postcode", ["SW1A 1AA", "M1 1AE", "b33 8th", "CR26XH"])
def test_uk_postcodes_are_refused(postcode):
    assert (postcode, "a postcode") in _reasons(f"The family moved to {postcode} last spring.")


def test_learning_without_identifying_detail_passes():
    text = (
        "In 2024 agencies rarely asked about the men in the household; 4 of 10 records "
        "named no father. Practitioners should see Tom's role as a carer in supervision."
    )
    assert _reasons(text) == []


def test_problems_name_the_item_and_the_text(db):
    PersonFactory(full_name="Gareth Lewis")
    item = {"title": "Fathers unseen", "summary": "Gareth Lewis did not visit the family."}
    problems = anonymity.check_items(
        [("Case review finding \u201cFathers unseen\u201d", item)], names=identifying_names()
    )
    assert [str(problem) for problem in problems] == [
        "Case review finding \u201cFathers unseen\u201d: \u201cGareth Lewis\u201d looks like "
        "a person's name."
    ]
