"""An indicator's XmR chart and its sparkline, drawn on the server as SVG.

The chart follows the shared line chart (safeboard/core/charts.py): one image (role="img")
named by its <title> and described by its <desc>, no JavaScript, and a table of the same
figures beside it on the page. Each point is coloured *and* shaped by what it shows
(common cause, improvement, concern, or special cause with no better way), and a legend
names the shapes, so colour is never the only signal. When the limits were recalculated
after a step change, each phase has its own centre line and limits.

The sparkline is decoration beside figures written out in words: it is hidden from
assistive technology.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from safeboard.core.charts import (
    FONT,
    GRID_COLOUR,
    TEXT_COLOUR,
    Frame,
    Scale,
    label_positions,
    nice_ticks,
)

from ..periods import Frequency, PeriodKey
from ..selectors import SeriesPoint
from .selectors import IndicatorSpc, SpcPhase, SpcState

# Colours from the GOV.UK palette, each 3:1 or more against white as graphics need.
VALUE_LINE_COLOUR = "#505a5f"
CENTRE_COLOUR = "#0b0c0c"
LIMIT_COLOUR = "#505a5f"
TARGET_COLOUR = "#d4351c"
BASELINE_FILL = "#f3f2f1"
POINT_STYLES = {
    # state: (colour, shape, legend)
    SpcState.COMMON_CAUSE: ("#505a5f", "circle", "Common cause"),
    SpcState.IMPROVEMENT: ("#1d70b8", "diamond", "Improvement"),
    SpcState.CONCERN: ("#b35900", "triangle", "Concern"),
    SpcState.NEITHER: ("#4c2c92", "square", "Special cause, neither better nor worse"),
}
SPC_FRAME = Frame(width=720, height=380, left=64, right=112, top=28, bottom=96)
X_LABEL_GAP = 96  # px between period labels
LINE_LABEL_GAP = 16  # px between the names of the lines at the right
POINT_SIZE = 5


def period_short_label(period: PeriodKey) -> str:
    if period.frequency == Frequency.MONTHLY:
        return period.starts_on.strftime("%b %Y")
    return period.label


@dataclass(frozen=True)
class _Scale:
    frame: Frame
    count: int
    y_min: float
    y_max: float

    def x(self, position: float) -> float:
        frame = self.frame
        return Scale(0, max(self.count - 1, 0), frame.left, frame.left + frame.plot_width)(position)

    @property
    def step(self) -> float:
        return self.frame.plot_width / max(self.count - 1, 1)

    def y(self, value: float) -> float:
        frame = self.frame
        return Scale.upwards(self.y_min, self.y_max, top=frame.top, height=frame.plot_height)(value)


def _tick_label(value: float) -> str:
    return f"{value:,.10g}"


def marker(shape: str, x: float, y: float, colour: str, css_class: str) -> str:
    """A point's marker: circle, diamond, triangle or square, about the same size."""
    size = POINT_SIZE
    common = f'class="{css_class}" fill="{colour}" stroke="#ffffff" stroke-width="1.5"'
    if shape == "circle":
        return f'<circle {common} data-shape="circle" cx="{x:.1f}" cy="{y:.1f}" r="{size}"/>'
    if shape == "diamond":
        d = size * 1.4
        points = f"{x:.1f},{y - d:.1f} {x + d:.1f},{y:.1f} {x:.1f},{y + d:.1f} {x - d:.1f},{y:.1f}"
    elif shape == "triangle":
        d = size * 1.4
        points = f"{x:.1f},{y - d:.1f} {x + d:.1f},{y + d * 0.8:.1f} {x - d:.1f},{y + d * 0.8:.1f}"
    else:  # square
        d = size
        points = (
            f"{x - d:.1f},{y - d:.1f} {x + d:.1f},{y - d:.1f} "
            f"{x + d:.1f},{y + d:.1f} {x - d:.1f},{y + d:.1f}"
        )
    return f'<polygon {common} data-shape="{shape}" points="{points}"/>'


