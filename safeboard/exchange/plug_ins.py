"""What the exchange adds to the rest of SafeBoard: other boards' learning on a theme's page
and in the yearly report, the public feed, and the daily pull of subscribed feeds."""

from __future__ import annotations

from safeboard.core import extension_points as points

from . import selectors, services


def register() -> None:
    points.evidence.register(
        points.Evidence(
            subject=points.THEME,
            key="other-boards",
            heading="Learning from other boards",
            template_name="exchange/theme_imported.html",
            records=lambda themes, user: selectors.imported_about(themes),
            view_permission="exchange.view_imported",
            counted_as=("item of another board", "items of other boards"),
            empty_text="No learning from another board is tagged with this theme.",
            order=90,
        )
    )
    points.report_sections.register(
        points.ReportSection(
            key="other-boards",
            heading="Learning from other boards",
            template_name="exchange/report_section.html",
            figures=selectors.other_boards_figures,
            plain_summary=_plain_summary,
            order=900,
        )
    )
    points.public_pages.register(
        points.PublicPage(
            key="learning-feed",
            label="Learning we share with other boards",
            url_name="exchange:feed",
            description=(
                "Findings, recommendations and learning briefings this partnership shares, "
                "anonymised, as data other partnerships' systems read (JSON)."
            ),
            order=900,
        )
    )
    points.daily_steps.register(points.DailyStep("exchange-pull", services.pull_due, order=900))
    points.navigation.register(
        points.NavigationItem(
            "exchange",
            "Exchange",
            "exchange:sharing",
            "exchange.manage_sharing",
            "/exchange/",
            order=950,
        )
    )


def _plain_summary(figures: dict) -> str:
    if not figures["total"]:
        return "No learning from other partnerships was received this year."
    boards = len(figures["boards"])
    return (
        f"The partnership received {figures['total']} pieces of learning from {boards} other "
        f"{'partnership' if boards == 1 else 'partnerships'}."
    )
