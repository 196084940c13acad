"""Everyone reads the reminders sent to them, and nobody else's."""

import rules


@rules.predicate
def is_recipient(user, digest) -> bool:
    return digest is not None and digest.recipient_id == user.pk


rules.add_perm("reminders.list_own_reminders", rules.is_authenticated)
rules.add_perm("reminders.view_digest", rules.is_authenticated & is_recipient)
