"""Risk register pages from the outside: filters, exports, errors shown and nothing changed."""

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
from safeboard.actions.models import Action
from safeboard.partnership.factories import PersonFactory
from safeboard.risks import services
from safeboard.risks.factories import RiskFactory
from safeboard.risks.forms import IMPACT_FILTER_ERROR, INTERVAL_ERROR, LIKELIHOOD_FILTER_ERROR
from safeboard.risks.models import RESIDUAL_ABOVE_INHERENT, Risk, RiskReview
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _page(response) -> str:
    return html.unescape(response.content.decode())


def _create_form(cast, **overrides) -> dict:
    owner = cast[Role.AGENCY_LEAD].person
    data = {
        "title": "Exploitation is spotted late",
        "description": "Children being exploited are not identified early.",
        "cause": "Agencies use different screening tools.",
        "consequence": "Children are harmed before anyone acts.",
        "category": "practice",
        "owner_agency": owner.agency_id,
        "owner_person": owner.pk,
        "inherent_likelihood": "4",
        "inherent_impact": "5",
        "controls": "A fortnightly exploitation panel.",
        "residual_likelihood": "3",
        "residual_impact": "4",
        "raised_on": TODAY.isoformat(),
        "review_interval_months": "3",
        "review_date": "",
    }
    data.update(overrides)
    return data


def test_the_manager_adds_a_risk_and_its_first_review_point(cast, manager_client, priority):
    response = manager_client.post(
        reverse("risks:create"), _create_form(cast, priorities=[priority.pk])
    )
    risk = Risk.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("risks:detail", args=[risk.pk])
    assert risk.reference == "R01"
    assert list(risk.priorities.all()) == [priority]
    assert risk.reviews.get().reviewed_by == cast[Role.BUSINESS_MANAGER]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"residual_likelihood": "7"},
            "residual_likelihood",
            services.score_error("residual_likelihood"),
        ),
        ({"inherent_impact": "0"}, "inherent_impact", services.score_error("inherent_impact")),
        (
            {"residual_likelihood": "5", "residual_impact": "5"},
            "residual_impact",
            RESIDUAL_ABOVE_INHERENT,
        ),
        ({"owner_person": None}, "owner_person", services.OWNER_NOT_IN_AGENCY),
        ({"raised_on": "2999-01-01"}, "raised_on", services.RAISED_IN_FUTURE),
        ({"review_interval_months": "30"}, "review_interval_months", INTERVAL_ERROR),
    ],
    ids=[
        "likelihood-7",
        "impact-0",
        "residual-above-inherent",
        "owner-elsewhere",
        "future",
        "interval-30",
    ],
)
def test_bad_risks_are_refused_with_the_error_by_the_field(
    cast, manager_client, overrides, field, message
):
    if "owner_person" in overrides:
        overrides = {"owner_person": PersonFactory().pk}
    response = manager_client.post(reverse("risks:create"), _create_form(cast, **overrides))
    assert response.status_code == 400
    page = _page(response)
    assert "There is a problem" in page
    assert message in page
    assert f'href="#id_{field}"' in page
    assert not Risk.objects.exists()
    assert not RiskReview.objects.exists()


def test_the_detail_page_shows_the_trend_its_table_actions_and_history(cast, manager_client):
    risk = services.risk_create(
        **{
            **_service_details(cast),
            "raised_on": TODAY - datetime.timedelta(days=30),
        }
    )
    services.risk_review(risk=risk, reviewed_on=TODAY, likelihood=2, impact=3, note="Panel weekly.")
    services.risk_add_action(
        risk=risk,
        title="Adopt one screening tool",
        owner_agency=risk.owner_agency,
        owner_person=risk.owner_person,
        due_on=TODAY + datetime.timedelta(days=30),
    )
    page = _page(manager_client.get(reverse("risks:detail", args=[risk.pk])))
    assert 'role="img"' in page
    assert f'aria-labelledby="risk-{risk.pk}-trend-title risk-{risk.pk}-trend-desc"' in page
    assert "Panel weekly." in page
    assert services.FIRST_REVIEW_NOTE in page
    assert "Adopt one screening tool" in page
    assert reverse("core:history", args=["risks.risk", risk.pk]) in page
    assert reverse("risks:review", args=[risk.pk]) in page


def _service_details(cast) -> dict:
    owner = cast[Role.AGENCY_LEAD].person
    return {
        "title": "Exploitation is spotted late",
        "description": "Children being exploited are not identified early.",
        "cause": "Different screening tools.",
        "consequence": "Harm.",
        "category": "practice",
        "owner_agency": owner.agency,
        "owner_person": owner,
        "inherent_likelihood": 4,
        "inherent_impact": 5,
        "residual_likelihood": 3,
        "residual_impact": 4,
        "controls": "A panel.",
    }


