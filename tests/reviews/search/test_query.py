"""The search box read as web search engines read it, written out for each database."""

from __future__ import annotations

import pytest

from safeboard.reviews.search.query import MAX_TERMS, parse_query


@pytest.mark.parametrize(
    ("typed", "fts5", "websearch"),
    [
        ("neglect", '"neglect"', '"neglect"'),
        ("Neglect  Drift", '"neglect" AND "drift"', '"neglect" "drift"'),
        (
            '"information sharing" late',
            '"information sharing" AND "late"',
            '"information sharing" "late"',
        ),
        ("neglect or drift", '"neglect" OR "drift"', '"neglect" or "drift"'),
        ("father -police", '"father" NOT "police"', '"father" -"police"'),
        ("-police father", '"father"', '"father"'),
        ("or neglect", '"neglect"', '"neglect"'),
        ("neglect or", '"neglect"', '"neglect"'),
        ('"or"', '"or"', '"or"'),
        # Words joined by punctuation stay together, as a phrase.
        ("NEAR(a b)", '"near a" AND "b"', '"near a" "b"'),
        ("title:neglect*", '"title neglect"', '"title neglect"'),
        ("don't", '"don t"', '"don t"'),
    ],
)
def test_a_query_is_written_out_for_fts5_and_websearch(typed, fts5, websearch):
    parsed = parse_query(typed)
    assert parsed.as_fts5() == fts5
    assert parsed.as_websearch() == websearch


@pytest.mark.parametrize("typed", ["", "   ", '"', "-neglect", "()", "!!", "or"])
def test_a_query_with_nothing_to_look_for_is_empty(typed):
    assert not parse_query(typed)


def test_a_long_query_is_cut_to_a_few_terms():
    parsed = parse_query(" ".join(f"word{n}" for n in range(50)))
    assert len(parsed.terms) == MAX_TERMS
