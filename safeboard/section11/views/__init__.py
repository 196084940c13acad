"""Views split by who uses them: cycles (setting up and reading), library (the business
manager's standard sets), returns (the organisation answering), scrutiny (moderation and
peer challenge), chasing (the non-returns) and picture (the compliance heat map)."""
