"""Chasing non-returns: who gets what on which day, recorded, and never twice."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail

from safeboard.accounts.roles import Role
from safeboard.reminders.models import ReminderItem, ReminderKind
from safeboard.reminders.services import send_daily_reminders
from safeboard.section11 import chase_services, return_services, services
from safeboard.section11.factories import ChiefOfficerFactory
from safeboard.section11.models import Chase

from .conftest import days, ratings_of

DUE_IN = 30  # the conftest cycle's deadline, in days from today


def on(offset: int) -> datetime.date:
    """A day counted from the cycle's deadline."""
    return days(DUE_IN + offset)


@pytest.fixture
def chief(cast):
    return ChiefOfficerFactory(
        agency=cast.home_agency,
        full_name="Alex Morgan",
        job_title="Chief Constable",
        email="chief@home.example.test",
    )


def _chases(cycle) -> list[tuple[int, str, str]]:
    return [
        ((chase.sent_on - on(0)).days, chase.agency_return.agency.name, chase.kind)
        for chase in Chase.objects.filter(agency_return__cycle=cycle)
        .select_related("agency_return__agency")
        .order_by("sent_on", "agency_return__agency__name", "kind")
    ]


def _submit(agency_return):
    for rating in ratings_of(agency_return):
        return_services.rating_save(rating=rating, self_score=3)
    return_services.return_submit(agency_return=agency_return)


@pytest.mark.django_db
def test_who_gets_what_on_which_day(cycle, cast, chief):
    home, other = cast.home_agency.name, cast.other_agency.name
    _submit(cycle.returns.get(agency=cast.other_agency))  # the other agency returns on time

    for offset in range(-DUE_IN, 29):
        chase_services.chase_non_returns(today=on(offset))

    assert other not in {agency for _, agency, _ in _chases(cycle)}
    assert _chases(cycle) == [
        (-14, home, Chase.Kind.REMINDER),
        (-3, home, Chase.Kind.REMINDER),
        (7, home, Chase.Kind.OVERDUE_REMINDER),
        (14, home, Chase.Kind.ESCALATION_LETTER),
        (14, home, Chase.Kind.OVERDUE_REMINDER),
        (21, home, Chase.Kind.OVERDUE_REMINDER),
        (28, home, Chase.Kind.ESCALATION_LETTER),
        (28, home, Chase.Kind.OVERDUE_REMINDER),
    ]


def test_a_second_run_on_the_same_day_sends_nothing(cycle, chief):
    assert chase_services.chase_non_returns(today=on(14)) == 2  # a letter to each agency
    sent, recorded = len(mail.outbox), Chase.objects.count()
    assert chase_services.chase_non_returns(today=on(14)) == 0
    assert (len(mail.outbox), Chase.objects.count()) == (sent, recorded)


def test_the_escalation_letter_goes_to_the_chief_officer_with_a_pdf_kept_on_record(
    cycle, cast, chief
):
    chase_services.chase_non_returns(today=on(-14))
    chase_services.chase_non_returns(today=on(14))

    letter = Chase.objects.get(
        agency_return__agency=cast.home_agency, kind=Chase.Kind.ESCALATION_LETTER
    )
    assert letter.method == Chase.Method.LETTER
    assert letter.recipients.startswith("Alex Morgan, Chief Constable <chief@home.example.test>")
    assert letter.letter.read().startswith(b"%PDF")
    email = next(m for m in mail.outbox if m.to == ["chief@home.example.test"])
    assert cast[Role.AGENCY_LEAD].email in email.cc
    assert "14 days overdue" in email.body
    assert email.attachments[0][2] == "application/pdf"


def test_without_a_chief_officer_the_letter_is_kept_to_print_and_post(cycle, cast):
    chase_services.chase_non_returns(today=on(14))
    letter = Chase.objects.get(
        agency_return__agency=cast.other_agency, kind=Chase.Kind.ESCALATION_LETTER
    )
    assert letter.method == Chase.Method.LETTER_TO_POST
    assert letter.letter.name.endswith(".pdf")


