"""Chasing returns that have not come in: reminders, then escalation letters, all recorded.

The daily job (registered from apps.py) calls chase_non_returns(): it takes the steps of
each open cycle's chasing schedule (chasing.py) for every return not yet submitted.
Reminders are recorded here and reach the organisation's leads in their daily reminder
email (reminders.py); escalation letters go at once to the chief officer, by email with a
printable PDF kept on record. The business manager can also chase by hand, at any time:
"we can keep writing to them and asking them to comply".

Each chase is written in its own transaction, and a schedule step is unique per return:
a second run on the same day (or two workers at once) sends nothing more, and a letter
whose email fails is rolled back and tried again by the next run.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.mail.backends.base import BaseEmailBackend
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.core.dates import long_date
from safeboard.core.notify import Attachment, send_email
from safeboard.core.pdf import pdf_bytes

from .chasing import ESCALATION_LETTER, OVERDUE_REMINDER, ChaseSchedule, Step, steps_to_take
from .models import Chase, Cycle, Return
from .selectors import agency_contacts, signatory

logger = logging.getLogger(__name__)

NOTHING_TO_CHASE = "This return has been submitted: there is nothing to chase."
CYCLE_NOT_OPEN = "Returns are chased only while the cycle is open."
HOW_REQUIRED = "Choose how you chased the organisation."
WITH_WHOM_REQUIRED = "Say who you spoke to."
NOTE_REQUIRED = "Say what was said or agreed."
NO_ONE_TO_EMAIL = (
    "The organisation has no agency lead or board member with an account: record a call or "
    "meeting, or send an escalation letter."
)

HOW_REMINDER_EMAIL = "reminder_email"
HOW_ESCALATION_LETTER = "escalation_letter"
HOW_PHONE = "phone"
HOW_MEETING = "meeting"
HOW_CHOICES = [
    (HOW_REMINDER_EMAIL, "Email a reminder to the organisation's leads now"),
    (HOW_ESCALATION_LETTER, "Send an escalation letter to the chief officer now"),
    (HOW_PHONE, "Record a telephone call"),
    (HOW_MEETING, "Record a meeting"),
]


def _site_url(path: str) -> str:
    return settings.SAFEBOARD_SITE_URL.rstrip("/") + path


def _named(users: list[User]) -> str:
    return "; ".join(f"{user} <{user.email}>" for user in users)


def reminder_text(agency_return: Return, *, today: datetime.date) -> str:
    """The line a lead reads in their reminder email."""
    due_on = agency_return.due_on
    if due_on < today:
        days = (today - due_on).days
        return (
            f"{agency_return.cycle}: {agency_return.agency}'s return is overdue by {days} "
            f"day{'s' if days != 1 else ''} (it was due on {long_date(due_on)})."
        )
    return f"{agency_return.cycle}: {agency_return.agency}'s return is due on {long_date(due_on)}."


def chase_non_returns(*, today: datetime.date, connection: BaseEmailBackend | None = None) -> int:
    """Take today's chasing steps for every return not yet in; returns the letters sent."""
    returns = list(
        Return.objects.filter(cycle__status=Cycle.Status.OPEN)
        .exclude(status=Return.Status.SUBMITTED)
        .select_related("cycle", "agency", "agency__section11_chief_officer")
        .order_by("cycle_id", "agency__name")
    )
    taken: dict[int, set[str]] = {}
    for return_id, step_key in Chase.objects.filter(
        agency_return__in=returns, step__gt=""
    ).values_list("agency_return_id", "step"):
        taken.setdefault(return_id, set()).add(step_key)
    contacts = agency_contacts({agency_return.agency_id for agency_return in returns})
    letters = 0
    for agency_return in returns:
        cycle = agency_return.cycle
        assert cycle.opened_on is not None, "an open cycle has its opening day"
        steps = steps_to_take(
            ChaseSchedule.of(cycle),
            due_on=agency_return.due_on,
            opened_on=cycle.opened_on,
            today=today,
            taken=taken.get(agency_return.pk, set()),
        )
        leads = contacts.get(agency_return.agency_id, [])
        for step in steps:
            try:
                if step.kind == ESCALATION_LETTER:
                    sent = _send_letter(
                        agency_return,
                        today=today,
                        number=step.letter_number,
                        step=step,
                        copied_to=leads,
                        connection=connection,
                    )
                    letters += sent is not None
                else:
                    _record_reminder(agency_return, step, today=today, leads=leads)
            except Exception:  # one organisation's failure must not stop the others' chasing
                logger.exception("Chasing %s failed at step %s", agency_return, step.key)
    return letters


def _record_reminder(
    agency_return: Return, step: Step, *, today: datetime.date, leads: list[User]
) -> bool:
    kind = Chase.Kind.OVERDUE_REMINDER if step.kind == OVERDUE_REMINDER else Chase.Kind.REMINDER
    try:
        with transaction.atomic():
            Chase.objects.create(
                agency_return=agency_return,
                kind=kind,
                method=Chase.Method.REMINDER_EMAIL,
                step=step.key,
                sent_on=today,
                recipients=_named(leads) or "No one: the organisation has no lead with an account",
                body=reminder_text(agency_return, today=today),
            )
    except IntegrityError:
        return False
    return True


