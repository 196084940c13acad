"""The demo cites only what it holds: audits named by the risk register, evidence for each standard."""

from __future__ import annotations

import re

from safeboard.audits.models import AuditRound
from safeboard.risks.models import Risk, RiskReview

NAMED_AUDIT = re.compile(r"\bthe ([a-z]+) audit\b")


def test_every_audit_the_risk_register_names_is_one_the_demo_holds(demo_db):
    titles = " ".join(AuditRound.objects.values_list("title", flat=True)).lower()
    texts = [
        text
        for fields in Risk.objects.values_list("description", "cause", "controls")
        for text in fields
    ] + list(RiskReview.objects.values_list("note", flat=True))
    named = {match for text in texts for match in NAMED_AUDIT.findall(text.lower())}
    assert {name for name in named if name not in titles} == set()


def test_each_section_11_evidence_matches_its_standard(demo_db):
    from safeboard.demo.section11 import EVIDENCE_BY_STANDARD
    from safeboard.section11.models import Evidence

    offered = Evidence.objects.values_list("rating__standard__code", "description")
    assert offered.exists()
    mismatched = [
        (code, text)
        for code, text in offered
        if code in EVIDENCE_BY_STANDARD and text not in EVIDENCE_BY_STANDARD[code]
    ]
    assert mismatched == []


def test_challenges_plans_and_decisions_name_only_audits_the_demo_holds(demo_db):
    from safeboard.challenges.models import Challenge
    from safeboard.meetings.models import Decision
    from safeboard.priorities.models import BusinessPlan

    titles = " ".join(AuditRound.objects.values_list("title", flat=True)).lower()
    texts = [
        *Challenge.objects.values_list("evidence", flat=True),
        *Challenge.objects.values_list("issue", flat=True),
        *BusinessPlan.objects.values_list("summary", flat=True),
        *Decision.objects.values_list("text", flat=True),
    ]
    named = {match for text in texts for match in NAMED_AUDIT.findall(text.lower())}
    assert {name for name in named if name not in titles} == set()


def test_each_decision_sits_under_the_agenda_topic_it_was_made_under(demo_db):
    from safeboard.demo.agendas import DECISIONS
    from safeboard.meetings.models import Decision

    topic_of = {
        re.compile(re.escape(spec.text).replace(re.escape("{agency}"), ".+")): spec.topic
        for specs in DECISIONS.values()
        for spec in specs
    }
    checked = 0
    for text, item_title in Decision.objects.values_list("text", "agenda_item__title"):
        topic = next((t for pattern, t in topic_of.items() if pattern.fullmatch(text)), None)
        if topic:
            assert item_title == topic, text
            checked += 1
    assert checked >= 20
