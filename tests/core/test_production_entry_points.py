"""Every entry point runs the settings the environment asks for, and every static file a
template names is in the manifest that production serves from."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.template import engines
from django.template.loader import get_template

from tests.core.test_production_mode import PRIVATE_KEY

STATIC_TAG = re.compile(r"""{%\s*static\s+['"]([^'"]+)['"]\s*%}""")


def _settings_seen_by(module: str, **env: str) -> dict:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "SAFEBOARD_DEMO_PASSWORD", "SAFEBOARD_ENV"}
    }
    environment.update(env)
    probe = (
        f"import {module}; from django.conf import settings; import json; "
        "print(json.dumps({'module': settings.SETTINGS_MODULE, 'debug': settings.DEBUG}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], env=environment, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("entry_point", ["safeboard.config.wsgi", "safeboard.config.asgi"])
def test_the_server_entry_points_load_production_settings_when_asked(entry_point, tmp_path):
    seen = _settings_seen_by(
        entry_point,
        SAFEBOARD_ENV="production",
        SECRET_KEY=PRIVATE_KEY,
        # A process manager's leftover must not win over the environment's choice.
        DJANGO_SETTINGS_MODULE="safeboard.config.settings.base",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert seen == {"module": "safeboard.config.settings.production", "debug": False}


def test_the_server_entry_point_runs_the_demo_settings_by_default(tmp_path):
    environment_without_choice = {"DJANGO_SETTINGS_MODULE": ""}
    seen = _settings_seen_by(
        "safeboard.config.wsgi",
        **environment_without_choice,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert seen["module"] == "safeboard.config.settings.base"


# django-otp ships sign-in pages for Django's admin site, which SafeBoard does not install.
UNUSED_TEMPLATES = re.compile(r"^otp/admin\d*/")


def _every_template_name() -> set[str]:
    names = set()
    for loader in engines["django"].engine.template_loaders:
        for directory in loader.get_dirs():
            root = Path(directory)
            for path in root.rglob("*"):
                name = str(path.relative_to(root))
                if path.is_file() and not UNUSED_TEMPLATES.match(name):
                    names.add(name)
    return names


@pytest.fixture(scope="module")
def manifest(tmp_path_factory) -> set[str]:
    from django.test import override_settings

    root = tmp_path_factory.mktemp("static")
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=root, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
    return set(json.loads((root / "staticfiles.json").read_text())["paths"])


def test_every_static_file_a_template_names_is_in_the_production_manifest(manifest):
    missing = {}
    for name in sorted(_every_template_name()):
        try:
            source = get_template(name).template.source
        except Exception:  # noqa: BLE001 - not every file under a templates folder is one
            continue
        for reference in STATIC_TAG.findall(source):
            if reference not in manifest:
                missing.setdefault(name, []).append(reference)
    assert not missing


def test_the_page_template_names_only_icons_that_exist(manifest):
    source = get_template("govuk_frontend_django/base.html").template.source
    references = STATIC_TAG.findall(source)
    assert references and all(reference in manifest for reference in references)
    assert "govuk-mask-icon.svg" not in source
