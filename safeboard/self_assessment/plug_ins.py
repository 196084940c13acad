"""What the self-assessment adds to the rest of SafeBoard (see core/extension_points.py)."""

from __future__ import annotations

from safeboard.core import extension_points as points

from .report_section import SELF_ASSESSMENT_SECTION


def register() -> None:
    points.navigation.register(
        points.NavigationItem(
            "self-assessment",
            "Self-assessment",
            "self_assessment:list",
            "self_assessment.list_assessments",
            "/self-assessment/",
            order=95,
        )
    )
    points.report_sections.register(SELF_ASSESSMENT_SECTION)
    points.history_access.register(
        points.HistoryAccess("self_assessment.selfassessment", "self_assessment.view_assessment")
    )
    points.history_access.register(
        points.HistoryAccess("self_assessment.question", "self_assessment.manage_questions")
    )
