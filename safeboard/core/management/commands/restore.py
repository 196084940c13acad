"""`safeboard restore FILE`: replace the whole database and the uploaded files with a backup.

Every member's checksum is checked before anything is touched; a corrupt archive is refused
naming the member. Because it replaces everything, it asks first, or needs --yes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from safeboard.core import backup

NOT_CONFIRMED = (
    "Restore replaces the whole database and every uploaded file: nothing was changed. "
    "Add --yes to restore without being asked."
)
QUESTION = (
    "This replaces the whole database and every uploaded file with the backup's. "
    "Type yes to go on: "
)


class Command(BaseCommand):
    help = "Replace the whole database and the uploaded files with those of a backup archive."

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, metavar="FILE")
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask before replacing everything."
        )

    def handle(self, *args, archive: Path, yes: bool, **options):
        if not yes and not (sys.stdin.isatty() and input(QUESTION).strip().lower() == "yes"):
            raise CommandError(NOT_CONFIRMED)
        try:
            summary = backup.backup_restore(path=archive)
        except backup.BackupRefused as refusal:
            raise CommandError(f"{refusal} Nothing was changed.") from refusal
        self.stdout.write(
            f"Restored {summary.records} records and {summary.files} uploaded files "
            f"from the backup made at {summary.created_at}."
        )
