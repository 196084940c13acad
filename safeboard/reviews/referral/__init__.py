"""The referral of a case, and the notification and rapid review that come before the decision."""
