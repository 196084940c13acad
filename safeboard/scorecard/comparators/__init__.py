"""Comparators: England's and statistical neighbours' figures for an indicator, entered one at a
time or imported from a file."""
