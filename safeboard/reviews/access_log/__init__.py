"""The access log: every look at a restricted review, for the business manager."""
