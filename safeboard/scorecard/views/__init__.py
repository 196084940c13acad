"""The scorecard's pages, by who uses them: the catalogue (business manager and readers)
and submission (agencies' data contacts)."""
