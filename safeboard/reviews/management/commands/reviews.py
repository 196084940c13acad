"""`safeboard reviews`: case reviews from the command line.

`safeboard reviews timescales --framework 2023 --aware YYYY-MM-DD` prints the due dates an
edition of Working Together sets for a serious incident the partnership became aware of on a
day, as one JSON object: {"notification_due": ..., "rapid_review_due": ...}, ISO dates or
null where the edition has no such step; editions with their own timescale for the decision
whether to hold a review (2010, 2013) add "decision_due". `--framework` takes the edition's
year or its code (wt2023). An unknown framework or a bad date is a one-line error, exit 2.
"""

from __future__ import annotations

import datetime
import json

from django.core.management.base import BaseCommand, CommandError

USAGE_ERROR = 2
UNKNOWN_FRAMEWORK = "No framework {framework!r}: give the year or code of one of {known}."
BAD_DATE = "--aware must be a date as YYYY-MM-DD, not {value!r}."


class Command(BaseCommand):
    help = "Case reviews: the statutory timescales of an edition of Working Together."

    def add_arguments(self, parser):
        subcommands = parser.add_subparsers(dest="subcommand", required=True)
        timescales = subcommands.add_parser(
            "timescales",
            help="Print the due dates for a case the partnership became aware of on a day, "
            "as JSON.",
        )
        timescales.add_argument(
            "--framework", required=True, help="The edition's year (2023) or code (wt2023)."
        )
        timescales.add_argument(
            "--aware", required=True, help="The day the partnership became aware, YYYY-MM-DD."
        )

    def handle(self, *args, **options):
        self.timescales(framework=options["framework"], aware=options["aware"])

    def timescales(self, *, framework: str, aware: str) -> None:
        from safeboard.reviews.frameworks.timescales import edition_timescales
        from safeboard.reviews.models import FrameworkEdition

        try:
            aware_date = datetime.date.fromisoformat(aware)
        except ValueError as error:
            raise CommandError(BAD_DATE.format(value=aware), returncode=USAGE_ERROR) from error
        edition = _find_edition(FrameworkEdition, framework.strip())
        if edition is None:
            known = ", ".join(
                f"{year} ({code})"
                for year, code in FrameworkEdition.objects.order_by("year").values_list(
                    "year", "code"
                )
            )
            raise CommandError(
                UNKNOWN_FRAMEWORK.format(framework=framework, known=known or "none"),
                returncode=USAGE_ERROR,
            )
        due = edition_timescales(edition, aware_date)
        self.stdout.write(
            json.dumps({key: day.isoformat() if day else None for key, day in due.items()})
        )


def _find_edition(model, framework: str):
    if framework.isdigit():
        return model.objects.filter(year=int(framework)).order_by("-is_current", "pk").first()
    return model.objects.filter(code__iexact=framework).first()
