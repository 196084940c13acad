"""What children's voice adds to the rest of SafeBoard (see core/extension_points.py)."""

from __future__ import annotations

from safeboard.core import extension_points as points

from . import report_section
from .chain import voice_chain_links
from .evidence import PRIORITY_SECTION, THEME_SECTION


def register() -> None:
    points.navigation.register(
        points.NavigationItem(
            "voice", "Voice", "voice:activity_list", "voice.record", "/voice/", order=102
        )
    )
    points.evidence.register(THEME_SECTION)
    points.evidence.register(PRIORITY_SECTION)
    points.chain_sources.register(
        points.ChainSource(
            "voice", "What children and young people said", voice_chain_links, order=40
        )
    )
    points.report_sections.register(report_section.SECTION)
    points.public_pages.register(
        points.PublicPage(
            "you-said-we-did",
            "You said, we did",
            "voice:you_said_we_did",
            "What children and young people told us, and what we did about it.",
            order=30,
        )
    )
    for model in ("voice.activity", "voice.contribution", "voice.response"):
        points.history_access.register(points.HistoryAccess(model, "voice.view"))
