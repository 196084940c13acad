"""The taxonomy's tests start from the seeded themes, even after a browser test emptied them."""

from __future__ import annotations

import pytest

from safeboard.themes.factories import default_themes


@pytest.fixture(autouse=True)
def seeded_themes(db):
    return default_themes()
