"""The demo's case audits: five tools, an audit and its re-audit showing improvement, and an
audit under way with answers waiting for auditor@ and lead@."""

from __future__ import annotations

import random

import pytest
from django.db import transaction
from django.utils import timezone

from safeboard.actions.models import Action
from safeboard.audits.models import AuditRound, AuditTool, Finding, SampleCase
from safeboard.audits.results import compare_rounds, round_results
from safeboard.audits.selectors import assignments_waiting_for
from safeboard.demo import audit_texts
from safeboard.demo.audits import build_audits
from safeboard.demo.people import build_people
from safeboard.demo.timeline import Clock


@pytest.fixture(scope="module")
def demo_audits(django_db_setup, django_db_blocker):
    """The demo's people and its audits, built once for the module and rolled back after."""
    with django_db_blocker.unblock(), transaction.atomic():
        clock = Clock(timezone.localdate())
        directory = build_people(rng=random.Random(2019), clock=clock, password="demo")
        rounds = build_audits(rng=random.Random("2019-audits"), clock=clock, directory=directory)
        yield directory, rounds
        transaction.set_rollback(True)


@pytest.fixture
def built(demo_audits, db):
    return demo_audits


def test_the_demo_has_the_five_tools(built):
    assert set(AuditTool.objects.values_list("name", flat=True)) == {
        "Section 47 decision-making",
        "Strategy meetings",
        "Initial child protection conferences",
        "Quality of the child protection plan",
        "The child's voice",
    }


def test_the_plan_tool_asks_what_each_agency_must_do(built):
    assert any(
        question.text == "Is it clear what each agency must do to make the child safe?"
        for section in audit_texts.PLANS.sections
        for question in section.questions
    )


def test_the_re_audit_uses_the_tools_second_version_and_shows_improvement(built):
    _, (earlier, later, _) = built
    assert (earlier.status, later.status) == (AuditRound.Status.CLOSED, AuditRound.Status.CLOSED)
    assert (earlier.tool_version.number, later.tool_version.number) == (1, 2)
    comparison = compare_rounds(
        earlier=round_results(audit_round=earlier), later=round_results(audit_round=later)
    )
    assert comparison.overall.change > 0
    assert any(row.earlier is None for row in comparison.rows)  # the question version 2 added


def test_every_case_of_a_closed_round_is_moderated_and_answered_by_every_agency(built):
    _, (earlier, later, _) = built
    for audit_round in (earlier, later):
        results = round_results(audit_round=audit_round)
        assert results.moderated == len(results.cases)
        assert results.submitted == results.assigned


def test_the_round_under_way_waits_for_auditor_and_lead(built):
    directory, (_, _, under_way) = built
    assert under_way.status == AuditRound.Status.OPEN
    results = round_results(audit_round=under_way)
    assert 0 < results.submitted < results.assigned
    for key in ("auditor", "police.lead"):
        waiting = assignments_waiting_for(person_id=directory.people[key].pk)
        assert waiting.filter(case__round=under_way).exists()


def test_findings_carry_themes_and_their_actions_are_on_the_action_plan(built):
    findings = Finding.objects.prefetch_related("themes")
    assert findings.count() == 5
    assert all(finding.themes.exists() for finding in findings)
    actions = Action.objects.filter(source_type__model="finding", source_type__app_label="audits")
    assert actions.count() == 3
    assert {action.source.round.status for action in actions} == {AuditRound.Status.CLOSED}


def test_case_references_are_pseudonyms_made_from_the_round(built):
    for case in SampleCase.objects.select_related("round"):
        assert case.reference == f"{case.round.reference}-C{case.number}"
