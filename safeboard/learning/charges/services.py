"""What a learner's attendance costs their agency: the course's fee per place for someone who
attended, its no-show charge for someone who did not (either only when above £0).

Charges are raised as attendance is marked (attendance/services.py); a charge keeps the
amount it was raised at, whatever the course's fees later become.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from ..models import Booking, Charge, Course


def charge_for(course: Course, attendance: str) -> tuple[str, Decimal] | None:
    """The kind and amount an agency owes for a learner so marked, or None for nothing."""
    if attendance == Booking.Attendance.ATTENDED and course.fee_per_place > 0:
        return Charge.Kind.PLACE, course.fee_per_place
    if attendance == Booking.Attendance.NO_SHOW and course.no_show_charge > 0:
        return Charge.Kind.NO_SHOW, course.no_show_charge
    return None


def charge_for_attendance(*, booking: Booking, course: Course, day: datetime.date) -> None:
    """Raise what the booking's attendance mark owes, replacing a charge of another kind;
    a learner marked the same way again keeps their one charge. Call it inside the
    transaction that marks attendance."""
    owed = charge_for(course, booking.attendance)
    kind = owed[0] if owed else None
    booking.charges.exclude(kind=kind).delete()
    if owed and not booking.charges.filter(kind=kind).exists():
        Charge.objects.create(
            booking=booking,
            agency_id=booking.learner.agency_id,
            kind=owed[0],
            amount=owed[1],
            raised_on=day,
        )
