"""The charges list: every agency's for the training team, with filters and exports; an
agency lead's own agency's only."""

from __future__ import annotations

import csv
import datetime
import html
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.learning.factories import LearnerFactory
from safeboard.learning.models import Booking, Charge
from tests.conftest import signed_in_client

from .. import builders

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _page(response) -> str:
    return html.unescape(response.content.decode())


def _charge(learner, *, kind=Charge.Kind.PLACE, amount="45.00", days_ago=0) -> Charge:
    place = builders.booking(
        learner, on=builders.session(days=-7), attendance=Booking.Attendance.ATTENDED
    )
    return Charge.objects.create(
        booking=place,
        agency=learner.agency,
        kind=kind,
        amount=amount,
        raised_on=TODAY - datetime.timedelta(days=days_ago),
    )


@pytest.fixture
def charges(cast):
    home = LearnerFactory(full_name="Sam Lee", agency=cast.home_agency)
    other = LearnerFactory(full_name="Ana Reid", agency=cast.other_agency)
    return [
        _charge(home),
        _charge(home, kind=Charge.Kind.NO_SHOW, amount="30.00", days_ago=40),
        _charge(other),
    ]


def test_the_learning_officer_sees_every_agencys_charges_and_totals(officer_client, charges):
    page = _page(officer_client.get(reverse("learning:charge_list")))
    assert "Sam Lee" in page and "Ana Reid" in page
    assert "£120.00" in page


def test_the_learning_officer_filters_by_agency_kind_and_period(cast, officer_client, charges):
    url = reverse("learning:charge_list")
    page = _page(
        officer_client.get(
            url,
            {
                "agency": cast.home_agency.pk,
                "kind": Charge.Kind.PLACE,
                "raised_from": (TODAY - datetime.timedelta(days=7)).isoformat(),
            },
        )
    )
    assert "Sam Lee" in page and "Ana Reid" not in page and "£30.00" not in page


def test_an_agency_lead_sees_only_their_own_agencys_charges(cast, charges):
    client = signed_in_client(cast[Role.AGENCY_LEAD])
    page = _page(client.get(reverse("learning:charge_list"), {"agency": cast.other_agency.pk}))
    assert "Sam Lee" in page and "Ana Reid" not in page
    assert "£75.00" in page


def test_the_charges_export_as_csv_and_excel(officer_client, charges):
    url = reverse("learning:charge_list")
    response = officer_client.get(url, {"format": "csv", "kind": Charge.Kind.NO_SHOW})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:4] == ["Raised on", "Agency", "Charge", "Amount (£)"]
    assert [row[4] for row in rows[1:]] == ["Sam Lee"]
    response = officer_client.get(url, {"format": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet.max_row == 4


def test_a_period_that_ends_before_it_starts_is_a_clear_error(officer_client, charges):
    response = officer_client.get(
        reverse("learning:charge_list"),
        {"raised_from": TODAY.isoformat(), "raised_to": "2020-01-01"},
    )
    assert response.status_code == 400
    assert "The end of the period cannot be before its start." in _page(response)
