"""The balanced scorecard page: every indicator's latest figure against its target and its
variation, grouped and filtered."""
