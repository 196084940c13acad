"""The chasing schedule: who is chased, with what, on which day.

Each cycle holds its schedule (defaults: reminders 14 and 3 days before the deadline, then a
reminder every 7 days once the return is overdue; an escalation letter to the chief officer
14 days after the deadline and a second 28 days after). The deadline is the return's own:
the cycle's, or the extension the business manager granted.

Steps are counted from the deadline, so each has a stable key ("before-14", "after-21",
"letter-1", with the deadline they count from), and the database holds one chase per return
and key. The daily job takes, for
each kind of chase, the latest step that has fallen due: a day the job did not run is caught
up once, not many times over, and a step that fell before the cycle opened is never taken.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

REMINDER = "reminder"
OVERDUE_REMINDER = "overdue_reminder"
ESCALATION_LETTER = "escalation_letter"


@dataclass(frozen=True)
class ChaseSchedule:
    reminder_days_before: tuple[int, ...] = (14, 3)
    overdue_reminder_every_days: int = 7
    first_letter_days_after: int = 14
    second_letter_days_after: int | None = 28

    @classmethod
    def of(cls, cycle) -> ChaseSchedule:
        return cls(
            reminder_days_before=tuple(cycle.reminder_days_before or ()),
            overdue_reminder_every_days=cycle.overdue_reminder_every_days,
            first_letter_days_after=cycle.first_letter_days_after,
            second_letter_days_after=cycle.second_letter_days_after,
        )


@dataclass(frozen=True)
class Step:
    key: str
    kind: str  # REMINDER, OVERDUE_REMINDER or ESCALATION_LETTER
    on: datetime.date
    letter_number: int = 0

    @property
    def channel(self) -> str:
        """Reminders (before and after the deadline) and letters are caught up separately."""
        return "letter" if self.kind == ESCALATION_LETTER else "reminder"


def _days(count: int) -> datetime.timedelta:
    return datetime.timedelta(days=count)


def _key(step: str, due_on: datetime.date) -> str:
    """A step's key names the deadline too: an extended deadline starts a fresh schedule."""
    return f"{step}:{due_on.isoformat()}"


def steps_until(
    schedule: ChaseSchedule, *, due_on: datetime.date, until: datetime.date
) -> list[Step]:
    """Every step of the schedule that falls on or before `until`, in date order."""
    steps = [
        Step(_key(f"before-{days}", due_on), REMINDER, due_on - _days(days))
        for days in sorted(set(schedule.reminder_days_before), reverse=True)
        if days > 0
    ]
    every = schedule.overdue_reminder_every_days
    if every > 0:
        after = every
        while due_on + _days(after) <= until:
            steps.append(
                Step(_key(f"after-{after}", due_on), OVERDUE_REMINDER, due_on + _days(after))
            )
            after += every
    letters = [schedule.first_letter_days_after, schedule.second_letter_days_after]
    for number, days in enumerate(letters, start=1):
        if days is not None:
            steps.append(
                Step(
                    _key(f"letter-{number}", due_on),
                    ESCALATION_LETTER,
                    due_on + _days(days),
                    number,
                )
            )
    return sorted(
        (step for step in steps if step.on <= until), key=lambda step: (step.on, step.key)
    )


def steps_to_take(
    schedule: ChaseSchedule,
    *,
    due_on: datetime.date,
    opened_on: datetime.date,
    today: datetime.date,
    taken: set[str],
) -> list[Step]:
    """The steps to take today for a return not yet submitted, given the keys already taken.

    At most one reminder and one letter: the latest of each kind that has fallen due since
    the cycle opened, unless it was already taken. An earlier step left untaken (the job did
    not run that day) is passed over: the latest says all it would have said.
    """
    due = [
        step for step in steps_until(schedule, due_on=due_on, until=today) if step.on >= opened_on
    ]
    chosen = []
    for channel in ("reminder", "letter"):
        of_channel = [step for step in due if step.channel == channel]
        if of_channel and of_channel[-1].key not in taken:
            chosen.append(of_channel[-1])
    return chosen
