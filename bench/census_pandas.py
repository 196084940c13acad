"""The census indicators in pandas on a streaming parse: one of the benchmark's comparisons.

`python -m bench.census_pandas FILE [FILE ...] --population N` prints the same JSON object as
`safeboard census indicators`. It reads every Child with a hand-written lxml `iterparse` into
Python dicts (the way SafeBoard's own reader streams), builds one DataFrame per table, and
computes each indicator with pandas and numpy. The straightforward analyst's version, which
reads the tables with `pandas.read_xml`, is bench/census_pandas_read_xml.py; both share
`indicators` and `report` here. Neither knows of malformed files or problem children:
synthetic input only.
"""

from __future__ import annotations

import argparse
import datetime
import json
from decimal import ROUND_HALF_UP, Decimal

import holidays
import numpy as np
import pandas as pd
from lxml import etree


def text(element, path: str) -> str | None:
    found = element.find(path)
    if found is None or found.text is None or not found.text.strip():
        return None
    return found.text.strip()


def read(paths: list[str]) -> tuple[dict[str, pd.DataFrame], datetime.date]:
    referrals, assessments, section47, plans = [], [], [], []
    reference_date = None
    for path in paths:
        for _, element in etree.iterparse(
            path, events=("end",), tag=("Child", "ReferenceDate"), resolve_entities=False
        ):
            if element.tag == "ReferenceDate":
                day = datetime.date.fromisoformat(element.text.strip())
                reference_date = max(reference_date or day, day)
                continue
            child = text(element, "ChildIdentifiers/LAchildID")
            for details in element.iterfind("CINdetails"):
                referrals.append(
                    {
                        "child_id": child,
                        "referral_date": text(details, "CINreferralDate"),
                        "referral_nfa": text(details, "ReferralNFA") in ("1", "true"),
                    }
                )
                for item in details.iterfind("Assessments"):
                    assessments.append(
                        {
                            "start_date": text(item, "AssessmentActualStartDate"),
                            "authorisation_date": text(item, "AssessmentAuthorisationDate"),
                        }
                    )
                for item in details.iterfind("Section47"):
                    section47.append(
                        {
                            "start_date": text(item, "S47ActualStartDate"),
                            "icpc_date": text(item, "DateOfInitialCPC"),
                        }
                    )
                for item in details.iterfind("ChildProtectionPlans"):
                    plans.append(
                        {
                            "child_id": child,
                            "start_date": text(item, "CPPstartDate"),
                            "end_date": text(item, "CPPendDate"),
                            "previous_plans": text(item, "NumberOfPreviousCPP"),
                        }
                    )
            element.clear()
    frames = {
        "referrals": pd.DataFrame(referrals, columns=["child_id", "referral_date", "referral_nfa"]),
        "assessments": pd.DataFrame(assessments, columns=["start_date", "authorisation_date"]),
        "section47": pd.DataFrame(section47, columns=["start_date", "icpc_date"]),
        "cp_plans": pd.DataFrame(
            plans, columns=["child_id", "start_date", "end_date", "previous_plans"]
        ),
    }
    for frame in frames.values():
        for column in frame.columns:
            if column.endswith("_date"):
                frame[column] = pd.to_datetime(frame[column], errors="coerce")
    plans_frame = frames["cp_plans"]
    plans_frame["previous_plans"] = pd.to_numeric(plans_frame["previous_plans"], errors="coerce")
    return frames, reference_date


def working_days(start: pd.Series, end: pd.Series) -> np.ndarray:
    """After start up to and including end: numpy counts [begin, end), so shift both a day."""
    years = range(start.dt.year.min(), end.dt.year.max() + 1)
    bank_holidays = np.array(sorted(holidays.UK(subdiv="ENG", years=years)), dtype="datetime64[D]")
    one_day = np.timedelta64(1, "D")
    return np.busday_count(
        start.values.astype("datetime64[D]") + one_day,
        end.values.astype("datetime64[D]") + one_day,
        holidays=bank_holidays,
    )


