"""Queries to an indicator's owning agency (why did this figure move?): opened by the scorecard
itself (triggers) or by hand, answered by the agency and judged by the board."""
