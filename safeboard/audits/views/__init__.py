"""Views split by who uses them: tools (the business manager builds them), rounds and cases
(setting up, following and moderating a round), answering (auditors and their agencies),
findings, and the report (everyone who reads a round's results)."""
