"""Reading an online survey tool's export of children's answers: one answer a line.

The file is a CSV with a header line naming these columns, in any order (other columns, a
tool's timestamps or respondent numbers, are ignored and never stored):

    age_band   the respondent's age band: "under 11", "11 to 15", "16 or 17", "18 to 25",
               or empty when not given
    group      the group they answered with, e.g. "Year 9, Northgate Academy" (may be empty)
    question   what they were asked (may be empty)
    answer     what they said, in their words (required)
    themes     the themes it is coded to, by name or short name (slug), separated by ";"
               (may be empty, to be coded later)

The whole file is checked before anything is saved: every line with a problem is reported
by its line number, and one bad line means no line is saved. Names and dates of birth have
no column: a survey that asked for them must be exported without them.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .models import AgeBand

COLUMNS = ("age_band", "group", "question", "answer", "themes")
REQUIRED_COLUMNS = ("answer",)
MAX_ROWS = 5000
MAX_GROUP = 100
MAX_QUESTION = 300
THEME_SEPARATOR = ";"

NO_HEADER = "The file is empty: it needs a header line naming its columns."
MISSING_COLUMNS = "The header line has no {columns} column. The columns are: {expected}."
TOO_MANY_ROWS = f"The file has more than {MAX_ROWS} answers; split it into smaller files."
NO_ANSWERS = "The file has a header line but no answers."
BLANK_ANSWER = "Line {line}: the answer is empty."
UNKNOWN_AGE_BAND = (
    "Line {line}: \u201c{value}\u201d is not an age band. Use under 11, 11 to 15, 16 or 17, "
    "18 to 25, or leave it empty."
)
UNKNOWN_THEME = "Line {line}: \u201c{value}\u201d is not a theme SafeBoard knows."
TOO_LONG = "Line {line}: the {column} is longer than {limit} characters."
WRONG_FIELD_COUNT = "Line {line}: it has {found} values but the header names {expected} columns."


def _age_bands() -> dict[str, str]:
    """Each way an age band may be written (its code or its label, any case) to its code."""
    known = {}
    for value, label in AgeBand.choices:
        if value == AgeBand.NOT_GIVEN:
            continue
        known[value.lower()] = value
        known[label.lower()] = value
        known[label.split(" (")[0].lower()] = value
    known["11-15"], known["16-17"], known["18-25"] = "11_15", "16_17", "18_25"
    return known


AGE_BANDS = _age_bands()


@dataclass(frozen=True)
class SurveyRow:
    line: int
    age_band: str
    group: str
    question: str
    answer: str
    theme_keys: tuple[str, ...]  # the themes as the file names them, resolved by the caller


@dataclass
class ParsedSurvey:
    rows: list[SurveyRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def theme_key(name: str) -> str:
    return " ".join(name.split()).lower()


def parse_survey(lines: Iterable[str], *, themes: Mapping[str, object]) -> ParsedSurvey:
    """Every row of the file and every problem with it, read as a stream. `themes` maps each
    theme's lower-case name and slug to the theme; a name not in it is a problem."""
    parsed = ParsedSurvey()
    reader = csv.reader(lines)
    header = next(reader, None)
    if header is None or not any(cell.strip() for cell in header):
        parsed.problems.append(NO_HEADER)
        return parsed
    names = [cell.strip().lower().replace(" ", "_") for cell in header]
    missing = [column for column in REQUIRED_COLUMNS if column not in names]
    if missing:
        parsed.problems.append(
            MISSING_COLUMNS.format(columns=", ".join(missing), expected=", ".join(COLUMNS))
        )
        return parsed
    position = {column: names.index(column) for column in COLUMNS if column in names}
    for cells in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue  # a blank line between answers is not an answer
        if len(parsed.rows) >= MAX_ROWS:
            parsed.problems.append(TOO_MANY_ROWS)
            break
        if len(cells) != len(names):
            parsed.problems.append(
                WRONG_FIELD_COUNT.format(line=line, found=len(cells), expected=len(names))
            )
            continue
        row = _row(line, {column: cells[index].strip() for column, index in position.items()})
        problems = _problems(row, themes)
        if problems:
            parsed.problems.extend(problems)
        else:
            parsed.rows.append(row)
    if not parsed.rows and not parsed.problems:
        parsed.problems.append(NO_ANSWERS)
    return parsed


def _row(line: int, values: dict[str, str]) -> SurveyRow:
    return SurveyRow(
        line=line,
        age_band=values.get("age_band", ""),
        group=values.get("group", ""),
        question=values.get("question", ""),
        answer=values.get("answer", ""),
        theme_keys=tuple(
            theme_key(name)
            for name in values.get("themes", "").split(THEME_SEPARATOR)
            if name.strip()
        ),
    )


def _problems(row: SurveyRow, themes: Mapping[str, object]) -> list[str]:
    problems = []
    if not row.answer:
        problems.append(BLANK_ANSWER.format(line=row.line))
    if row.age_band and row.age_band.lower() not in AGE_BANDS:
        problems.append(UNKNOWN_AGE_BAND.format(line=row.line, value=row.age_band))
    for column, limit in (("group", MAX_GROUP), ("question", MAX_QUESTION)):
        if len(getattr(row, column)) > limit:
            problems.append(TOO_LONG.format(line=row.line, column=column, limit=limit))
    problems += [
        UNKNOWN_THEME.format(line=row.line, value=key)
        for key in row.theme_keys
        if key not in themes
    ]
    return problems


def age_band_code(written: str) -> str:
    """The age band's code for how the file wrote it (checked already), NOT_GIVEN if empty."""
    return AGE_BANDS[written.lower()] if written else AgeBand.NOT_GIVEN
