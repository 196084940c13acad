"""Views split by who uses them: reading (members and readers), running (the business
manager) and reports (the business manager and chair)."""
