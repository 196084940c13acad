"""Line charts drawn on the server as SVG: no JavaScript, readable by a screen reader.

The chart is one image (role="img") named by its <title> and described by its <desc>; the
page always puts a table of the same figures beside it, so nothing is only in the picture.
Nothing here knows about risks: any dated series can be drawn, with shaded zones behind it.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.dateformat import format as format_date
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

TEXT_COLOUR = "#0b0c0c"  # GOV.UK black: 4.5:1 or more on every zone colour used here
LINE_COLOUR = "#1d70b8"  # GOV.UK blue: 3:1 or more against white, as graphics need
GRID_COLOUR = "#b1b4b6"
FONT = 'font-family="GDS Transport, arial, sans-serif"'
MIN_LABEL_GAP = 104  # px between date labels, so that they never overlap
VALUE_LABEL_GAP = 24  # px between the values written above the points


@dataclass(frozen=True)
class Point:
    when: datetime.date
    value: float


@dataclass(frozen=True)
class Zone:
    """A shaded horizontal band behind the line, such as a risk band."""

    lowest: float
    highest: float
    fill: str
    label: str
    label_colour: str = TEXT_COLOUR


@dataclass(frozen=True)
class Frame:
    width: int = 640
    height: int = 320
    left: int = 56
    right: int = 96
    top: int = 16
    bottom: int = 56

    @property
    def plot_width(self) -> int:
        return self.width - self.left - self.right

    @property
    def plot_height(self) -> int:
        return self.height - self.top - self.bottom


def _number(value: float) -> str:
    return f"{round(value, 1):g}"


@dataclass(frozen=True)
class Scale:
    """Every chart's axis: values from `low` to `high` drawn from pixel `start` to `end`.

    A vertical axis runs from its bottom (`start`) up to its top, since SVG's y grows
    downwards (`Scale.upwards`). A scale of one value (low == high) puts it midway. With
    `clamp`, a value beyond the scale is drawn at its end."""

    low: float
    high: float
    start: float
    end: float
    clamp: bool = False

    @classmethod
    def upwards(cls, low: float, high: float, *, top: float, height: float) -> Scale:
        return cls(low, high, top + height, top)

    def __call__(self, value: float) -> float:
        if self.high == self.low:
            return (self.start + self.end) / 2
        if self.clamp:
            value = min(max(value, self.low), self.high)
        return self.start + (value - self.low) / (self.high - self.low) * (self.end - self.start)


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round-numbered ticks covering low to high: steps of 1, 2 or 5 times a power of ten."""
    if high <= low:
        high = low + 1
    raw_step = (high - low) / count
    power = 10 ** math.floor(math.log10(raw_step))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw_step)
    ticks = [math.floor(low / step) * step]
    while ticks[-1] < high:
        ticks.append(ticks[-1] + step)
    return [round(tick, 10) for tick in ticks]


class _Scale:
    """A dated series' axes: days across, values up."""

    def __init__(self, frame: Frame, points: Sequence[Point], y_min: float, y_max: float):
        self.first = points[0].when
        days = (points[-1].when - self.first).days
        self.days = Scale(0, days, frame.left, frame.left + frame.plot_width)
        self.values = Scale.upwards(y_min, y_max, top=frame.top, height=frame.plot_height)
        self.y_min, self.y_max = y_min, y_max

    def x(self, when: datetime.date) -> float:
        return self.days((when - self.first).days)

    def y(self, value: float) -> float:
        return self.values(value)


def label_positions(xs: Sequence[float], *, gap: float = MIN_LABEL_GAP) -> list[int]:
    """Which of the points (by x, in order) get a label without two labels overlapping:
    the first, the last (it matters most) and as many between as fit."""
    if not xs:
        return []
    last = len(xs) - 1
    chosen = [0]
    for index in range(1, last + 1):
        if xs[index] - xs[chosen[-1]] >= gap:
            chosen.append(index)
    if chosen[-1] != last and len(chosen) > 1:
        # The last point is further right than the label it replaces, so still clear of the one before.
        chosen[-1] = last
    return chosen


