"""Views split by who uses them: reading (board readers and the challenged agency), agency
(the challenged agency's answer) and board (the business manager and the chair)."""
