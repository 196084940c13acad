"""The first run: a new partnership, its agencies and its first business manager.

SafeBoard has no partnership record of its own: a partnership is its agencies, its board
and the people in them (the demo builds the same shape). Setup makes the board, named after
the partnership, the agencies read from a CSV file, and the business manager: a person in
one of the agencies, on the board as its adviser, with an account holding the business
manager role. That role needs a second factor, enrolled at the first sign-in.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeboard.accounts.models import RoleAssignment, User
from safeboard.accounts.roles import Role
from safeboard.core.tabular import Column, Table, TableError, read_csv

from .models import Agency, Group, Membership
from .services import (
    SAFEGUARDING_PARTNER_TYPES,
    agency_create,
    group_create,
    membership_add,
    person_create,
)

PARTNERSHIP_EXISTS = (
    "A partnership already exists in this database: setup is only for the first run. "
    "Add agencies and people from SafeBoard's Partnership pages."
)
MANAGER_AGENCY_NOT_IN_FILE = (
    "The business manager's agency \u201c{name}\u201d is not in the agencies file: "
    "add it to the file or check its spelling."
)
PASSWORD_REFUSED = "The password was refused: {reasons}"

# The CSV columns: the first two are required; the others may be left out or left blank.
REQUIRED_COLUMNS = ("name", "type")
OPTIONAL_COLUMNS = ("short_name", "statutory_partner")
AGENCY_COLUMNS = (
    *(Column(name) for name in REQUIRED_COLUMNS),
    *(Column(name, required=False) for name in OPTIONAL_COLUMNS),
)
MISSING_COLUMNS = "Line 1: the file has no {columns} column; the header row must name {all}."
UNKNOWN_COLUMN = "Line 1: unknown column \u201c{column}\u201d; the columns are {all}."
EMPTY_FILE = "The agencies file has no header row."
NO_AGENCIES = "The agencies file has a header row but no agencies."
LINE_NO_NAME = "Line {line}: the agency has no name."
LINE_NAME_TOO_LONG = "Line {line}: the name is longer than {limit} characters."
LINE_SHORT_NAME_TOO_LONG = "Line {line}: the short name is longer than {limit} characters."
LINE_DUPLICATE = "Line {line}: \u201c{name}\u201d is already on line {first}."
LINE_UNKNOWN_TYPE = "Line {line}: unknown type \u201c{value}\u201d; the types are {types}."
LINE_BAD_STATUTORY = "Line {line}: statutory_partner must be yes or no, not \u201c{value}\u201d."
LINE_NOT_A_PARTNER_TYPE = (
    "Line {line}: only the local authority, the police and the integrated care board can be "
    "statutory partners, not \u201c{type}\u201d."
)
LINE_TOO_MANY_FIELDS = "Line {line}: more fields than the header row has columns."

_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0", ""}

# The team that supports the board, where the business manager works when no agency is named.
BUSINESS_UNIT = "{partnership} Business Unit"
BOARD_NAME = "{partnership} Board"
BOARD_PURPOSE = (
    "The three safeguarding partners and the relevant agencies agree the partnership's "
    "priorities, hold each other to account for how well children are protected, and "
    "publish what they have learned."
)
MANAGER_JOB_TITLE = "Partnership Business Manager"


@dataclass(frozen=True)
class AgencyRow:
    line: int
    name: str
    type: str
    short_name: str = ""
    is_statutory_partner: bool = False


@dataclass(frozen=True)
class SetupResult:
    board: Group
    agencies: list[Agency]
    manager: User


def partnership_exists() -> bool:
    return Agency.objects.exists() or Group.objects.filter(kind=Group.Kind.BOARD).exists()


def _agency_type(value: str) -> str | None:
    wanted = value.strip().casefold()
    for choice_value, label in Agency.Type.choices:
        if wanted in {choice_value.casefold(), str(label).casefold()}:
            return choice_value
    return None


def _max_length(field_name: str) -> int:
    return getattr(Agency._meta.get_field(field_name), "max_length", None) or 0


def _row_problems(line: int, fields: dict[str, str], seen: dict[str, int]) -> list[str]:
    problems = []
    name = fields["name"]
    name_limit, short_limit = _max_length("name"), _max_length("short_name")
    if not name:
        problems.append(LINE_NO_NAME.format(line=line))
    elif len(name) > name_limit:
        problems.append(LINE_NAME_TOO_LONG.format(line=line, limit=name_limit))
    elif name.casefold() in seen:
        problems.append(LINE_DUPLICATE.format(line=line, name=name, first=seen[name.casefold()]))
    if len(fields["short_name"]) > short_limit:
        problems.append(LINE_SHORT_NAME_TOO_LONG.format(line=line, limit=short_limit))
    agency_type = _agency_type(fields["type"])
    if agency_type is None:
        types = ", ".join(Agency.Type.values)
        problems.append(LINE_UNKNOWN_TYPE.format(line=line, value=fields["type"], types=types))
    statutory = fields["statutory_partner"].casefold()
    if statutory not in _YES | _NO:
        problems.append(LINE_BAD_STATUTORY.format(line=line, value=fields["statutory_partner"]))
    elif statutory in _YES and agency_type and agency_type not in SAFEGUARDING_PARTNER_TYPES:
        problems.append(LINE_NOT_A_PARTNER_TYPE.format(line=line, type=fields["type"]))
    return problems


def _check_header(table: Table) -> list[str]:
    everything = ", ".join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)
    problems = [UNKNOWN_COLUMN.format(column=column, all=everything) for column in table.unknown]
    if table.missing:
        columns = " or ".join(table.missing)
        problems.insert(0, MISSING_COLUMNS.format(columns=columns, all=everything))
    return problems


def agencies_from_csv(*, data: bytes) -> list[AgencyRow]:
    """Every line checked before any is used: a ValidationError lists each bad line."""
    try:
        table = read_csv(data, columns=AGENCY_COLUMNS)
    except TableError as error:
        raise ValidationError(error.message)
    if not any(table.headings):
        raise ValidationError(EMPTY_FILE)
    if header_problems := _check_header(table):
        raise ValidationError(header_problems)
    rows: list[AgencyRow] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for row in table.rows:
        line = row.line
        if row.overflow:
            problems.append(LINE_TOO_MANY_FIELDS.format(line=line))
            continue
        fields = {column: row.text(column) for column in REQUIRED_COLUMNS + OPTIONAL_COLUMNS}
        if row_problems := _row_problems(line, fields, seen):
            problems.extend(row_problems)
            continue
        seen[fields["name"].casefold()] = line
        rows.append(
            AgencyRow(
                line=line,
                name=fields["name"],
                type=_agency_type(fields["type"]) or "",
                short_name=fields["short_name"],
                is_statutory_partner=fields["statutory_partner"].casefold() in _YES,
            )
        )
    if problems:
        raise ValidationError(problems)
    if not rows:
        raise ValidationError(NO_AGENCIES)
    return rows


def manager_password_check(*, password: str, email: str, full_name: str) -> None:
    """Django's password validators, with the manager's name and email to compare against."""
    # UserAttributeSimilarityValidator compares with these attributes where a user has them.
    manager = User(email=email)
    first_name, _, last_name = full_name.strip().partition(" ")
    vars(manager).update(first_name=first_name, last_name=last_name)
    try:
        validate_password(password, user=manager)
    except ValidationError as error:
        raise ValidationError(PASSWORD_REFUSED.format(reasons=" ".join(error.messages)))


def _manager_agency(
    *, partnership_name: str, agency_name: str, agencies: list[Agency], from_file: bool
) -> tuple[Agency, bool]:
    """The agency to hold the manager, and whether setup had to create it: an agency named
    when there is a file must be in it; none named means the partnership's business unit."""
    named = agency_name.strip()
    agency_name = named or BUSINESS_UNIT.format(partnership=partnership_name)
    for agency in agencies:
        if agency.name.casefold() == agency_name.casefold():
            return agency, False
    if named and from_file:
        raise ValidationError(MANAGER_AGENCY_NOT_IN_FILE.format(name=agency_name))
    return agency_create(name=agency_name, type=Agency.Type.OTHER, short_name="Business Unit"), True


