"""Whatever bytes arrive as a CSV file, the reader gives rows or errors and never crashes."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safeboard.scorecard import uploads

from .conftest import OCTOBER_2025


@given(st.binary(max_size=2048))
@settings(max_examples=300, deadline=None)
def test_any_bytes_are_read_as_rows_or_errors(data):
    read = uploads.read_csv(data)
    assert read.file_format == "csv"
    for error in read.errors:
        assert error.message
    for row in read.rows:
        assert row.row >= 2


CELL = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["POL-01", "pol-02", "HLT-01", "October 2025", "2025-10", "12", "-1", "1e9"]),
)
HEADINGS = st.sampled_from(
    ["Indicator code,Period,Value", "code,period,value", "code,value", "period,value,code"]
)


@pytest.mark.django_db
@given(headings=HEADINGS, lines=st.lists(st.lists(CELL, max_size=5), max_size=12))
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_csv_table_is_checked_without_crashing(catalogue, headings, lines):
    text = headings + "\n" + "\n".join(",".join(_quote(cell) for cell in line) for line in lines)
    upload = SimpleUploadedFile("figures.csv", text.encode("utf-8"))
    submission = uploads.read_submission(upload, agency=catalogue.police, period=OCTOBER_2025)
    assert submission.values or submission.errors
    for error in submission.errors:
        assert error.row is None or 1 <= error.row <= len(lines) + 1
    assert set(submission.values) <= {"POL-01", "POL-02", "POL-03"}


def _quote(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"'
