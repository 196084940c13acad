"""A throwaway SafeBoard: its own SQLite database in a temporary folder, migrated."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def set_up_django() -> Path:
    """Point Django at a fresh database in a temporary folder; return the folder."""
    folder = Path(tempfile.mkdtemp(prefix="safeboard-bench-"))
    # The load benchmark runs on the PostgreSQL server `make bench` was given, if any.
    given = os.environ.get("DATABASE_URL", "")
    if given.startswith(("postgres://", "postgresql://")):
        os.environ.setdefault("SAFEBOARD_BENCH_DATABASE_URL", given)
    os.environ["DJANGO_SETTINGS_MODULE"] = "safeboard.config.settings.base"
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["SAFEBOARD_VAR_DIR"] = str(folder)
    os.environ.pop("SAFEBOARD_ENV", None)

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    return folder
