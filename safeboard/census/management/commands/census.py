"""`safeboard census`: the Children in Need census from the command line.

`safeboard census indicators FILE [FILE ...] --population N` reads the files together and
prints one JSON object: the period and every indicator of DATA.md ("Census indicators").
Children with unusable records are left out, each problem reported on standard error; a
malformed file is a one-line error naming the file, the line and the problem, exit status 2.

`safeboard census synth --children N --seed S [--year Y] [--out PATH]` writes a synthetic
census file (standard output without --out).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

USAGE_ERROR = 2
MALFORMED_FILE = "{file}, line {line}: {message}"
NOT_POSITIVE = "--population must be a positive number of children, not {population}."
PROBLEM = "Left out child {child_id}: {element} {value!r}: {problem}"
LEFT_OUT = "{count} children left out because of the problems above."


class Command(BaseCommand):
    help = (
        "Children in Need census: compute the indicators of census files, or write a synthetic one."
    )
    requires_system_checks: list[str] = []  # files in, JSON out: no database to check

    def add_arguments(self, parser):
        subcommands = parser.add_subparsers(dest="subcommand", required=True)
        indicators = subcommands.add_parser(
            "indicators", help="Print the census indicators of the files, read together, as JSON."
        )
        indicators.add_argument("files", nargs="+", metavar="FILE", type=Path)
        indicators.add_argument(
            "--population",
            type=int,
            required=True,
            help="Child population (0–17) of the area, for the rate per 10,000.",
        )
        synth = subcommands.add_parser("synth", help="Write a synthetic census file.")
        synth.add_argument("--children", type=int, required=True)
        synth.add_argument("--seed", type=int, required=True)
        synth.add_argument("--year", type=int, default=2025)
        synth.add_argument("--out", type=Path, help="File to write (default: standard output).")

    def handle(self, *args, **options):
        if options["subcommand"] == "indicators":
            self.indicators(options["files"], population=options["population"])
        else:
            self.synth(
                options["out"],
                children=options["children"],
                seed=options["seed"],
                year=options["year"],
            )

    def indicators(self, files: list[Path], *, population: int) -> None:
        from safeboard.census import reader
        from safeboard.census.indicators import compute_indicators

        if population <= 0:
            raise CommandError(NOT_POSITIVE.format(population=population), returncode=USAGE_ERROR)
        try:
            extract = reader.read_census(files, leave_out_problem_children=True, processes=2)
        except reader.CensusFileError as error:
            message = MALFORMED_FILE.format(
                file=error.file_name, line=error.line, message=error.message
            )
            raise CommandError(message, returncode=USAGE_ERROR) from error
        for problem in extract.problems:
            self.stderr.write(PROBLEM.format(**problem.__dict__))
        if extract.children_left_out:
            self.stderr.write(LEFT_OUT.format(count=extract.children_left_out))
        try:
            result = compute_indicators(extract, population=population)
        except ValueError as error:
            raise CommandError(str(error), returncode=USAGE_ERROR) from error
        self.stdout.write(json.dumps(result, indent=2))

    def synth(self, out: Path | None, *, children: int, seed: int, year: int) -> None:
        from safeboard.census.synth import write_census

        if out is None:
            write_census(sys.stdout.buffer, children=children, seed=seed, year=year)
            sys.stdout.buffer.flush()
        else:
            write_census(out, children=children, seed=seed, year=year)