def xmr_chart_svg(
    *, chart: IndicatorSpc, chart_id: str, show_two_thirds_lines: bool = False
) -> SafeString | None:
    """The XmR chart of an indicator, or None when it has too few figures for one."""
    if not chart.has_chart:
        return None
    frame = SPC_FRAME
    values = [float(point.value) for point in chart.points]
    levels = [*values]
    for phase in chart.phases:
        levels += [phase.limits.lower_limit, phase.limits.upper_limit]
    if chart.target is not None:
        levels.append(chart.target)
    low, high = min(levels), max(levels)
    ticks = nice_ticks(low, high)
    scale = _Scale(frame, len(values), min(ticks[0], low), max(ticks[-1], high))
    indicator = chart.indicator
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {frame.width} {frame.height}" '
        f'role="img" aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        f'class="safeboard-chart safeboard-spc-chart" {FONT} font-size="14">',
        f'<title id="{escape(chart_id)}-title">'
        f"{escape(f'XmR chart of {indicator.code} {indicator.name}')}</title>",
        f'<desc id="{escape(chart_id)}-desc">{escape(chart_description(chart))}</desc>',
        *_baselines(scale, chart),
        *_y_axis(scale, ticks),
        *_x_axis(scale, chart),
        *_phase_lines(scale, chart, show_two_thirds_lines),
        *_target_line(scale, chart),
        *_values(scale, chart),
        *_line_names(scale, chart),
        *_legend(frame, chart),
        "</svg>",
    ]
    # Every piece of text above went through escape(); the rest is numbers we wrote.
    return mark_safe("".join(parts))  # noqa: S308


def chart_description(chart: IndicatorSpc) -> str:
    """The chart in words: what it covers, its limits, and what the latest figure shows."""
    indicator = chart.indicator
    points = chart.points
    first, last = points[0], points[-1]
    sentences = [
        f"{len(points)} {indicator.get_frequency_display().lower()} figures from "
        f"{first.period.label} to {last.period.label}."
    ]
    for number, phase in enumerate(chart.phases, start=1):
        sentences.append(_phase_sentence(chart, phase, number))
    if chart.target is not None:
        sentences.append(f"The target is {indicator.display_target}.")
    state = last.state
    if state is not None:
        said = f"The latest figure, {indicator.display(last.value)} for {last.period.label}, "
        said += f"shows {state.label.lower()}"
        if last.signals:
            said += f" ({last.signal_words})"
        sentences.append(said + ".")
    counts = {
        state: sum(1 for point in points if point.state == state)
        for state in (SpcState.IMPROVEMENT, SpcState.CONCERN, SpcState.NEITHER)
    }
    flagged = [f"{count} {state.label.lower()}" for state, count in counts.items() if count]
    if flagged:
        sentences.append("Points with special cause variation: " + ", ".join(flagged) + ".")
    sentences.append("The table after the chart lists every figure with its signals.")
    return " ".join(sentences)


def _phase_sentence(chart: IndicatorSpc, phase: SpcPhase, number: int) -> str:
    limits = phase.limits
    lead = (
        f"Phase {number}, {phase.first.label} to {phase.last.label}: " if chart.recalculated else ""
    )
    text = (
        f"{lead}mean {chart.level(limits.mean)}, process limits "
        f"{chart.level(limits.lower_limit)} to {chart.level(limits.upper_limit)}"
    )
    if not phase.baseline_is_whole_phase:
        text += f", from the baseline {phase.baseline_first.label} to {phase.baseline_last.label}"
    if phase.target_assessment is not None:
        text += f"; {phase.assessment_words.lower()}"
    text += "."
    return text[0].upper() + text[1:]