def test_the_owner_records_a_review(cast):
    risk = RiskFactory(owner_person=cast[Role.AGENCY_LEAD].person)
    client = signed_in_client(cast[Role.AGENCY_LEAD])
    response = client.post(
        reverse("risks:review", args=[risk.pk]),
        {
            "reviewed_on": TODAY.isoformat(),
            "likelihood": "2",
            "impact": "4",
            "note": "The panel now meets weekly.",
            "next_review_date": "",
        },
    )
    assert response.status_code == 302
    risk.refresh_from_db()
    assert (risk.residual_likelihood, risk.residual_impact) == (2, 4)
    assert risk.reviews.get().reviewed_by == cast[Role.AGENCY_LEAD]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"likelihood": "7"}, "likelihood", services.score_error("likelihood")),
        (
            {"reviewed_on": (TODAY + datetime.timedelta(days=1)).isoformat()},
            "reviewed_on",
            services.REVIEW_IN_FUTURE,
        ),
        ({"likelihood": "5", "impact": "5"}, "impact", RESIDUAL_ABOVE_INHERENT),
        ({"note": ""}, "note", "Say what has changed since the last review."),
    ],
    ids=["likelihood-7", "future", "above-inherent", "no-note"],
)
def test_a_bad_review_is_refused_with_the_error_by_the_field(
    cast, manager_client, overrides, field, message
):
    risk = RiskFactory(owner_person=cast[Role.AGENCY_LEAD].person)
    before = (risk.residual_likelihood, risk.residual_impact, risk.review_date)
    data = {"reviewed_on": TODAY.isoformat(), "likelihood": "2", "impact": "2", "note": "Better."}
    data.update(overrides)
    response = manager_client.post(reverse("risks:review", args=[risk.pk]), data)
    assert response.status_code == 400
    page = _page(response)
    assert message in page
    assert f'href="#id_{field}"' in page
    risk.refresh_from_db()
    assert (risk.residual_likelihood, risk.residual_impact, risk.review_date) == before
    assert not risk.reviews.exists()


def test_the_manager_changes_a_risk(cast, manager_client):
    risk = RiskFactory(owner_person=cast[Role.AGENCY_LEAD].person)
    url = reverse("risks:edit", args=[risk.pk])
    form = manager_client.get(url)
    assert risk.title in _page(form)
    data = _create_form(cast, title="Exploitation", status="tolerated")
    response = manager_client.post(url, data)
    assert response.status_code == 302
    risk.refresh_from_db()
    assert (risk.title, risk.status) == ("Exploitation", "tolerated")


def test_the_manager_adds_an_action_to_a_risk(cast, manager_client):
    risk = RiskFactory(owner_person=cast[Role.AGENCY_LEAD].person)
    owner = cast[Role.PRACTITIONER].person
    response = manager_client.post(
        reverse("risks:add_action", args=[risk.pk]),
        {
            "title": "Train the front door on exploitation",
            "description": "",
            "owner_agency": owner.agency_id,
            "owner_person": owner.pk,
            "due_on": (TODAY + datetime.timedelta(days=60)).isoformat(),
        },
    )
    assert response.status_code == 302
    assert Action.objects.get().source == risk


# The register: filters, heat map and export.


@pytest.fixture
def register(cast):
    home = cast[Role.AGENCY_LEAD].person
    other = cast.other_agency_lead.person
    return {
        "overdue": RiskFactory(
            owner_person=home,
            title="Missing children not found",
            residual_likelihood=4,
            residual_impact=4,
            review_date=TODAY - datetime.timedelta(days=2),
        ),
        "finance": RiskFactory(
            owner_person=other,
            title="Funding ends",
            category=Risk.Category.FINANCE,
            residual_likelihood=1,
            residual_impact=3,
        ),
        "closed": RiskFactory(owner_person=home, title="Old risk", status=Risk.Status.CLOSED),
    }


def _listed(response) -> set[str]:
    return {risk.reference for risk in response.context["page"].object_list}


def test_the_register_lists_open_and_tolerated_risks_and_flags_overdue_reviews(
    manager_client, register
):
    response = manager_client.get(reverse("risks:list"))
    assert _listed(response) == {register["overdue"].reference, register["finance"].reference}
    assert '<strong class="govuk-tag govuk-tag--red">Review overdue</strong>' in _page(response)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=closed", {"closed"}),
        ("category=finance", {"finance"}),
        ("band=Very+high", {"overdue"}),
        ("review_overdue=on", {"overdue"}),
        ("search=missing", {"overdue"}),
        ("likelihood=1&impact=3", {"finance"}),
    ],
    ids=["status", "category", "band", "overdue", "search", "cell"],
)
def test_the_register_filters(manager_client, register, query, expected):
    response = manager_client.get(reverse("risks:list") + "?" + query)
    assert response.status_code == 200
    assert _listed(response) == {register[name].reference for name in expected}


def test_the_register_filters_by_owning_agency(cast, manager_client, register):
    url = reverse("risks:list") + f"?agency={cast.other_agency.pk}"
    assert _listed(manager_client.get(url)) == {register["finance"].reference}


