"""A change the round's state does not allow is refused on GET as on POST, alike."""

from __future__ import annotations

import pytest
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.audits import states
from safeboard.audits.factories import AssignmentFactory, AuditRoundFactory, SampleCaseFactory
from tests.conftest import signed_in_client
from tests.refusals import assert_refused_alike

pytestmark = pytest.mark.django_db


def _round(**traits):
    return lambda cast: AuditRoundFactory(**traits)


def _case(**traits):
    return lambda cast: SampleCaseFactory(round=AuditRoundFactory(**traits))


def _assignment(**traits):
    return lambda cast: AssignmentFactory(
        case__round=AuditRoundFactory(**traits),
        agency=cast.home_agency,
        auditor=cast[Role.AUDITOR].person,
    )


MANAGER = Role.BUSINESS_MANAGER
CASES = [
    ("round_edit", MANAGER, _round(closed=True), states.ROUND_CLOSED),
    ("round_open", MANAGER, _round(), states.ROUND_ALREADY_OPEN),
    ("round_open", MANAGER, _round(closed=True), states.ROUND_CLOSED),
    ("round_close", MANAGER, _round(setting_up=True), states.ROUND_NOT_OPEN_TO_CLOSE),
    ("round_close", MANAGER, _round(closed=True), states.ROUND_NOT_OPEN_TO_CLOSE),
    ("case_add", MANAGER, _round(closed=True), states.ROUND_CLOSED),
    ("finding_add", MANAGER, _round(setting_up=True), states.FINDING_BEFORE_OPEN),
    ("case_edit", MANAGER, _case(), states.CASE_CHANGE_ONLY_WHEN_SETTING_UP),
    ("assignment_add", MANAGER, _case(closed=True), states.ROUND_CLOSED),
    ("case_moderate", MANAGER, _case(setting_up=True), states.MODERATION_ROUND_NOT_OPEN),
    ("case_moderate", MANAGER, _case(closed=True), states.MODERATION_ROUND_NOT_OPEN),
    ("assignment_edit", MANAGER, _assignment(closed=True), states.ROUND_CLOSED),
    ("assignment_remove", MANAGER, _assignment(closed=True), states.ROUND_CLOSED),
    ("assignment_reopen", MANAGER, _assignment(closed=True), states.ANSWERS_CLOSED),
    ("assignment_answer", Role.AUDITOR, _assignment(closed=True), states.ANSWERS_CLOSED),
    ("assignment_answer", Role.AUDITOR, _assignment(setting_up=True), states.ANSWERS_NOT_OPEN_YET),
]


@pytest.mark.parametrize(
    ("url_name", "role", "make", "message"),
    CASES,
    ids=[f"{url}-{message[:30]}" for url, _, _, message in CASES],
)
def test_a_change_the_rounds_state_refuses_is_refused_on_get_as_on_post(
    cast, url_name, role, make, message
):
    record = make(cast)
    url = reverse(f"audits:{url_name}", args=[record.pk])
    assert_refused_alike(signed_in_client(cast[role]), url, message)


def test_a_change_the_rounds_state_allows_opens_its_form(cast):
    audit_round = AuditRoundFactory(setting_up=True)
    client = signed_in_client(cast[MANAGER])
    assert client.get(reverse("audits:round_open", args=[audit_round.pk])).status_code == 200