def _baselines(scale: _Scale, chart: IndicatorSpc) -> list[str]:
    frame = scale.frame
    parts = []
    for phase in chart.phases:
        if phase.baseline_is_whole_phase:
            continue
        left = scale.x(phase.baseline.start) - scale.step / 2
        right = scale.x(phase.baseline.stop - 1) + scale.step / 2
        left, right = max(left, frame.left), min(right, frame.left + frame.plot_width)
        parts.append(
            f'<rect class="safeboard-spc-chart__baseline" x="{left:.1f}" y="{frame.top}" '
            f'width="{right - left:.1f}" height="{frame.plot_height}" fill="{BASELINE_FILL}"/>'
        )
        parts.append(
            f'<text x="{(left + right) / 2:.1f}" y="{frame.top - 8}" text-anchor="middle" '
            f'fill="{TEXT_COLOUR}">Baseline</text>'
        )
    return parts


def _y_axis(scale: _Scale, ticks: Sequence[float]) -> list[str]:
    frame = scale.frame
    parts = []
    for tick in ticks:
        y = scale.y(tick)
        parts.append(
            f'<line x1="{frame.left}" y1="{y:.1f}" x2="{frame.left + frame.plot_width}" '
            f'y2="{y:.1f}" stroke="{GRID_COLOUR}" stroke-width="0.5"/>'
        )
        parts.append(
            f'<text x="{frame.left - 8}" y="{y + 5:.1f}" text-anchor="end" '
            f'fill="{TEXT_COLOUR}">{_tick_label(tick)}</text>'
        )
    return parts


def _x_axis(scale: _Scale, chart: IndicatorSpc) -> list[str]:
    frame = scale.frame
    base = frame.top + frame.plot_height
    parts = [
        f'<line x1="{frame.left}" y1="{base}" x2="{frame.left + frame.plot_width}" y2="{base}" '
        f'stroke="{TEXT_COLOUR}" stroke-width="1"/>'
    ]
    xs = [scale.x(position) for position in range(len(chart.points))]
    for index in label_positions(xs, gap=X_LABEL_GAP):
        parts.append(
            f'<text class="safeboard-chart__date" x="{xs[index]:.1f}" y="{base + 22}" '
            f'text-anchor="middle" fill="{TEXT_COLOUR}">'
            f"{escape(period_short_label(chart.points[index].period))}</text>"
        )
    return parts


def _horizontal(scale: _Scale, start: float, stop: float, value: float, style: str) -> str:
    y = scale.y(value)
    return (
        f'<line x1="{scale.x(start):.1f}" y1="{y:.1f}" x2="{scale.x(stop):.1f}" y2="{y:.1f}" '
        f"{style}/>"
    )


def _phase_lines(scale: _Scale, chart: IndicatorSpc, two_thirds: bool) -> list[str]:
    frame = scale.frame
    parts = []
    for number, phase in enumerate(chart.phases):
        start, stop = phase.start, phase.stop - 1
        limits = phase.limits
        parts.append(
            _horizontal(
                scale,
                start,
                stop,
                limits.mean,
                f'class="safeboard-spc-chart__mean" stroke="{CENTRE_COLOUR}" stroke-width="1.5"',
            )
        )
        for value in (limits.lower_limit, limits.upper_limit):
            parts.append(
                _horizontal(
                    scale,
                    start,
                    stop,
                    value,
                    f'class="safeboard-spc-chart__limit" stroke="{LIMIT_COLOUR}" '
                    'stroke-width="1.5" stroke-dasharray="6 4"',
                )
            )
        if two_thirds:
            for value in (limits.lower_two_thirds_line, limits.upper_two_thirds_line):
                parts.append(
                    _horizontal(
                        scale,
                        start,
                        stop,
                        value,
                        f'class="safeboard-spc-chart__two-thirds" stroke="{GRID_COLOUR}" '
                        'stroke-width="1" stroke-dasharray="2 3"',
                    )
                )
        if number:
            x = scale.x(phase.start) - scale.step / 2
            parts.append(
                f'<line class="safeboard-spc-chart__recalculation" x1="{x:.1f}" '
                f'y1="{frame.top}" x2="{x:.1f}" y2="{frame.top + frame.plot_height}" '
                f'stroke="{TEXT_COLOUR}" stroke-width="1" stroke-dasharray="2 2"/>'
            )
            parts.append(
                f'<text x="{x + 4:.1f}" y="{frame.top + 14}" fill="{TEXT_COLOUR}">'
                "Limits recalculated</text>"
            )
    return parts


