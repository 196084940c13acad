"""The business plan downloads as CSV and Excel: each priority with its measures and actions."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.actions.factories import ActionFactory
from safeboard.priorities.factories import PriorityFactory, PriorityMeasureFactory
from safeboard.priorities.plan_export import PLAN_COLUMNS, plan_rows
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(cast):
    neglect = PriorityFactory(title="Neglect", lead_person=cast[Role.AGENCY_LEAD].person)
    PriorityMeasureFactory(priority=neglect, description="Fewer repeat plans")
    ActionFactory(source=neglect, title="Train every health visitor")
    PriorityFactory(plan=neglect.plan, title="Exploitation")
    return neglect.plan


def _csv(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_plan_downloads_as_csv_with_its_measures_and_actions(cast, plan):
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    rows = _csv(client.get(reverse("priorities:plan_detail", args=[plan.pk]), {"format": "csv"}))
    assert rows[0] == [column.heading for column in PLAN_COLUMNS]
    assert [(row[1], row[7], row[8]) for row in rows[1:]] == [
        ("Neglect", "Measure", "Fewer repeat plans"),
        ("Neglect", "Action", "Train every health visitor"),
        ("Exploitation", "", ""),
    ]


def test_the_plan_downloads_as_excel(cast, plan):
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    response = client.get(reverse("priorities:plan_detail", args=[plan.pk]), {"format": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet.cell(3, 9).value == "Train every health visitor"


def test_the_plan_export_reads_a_fixed_number_of_queries(cast, plan, django_assert_max_num_queries):
    for number in range(5):
        priority = PriorityFactory(plan=plan, title=f"More {number}")
        PriorityMeasureFactory(priority=priority)
        ActionFactory(source=priority)
    with django_assert_max_num_queries(4):
        rows = list(plan_rows(plan=plan, user=cast[Role.BUSINESS_MANAGER]))
        for row in rows:
            [column.value(row) for column in PLAN_COLUMNS]
    assert len(rows) == 3 + 10
