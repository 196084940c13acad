"""Reading a survey tool's export: every problem named by its line, nothing kept from a bad
file."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from safeboard.voice.survey_csv import (
    AGE_BANDS,
    BLANK_ANSWER,
    MISSING_COLUMNS,
    NO_ANSWERS,
    NO_HEADER,
    age_band_code,
    parse_survey,
)

THEMES = {"neglect": object(), "online safety": object(), "online-safety": object()}


def _lines(rows: list[list[str]]) -> list[str]:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().splitlines(keepends=True)


def test_a_good_file_gives_its_rows_and_ignores_other_columns():
    parsed = parse_survey(
        _lines(
            [
                ["Respondent", "Age band", "Group", "Question", "Answer", "Themes"],
                ["1", "11 to 15", "Year 9", "Where do you feel safe?", "At home", "Neglect"],
                ["2", "", "", "", "Nowhere online", "online safety; neglect"],
            ]
        ),
        themes=THEMES,
    )
    assert parsed.problems == []
    assert [row.answer for row in parsed.rows] == ["At home", "Nowhere online"]
    assert parsed.rows[0].line == 2
    assert parsed.rows[1].theme_keys == ("online safety", "neglect")
    assert age_band_code(parsed.rows[0].age_band) == "11_15"
    assert age_band_code(parsed.rows[1].age_band) == "not_given"


def test_each_bad_line_is_named_with_its_problem():
    parsed = parse_survey(
        _lines(
            [
                ["age_band", "answer", "themes"],
                ["11 to 15", "Fine", ""],
                ["twelve", "Scared", ""],
                ["16 or 17", "", ""],
                ["16 or 17", "Lonely", "Knife crime"],
            ]
        ),
        themes=THEMES,
    )
    assert parsed.problems == [
        "Line 3: \u201ctwelve\u201d is not an age band. Use under 11, 11 to 15, 16 or 17, "
        "18 to 25, or leave it empty.",
        BLANK_ANSWER.format(line=4),
        "Line 5: \u201cknife crime\u201d is not a theme SafeBoard knows.",
    ]


def test_a_file_without_an_answer_column_or_header_or_answers_is_refused():
    assert parse_survey([], themes=THEMES).problems == [NO_HEADER]
    no_answer = parse_survey(_lines([["age_band", "reply"], ["11 to 15", "x"]]), themes=THEMES)
    assert no_answer.problems == [
        MISSING_COLUMNS.format(
            columns="answer", expected="age_band, group, question, answer, themes"
        )
    ]
    assert parse_survey(_lines([["answer"]]), themes=THEMES).problems == [NO_ANSWERS]


def test_a_line_with_too_few_values_is_named():
    parsed = parse_survey(["age_band,answer\n", "11 to 15\n"], themes=THEMES)
    assert parsed.problems == ["Line 2: it has 1 values but the header names 2 columns."]


answers = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40
).filter(lambda text: text.strip())
bands = st.sampled_from(["", *AGE_BANDS])


@given(st.lists(st.tuples(bands, answers), min_size=1, max_size=20))
def test_every_well_formed_answer_is_read_back_whole(rows):
    parsed = parse_survey(
        _lines([["age_band", "answer"], *[[band, answer] for band, answer in rows]]),
        themes=THEMES,
    )
    assert parsed.problems == []
    assert [(row.age_band, row.answer) for row in parsed.rows] == [
        (band.strip(), answer.strip()) for band, answer in rows
    ]


@given(
    st.lists(st.tuples(bands, answers), min_size=1, max_size=10),
    st.data(),
)
def test_one_bad_line_anywhere_is_reported_by_its_line_number(rows, data):
    bad_at = data.draw(st.integers(min_value=0, max_value=len(rows) - 1))
    rows = [*rows]
    rows[bad_at] = ("not a band", rows[bad_at][1])
    parsed = parse_survey(
        _lines([["age_band", "answer"], *[[band, answer] for band, answer in rows]]),
        themes=THEMES,
    )
    assert len(parsed.problems) == 1
    assert parsed.problems[0].startswith(f"Line {bad_at + 2}:")
