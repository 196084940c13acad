"""The census indicators the straightforward pandas way: `pandas.read_xml`, one call a table.

`python -m bench.census_pandas_read_xml FILE [FILE ...] --population N` prints the same JSON
object as `safeboard census indicators`: what an analyst would write in a notebook. Each
table is one `read_xml` call (lxml parser), which parses the whole file into memory. Assessments
and Section47 need no child, so an XPath is enough; referrals and plans need the child's
LAchildID from an ancestor, which `read_xml` can only give through an XSLT stylesheet (the way
pandas documents for flattening nested XML). The indicator logic is bench/census_pandas.py's.
Synthetic input only: malformed files and problem children are not its concern.
"""

from __future__ import annotations

import datetime
import io
import json

import pandas as pd

from .census_pandas import arguments, report

# One row per CINdetails, with the LAchildID of its Child.
REFERRALS = b"""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/">
    <rows>
      <xsl:for-each select="//Child/CINdetails">
        <row>
          <child_id><xsl:value-of select="../ChildIdentifiers/LAchildID"/></child_id>
          <referral_date><xsl:value-of select="CINreferralDate"/></referral_date>
          <referral_nfa><xsl:value-of select="ReferralNFA"/></referral_nfa>
        </row>
      </xsl:for-each>
    </rows>
  </xsl:template>
</xsl:stylesheet>"""

# One row per ChildProtectionPlans, with the LAchildID of its Child.
CP_PLANS = b"""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/">
    <rows>
      <xsl:for-each select="//Child/CINdetails/ChildProtectionPlans">
        <row>
          <child_id><xsl:value-of select="../../ChildIdentifiers/LAchildID"/></child_id>
          <start_date><xsl:value-of select="CPPstartDate"/></start_date>
          <end_date><xsl:value-of select="CPPendDate"/></end_date>
          <previous_plans><xsl:value-of select="NumberOfPreviousCPP"/></previous_plans>
        </row>
      </xsl:for-each>
    </rows>
  </xsl:template>
</xsl:stylesheet>"""

TEXT = {"child_id": str, "referral_nfa": str}


def read_table(path: str, columns: dict[str, str], **how: object) -> pd.DataFrame:
    """One table: `read_xml`, then the analyst's renaming and typing of its columns."""
    frame = pd.read_xml(path, parser="lxml", **how)
    frame = frame.rename(columns=columns).reindex(columns=list(columns.values()))
    for column in frame.columns:
        if column.endswith("_date"):
            frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d", errors="coerce")
    return frame


def read(paths: list[str]) -> tuple[dict[str, pd.DataFrame], datetime.date]:
    tables: dict[str, list[pd.DataFrame]] = {
        "referrals": [],
        "assessments": [],
        "section47": [],
        "cp_plans": [],
    }
    reference_dates = []
    for path in paths:
        header = pd.read_xml(path, xpath="/Message/Header/CollectionDetails", parser="lxml")
        reference_dates.append(datetime.date.fromisoformat(str(header["ReferenceDate"][0])))
        tables["referrals"].append(
            read_table(
                path,
                {name: name for name in ("child_id", "referral_date", "referral_nfa")},
                stylesheet=io.BytesIO(REFERRALS),
                dtype=TEXT,
            )
        )
        tables["assessments"].append(
            read_table(
                path,
                {
                    "AssessmentActualStartDate": "start_date",
                    "AssessmentAuthorisationDate": "authorisation_date",
                },
                xpath="//Child/CINdetails/Assessments",
            )
        )
        tables["section47"].append(
            read_table(
                path,
                {"S47ActualStartDate": "start_date", "DateOfInitialCPC": "icpc_date"},
                xpath="//Child/CINdetails/Section47",
            )
        )
        tables["cp_plans"].append(
            read_table(
                path,
                {name: name for name in ("child_id", "start_date", "end_date", "previous_plans")},
                stylesheet=io.BytesIO(CP_PLANS),
                dtype=TEXT,
            )
        )
    frames = {name: pd.concat(parts, ignore_index=True) for name, parts in tables.items()}
    referrals = frames["referrals"]
    referrals["referral_nfa"] = referrals.referral_nfa.str.strip().str.lower().isin(["1", "true"])
    plans = frames["cp_plans"]
    plans["previous_plans"] = pd.to_numeric(plans.previous_plans, errors="coerce")
    return frames, max(reference_dates)


def main() -> None:
    given = arguments()
    frames, reference_date = read(given.files)
    print(json.dumps(report(frames, reference_date, given.population), indent=2))


if __name__ == "__main__":
    main()