def test_reminders_reach_the_agency_leads_in_their_daily_email(cycle, cast):
    lead = cast[Role.AGENCY_LEAD]
    send_daily_reminders(today=on(-14))
    item = ReminderItem.objects.get(recipient=lead, kind=ReminderKind.S11_RETURN_DUE)
    assert "due on" in item.text and cast.home_agency.name in item.text
    assert ReminderItem.objects.filter(
        recipient=cast.other_agency_lead, kind=ReminderKind.S11_RETURN_DUE
    ).exists()
    assert not ReminderItem.objects.filter(recipient=cast[Role.BOARD_MEMBER]).exists()

    sent = len(mail.outbox)
    send_daily_reminders(today=on(-14))
    assert len(mail.outbox) == sent

    send_daily_reminders(today=on(7))
    overdue = ReminderItem.objects.get(recipient=lead, kind=ReminderKind.S11_RETURN_OVERDUE)
    assert "overdue by 7 days" in overdue.text


def test_a_return_submitted_is_chased_no_more(cycle, cast):
    chase_services.chase_non_returns(today=on(-14))
    _submit(cycle.returns.get(agency=cast.home_agency))
    chase_services.chase_non_returns(today=on(-3))
    assert [kind for _, agency, kind in _chases(cycle) if agency == cast.home_agency.name] == [
        Chase.Kind.REMINDER
    ]


def test_an_extension_moves_the_schedule_to_the_new_deadline(cycle, cast):
    home = cycle.returns.get(agency=cast.home_agency)
    services.return_extend_deadline(agency_return=home, extended_to=on(21), reason="New lead")
    for offset in range(0, 36):
        chase_services.chase_non_returns(today=on(offset))
    kinds = [
        (offset - 21, kind)
        for offset, agency, kind in _chases(cycle)
        if agency == cast.home_agency.name
    ]
    assert kinds == [
        (-14, Chase.Kind.REMINDER),
        (-3, Chase.Kind.REMINDER),
        (7, Chase.Kind.OVERDUE_REMINDER),
        (14, Chase.Kind.ESCALATION_LETTER),
        (14, Chase.Kind.OVERDUE_REMINDER),
    ]


def test_a_closed_cycle_is_not_chased(cycle):
    services.cycle_close(cycle=cycle)
    assert chase_services.chase_non_returns(today=on(14)) == 0
    assert not Chase.objects.exists()


def test_the_business_manager_records_a_call(cycle, cast):
    home = cycle.returns.get(agency=cast.home_agency)
    manager = cast[Role.BUSINESS_MANAGER]
    chase = chase_services.chase_by_hand(
        agency_return=home,
        how=chase_services.HOW_PHONE,
        with_whom="The deputy chief constable",
        note="Promised the return by Friday.",
        recorded_by=manager,
    )
    assert (chase.method, chase.recipients, chase.recorded_by) == (
        Chase.Method.PHONE,
        "The deputy chief constable",
        manager,
    )


def test_a_call_without_who_or_what_is_refused(cycle, cast):
    home = cycle.returns.get(agency=cast.home_agency)
    with pytest.raises(Exception) as error:
        chase_services.chase_by_hand(agency_return=home, how=chase_services.HOW_MEETING)
    assert set(error.value.message_dict) == {"with_whom", "note"}
    assert not Chase.objects.exists()


def test_a_reminder_by_hand_is_emailed_to_the_leads_now(cycle, cast):
    home = cycle.returns.get(agency=cast.home_agency)
    chase = chase_services.chase_by_hand(
        agency_return=home, how=chase_services.HOW_REMINDER_EMAIL, note="Any questions, call me."
    )
    assert mail.outbox[-1].to == [cast[Role.AGENCY_LEAD].email]
    assert "Any questions, call me." in mail.outbox[-1].body
    assert chase.method == Chase.Method.EMAIL
