"""The business manager's choice of the indicators the public scorecard shows."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from safeboard.accounts.models import User
from safeboard.core.history import history_stamps, save_with_reason

from ..models import Indicator

NOTHING_CHANGED = "The indicator is already {state}: nothing has changed."
REASON_REQUIRED = "Say why the indicator is shown or no longer shown to the public."
RETIRED_NOT_PUBLIC = "A retired indicator cannot be shown on the public scorecard."


@transaction.atomic
def indicator_set_public(
    *, indicator: Indicator, is_public: bool, reason: str, changed_by: User | None = None
) -> Indicator:
    """Show the indicator on the public scorecard, or take it off; kept in its history."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": REASON_REQUIRED})
    locked = Indicator.objects.select_for_update().get(pk=indicator.pk)
    if locked.is_public == is_public:
        state = "on the public scorecard" if is_public else "not on the public scorecard"
        raise ValidationError(NOTHING_CHANGED.format(state=state))
    if is_public and not locked.is_active:
        raise ValidationError({"is_public": RETIRED_NOT_PUBLIC})
    locked.is_public = is_public
    if changed_by is not None:
        history_stamps(locked)._history_user = changed_by
    save_with_reason(locked, reason, fields=["is_public"])
    indicator.is_public = is_public
    return indicator
