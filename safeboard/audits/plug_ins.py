"""What case audits add to the rest of SafeBoard (see core/extension_points.py)."""

from __future__ import annotations

from safeboard.core import extension_points as points

from .chain import audit_chain_links
from .evidence import FINDING_THEMES, FINDINGS_SECTION
from .exchange import FINDINGS as SHAREABLE_FINDINGS
from .home import waiting_answers_panel
from .reminders import audit_answer_reminders
from .report_section import AUDITS

HISTORY = {
    "audits.audittool": "audits.view_tools",
    "audits.auditround": "audits.view_round",
    "audits.samplecase": "audits.view_case",
    "audits.assignment": "audits.view_assignment",
    "audits.finding": "audits.view_finding",
}


def register() -> None:
    # Findings the business manager may share with other boards (the exchange of learning).
    points.shareable_sources.register(SHAREABLE_FINDINGS)
    points.report_sections.register(AUDITS)
    points.navigation.register(
        points.NavigationItem(
            "audits", "Audits", "audits:round_list", "audits.list_rounds", "/audits/", order=80
        )
    )
    points.reminder_sources.register(points.ReminderSource("audit-answers", audit_answer_reminders))
    points.home_panels.register(
        points.HomePanel(
            "audit-answers", "audits/includes/home_panel.html", waiting_answers_panel, order=220
        )
    )
    points.evidence.register(FINDINGS_SECTION)
    points.themed_sources.register(FINDING_THEMES)
    for model, permission in HISTORY.items():
        points.history_access.register(points.HistoryAccess(model, permission))
    _register_chain()


def _register_chain() -> None:
    points.chain_sources.register(
        points.ChainSource("audit-findings", "Audit findings", audit_chain_links, order=20)
    )
