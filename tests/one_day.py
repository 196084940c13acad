"""Every test run happens on one calendar day.

Tests compare what the application computes from "today" with dates they worked out
themselves, often when their module was imported. A run that starts late in the evening and
crosses midnight would see two different todays: a date "in the future" at import is today
by the time the form checks it. So a run that starts within `MARGIN` of midnight has its
clock moved back by `MARGIN`; the clock still ticks, and a run of any sensible length ends
on the day it began. At any other hour the clock is left alone.

Production tests watch a gunicorn server in another process on the real clock, and sign in
with codes that depend on the time, so they run on the real clock too.
"""

from __future__ import annotations

import datetime
import os
import zoneinfo

import pytest
import time_machine

MARGIN = datetime.timedelta(hours=3)
# xdist workers start a moment after the controller: they take its decision, not their own.
_START = "SAFEBOARD_TEST_CLOCK_START"

_traveller: time_machine.travel | None = None


def clock_start(now: datetime.datetime) -> datetime.datetime | None:
    """Where a run starting at `now` (aware, local time) sets its clock, or None to leave it."""
    next_midnight = datetime.datetime.combine(
        now.date() + datetime.timedelta(days=1), datetime.time(), tzinfo=now.tzinfo
    )
    return now - MARGIN if next_midnight - now < MARGIN else None


def pytest_configure(config: pytest.Config) -> None:
    global _traveller
    from django.conf import settings

    if _START not in os.environ:
        now = datetime.datetime.now(zoneinfo.ZoneInfo(settings.TIME_ZONE))
        start = clock_start(now)
        os.environ[_START] = start.isoformat() if start else ""
    if start_at := os.environ[_START]:
        _traveller = time_machine.travel(datetime.datetime.fromisoformat(start_at), tick=True)
        _traveller.start()


def pytest_unconfigure(config: pytest.Config) -> None:
    if _traveller is not None:
        _traveller.stop()


@pytest.fixture(autouse=True)
def _real_clock_for_production(request: pytest.FixtureRequest):
    if _traveller is None or request.node.get_closest_marker("production") is None:
        yield
        return
    _traveller.stop()
    try:
        yield
    finally:
        _traveller.start()
