"""Section 11 self-assessment."""