def _target_line(scale: _Scale, chart: IndicatorSpc) -> list[str]:
    if chart.target is None:
        return []
    return [
        _horizontal(
            scale,
            0,
            len(chart.points) - 1,
            chart.target,
            f'class="safeboard-spc-chart__target" stroke="{TARGET_COLOUR}" stroke-width="2" '
            'stroke-dasharray="10 4 2 4"',
        )
    ]


def _values(scale: _Scale, chart: IndicatorSpc) -> list[str]:
    coordinates = [
        (scale.x(position), scale.y(float(point.value)))
        for position, point in enumerate(chart.points)
    ]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coordinates)
    parts = [
        f'<polyline points="{path}" fill="none" stroke="{VALUE_LINE_COLOUR}" stroke-width="1.5"/>'
    ]
    for (x, y), point in zip(coordinates, chart.points, strict=True):
        state = point.state or SpcState.COMMON_CAUSE
        colour, shape, _ = POINT_STYLES[state]
        parts.append(marker(shape, x, y, colour, f"safeboard-spc-chart__point--{state.value}"))
    return parts


def _line_names(scale: _Scale, chart: IndicatorSpc) -> list[str]:
    """Name the last phase's lines (and the target) at the right, never overlapping."""
    limits = chart.phases[-1].limits
    names = [
        (scale.y(limits.upper_limit), "Upper limit"),
        (scale.y(limits.mean), "Mean"),
        (scale.y(limits.lower_limit), "Lower limit"),
    ]
    if chart.target is not None:
        names.append((scale.y(chart.target), "Target"))
    names.sort()
    placed: list[float] = []
    for y, _ in names:
        placed.append(max(y, placed[-1] + LINE_LABEL_GAP) if placed else y)
    frame = scale.frame
    x = frame.left + frame.plot_width + 8
    return [
        f'<text x="{x}" y="{y + 5:.1f}" fill="{TEXT_COLOUR}">{escape(name)}</text>'
        for y, (_, name) in zip(placed, names, strict=True)
    ]


def _legend(frame: Frame, chart: IndicatorSpc) -> list[str]:
    states = [SpcState.COMMON_CAUSE]
    if chart.indicator.polarity != "none":
        states += [SpcState.IMPROVEMENT, SpcState.CONCERN]
    if chart.indicator.polarity == "none" or any(
        point.state == SpcState.NEITHER for point in chart.points
    ):
        states.append(SpcState.NEITHER)
    y = frame.height - 24
    parts = []
    x = float(frame.left)
    for state in states:
        colour, shape, label = POINT_STYLES[state]
        parts.append(marker(shape, x + 6, y - 5, colour, "safeboard-spc-chart__legend"))
        parts.append(f'<text x="{x + 18:.1f}" y="{y:.1f}" fill="{TEXT_COLOUR}">{label}</text>')
        x += 30 + len(label) * 7.5
    return parts


# The sparkline.

SPARKLINE_POINTS = 36
SPARKLINE_WIDTH = 120
SPARKLINE_HEIGHT = 32


def sparkline_svg(series: Sequence[SeriesPoint], *, points: int = SPARKLINE_POINTS) -> SafeString:
    """A tiny line of the last `points` figures, hidden from assistive technology."""
    recent = [float(point.value) for point in series[-points:]]
    width, height, pad = SPARKLINE_WIDTH, SPARKLINE_HEIGHT, 3
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="safeboard-sparkline" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        'aria-hidden="true" focusable="false">'
    ]
    if recent:
        across = Scale(0, len(recent) - 1, pad, width - pad)
        up = Scale.upwards(min(recent), max(recent), top=pad, height=height - 2 * pad)
        coordinates = [(across(position), up(value)) for position, value in enumerate(recent)]
        if len(coordinates) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coordinates)
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{VALUE_LINE_COLOUR}" '
                'stroke-width="1.5"/>'
            )
        x, y = coordinates[-1]
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{TEXT_COLOUR}"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - numbers only
