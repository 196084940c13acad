"""What the daily reminder email tells organisations about their Section 11 returns.

The chasing step (chase_services.chase_non_returns, run first each day) records the
reminders the schedule calls for; this source turns today's into lines of the leads'
daily email, each chase a record of its own so that every step of the schedule is sent.
Requests for evidence are reminded weekly while the board waits for the answer.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from safeboard.core.dates import long_date
from safeboard.reminders.models import ReminderKind
from safeboard.reminders.sources import Due

from .models import Chase, EvidenceRequest, Return
from .selectors import agency_contacts

_KINDS: dict[str, ReminderKind] = {
    Chase.Kind.REMINDER: ReminderKind.S11_RETURN_DUE,
    Chase.Kind.OVERDUE_REMINDER: ReminderKind.S11_RETURN_OVERDUE,
}


def section11_reminders(today: datetime.date) -> Iterator[Due]:
    chases = list(
        Chase.objects.filter(
            sent_on=today, kind__in=list(_KINDS), method=Chase.Method.REMINDER_EMAIL
        )
        .exclude(step="")
        .exclude(agency_return__status=Return.Status.SUBMITTED)
        .select_related("agency_return__cycle", "agency_return__agency")
    )
    requests = list(
        EvidenceRequest.objects.filter(status=EvidenceRequest.Status.OPEN).select_related(
            "rating__standard", "rating__agency_return__cycle", "rating__agency_return__agency"
        )
    )
    contacts = agency_contacts(
        {chase.agency_return.agency_id for chase in chases}
        | {request.rating.agency_return.agency_id for request in requests}
    )
    for chase in chases:
        agency_return = chase.agency_return
        for user in contacts.get(agency_return.agency_id, []):
            yield Due(
                _KINDS[chase.kind],
                user,
                chase,
                agency_return.due_on,
                chase.body,
                link=agency_return.get_absolute_url(),
            )
    for request in requests:
        agency_return = request.rating.agency_return
        when = "was due" if request.response_due_on < today else "is due"
        text = (
            f"{agency_return.cycle}: the board asks {agency_return.agency} for the evidence "
            f"behind its score for standard {request.rating.standard.code}; the answer {when} "
            f"on {long_date(request.response_due_on)}."
        )
        for user in contacts.get(agency_return.agency_id, []):
            yield Due(
                ReminderKind.S11_EVIDENCE_REQUESTED, user, request, request.response_due_on, text
            )
