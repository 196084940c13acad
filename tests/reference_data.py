"""The reference data a fresh database gets from data migrations: themes, Working Together
editions, Section 11 standard sets, the self-assessment's questions.

A transactional test (the browser tests' live server, the booking contention test) empties
every table when it ends, seeded rows included; the next such test would then meet a
partnership with no framework editions. Each seeding function adds only what is missing, so
running them again restores the database a fresh install has.
"""

from __future__ import annotations

import importlib

from django.apps import apps

SEEDING_MIGRATIONS = [
    ("safeboard.themes.migrations.0002_default_themes", "add_default_themes"),
    ("safeboard.reviews.migrations.0002_framework_editions", "load"),
    ("safeboard.section11.migrations.0002_standard_library", "load_library"),
    ("safeboard.self_assessment.migrations.0002_default_questions", "add_default_questions"),
]


def restore_reference_data() -> None:
    for module_name, function_name in SEEDING_MIGRATIONS:
        getattr(importlib.import_module(module_name), function_name)(apps, None)
