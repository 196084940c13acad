"""The charts of a round report, each drawn from the same figures as the table beside it."""

from __future__ import annotations

from django.utils.safestring import SafeString

from .bar_chart import SECOND_COLOUR, Series, bar_chart
from .results import Comparison, RoundResults, Tally


def _percent_words(tally: Tally) -> str:
    if tally.percent is None:
        return "no answers yet"
    return f"{tally.rounded}% ({tally.met} of {tally.counted})"


def by_question_chart(results: RoundResults) -> SafeString | None:
    measured = results.measured
    if not measured:
        return None
    best = max(measured, key=lambda r: r.overall.percent or -1)
    worst = min(measured, key=lambda r: r.overall.percent if r.overall.percent is not None else 101)
    return bar_chart(
        labels=[f"Question {result.question.number}" for result in measured],
        series=[Series("All agencies", [result.overall.percent for result in measured])],
        title=f"Answers meeting the standard, by question: {results.audit_round.reference}",
        description=(
            f"Across all agencies, {_percent_words(results.overall)} of answers met the standard. "
            f"Highest: question {best.question.number}, {_percent_words(best.overall)}. "
            f"Lowest: question {worst.question.number}, {_percent_words(worst.overall)}. "
            "The table that follows gives every question by agency."
        ),
        chart_id=f"round-{results.audit_round.pk}-questions",
    )


def by_agency_chart(results: RoundResults) -> SafeString | None:
    if not results.by_agency:
        return None
    return bar_chart(
        labels=[row.agency.short_name or row.agency.name for row in results.by_agency],
        series=[Series("All questions", [row.tally.percent for row in results.by_agency])],
        title=f"Answers meeting the standard, by agency: {results.audit_round.reference}",
        description="; ".join(
            f"{row.agency.name}: {_percent_words(row.tally)}" for row in results.by_agency
        )
        + ".",
        chart_id=f"round-{results.audit_round.pk}-agencies",
    )


def grades_chart(results: RoundResults) -> SafeString | None:
    if not results.moderated:
        return None
    most = max(row.agreed for row in results.grades)
    top = max(most, 1)
    step = max(1, -(-top // 4))
    return bar_chart(
        labels=[row.label for row in results.grades],
        series=[Series("Cases", [row.agreed for row in results.grades])],
        title=f"Moderated grades of the cases: {results.audit_round.reference}",
        description="; ".join(f"{row.label}: {row.agreed}" for row in results.grades)
        + f" (of {results.moderated} cases moderated).",
        chart_id=f"round-{results.audit_round.pk}-grades",
        maximum=step * 4,
        ticks=[step * n for n in range(5)],
        unit="",
    )


def comparison_chart(comparison: Comparison) -> SafeString | None:
    rows = [
        (row.number, row.earlier, row.later)
        for row in comparison.rows
        if row.earlier is not None and row.later is not None
    ]
    if not rows:
        return None
    overall = comparison.overall
    assert overall.earlier is not None and overall.later is not None, "both rounds have answers"
    earlier, later = comparison.earlier.audit_round, comparison.later.audit_round
    return bar_chart(
        labels=[f"Question {number}" for number, _, _ in rows],
        series=[
            Series(earlier.reference, [before.percent for _, before, _ in rows], SECOND_COLOUR),
            Series(later.reference, [after.percent for _, _, after in rows]),
        ],
        title=f"Answers meeting the standard: {earlier.reference} and {later.reference}",
        description=(
            f"All questions: {_percent_words(overall.earlier)} in {earlier.reference}, "
            f"{_percent_words(overall.later)} in {later.reference}. "
            "The table that follows gives each question and the change."
        ),
        chart_id=f"round-{later.pk}-comparison",
    )
