import datetime

from safeboard.accounts.roles import Role
from tests.access import EVERY_ROLE, AccessCase


def _practitioners_digest(cast):
    from safeboard.reminders.models import ReminderDigest

    digest = ReminderDigest.objects.create(
        recipient=cast[Role.PRACTITIONER],
        day=datetime.date(2026, 11, 23),
        email=cast[Role.PRACTITIONER].email,
        subject="SafeBoard: 1 reminder for Monday 23 November 2026",
        body="An action is due.",
        sent_at=datetime.datetime(2026, 11, 23, 7, tzinfo=datetime.UTC),
    )
    return {"pk": digest.pk}


ACCESS_CASES = [
    AccessCase("reminders:list", EVERY_ROLE),
    # Only the person it was sent to reads a digest: not even the business manager.
    AccessCase("reminders:detail", {Role.PRACTITIONER}, _practitioners_digest, True),
]
