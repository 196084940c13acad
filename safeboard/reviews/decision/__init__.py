"""The decision against the criteria of the edition, and the chair's sign-off."""
