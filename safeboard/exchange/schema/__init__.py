"""The exchange format's JSON Schema (v1.json, kept here and served at exchange:schema)."""

from __future__ import annotations

import functools
import json
from pathlib import Path

from jsonschema import (  # type: ignore[import-untyped]  # no stubs installed
    Draft202012Validator,
    FormatChecker,
)

VERSION = 1
FORMAT = "safeboard-learning-exchange"
SCHEMA_PATH = Path(__file__).with_name("v1.json")


@functools.cache
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def schema_text() -> str:
    return SCHEMA_PATH.read_text(encoding="utf-8")


def problems(document: object) -> list[str]:
    """Every way `document` breaks the schema, each saying where ("items/3/year: ...")."""
    validator = Draft202012Validator(schema(), format_checker=FormatChecker())
    found = []
    for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(part) for part in error.absolute_path) or "(the document)"
        found.append(f"{where}: {error.message[:300]}")
    return found
