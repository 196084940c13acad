"""Which settings module SafeBoard runs with, chosen in one place for every entry point.

`SAFEBOARD_ENV=production` always means the production settings, even when a process
manager left DJANGO_SETTINGS_MODULE pointing elsewhere: a deployment that asks for
production must never fall back to the demo's DEBUG and secret key.
"""

from __future__ import annotations

import os

BASE = "safeboard.config.settings.base"
PRODUCTION = "safeboard.config.settings.production"


def select_settings_module() -> str:
    """Set DJANGO_SETTINGS_MODULE from SAFEBOARD_ENV and return it (manage, WSGI and ASGI)."""
    if os.environ.get("SAFEBOARD_ENV", "").strip().lower() == "production":
        os.environ["DJANGO_SETTINGS_MODULE"] = PRODUCTION
    elif not os.environ.get("DJANGO_SETTINGS_MODULE"):
        os.environ["DJANGO_SETTINGS_MODULE"] = BASE
    return os.environ["DJANGO_SETTINGS_MODULE"]
