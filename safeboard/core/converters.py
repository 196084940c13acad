"""`<id:pk>` in an address: a record's id, as `<int:pk>` but never wider than the database's
64-bit key. `/actions/99999999999999999999/` is simply no page (404); with `<int:pk>` the
number reached the database, which cannot hold it, and the page failed (500)."""

from __future__ import annotations

from django.urls import register_converter

LARGEST_ID = 2**63 - 1


class RecordIdConverter:
    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > LARGEST_ID:
            raise ValueError(f"{value} is larger than any record's id")
        return number

    def to_url(self, value: int) -> str:
        return str(int(value))


def register() -> None:
    register_converter(RecordIdConverter, "id")
