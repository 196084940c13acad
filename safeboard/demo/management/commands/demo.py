"""`safeboard demo`: build the demo partnership into an empty database and show its logins."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from safeboard.demo import build


class Command(BaseCommand):
    help = "Build a fictional safeguarding children partnership to try SafeBoard with."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing (successfully) when the database already holds a partnership.",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=build.DEFAULT_SEED,
            help=f"Seed of the random choices; the same seed builds the same partnership "
            f"(default {build.DEFAULT_SEED}).",
        )

    def handle(self, *args, if_empty: bool, seed: int, **options):
        try:
            build.refuse_in_production()
            if if_empty and build.has_partnership():
                self.stdout.write("The database already holds a partnership: demo not built.")
                return
            started = time.perf_counter()
            result = build.build_demo(seed=seed)
        except build.DemoRefused as refusal:
            raise CommandError(str(refusal)) from refusal
        seconds = time.perf_counter() - started
        lines = build.summary_lines(result)
        lines[0] = lines[0].rstrip(":") + f" in {seconds:.1f} s:"
        self.stdout.write("\n".join([*lines, "", *build.login_table(result)]))
