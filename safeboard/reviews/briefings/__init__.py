"""Briefings for practitioners on the lessons of a review or a theme: writing, sharing, the PDF and
the home panel."""