@transaction.atomic
def partnership_setup(
    *,
    partnership_name: str,
    agencies: list[AgencyRow],
    manager_email: str,
    manager_name: str,
    manager_agency: str,
    password: str,
    agencies_from_file: bool,
) -> SetupResult:
    if partnership_exists():
        raise ValidationError(PARTNERSHIP_EXISTS)
    manager_password_check(password=password, email=manager_email, full_name=manager_name)
    partnership_name = partnership_name.strip()
    board = group_create(
        name=BOARD_NAME.format(partnership=partnership_name),
        kind=Group.Kind.BOARD,
        purpose=BOARD_PURPOSE,
    )
    created = [
        agency_create(
            name=row.name,
            type=row.type,
            short_name=row.short_name,
            is_statutory_partner=row.is_statutory_partner,
        )
        for row in agencies
    ]
    agency, made = _manager_agency(
        partnership_name=partnership_name,
        agency_name=manager_agency,
        agencies=created,
        from_file=agencies_from_file,
    )
    if made:
        created.append(agency)
    person = person_create(
        full_name=manager_name, agency=agency, email=manager_email, job_title=MANAGER_JOB_TITLE
    )
    membership_add(
        group=board,
        person=person,
        role=Membership.Role.ADVISER,
        seniority=Membership.Seniority.SENIOR,
        started_on=timezone.localdate(),
    )
    manager = User(email=person.email.lower(), person=person)
    manager.set_password(password)
    manager.full_clean()
    manager.save()
    RoleAssignment.objects.create(user=manager, role=Role.BUSINESS_MANAGER)
    return SetupResult(board=board, agencies=created, manager=manager)
