"""`safeboard setup`: start a real partnership in an empty database.

    safeboard setup --partnership "Shire Safeguarding Children Partnership" \\
        --agencies agencies.csv --manager-email manager@shire.example \\
        --manager-name "Alex Morgan" --manager-agency "Shire Council" --password-stdin --no-input

Creates the board, the agencies of the CSV file (columns name, type, and optionally
short_name and statutory_partner) and the first business manager, who signs in with the
password given here and enrols a second factor at that first sign-in. Without --no-input,
and at a terminal, it asks for whatever was not given; the password is asked twice, hidden.
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.shortcuts import resolve_url

from safeboard.partnership import setup_services
from safeboard.partnership.models import Agency

MISSING_VALUE = "{flag} is required with --no-input (or when there is no terminal to ask)."
NO_PASSWORD_ON_STDIN = "--password-stdin was given but standard input has no password line."
PASSWORDS_DIFFER = "The two passwords differ."
AGENCIES_FILE_UNREADABLE = "Cannot read the agencies file {path}: {reason}"
BAD_AGENCIES_FILE = "The agencies file {path} was refused, nothing was saved:"
SETUP_REFUSED = "Setup refused, nothing was saved:"

# (option, flag, question asked at a terminal)
_QUESTIONS = (
    ("partnership", "--partnership", "Name of the partnership: "),
    ("manager_name", "--manager-name", "Business manager's full name: "),
    ("manager_email", "--manager-email", "Business manager's email address: "),
)


class Command(BaseCommand):
    help = "Create the partnership, its agencies and its first business manager (first run only)."
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("--partnership", help="The partnership's name.")
        parser.add_argument(
            "--agencies",
            type=Path,
            metavar="CSV",
            help="Agencies to create: a CSV file with a header row naming the columns name, "
            "type, and optionally short_name and statutory_partner (yes or no).",
        )
        parser.add_argument("--manager-email", help="The business manager's email (sign-in).")
        parser.add_argument("--manager-name", help="The business manager's full name.")
        parser.add_argument(
            "--manager-agency",
            default="",
            help="The agency the business manager works in (one of the CSV file's); "
            "by default the partnership's business unit, created by setup.",
        )
        parser.add_argument(
            "--password-stdin",
            action="store_true",
            help="Read the business manager's password from the first line of standard input.",
        )
        parser.add_argument(
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Never ask: a missing value is an error.",
        )

    def handle(self, *args, **options):
        if setup_services.partnership_exists():
            raise CommandError(setup_services.PARTNERSHIP_EXISTS)
        self.stdin = options.get("stdin") or sys.stdin
        can_ask = options["interactive"] and self.stdin.isatty()
        values = {
            name: (options[name] or "").strip() or self._ask(can_ask, flag, question)
            for name, flag, question in _QUESTIONS
        }
        rows = self._agency_rows(options["agencies"])
        manager_agency = options["manager_agency"]
        if not manager_agency and can_ask:
            manager_agency = input(self._agency_question(rows)).strip()
        password = self._password(options["password_stdin"], can_ask)
        try:
            result = setup_services.partnership_setup(
                partnership_name=values["partnership"],
                agencies=rows,
                manager_email=values["manager_email"],
                manager_name=values["manager_name"],
                manager_agency=manager_agency,
                password=password,
                agencies_from_file=options["agencies"] is not None,
            )
        except ValidationError as error:
            raise CommandError("\n".join([SETUP_REFUSED, *error.messages])) from error
        self.stdout.write("\n".join(_report(result)))

    def _ask(self, can_ask: bool, flag: str, question: str) -> str:
        answer = input(question).strip() if can_ask else ""
        if not answer:
            raise CommandError(MISSING_VALUE.format(flag=flag))
        return answer

    def _agency_question(self, rows: list[setup_services.AgencyRow]) -> str:
        if rows:
            return "Business manager's agency (a name from the file; empty for a business unit): "
        return "Business manager's agency (empty for the partnership's business unit): "

    def _agency_rows(self, path: Path | None) -> list[setup_services.AgencyRow]:
        if path is None:
            return []
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(AGENCIES_FILE_UNREADABLE.format(path=path, reason=error.strerror))
        try:
            return setup_services.agencies_from_csv(data=data)
        except ValidationError as error:
            raise CommandError(
                "\n".join([BAD_AGENCIES_FILE.format(path=path), *error.messages])
            ) from error

    def _password(self, from_stdin: bool, can_ask: bool) -> str:
        if from_stdin:
            password = self.stdin.readline().rstrip("\r\n")
            if not password:
                raise CommandError(NO_PASSWORD_ON_STDIN)
            return password
        if not can_ask:
            raise CommandError(MISSING_VALUE.format(flag="--password-stdin"))
        password = getpass.getpass("Business manager's password: ")
        if password != getpass.getpass("The password again: "):
            raise CommandError(PASSWORDS_DIFFER)
        return password


def _report(result: setup_services.SetupResult) -> list[str]:
    manager = result.manager
    assert manager.person is not None, "setup makes the business manager a person first"
    sign_in = settings.SAFEBOARD_SITE_URL.rstrip("/") + resolve_url(settings.LOGIN_URL)
    lines = [f"Created the board: {result.board.name}", f"Created {len(result.agencies)} agencies:"]
    for agency in result.agencies:
        partner = ", statutory partner" if agency.is_statutory_partner else ""
        lines.append(f"  {agency.name} ({Agency.Type(agency.type).label}{partner})")
    lines += [
        f"Created the business manager: {manager.person.full_name} <{manager.email}>, "
        f"of {manager.person.agency.name}, adviser to the board",
        "",
        f"Sign in at {sign_in}",
        "A second factor (an authenticator app) will be enrolled at the first sign-in.",
    ]
    return lines
