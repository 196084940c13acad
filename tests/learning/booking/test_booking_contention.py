"""Two people take the last place at the same moment: one gets it, the other the waiting list.

Each booking runs in its own thread, on its own database connection, in a real transaction
(the test itself holds none), and a barrier starts both at once. The count of places taken is
slowed down, so that without the lock on the session both would count the same free place.
"""

from __future__ import annotations

import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from django.db import connection, connections

from safeboard.learning.booking import services as booking_services
from safeboard.learning.factories import LearnerFactory
from safeboard.learning.models import Booking

from .. import builders

BOOKERS = 2


class OwnConnections:
    """Runs functions in threads, each on its own connection to the test database.

    PostgreSQL gives every thread its own connection anyway. Django's in-memory SQLite test
    database is shared between connections by SQLite's shared cache, which has no busy
    timeout, so a second writer would fail at once rather than wait its turn. The threads
    use a file copy of it instead, opened with the project's own settings (IMMEDIATE
    transactions, a busy timeout): the way SafeBoard runs on SQLite outside the tests.
    """

    def __init__(self) -> None:
        self.settings = None
        if connection.vendor == "sqlite" and connection.is_in_memory_db():
            self.folder = tempfile.TemporaryDirectory()
            path = str(Path(self.folder.name) / "contention.sqlite3")
            connection.ensure_connection()
            copy = sqlite3.connect(path)
            connection.connection.backup(copy)
            copy.close()
            self.settings = {**connection.settings_dict, "NAME": path}
            self.wrapper = type(connections["default"])

    def run(self, work: Callable[[], object]) -> object:
        if self.settings is not None:
            connections["default"] = self.wrapper(self.settings, "default")
        try:
            return work()
        finally:
            connections.close_all()

    def in_thread(self, work: Callable[[], object]) -> object:
        outcome: list = []
        thread = threading.Thread(target=lambda: outcome.append(self.run(work)))
        thread.start()
        thread.join(timeout=60)
        return outcome[0]

    def close(self) -> None:
        if self.settings is not None:
            self.folder.cleanup()


@pytest.fixture
def slow_count(monkeypatch):
    """Counting the places taken takes a while, as it may on a busy server."""
    count = booking_services.places_taken

    def slowly(session) -> int:
        taken = count(session)
        time.sleep(0.3)
        return taken

    monkeypatch.setattr(booking_services, "places_taken", slowly)


@pytest.mark.django_db(transaction=True)
def test_two_people_taking_the_last_place_at_once_get_one_place_and_one_waiting(slow_count):
    session = builders.session(capacity=2)
    booking_services.book(session, LearnerFactory(), None)  # one place left
    learners = [LearnerFactory() for _ in range(BOOKERS)]
    database = OwnConnections()
    barrier = threading.Barrier(BOOKERS)
    statuses: list[str] = []
    errors: list[Exception] = []

    def take_a_place(learner) -> None:
        barrier.wait(timeout=10)
        try:
            statuses.append(booking_services.book(session, learner, None).status)
        except Exception as error:  # reported below, with the thread's traceback lost
            errors.append(error)

    threads = [
        threading.Thread(target=database.run, args=(lambda lr=learner: take_a_place(lr),))
        for learner in learners
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    try:
        assert not errors, errors
        assert sorted(statuses) == [Booking.Status.BOOKED, Booking.Status.WAITING]
        saved = database.in_thread(
            lambda: sorted(
                Booking.objects.filter(session_id=session.pk).values_list("status", flat=True)
            )
        )
        assert saved == [Booking.Status.BOOKED, Booking.Status.BOOKED, Booking.Status.WAITING]
    finally:
        database.close()
