"""The check before anything leaves for another board: text that looks identifying.

It refuses the names of SafeBoard's own people (the partnership's people: board members and
agencies' staff), dates of birth and full dates (a case pseudonym is harmless until a date
ties it to a child), and UK postcodes. It is a net, not a proof: what it cannot know (a name
nobody holds in SafeBoard) the business manager must still read for."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "a date of birth",
        re.compile(r"\b(?:date of birth|d\.?o\.?b\.?|born on|born)\b[^.;\n]{0,30}", re.I),
    ),
    ("a full date", re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b")),
    ("a full date", re.compile(r"\b\d{4}-\d{2}-\d{2}\b")),
    (
        "a full date",
        re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\.?,?\s+\d{{4}}\b", re.I),
    ),
    (
        "a full date",
        re.compile(rf"\b(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b", re.I),
    ),
    (
        "a postcode",
        re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2}\b", re.I),
    ),
]


@dataclass(frozen=True)
class Problem:
    item: str  # what the item is, e.g. "Case review finding “Neglect was missed”"
    text: str  # the offending text
    reason: str  # "a person's name", "a date of birth"...

    def __str__(self) -> str:
        return f"{self.item}: \u201c{self.text}\u201d looks like {self.reason}."


def names_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for every full name (two words or more, so a lone first name that is also
    an ordinary word does not block the export)."""
    full = sorted({name.strip() for name in names if len(name.split()) >= 2}, key=len, reverse=True)
    if not full:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(name) for name in full) + r")\b", re.I)


def identifying_text(text: str, *, names: re.Pattern[str] | None) -> list[tuple[str, str]]:
    """(offending text, reason) for everything in `text` that looks identifying."""
    found = []
    if names is not None:
        found += [(match.group(0), "a person's name") for match in names.finditer(text)]
    for reason, pattern in PATTERNS:
        found += [(match.group(0).strip(), reason) for match in pattern.finditer(text)]
    return found


TEXT_FIELDS = ("title", "summary", "went_well", "did_not_go_well", "what_to_do_differently")


def check_items(
    labelled_items: Iterable[tuple[str, dict]], *, names: re.Pattern[str] | None
) -> list[Problem]:
    """The problems of every item (label, item in the exchange format): each text field, and
    the theme names."""
    problems = []
    for label, item in labelled_items:
        texts = [item.get(field) or "" for field in TEXT_FIELDS]
        for text in texts:
            problems += [
                Problem(label, offending, reason)
                for offending, reason in identifying_text(text, names=names)
            ]
    return problems
