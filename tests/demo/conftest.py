"""The demo partnership, built once per test module and rolled back when the module ends.

Each test still runs in its own savepoint (pytest-django's `db`), so nothing one test
changes is seen by the next.
"""

from __future__ import annotations

import pytest
from django.db import transaction

from safeboard.demo.build import DemoResult, build_demo


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker) -> DemoResult:
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_demo()
        transaction.set_rollback(True)


@pytest.fixture
def demo_db(demo, db) -> DemoResult:
    """The demo partnership, for a test that uses the database."""
    return demo
