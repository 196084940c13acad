"""`safeboard exchange schema|export|import|pull`: the exchange of learning between boards
from the command line.

    safeboard exchange schema                      prints the JSON Schema of the format
    safeboard exchange export --out FILE           writes every shareable item
    safeboard exchange import FILE --source NAME   imports a file: {"imported": N, "skipped": M}
    safeboard exchange pull                        pulls every active subscription now
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from ... import services
from ...models import Pull, Subscription
from ...schema import schema_text


class Command(BaseCommand):
    help = "Exchange learning with other boards: schema, export, import, pull."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="subcommand", required=True)
        commands.add_parser("schema", help="Print the JSON Schema of the exchange format.")
        export = commands.add_parser("export", help="Write every shareable item to a file.")
        export.add_argument("--out", required=True, help="The file to write.")
        imports = commands.add_parser("import", help="Import another board's file.")
        imports.add_argument("file", help="The file to import.")
        imports.add_argument("--source", required=True, help="The name of the board.")
        commands.add_parser("pull", help="Pull every active subscription's feed now.")

    def handle(self, *args, **options):
        handler = getattr(self, f"do_{options['subcommand']}")
        handler(options)

    def do_schema(self, options) -> None:
        self.stdout.write(schema_text())

    def do_export(self, options) -> None:
        try:
            document = services.export_document()
        except ValidationError as error:
            raise CommandError("Nothing exported:\n" + "\n".join(error.messages)) from None
        Path(options["out"]).write_text(
            json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        self.stdout.write(f"Exported {len(document['items'])} items to {options['out']}.")

    def do_import(self, options) -> None:
        try:
            document = json.loads(Path(options["file"]).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as error:
            raise CommandError(f"The file cannot be read as JSON: {error}") from None
        try:
            pull = services.import_document(document=document, source_name=options["source"])
        except ValidationError as error:
            raise CommandError(
                "The file is refused, nothing was imported:\n" + "\n".join(error.messages)
            ) from None
        self.stdout.write(json.dumps({"imported": pull.imported, "skipped": pull.skipped}))

    def do_pull(self, options) -> None:
        for subscription in Subscription.objects.filter(is_active=True).order_by("pk"):
            pull = services.pull_subscription(subscription=subscription)
            outcome = {
                "board": subscription.board_name,
                "status": pull.status,
                "imported": pull.imported,
                "skipped": pull.skipped,
            }
            if pull.status == Pull.Status.FAILED:
                outcome["error"] = pull.error
            self.stdout.write(json.dumps(outcome))
