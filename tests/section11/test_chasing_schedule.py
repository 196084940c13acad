"""The chasing schedule as a rule: which step falls on which day, counted from the deadline."""

from __future__ import annotations

import datetime

from safeboard.section11.chasing import (
    ESCALATION_LETTER,
    OVERDUE_REMINDER,
    REMINDER,
    ChaseSchedule,
    steps_to_take,
    steps_until,
)

DUE = datetime.date(2026, 6, 30)
OPENED = datetime.date(2026, 4, 1)
DEFAULT = ChaseSchedule()


def day(offset: int) -> datetime.date:
    return DUE + datetime.timedelta(days=offset)


def _run(schedule: ChaseSchedule, *, first: int, last: int, opened=OPENED) -> dict[int, list[str]]:
    """Run the rule every day, remembering what was taken: {offset: [kinds taken]}."""
    taken: set[str] = set()
    by_day = {}
    for offset in range(first, last + 1):
        steps = steps_to_take(
            schedule, due_on=DUE, opened_on=opened, today=day(offset), taken=taken
        )
        taken |= {step.key for step in steps}
        if steps:
            by_day[offset] = [step.kind for step in steps]
    return by_day


def test_the_default_schedule_day_by_day():
    assert _run(DEFAULT, first=-30, last=36) == {
        -14: [REMINDER],
        -3: [REMINDER],
        7: [OVERDUE_REMINDER],
        14: [OVERDUE_REMINDER, ESCALATION_LETTER],
        21: [OVERDUE_REMINDER],
        28: [OVERDUE_REMINDER, ESCALATION_LETTER],
        35: [OVERDUE_REMINDER],
    }


def test_the_letters_are_first_and_second():
    letters = [
        step
        for step in steps_until(DEFAULT, due_on=DUE, until=day(60))
        if step.kind == ESCALATION_LETTER
    ]
    assert [(step.on, step.letter_number) for step in letters] == [(day(14), 1), (day(28), 2)]


def test_a_step_is_taken_once_however_often_the_job_runs():
    taken = {"before-14:2026-06-30"}
    assert steps_to_take(DEFAULT, due_on=DUE, opened_on=OPENED, today=day(-14), taken=taken) == []


def test_a_missed_day_is_caught_up_once_with_the_latest_step():
    # The job did not run from 20 days before the deadline until 16 days after it.
    by_day = _run(DEFAULT, first=16, last=30)
    assert by_day == {
        16: [OVERDUE_REMINDER, ESCALATION_LETTER],
        21: [OVERDUE_REMINDER],
        28: [OVERDUE_REMINDER, ESCALATION_LETTER],
    }


def test_steps_before_the_cycle_opened_are_never_taken():
    assert _run(DEFAULT, first=-10, last=-1, opened=day(-10)) == {-3: [REMINDER]}


def test_a_custom_schedule():
    schedule = ChaseSchedule(
        reminder_days_before=(7,),
        overdue_reminder_every_days=0,
        first_letter_days_after=10,
        second_letter_days_after=None,
    )
    assert _run(schedule, first=-20, last=60) == {-7: [REMINDER], 10: [ESCALATION_LETTER]}


def test_a_new_deadline_starts_a_fresh_schedule():
    first = {step.key for step in steps_until(DEFAULT, due_on=DUE, until=day(0))}
    later = {step.key for step in steps_until(DEFAULT, due_on=day(21), until=day(21))}
    assert first.isdisjoint(later)
