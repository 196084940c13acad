"""The production site these tests request: installed once per module, stopped after."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .server import ProductionSite, free_port, fresh_database


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/production/" in str(item.fspath):
            item.add_marker(pytest.mark.production)


@pytest.fixture(scope="module")
def production_site(tmp_path_factory) -> Iterator[ProductionSite]:
    workdir = tmp_path_factory.mktemp("production")
    with fresh_database(os.environ.get("DATABASE_URL"), workdir) as database_url:
        site = ProductionSite(workdir=workdir, database_url=database_url)
        site.install()
        try:
            yield site
        finally:
            site.stop()


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory) -> Iterator[str]:
    """A Redis server on loopback, for the processes that share their cache through it."""
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed (.ci/run installs it)")
    port = free_port()
    workdir: Path = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", str(workdir)],
        stdout=subprocess.DEVNULL,
    )
    time.sleep(0.5)
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)
