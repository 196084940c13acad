"""Production settings: refuse to start with anything the demo uses."""

import os
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from safeboard.core.demo_credentials import DEMO_SECRET_KEY

from . import base
from .base import *  # noqa: F403

SAFEBOARD_PRODUCTION = True
DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY or SECRET_KEY == DEMO_SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a private random value of at least 50 characters "
        "in production; the demo key is refused."
    )
if "SAFEBOARD_DEMO_PASSWORD" in os.environ:
    raise ImproperlyConfigured(
        "SAFEBOARD_DEMO_PASSWORD is set: demo accounts are refused in production."
    )
DEMO_PASSWORD = None

SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Uploaded files as base.py chose them (S3 or disk); static files hashed, compressed and
# served by WhiteNoise from the manifest that collectstatic writes.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Keep database connections between requests, checked before reuse, instead of opening one
# per request.
DATABASES["default"]["CONN_MAX_AGE"] = int(  # noqa: F405
    os.environ.get("DATABASE_CONN_MAX_AGE", "600")
)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# Templates compiled once per process. Django 5.2 already wraps the default loaders in the
# cached loader whenever `loaders` is unset (DEBUG or not); naming it here keeps that true if
# base.py ever lists its own loaders, and tests/production checks it.
_BASE_TEMPLATE: dict[str, Any] = base.TEMPLATES[0]
TEMPLATES = [
    {
        **_BASE_TEMPLATE,
        "APP_DIRS": False,
        "OPTIONS": {
            **_BASE_TEMPLATE["OPTIONS"],
            "loaders": [
                (
                    "django.template.loaders.cached.Loader",
                    [
                        "django.template.loaders.filesystem.Loader",
                        "django.template.loaders.app_directories.Loader",
                    ],
                )
            ],
        },
    }
]