def indicators(frames: dict[str, pd.DataFrame], reference_date: datetime.date) -> dict:
    start = pd.Timestamp(reference_date.year - 1, 4, 1)
    end = pd.Timestamp(reference_date)
    referrals = frames["referrals"]
    in_period = referrals[referrals.referral_date.between(start, end)]
    pairs = in_period.reset_index().merge(referrals, on="child_id", suffixes=("", "_earlier"))
    pairs = pairs[
        (pairs.referral_date_earlier < pairs.referral_date)
        & (pairs.referral_date_earlier >= pairs.referral_date - pd.DateOffset(months=12))
    ]
    assessments = frames["assessments"]
    completed = assessments[
        assessments.authorisation_date.between(start, end) & assessments.start_date.notna()
    ]
    section47 = frames["section47"]
    icpcs = section47[section47.icpc_date.between(start, end) & section47.start_date.notna()]
    plans = frames["cp_plans"]
    started = plans[plans.start_date.between(start, end)]
    ended = plans[plans.end_date.between(start, end)]
    closed = plans[plans.end_date <= end][["child_id", "start_date"]].drop_duplicates()
    open_copies = plans[
        (plans.start_date <= end) & (plans.end_date.isna() | (plans.end_date > end))
    ][["child_id", "start_date"]].drop_duplicates()
    still_open = open_copies.merge(closed, how="left", indicator=True)
    counts = {
        "referrals": len(in_period),
        "referrals_nfa": int(in_period.referral_nfa.sum()),
        "re_referrals_12m": pairs["index"].nunique(),
        "assessments_completed": len(completed),
        "assessments_within_45wd": int(
            (working_days(completed.start_date, completed.authorisation_date) <= 45).sum()
        ),
        "s47_enquiries": int(section47.start_date.between(start, end).sum()),
        "icpcs": len(icpcs),
        "icpcs_within_15wd": int((working_days(icpcs.start_date, icpcs.icpc_date) <= 15).sum()),
        "cpp_started": len(started),
        "cpp_started_second_or_subsequent": int((started.previous_plans >= 1).sum()),
        "cpp_ended": len(ended),
        "cpp_ended_2y_plus": int(
            (ended.end_date >= ended.start_date + pd.DateOffset(years=2)).sum()
        ),
        "cpp_open_at_end": int((still_open._merge == "left_only").sum()),
    }
    return counts


def rounded(numerator: int, denominator: int, scale: int) -> float | None:
    if not denominator:
        return None
    exact = Decimal(scale * numerator) / Decimal(denominator)
    return float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def report(frames: dict[str, pd.DataFrame], reference_date: datetime.date, population: int) -> dict:
    """The JSON object `safeboard census indicators` prints, from the four tables."""
    counts = indicators(frames, reference_date)
    return {
        "period": {
            "start": datetime.date(reference_date.year - 1, 4, 1).isoformat(),
            "end": reference_date.isoformat(),
        },
        **counts,
        "re_referral_pct": rounded(counts["re_referrals_12m"], counts["referrals"], 100),
        "assessments_within_45wd_pct": rounded(
            counts["assessments_within_45wd"], counts["assessments_completed"], 100
        ),
        "icpcs_within_15wd_pct": rounded(counts["icpcs_within_15wd"], counts["icpcs"], 100),
        "cpp_second_or_subsequent_pct": rounded(
            counts["cpp_started_second_or_subsequent"], counts["cpp_started"], 100
        ),
        "cpp_ended_2y_plus_pct": rounded(counts["cpp_ended_2y_plus"], counts["cpp_ended"], 100),
        "cpp_rate_per_10k": rounded(counts["cpp_open_at_end"], population, 10_000),
    }


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="+")
    parser.add_argument("--population", type=int, required=True)
    return parser.parse_args()


def main() -> None:
    given = arguments()
    frames, reference_date = read(given.files)
    print(json.dumps(report(frames, reference_date, given.population), indent=2))


if __name__ == "__main__":
    main()
