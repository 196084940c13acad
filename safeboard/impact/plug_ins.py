"""What evidence of impact adds to the rest of SafeBoard (see core/extension_points.py)."""

from __future__ import annotations


def register() -> None:
    pass
