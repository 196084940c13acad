"""Multi-agency case audits."""
