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
