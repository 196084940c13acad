"""Registration counts requests in the cache: each test starts with none counted."""

from __future__ import annotations

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _no_requests_counted():
    cache.clear()
    yield
    cache.clear()
