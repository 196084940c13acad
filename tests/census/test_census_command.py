"""`safeboard census indicators` and `safeboard census synth` on hand-made census files."""

from __future__ import annotations

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from .test_indicators import EXPECTED_KEYS

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<Message>
  <Header>
    <CollectionDetails><Collection>CIN</Collection><Year>{year}</Year>
      <ReferenceDate>{year}-03-31</ReferenceDate></CollectionDetails>
    <Source><SourceLevel>L</SourceLevel><LEA>999</LEA><SoftwareCode>SB</SoftwareCode>
      <Release>1</Release><SerialNo>1</SerialNo><DateTime>{year}-04-02T09:00:00</DateTime></Source>
  </Header>
  <Children>
{children}
  </Children>
</Message>
"""
CHILD = """    <Child>
      <ChildIdentifiers><LAchildID>{child}</LAchildID><UPNunknown>UN1</UPNunknown>
        <PersonBirthDate>2015-06-01</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>
      <ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>
{details}
    </Child>"""
DETAILS = """      <CINdetails>
        <CINreferralDate>{referral}</CINreferralDate><ReferralSource>1A</ReferralSource>
        <PrimaryNeedCode>N1</PrimaryNeedCode>{inner}
        <ReferralNFA>{nfa}</ReferralNFA>{plans}
      </CINdetails>"""


def details(referral, *, nfa="0", assessment=None, section47=None, plan=None) -> str:
    inner = ""
    if assessment:
        inner += (
            "\n        <Assessments><AssessmentActualStartDate>{}</AssessmentActualStartDate>"
            "<AssessmentAuthorisationDate>{}</AssessmentAuthorisationDate></Assessments>"
        ).format(*assessment)
    if section47:
        inner += (
            "\n        <Section47><S47ActualStartDate>{}</S47ActualStartDate>"
            "<DateOfInitialCPC>{}</DateOfInitialCPC><ICPCnotRequired>0</ICPCnotRequired>"
            "</Section47>"
        ).format(*section47)
    plans = ""
    if plan:
        start, end, previous = plan
        plans = (
            f"\n        <ChildProtectionPlans><CPPstartDate>{start}</CPPstartDate>"
            + (f"<CPPendDate>{end}</CPPendDate>" if end else "")
            + f"<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>"
            f"<NumberOfPreviousCPP>{previous}</NumberOfPreviousCPP></ChildProtectionPlans>"
        )
    return DETAILS.format(referral=referral, inner=inner, nfa=nfa, plans=plans)


def census_file(folder: Path, year: int, children: dict[str, list[str]]) -> Path:
    body = "\n".join(
        CHILD.format(child=child, details="\n".join(items)) for child, items in children.items()
    )
    path = folder / f"cin-{year}.xml"
    path.write_text(HEADER.format(year=year, children=body), encoding="utf-8")
    return path


def run(*arguments: str) -> tuple[dict, str]:
    out, err = StringIO(), StringIO()
    call_command("census", *arguments, stdout=out, stderr=err)
    return json.loads(out.getvalue()), err.getvalue()


@pytest.fixture
def two_years(tmp_path) -> list[Path]:
    last_year = census_file(
        tmp_path,
        2024,
        {"A": [details("2024-01-10")], "B": [details("2023-02-01")]},
    )
    this_year = census_file(
        tmp_path,
        2025,
        {
            # Re-referred within 12 months of a referral in last year's file.
            "A": [details("2024-04-01", nfa="1")],
            # Last referred over 12 months before.
            "B": [
                details(
                    "2025-03-31",
                    assessment=("2024-11-05", "2025-01-10"),  # 45 working days
                    section47=("2024-12-12", "2025-01-08"),  # 16 working days
                    plan=("2025-01-20", None, "1"),
                )
            ],
            "C": [
                details(
                    "2024-03-01",
                    assessment=("2024-11-04", "2025-01-10"),  # 46 working days
                    section47=("2024-12-13", "2025-01-08"),  # 15 working days
                    plan=("2022-06-15", "2024-06-15", "0"),  # exactly two years
                )
            ],
        },
    )
    return [last_year, this_year]


def test_indicators_of_two_years_files_read_together(two_years):
    result, _ = run("indicators", *map(str, two_years), "--population", "8000")
    assert result == {
        "period": {"start": "2024-04-01", "end": "2025-03-31"},
        "referrals": 2,
        "referrals_nfa": 1,
        "re_referrals_12m": 1,
        "assessments_completed": 2,
        "assessments_within_45wd": 1,
        "s47_enquiries": 2,  # started 12 and 13 Dec 2024
        "icpcs": 2,
        "icpcs_within_15wd": 1,
        "cpp_started": 1,
        "cpp_started_second_or_subsequent": 1,
        "cpp_ended": 1,
        "cpp_ended_2y_plus": 1,
        "cpp_open_at_end": 1,
        "re_referral_pct": 50.0,
        "assessments_within_45wd_pct": 50.0,
        "icpcs_within_15wd_pct": 50.0,
        "cpp_second_or_subsequent_pct": 100.0,
        "cpp_ended_2y_plus_pct": 100.0,
        "cpp_rate_per_10k": 1.3,  # 10,000 × 1 / 8,000 = 1.25, half away from zero
    }


def test_indicators_print_exactly_the_keys_of_data_md(two_years):
    result, _ = run("indicators", str(two_years[1]), "--population", "1000")
    assert list(result) == ["period", *EXPECTED_KEYS]


def test_malformed_file_names_the_file_and_the_line(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text(
        '<?xml version="1.0"?>\n<Message>\n  <Children>\n    <Child>\n  </Children>\n',
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as raised:
        run("indicators", str(broken), "--population", "1000")
    assert raised.value.returncode != 0
    assert "broken.xml" in str(raised.value)
    assert "line 5" in str(raised.value)


def test_malformed_file_exits_with_a_non_zero_status(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text("<Message><Children>", encoding="utf-8")
    finished = subprocess.run(
        [
            str(Path(sys.executable).with_name("safeboard")),
            "census",
            "indicators",
            str(broken),
            "--population",
            "1000",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert finished.returncode != 0
    assert "broken.xml" in finished.stderr
    assert finished.stdout == ""


def test_child_with_an_impossible_date_is_reported_and_left_out(tmp_path):
    path = census_file(
        tmp_path,
        2025,
        {"A": [details("2024-05-01")], "B": [details("2024-13-45")]},
    )
    result, errors = run("indicators", str(path), "--population", "1000")
    assert result["referrals"] == 1
    assert "B" in errors


def test_population_must_be_positive(two_years):
    with pytest.raises(CommandError):
        run("indicators", str(two_years[1]), "--population", "0")


def test_synth_writes_a_census_the_indicators_read(tmp_path):
    path = tmp_path / "synthetic.xml"
    call_command("census", "synth", "--children", "50", "--seed", "7", "--out", str(path))
    result, _ = run("indicators", str(path), "--population", "10000")
    assert result["period"] == {"start": "2024-04-01", "end": "2025-03-31"}
    assert result["referrals"] > 0
