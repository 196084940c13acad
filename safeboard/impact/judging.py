"""How a claim of impact is judged against SafeBoard's own data (../shared/DATA.md,
"Evidence of impact: how a claim is judged"). Verdicts are computed each time, never stored."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Standing(enum.StrEnum):
    """Where a claim stands once judged; the chain and the scrutiny list group by it."""

    SUPPORTED = "supported"
    NOT_SUPPORTED = "not_supported"
    NOT_ENOUGH_DATA = "not_enough_data"
    SIGNIFICANT_CHANGE = "significant_change"  # an indicator with no preferred direction
    SELF_REPORTED = "self_reported"  # training follow-up: reported, not measured
    STORY = "story"


@dataclass(frozen=True)
class Verdict:
    standing: Standing
    label: str  # e.g. "supported: special-cause improvement", "not supported: moved the wrong way"
    # The figures behind the verdict, as lines a reader can check ("Before: 6 periods, mean 4.8%").
    details: tuple[str, ...] = field(default_factory=tuple)
