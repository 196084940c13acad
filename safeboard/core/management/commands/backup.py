"""`safeboard backup --out FILE`: the whole database and every uploaded file in one archive.

The archive (tar.gz) holds database.json (every table, in Django's serialisation, so it
restores into SQLite or PostgreSQL), the uploaded files under media/, and manifest.json with
the SHA-256 of each; `safeboard restore FILE` puts it all back.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from safeboard.core import backup

OUT_EXISTS = "{path} already exists: choose a new file name, or add --force to replace it."


class Command(BaseCommand):
    help = "Write the whole database and the uploaded files to one archive (tar.gz)."

    def add_arguments(self, parser):
        parser.add_argument("--out", type=Path, required=True, metavar="FILE")
        parser.add_argument("--force", action="store_true", help="Replace FILE if it exists.")

    def handle(self, *args, out: Path, force: bool, **options):
        if out.exists() and not force:
            raise CommandError(OUT_EXISTS.format(path=out))
        summary = backup.backup_write(out=out)
        self.stdout.write(
            f"Backed up {summary.records} records and {summary.files} uploaded files "
            f"to {summary.path} ({summary.path.stat().st_size:,} bytes)."
        )
