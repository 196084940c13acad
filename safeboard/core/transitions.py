"""A change in a record's life, and the state it needs: one check for every place that asks.

The record's page shows the change's button, its form page opens (GET and POST alike) and
its service makes the change only when the transition allows it; each app names its
transitions beside its states (challenges/states.py, audits/states.py...).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError


@dataclass(frozen=True)
class Transition:
    name: str
    # Why the record's present state refuses the change, or None when it allows it.
    refusal: Callable[[Any], str | None]

    def allows(self, record: Any) -> bool:
        return self.refusal(record) is None

    def refuse_unless_allowed(self, record: Any) -> None:
        """For services: the refusal as the ValidationError the form page shows."""
        reason = self.refusal(record)
        if reason is not None:
            raise ValidationError(reason)