def _letter_context(agency_return: Return, *, today: datetime.date, number: int) -> dict:
    officer = getattr(agency_return.agency, "section11_chief_officer", None)
    due_on = agency_return.due_on
    earlier = list(agency_return.chases.filter(sent_on__lte=today).order_by("sent_on", "id"))
    return {
        "agency_return": agency_return,
        "cycle": agency_return.cycle,
        "agency": agency_return.agency,
        "officer": officer,
        "today": today,
        "due_on": due_on,
        "days_overdue": (today - due_on).days,
        "number": number,
        "earlier": earlier,
        "signatory": signatory(),
        "return_url": _site_url(agency_return.get_absolute_url()),
    }


def _send_letter(
    agency_return: Return,
    *,
    today: datetime.date,
    number: int,
    step: Step | None = None,
    copied_to: list[User],
    connection: BaseEmailBackend | None = None,
    recorded_by: User | None = None,
) -> Chase | None:
    """Write, keep and send one escalation letter; None when this step was already taken."""
    context = _letter_context(agency_return, today=today, number=number)
    officer = context["officer"]
    subject = (
        f"{'Second escalation' if number > 1 else 'Escalation'}: {agency_return.agency}'s "
        f"{agency_return.cycle} return is overdue"
    )
    body = render_to_string("section11/letters/escalation_email.txt", context)
    pdf = pdf_bytes("section11/letters/escalation_pdf.html", context)
    filename = f"escalation-{agency_return.agency_id}-{today.isoformat()}-{number}.pdf"
    to = [officer.email] if officer else []
    recipients = (
        f"{officer.full_name}, {officer.job_title} <{officer.email}>"
        if officer
        else ("No chief officer recorded: print the letter and post it")
    )
    if copied_to:
        recipients += f"; copied to {_named(copied_to)}"
    try:
        with transaction.atomic():
            chase = Chase(
                agency_return=agency_return,
                kind=Chase.Kind.ESCALATION_LETTER,
                method=Chase.Method.LETTER if officer else Chase.Method.LETTER_TO_POST,
                step=step.key if step else "",
                sent_on=today,
                recipients=recipients,
                subject=subject,
                body=body,
                recorded_by=recorded_by,
            )
            chase.save()
            chase.letter.save(filename, ContentFile(pdf), save=True)
            if to or copied_to:
                send_email(
                    to=to or [user.email for user in copied_to],
                    cc=[user.email for user in copied_to] if to else [],
                    subject=subject,
                    body=body,
                    attachments=[Attachment(filename, pdf, "application/pdf")],
                    reference=filename.removesuffix(".pdf"),
                    connection=connection,
                )
    except IntegrityError:
        return None
    return chase


@transaction.atomic
def chase_by_hand(
    *,
    agency_return: Return,
    how: str,
    note: str = "",
    with_whom: str = "",
    recorded_by: User | None = None,
    today: datetime.date | None = None,
    connection: BaseEmailBackend | None = None,
) -> Chase:
    """The business manager chases an organisation now, or records a call or meeting."""
    today = today or timezone.localdate()
    if not agency_return.cycle.is_open:
        raise ValidationError(CYCLE_NOT_OPEN)
    if agency_return.is_submitted:
        raise ValidationError(NOTHING_TO_CHASE)
    note, with_whom = note.strip(), with_whom.strip()
    leads = agency_contacts({agency_return.agency_id}).get(agency_return.agency_id, [])
    if how == HOW_ESCALATION_LETTER:
        number = agency_return.chases.filter(kind=Chase.Kind.ESCALATION_LETTER).count() + 1
        letter = _send_letter(
            agency_return,
            today=today,
            number=number,
            copied_to=leads,
            connection=connection,
            recorded_by=recorded_by,
        )
        assert letter is not None, "only a scheduled step can have been taken already"
        return letter
    if how == HOW_REMINDER_EMAIL:
        return _email_reminder(
            agency_return,
            note=note,
            leads=leads,
            today=today,
            recorded_by=recorded_by,
            connection=connection,
        )
    if how not in (HOW_PHONE, HOW_MEETING):
        raise ValidationError({"how": HOW_REQUIRED})
    errors = {}
    if not with_whom:
        errors["with_whom"] = WITH_WHOM_REQUIRED
    if not note:
        errors["note"] = NOTE_REQUIRED
    if errors:
        raise ValidationError(errors)
    return Chase.objects.create(
        agency_return=agency_return,
        kind=Chase.Kind.OTHER_CONTACT,
        method=Chase.Method.PHONE if how == HOW_PHONE else Chase.Method.MEETING,
        sent_on=today,
        recipients=with_whom,
        body=note,
        recorded_by=recorded_by,
    )


def _email_reminder(
    agency_return: Return,
    *,
    note: str,
    leads: list[User],
    today: datetime.date,
    recorded_by: User | None,
    connection: BaseEmailBackend | None,
) -> Chase:
    if not leads:
        raise ValidationError({"how": NO_ONE_TO_EMAIL})
    overdue = agency_return.due_on < today
    subject = f"{'Overdue' if overdue else 'Reminder'}: {agency_return.agency}'s {agency_return.cycle} return"
    body = render_to_string(
        "section11/email/reminder.txt",
        {
            "agency_return": agency_return,
            "line": reminder_text(agency_return, today=today),
            "note": note,
            "return_url": _site_url(reverse("section11:return_detail", args=[agency_return.pk])),
            "signatory": signatory(),
        },
    )
    chase = Chase.objects.create(
        agency_return=agency_return,
        kind=Chase.Kind.OVERDUE_REMINDER if overdue else Chase.Kind.REMINDER,
        method=Chase.Method.EMAIL,
        sent_on=today,
        recipients=_named(leads),
        subject=subject,
        body=body,
        recorded_by=recorded_by,
    )
    send_email(to=[user.email for user in leads], subject=subject, body=body, connection=connection)
    return chase
