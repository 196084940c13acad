"""Production mode refuses the demo's secrets and passes Django's deployment checks."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from safeboard.core.demo_credentials import DEMO_SECRET_KEY

PRIVATE_KEY = "p" * 20 + "-a-private-key-for-tests-only-" + "q" * 20


def _safeboard(*args: str, tmp_path, **env: str) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DJANGO_SETTINGS_MODULE",
            "SECRET_KEY",
            "SAFEBOARD_DEMO_PASSWORD",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    environment.update(
        SAFEBOARD_ENV="production",
        DATABASE_URL=f"sqlite:///{tmp_path / 'production.sqlite3'}",
        ALLOWED_HOSTS="safeboard.example.test",
        **env,
    )
    return subprocess.run(
        [sys.executable, "-m", "safeboard.manage", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_passes_check_deploy_with_a_private_key(tmp_path):
    result = _safeboard(
        "check", "--deploy", "--fail-level", "WARNING", tmp_path=tmp_path, SECRET_KEY=PRIVATE_KEY
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_with_the_demo_secret(tmp_path):
    result = _safeboard("check", tmp_path=tmp_path, SECRET_KEY=DEMO_SECRET_KEY)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_a_secret(tmp_path):
    result = _safeboard("check", tmp_path=tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_demo_passwords_in_the_environment(tmp_path):
    result = _safeboard(
        "check", tmp_path=tmp_path, SECRET_KEY=PRIVATE_KEY, SAFEBOARD_DEMO_PASSWORD="x"
    )
    assert result.returncode != 0
    assert "SAFEBOARD_DEMO_PASSWORD" in result.stderr


@pytest.mark.django_db
def test_check_deploy_names_accounts_that_still_use_the_demo_password(settings):
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    from safeboard.accounts.factories import UserFactory
    from safeboard.core.demo_credentials import DEFAULT_DEMO_PASSWORD

    user = UserFactory()
    user.set_password(DEFAULT_DEMO_PASSWORD)
    user.save()
    settings.SAFEBOARD_PRODUCTION = True
    with pytest.raises(SystemCheckError, match="safeboard.E002"):
        call_command("check", "--deploy", "--database", "default", "--tag", "database")


def test_production_keeps_connections_and_compiled_templates(tmp_path):
    """Connections are reused between requests (checked before reuse) and templates are
    compiled once per process by the cached loader."""
    script = (
        "from django.conf import settings; from django.template import engines; "
        "database = settings.DATABASES['default']; "
        "print('settings:', database['CONN_MAX_AGE'], database['CONN_HEALTH_CHECKS'], "
        "type(engines['django'].engine.template_loaders[0]).__module__)"
    )
    result = _safeboard("shell", "-c", script, tmp_path=tmp_path, SECRET_KEY=PRIVATE_KEY)
    assert result.returncode == 0, result.stdout + result.stderr
    printed = next(line for line in result.stdout.splitlines() if line.startswith("settings:"))
    assert printed == "settings: 600 True django.template.loaders.cached"
