"""SafeBoard as it runs for real, on loopback: production settings, its own database,
collectstatic, `safeboard setup`, gunicorn and the background worker.

Used by the production tests (`pytest -m production`, run by CI against PostgreSQL) and by
the load benchmark. The database is a fresh PostgreSQL database on the server DATABASE_URL
names, or a SQLite file when DATABASE_URL is not PostgreSQL.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

PROJECT_DIR = Path(__file__).resolve().parents[2]
BIN_DIR = Path(sys.executable).parent
MANAGER_EMAIL = "manager@shire-partnership.example"
MANAGER_PASSWORD = "a-long-private-passphrase-for-the-production-check"
AGENCIES_CSV = """name,type,statutory_partner
Shire Council Children's Services,local_authority,yes
Shire Constabulary,police,yes
Shire Integrated Care Board,health_icb,yes
Shire Hospitals NHS Trust,health_trust,no
Shire Schools,education,no
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def fresh_database(base_url: str | None, workdir: Path) -> Iterator[str]:
    """A new, empty database for one production site; dropped afterwards."""
    if not base_url or not base_url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{workdir / 'production.sqlite3'}"
        return
    import psycopg

    name = f"safeboard_production_{secrets.token_hex(4)}"
    parts = urlsplit(base_url)
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class ProductionSite:
    """One installation: its environment, and the processes serving it."""

    workdir: Path
    database_url: str
    extra_env: dict[str, str] = field(default_factory=dict)
    processes: list[subprocess.Popen] = field(default_factory=list)
    base_urls: list[str] = field(default_factory=list)

    @property
    def env(self) -> dict[str, str]:
        environment = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DJANGO_SETTINGS_MODULE", "SAFEBOARD_DEMO_PASSWORD", "SECRET_KEY"}
            and not key.startswith("PYTEST")
        }
        environment.update(
            SAFEBOARD_ENV="production",
            SECRET_KEY="production-check-" + "k" * 48,
            DATABASE_URL=self.database_url,
            SAFEBOARD_VAR_DIR=str(self.workdir),
            MEDIA_ROOT=str(self.workdir / "media"),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            # TLS ends at the reverse proxy; the checks send its X-Forwarded-Proto header.
            SECURE_SSL_REDIRECT="true",
            WEB_CONCURRENCY="2",
            SAFEBOARD_BIND="127.0.0.1:0",
            SAFEBOARD_ACCESS_LOG="",
        )
        environment.update(self.extra_env)
        return environment

    def command(self, *args: str, stdin: str | None = None) -> str:
        result = subprocess.run(
            [str(BIN_DIR / "safeboard"), *args],
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=900,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"safeboard {' '.join(args)} failed:\n{result.stdout}{result.stderr}"
            )
        return result.stdout

    def _prepare(self) -> None:
        """Every release: the built assets in place, migrate, collectstatic."""
        (self.workdir / "assets").symlink_to(PROJECT_DIR / "var" / "assets")
        self.command("migrate", "--no-input", "-v0")
        self.command("collectstatic", "--no-input", "-v0")

    def install(self) -> None:
        """What an operator does once: prepare, then `safeboard setup`."""
        self._prepare()
        agencies = self.workdir / "agencies.csv"
        agencies.write_text(AGENCIES_CSV, encoding="utf-8")
        self.command(
            "setup",
            "--partnership",
            "Shire Safeguarding Children Partnership",
            "--agencies",
            str(agencies),
            "--manager-email",
            MANAGER_EMAIL,
            "--manager-name",
            "Alex Morgan",
            "--manager-agency",
            "Shire Council Children's Services",
            "--password-stdin",
            "--no-input",
            stdin=MANAGER_PASSWORD + "\n",
        )

    def install_demo(self) -> None:
        """The demo partnership instead of `setup`, for the load benchmark: built with the
        demo's own settings (production refuses to build it), then served by production."""
        self._prepare()
        demo_env = {key: value for key, value in self.env.items() if key != "SAFEBOARD_ENV"}
        demo_env["DJANGO_SETTINGS_MODULE"] = "safeboard.config.settings.base"
        result = subprocess.run(
            [str(BIN_DIR / "safeboard"), "demo"],
            env=demo_env,
            capture_output=True,
            text=True,
            timeout=1800,
        )
        if result.returncode != 0:
            raise RuntimeError(f"safeboard demo failed:\n{result.stdout}{result.stderr}")

    def start_web(self, **env: str) -> str:
        """A gunicorn server on a free loopback port; returns its address once it answers."""
        port = free_port()
        environment = {**self.env, "SAFEBOARD_BIND": f"127.0.0.1:{port}", **env}
        log = open(self.workdir / f"gunicorn-{port}.log", "wb")  # noqa: SIM115
        process = subprocess.Popen(
            [
                str(BIN_DIR / "gunicorn"),
                "-c",
                "python:safeboard.config.gunicorn",
                "safeboard.config.wsgi",
            ],
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.processes.append(process)
        base_url = f"http://127.0.0.1:{port}"
        _wait_until_answering(base_url, process, self.workdir / f"gunicorn-{port}.log")
        self.base_urls.append(base_url)
        return base_url

    def start_worker(self) -> subprocess.Popen:
        log = open(self.workdir / "worker.log", "wb")  # noqa: SIM115
        process = subprocess.Popen(
            [str(BIN_DIR / "safeboard"), "db_worker"],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.processes.append(process)
        return process

    def log_of(self, base_url: str) -> str:
        port = base_url.rsplit(":", 1)[1]
        return (self.workdir / f"gunicorn-{port}.log").read_text(errors="replace")

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        self.processes.clear()


def _wait_until_answering(base_url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped:\n{log.read_text(errors='replace')}")
        try:
            request = urllib.request.Request(
                base_url + "/sign-in/", headers={"X-Forwarded-Proto": "https"}
            )
            with urllib.request.urlopen(request, timeout=5):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer within a minute:\n{log.read_text()}")
