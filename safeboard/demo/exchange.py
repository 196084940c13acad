"""The demo partnership's exchange of learning with its neighbours: a few findings of closed
audit rounds and published reviews marked shareable (those the anonymity check passes), and
a subscription to a neighbouring board whose learning was imported from a file shipped here
(neighbour_learning.json), with no network."""

from __future__ import annotations

import json
from pathlib import Path

from safeboard.audits.models import AuditRound
from safeboard.audits.models import Finding as AuditFinding
from safeboard.exchange import anonymity, selectors, services
from safeboard.reviews.models import Finding as ReviewFinding
from safeboard.reviews.models import Review

from .people import Directory

NEIGHBOUR_FILE = Path(__file__).with_name("neighbour_learning.json")
NEIGHBOUR = "Northshire Safeguarding Children Partnership"
NEIGHBOUR_FEED = "https://safeboard.northshire.example/exchange/feed/"
SHARED_PER_KIND = 3


def _clean(*texts: str, names) -> bool:
    return not any(anonymity.identifying_text(text, names=names) for text in texts)


def build_exchange(*, directory: Directory) -> dict[str, int]:
    manager = directory.manager
    names = selectors.identifying_names()
    marked = 0
    audit_findings = AuditFinding.objects.filter(round__status=AuditRound.Status.CLOSED).order_by(
        "round__closed_on", "id"
    )
    review_findings = ReviewFinding.objects.filter(review__stage=Review.Stage.PUBLISHED).order_by(
        "review__published_on", "id"
    )
    for key, findings in (("audits.finding", audit_findings), ("reviews.finding", review_findings)):
        chosen = [f for f in findings if _clean(f.title, f.text, names=names)][:SHARED_PER_KIND]
        for finding in chosen:
            services.mark_shareable(source_key=key, record_id=finding.pk, by=manager)
            marked += 1
    subscription = services.subscribe(board_name=NEIGHBOUR, feed_url=NEIGHBOUR_FEED, by=manager)
    pull = services.import_document(
        document=json.loads(NEIGHBOUR_FILE.read_text(encoding="utf-8")),
        source_name=NEIGHBOUR,
        source_link=NEIGHBOUR_FEED,
        subscription=subscription,
    )
    return {"shared": marked, "imported": pull.imported}