def line_chart(
    *,
    points: Sequence[Point],
    title: str,
    description: str,
    chart_id: str,
    y_max: float,
    y_min: float = 0,
    y_ticks: Sequence[float] = (),
    y_label: str = "",
    zones: Sequence[Zone] = (),
    frame: Frame | None = None,
    date_format: str = "j M Y",
) -> SafeString:
    """An SVG line chart of dated values, oldest on the left. `points` must not be empty."""
    if not points:
        raise ValueError("A line chart needs at least one point.")
    if y_max <= y_min:
        raise ValueError("y_max must be above y_min.")
    frame = frame or Frame()
    points = sorted(points, key=lambda point: point.when)
    scale = _Scale(frame, points, y_min, y_max)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {frame.width} {frame.height}" '
        f'role="img" aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        f'class="safeboard-chart" {FONT} font-size="16">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        f'<desc id="{escape(chart_id)}-desc">{escape(description)}</desc>',
        *_zones(frame, scale, zones),
        *_y_axis(frame, scale, y_ticks, y_label),
        *_x_axis(frame, scale, points, date_format),
        *_line(scale, points),
        "</svg>",
    ]
    # Every piece of text above went through escape(); the rest is numbers we wrote.
    return mark_safe("".join(parts))  # noqa: S308


def _zones(frame: Frame, scale: _Scale, zones: Sequence[Zone]) -> list[str]:
    parts = []
    for zone in zones:
        top, bottom = (
            scale.y(min(zone.highest, scale.y_max)),
            scale.y(max(zone.lowest, scale.y_min)),
        )
        parts.append(
            f'<rect class="safeboard-chart__zone" x="{frame.left}" y="{top:.1f}" '
            f'width="{frame.plot_width}" height="{bottom - top:.1f}" fill="{escape(zone.fill)}"/>'
        )
        parts.append(
            f'<text x="{frame.left + frame.plot_width + 8}" y="{(top + bottom) / 2 + 5:.1f}" '
            f'fill="{escape(zone.label_colour)}">{escape(zone.label)}</text>'
        )
    return parts


def _y_axis(frame: Frame, scale: _Scale, ticks: Sequence[float], label: str) -> list[str]:
    parts = []
    for tick in ticks:
        y = scale.y(tick)
        parts.append(
            f'<line x1="{frame.left}" y1="{y:.1f}" x2="{frame.left + frame.plot_width}" '
            f'y2="{y:.1f}" stroke="{GRID_COLOUR}" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{frame.left - 8}" y="{y + 5:.1f}" text-anchor="end" '
            f'fill="{TEXT_COLOUR}">{_number(tick)}</text>'
        )
    if label:
        middle = frame.top + frame.plot_height / 2
        parts.append(
            f'<text x="16" y="{middle:.1f}" text-anchor="middle" fill="{TEXT_COLOUR}" '
            f'transform="rotate(-90 16 {middle:.1f})">{escape(label)}</text>'
        )
    return parts


def _x_axis(frame: Frame, scale: _Scale, points: Sequence[Point], date_format: str) -> list[str]:
    base = frame.top + frame.plot_height
    parts = [
        f'<line x1="{frame.left}" y1="{base}" x2="{frame.left + frame.plot_width}" y2="{base}" '
        f'stroke="{TEXT_COLOUR}" stroke-width="1"/>'
    ]
    xs = [scale.x(point.when) for point in points]
    for index in label_positions(xs):
        parts.append(
            f'<text class="safeboard-chart__date" x="{xs[index]:.1f}" y="{base + 24}" '
            f'text-anchor="middle" fill="{TEXT_COLOUR}">'
            f"{escape(format_date(points[index].when, date_format))}</text>"
        )
    return parts


def _line(scale: _Scale, points: Sequence[Point]) -> list[str]:
    coordinates = [(scale.x(point.when), scale.y(point.value)) for point in points]
    parts = []
    if len(coordinates) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coordinates)
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="{LINE_COLOUR}" stroke-width="3"/>'
        )
    for x, y in coordinates:
        parts.append(
            f'<circle class="safeboard-chart__point" cx="{x:.1f}" cy="{y:.1f}" r="5" '
            f'fill="{LINE_COLOUR}" stroke="#ffffff" stroke-width="2"/>'
        )
    for index in label_positions([x for x, _ in coordinates], gap=VALUE_LABEL_GAP):
        x, y = coordinates[index]
        parts.append(
            f'<text class="safeboard-chart__value" x="{x:.1f}" y="{y - 10:.1f}" '
            f'text-anchor="middle" font-weight="bold" fill="{TEXT_COLOUR}">'
            f"{_number(points[index].value)}</text>"
        )
    return parts
