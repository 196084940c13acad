"""The accessibility statement follows the GOV.UK model for public-sector bodies and names the
tools the browser tests use, so it says what was really tested."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings

MODEL_SECTIONS = [
    "How accessible SafeBoard is",
    "Feedback and contact information",
    "Reporting accessibility problems with SafeBoard",
    "Enforcement procedure",
    "Compliance status",
    "Non-accessible content",
    "What we’re doing to improve accessibility",
    "Preparation of this accessibility statement",
]


def test_the_statement_is_public_and_has_the_model_statement_s_sections(client, db):
    response = client.get("/accessibility/")
    assert response.status_code == 200
    text = response.content.decode()
    for heading in MODEL_SECTIONS:
        assert f">{heading}</h" in text, heading
    assert "Equality Advisory and Support Service" in text
    assert "partially compliant" in text


def test_the_statement_names_the_axe_core_the_tests_run_and_what_they_test(client, db):
    lock = json.loads((Path(settings.PROJECT_DIR) / "package-lock.json").read_text())
    axe_version = lock["packages"]["node_modules/axe-core"]["version"]
    text = client.get("/accessibility/").content.decode()
    assert f"axe-core {axe_version}" in text
    for tested in ("320 CSS pixels", "text spacing", "keyboard alone", "Chromium"):
        assert tested in text, tested
