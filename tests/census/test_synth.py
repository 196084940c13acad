"""The synthetic census: valid against each year's schema, deterministic, with its edge cases."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import pytest
import xmlschema

from safeboard.census.reader import read_census
from safeboard.census.synth import easter_sunday, write_census

D = datetime.date
# The Department for Education's published CIN census schemas, kept with the tests.
SCHEMAS = Path(__file__).resolve().parent / "schemas"


def synthetic(children: int = 200, seed: int = 7, year: int = 2025) -> bytes:
    out = io.BytesIO()
    write_census(out, children=children, seed=seed, year=year)
    return out.getvalue()


def read(data: bytes, name: str = "synthetic.xml"):
    stream = io.BytesIO(data)
    stream.name = name
    return read_census([stream])


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_the_synthetic_census_validates_against_the_schema_of_its_year(year):
    schema = xmlschema.XMLSchema(str(SCHEMAS / f"CIN_schema_{year}.xsd"))

    errors = list(schema.iter_errors(io.BytesIO(synthetic(children=300, year=year))))

    assert errors == []


def test_the_2024_census_records_gender_and_later_years_sex():
    assert b"<GenderCurrent>" in synthetic(year=2024)
    assert b"<Sex>" not in synthetic(year=2024)
    assert b"<Sex>" in synthetic(year=2025)


def test_the_same_seed_gives_the_same_file_and_another_seed_another():
    assert synthetic(seed=1) == synthetic(seed=1)
    assert synthetic(seed=1) != synthetic(seed=2)


def test_it_writes_to_a_path(tmp_path):
    path = tmp_path / "synthetic.xml"

    write_census(path, children=10, seed=1)

    assert path.read_bytes() == synthetic(children=10, seed=1)


def test_an_unsupported_year_is_refused():
    with pytest.raises(ValueError, match="no census schema for 2019"):
        synthetic(year=2019)


def test_the_reference_date_is_31_march_of_the_year_and_every_child_reads_cleanly():
    extract = read(synthetic(children=300, year=2026))

    assert extract.reference_date == D(2026, 3, 31)
    assert extract.children == 300
    assert extract.problems == []


def test_children_are_invented_and_numbered():
    data = synthetic(children=3)

    assert b"<LAchildID>SYN000001</LAchildID>" in data
    assert b"<LAchildID>SYN000003</LAchildID>" in data
    assert b"UPN" not in data


@pytest.mark.parametrize("year", [2024, 2025])
def test_there_are_29_february_referrals_with_another_12_months_away_on_28_february(year):
    referrals = read(synthetic(year=year)).rows["referrals"]
    dates_by_child: dict[str, set[datetime.date]] = {}
    for _id, child, date, _nfa, _closure in referrals:
        dates_by_child.setdefault(child, set()).add(date)

    pairs = [
        dates
        for dates in dates_by_child.values()
        if any(date.month == 2 and date.day == 29 for date in dates)
        and any(date.month == 2 and date.day == 28 for date in dates)
    ]

    assert pairs


def test_there_are_referrals_exactly_12_months_apart():
    referrals = read(synthetic()).rows["referrals"]
    by_child: dict[str, list[datetime.date]] = {}
    for _id, child, date, _nfa, _closure in referrals:
        by_child.setdefault(child, []).append(date)

    assert any(
        later == earlier.replace(year=earlier.year + 1)
        for dates in by_child.values()
        for earlier, later in zip(dates, dates[1:], strict=False)
        if not (earlier.month == 2 and earlier.day == 29)
    )


def test_there_are_plans_exactly_two_years_long_and_plans_open_at_the_period_end():
    plans = read(synthetic()).rows["cp_plans"]

    assert any(end == start.replace(year=start.year + 2) for _r, _c, start, end, _n in plans if end)
    assert any(end is None for _r, _c, _start, end, _n in plans)
    assert any(previous >= 1 for *_rest, previous in plans)


def test_assessments_and_enquiries_span_christmas_and_easter():
    extract = read(synthetic(year=2025))
    christmas = D(2024, 12, 25)
    good_friday = easter_sunday(2024) - datetime.timedelta(days=2)
    spans = [
        (start, end)
        for table in ("assessments", "section47")
        for _r, _c, start, end in extract.rows[table]
        if start and end
    ]

    assert any(start < christmas < end for start, end in spans)
    assert any(start < good_friday < end for start, end in spans)


def test_easter_sunday_is_right_for_the_census_years():
    assert [easter_sunday(year) for year in (2023, 2024, 2025, 2026)] == [
        D(2023, 4, 9),
        D(2024, 3, 31),
        D(2025, 4, 20),
        D(2026, 4, 5),
    ]


def test_there_are_nfa_referrals_several_episodes_and_missing_elements():
    extract = read(synthetic())
    referrals = extract.rows["referrals"]
    episodes_per_child: dict[str, int] = {}
    for _id, child, *_rest in referrals:
        episodes_per_child[child] = episodes_per_child.get(child, 0) + 1

    assert any(nfa for *_rest, nfa, _closure in referrals)
    assert max(episodes_per_child.values()) >= 3
    assert any(closure is None for *_rest, closure in referrals)
    assert any(authorised is None for *_rest, authorised in extract.rows["assessments"])
    assert any(icpc is None for *_rest, icpc in extract.rows["section47"])
