"""An agency's leads and auditors read the report of a closed round their agency took part in,
and find it in their list of rounds; never the report of another agency's round, nor of a
round still open."""

from __future__ import annotations

import pytest
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.audits import selectors
from safeboard.audits.factories import AssignmentFactory, AuditRoundFactory, FindingFactory
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db

PARTICIPANTS = [Role.AGENCY_LEAD, Role.AUDITOR]


def _round_of(agency, **traits):
    audit_round = AuditRoundFactory(**traits)
    AssignmentFactory(case__round=audit_round, agency=agency)
    return audit_round


@pytest.mark.parametrize("role", PARTICIPANTS)
def test_a_participant_reads_the_report_of_a_closed_round_their_agency_answered(cast, role):
    ours = _round_of(cast.home_agency, closed=True, title="Strategy meetings")
    client = signed_in_client(cast[role])
    assert client.get(reverse("audits:round_report", args=[ours.pk])).status_code == 200
    assert client.get(reverse("audits:round_report_pdf", args=[ours.pk])).status_code == 200
    listed = client.get(reverse("audits:round_list")).text
    assert "Strategy meetings" in listed
    assert reverse("audits:round_report", args=[ours.pk]) in listed


@pytest.mark.parametrize("role", PARTICIPANTS)
def test_a_participant_is_refused_the_report_of_a_round_still_open(cast, role):
    still_open = _round_of(cast.home_agency, title="Under way")
    client = signed_in_client(cast[role])
    assert client.get(reverse("audits:round_report", args=[still_open.pk])).status_code == 403
    assert client.get(reverse("audits:round_report_pdf", args=[still_open.pk])).status_code == 403
    listed = client.get(reverse("audits:round_list")).text
    assert reverse("audits:round_report", args=[still_open.pk]) not in listed


@pytest.mark.parametrize("role", PARTICIPANTS)
def test_a_participant_is_refused_the_report_of_another_agencys_round(cast, role):
    theirs = _round_of(cast.other_agency, closed=True, title="Their audit")
    client = signed_in_client(cast[role])
    assert client.get(reverse("audits:round_report", args=[theirs.pk])).status_code == 403
    assert "Their audit" not in client.get(reverse("audits:round_list")).text


def test_another_agencys_lead_is_refused_though_the_round_is_closed(cast):
    ours = _round_of(cast.home_agency, closed=True)
    client = signed_in_client(cast.other_agency_lead)
    assert client.get(reverse("audits:round_report", args=[ours.pk])).status_code == 403
    assert not selectors.visible_rounds(user=cast.other_agency_lead).exists()


def test_the_comparison_offers_only_rounds_the_reader_may_read(cast):
    earlier_ours = _round_of(cast.home_agency, closed=True, title="First audit")
    earlier_theirs = AuditRoundFactory(
        closed=True, tool_version=earlier_ours.tool_version, title="Somebody else's audit"
    )
    later = _round_of(cast.home_agency, closed=True, tool_version=earlier_ours.tool_version)
    AuditRoundFactory._meta.model.objects.filter(pk=earlier_theirs.pk).update(
        created_at=earlier_ours.created_at
    )
    AuditRoundFactory._meta.model.objects.filter(pk=later.pk).update(
        created_at=earlier_ours.created_at.replace(year=earlier_ours.created_at.year + 1)
    )
    page = signed_in_client(cast[Role.AGENCY_LEAD]).get(
        reverse("audits:round_report", args=[later.pk])
    )
    assert "First audit" in page.text and "Somebody else's audit" not in page.text


def test_a_participant_may_read_the_findings_of_the_round(cast):
    ours = _round_of(cast.home_agency, closed=True)
    finding = FindingFactory(round=ours)
    other = FindingFactory(round=AuditRoundFactory(closed=True))
    lead = cast[Role.AGENCY_LEAD]
    assert lead.has_perm("audits.view_finding", finding)
    assert not lead.has_perm("audits.view_finding", other)
    assert not cast.other_agency_lead.has_perm("audits.view_finding", finding)