def test_a_likelihood_of_7_in_the_filters_is_named_and_filters_nothing(manager_client, register):
    response = manager_client.get(reverse("risks:list") + "?likelihood=7")
    assert response.status_code == 400
    page = _page(response)
    assert LIKELIHOOD_FILTER_ERROR in page
    assert 'href="#id_likelihood"' in page


def test_the_heat_map_names_the_band_counts_and_links_each_cell(manager_client, register):
    page = _page(manager_client.get(reverse("risks:list")))
    assert "2 risks by residual likelihood and impact" in page
    assert "?likelihood=4&impact=4" in page
    assert " risk scored likelihood 4, impact 4:" in page
    assert "safeboard-heat-map__cell--red" in page
    assert page.count('scope="row"') == 5


def test_the_heat_map_switches_to_inherent_scores(manager_client, register):
    response = manager_client.get(reverse("risks:list") + "?scores=inherent")
    page = _page(response)
    assert "2 risks by inherent likelihood and impact" in page
    # Both risks are 4 x 5 before controls.
    assert " risks scored likelihood 4, impact 5:" in page
    assert "scores=inherent&likelihood=4&impact=5" in page


def test_an_agency_lead_sees_only_their_agencys_risks(cast, register):
    client = signed_in_client(cast[Role.AGENCY_LEAD])
    response = client.get(reverse("risks:list") + f"?agency={cast.other_agency.pk}")
    assert _listed(response) == {register["overdue"].reference}
    assert "agency" not in response.context["filter_form"].fields
    assert response.context["heat_map"].total == 1


def test_an_agency_lead_cannot_open_another_agencys_risk(cast, register):
    client = signed_in_client(cast[Role.AGENCY_LEAD])
    url = reverse("risks:detail", args=[register["finance"].pk])
    assert client.get(url).status_code == 403


def _csv_rows(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_register_exports_the_filtered_risks_as_csv(manager_client, register, priority):
    register["overdue"].priorities.add(priority)
    response = manager_client.get(reverse("risks:export") + "?review_overdue=on&format=csv")
    assert response["Content-Disposition"] == 'attachment; filename="risk-register.csv"'
    rows = _csv_rows(response)
    assert [row["Reference"] for row in rows] == [register["overdue"].reference]
    row = rows[0]
    assert (row["Residual score"], row["Residual band"], row["Review overdue"]) == (
        "16",
        "Very high",
        "Yes",
    )
    assert row["Priorities"] == str(priority)


def test_the_register_exports_as_excel(manager_client, register):
    response = manager_client.get(reverse("risks:export") + "?format=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Reference", "Title", "Category", "Status")
    assert {row[0] for row in rows[1:]} == {
        register["overdue"].reference,
        register["finance"].reference,
    }


def test_an_agency_leads_export_holds_only_their_agencys_risks(cast, register):
    client = signed_in_client(cast[Role.AGENCY_LEAD])
    response = client.get(reverse("risks:export") + "?status=any")
    assert {row["Reference"] for row in _csv_rows(response)} == {
        register["overdue"].reference,
        register["closed"].reference,
    }


def test_an_export_with_bad_filters_shows_the_errors_instead(manager_client, register):
    response = manager_client.get(reverse("risks:export") + "?impact=9&format=csv")
    assert response.status_code == 400
    assert IMPACT_FILTER_ERROR in _page(response)


def test_changing_a_risk_keeps_a_priority_that_is_no_longer_active(cast, manager_client, priority):
    risk = RiskFactory(owner_person=cast[Role.AGENCY_LEAD].person)
    risk.priorities.add(priority)
    priority.status = priority.Status.ACHIEVED
    priority.save()
    url = reverse("risks:edit", args=[risk.pk])
    assert str(priority) in _page(manager_client.get(url))
    data = _create_form(cast, status="open", priorities=[priority.pk])
    assert manager_client.post(url, data).status_code == 302
    assert list(risk.priorities.all()) == [priority]


def test_a_practitioner_who_owns_a_risk_sees_and_reviews_it_but_not_the_register(cast):
    risk = RiskFactory(owner_person=cast[Role.PRACTITIONER].person)
    client = signed_in_client(cast[Role.PRACTITIONER])
    page = _page(client.get(reverse("risks:detail", args=[risk.pk])))
    assert reverse("risks:review", args=[risk.pk]) in page
    assert f'href="{reverse("risks:list")}"' not in page
    assert client.get(reverse("risks:review", args=[risk.pk])).status_code == 200
    assert client.get(reverse("risks:list")).status_code == 403


def test_the_history_of_a_risk_opens_from_its_page(cast, manager_client):
    risk = RiskFactory(owner_person=cast[Role.AGENCY_LEAD].person)
    response = manager_client.get(reverse("core:history", args=["risks.risk", risk.pk]))
    assert response.status_code == 200
    other = signed_in_client(cast.other_agency_lead)
    assert other.get(reverse("core:history", args=["risks.risk", risk.pk])).status_code == 403
