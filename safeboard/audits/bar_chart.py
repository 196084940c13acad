"""The bar charts live in core (core/bar_chart.py), shared with the yearly report."""

from safeboard.core.bar_chart import SECOND_COLOUR, Series, bar_chart

__all__ = ["SECOND_COLOUR", "Series", "bar_chart"]
