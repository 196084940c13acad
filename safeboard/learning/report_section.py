"""The yearly report's section on training: its reach in the period (sessions held, places
attended, people trained by agency) and what the learners said at the three-month follow-up.

Reach is counted by the reach page's own rule and selector (reach/rule.py, reach/selectors.py)
for a lesson that every course teaches, from no date: all the partnership's training. The
follow-up is `follow_up_summary` of the sessions held in the period, as far as answered.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q

from safeboard.core.extension_points import ReportSection

from .evaluation.follow_up import follow_up_summary
from .reach.rule import Lesson
from .reach.selectors import Period, Subject, reach

ALL_TRAINING = Lesson(linked=Q(), linked_text="any of the partnership's courses")


@dataclass(frozen=True)
class _AllTraining(Subject):
    """Reach's subject for the whole of the partnership's training, not one lesson's."""

    def lesson(self) -> Lesson:
        return ALL_TRAINING


def _percent(share: float | None) -> float | None:
    return None if share is None else round(100 * share, 1)


def _mean(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def training_figures(*, start: datetime.date, end: datetime.date) -> dict:
    # No one record is the subject: the lesson above says what is counted.
    everything = _AllTraining("all", None)  # type: ignore[arg-type]
    counted = reach(subject=everything, period=Period(start, end))
    follow_up = follow_up_summary(sessions=counted.counted_sessions())
    by_agency = [
        {"agency": line.name, "people": line.people, "places": line.places}
        for line in counted.by_agency
    ]
    return {
        "sessions": counted.sessions,
        "places": counted.places,
        "people": counted.people,
        "by_agency": by_agency,
        "chart": [[row["agency"], row["people"]] for row in by_agency],
        "follow_up": {
            "sent": follow_up.sent,
            "responses": follow_up.responses,
            "response_rate": _percent(follow_up.response_rate),
            "changed": follow_up.changed,
            "partly": follow_up.partly,
            "not_changed": follow_up.not_changed,
            "changed_share": _percent(follow_up.changed_share),
            "confidence_before": _mean(follow_up.mean_confidence_before),
            "confidence_after": _mean(follow_up.mean_confidence_after),
            "confidence_follow_up": _mean(follow_up.mean_confidence_follow_up),
        },
        "follow_up_chart": [
            ["Practice changed", follow_up.changed],
            ["Partly changed", follow_up.partly],
            ["Not changed", follow_up.not_changed],
        ],
    }


def training_summary(figures: dict) -> str:
    if not figures["sessions"]:
        return "No multi-agency training session was held in the period."
    sentences = [
        f"{figures['people']} people from {len(figures['by_agency'])} agencies attended "
        f"{figures['sessions']} training sessions."
    ]
    follow_up = figures["follow_up"]
    if follow_up["responses"]:
        sentences.append(
            f"Three months later, {follow_up['changed']} of the {follow_up['responses']} who "
            "answered said the training had changed how they work."
        )
    return " ".join(sentences)


TRAINING = ReportSection(
    key="training",
    heading="Training: reach and follow-up",
    template_name="learning/report/training.html",
    figures=training_figures,
    plain_summary=training_summary,
    order=500,
)
