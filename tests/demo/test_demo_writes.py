"""The demo partnership is made through the apps' services and factories, never the ORM itself.

A service makes a record the way a user would; a factory makes one the product could not
(dated in the past, in a state no form allows) or many at once. Either way the app owns
how its records are made, so the demo cannot drift from it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import safeboard.demo

DEMO = Path(safeboard.demo.__file__).parent

# Methods that write whatever they are called on.
ALWAYS_WRITES = {"save", "bulk_create", "bulk_update", "bulk_history_create"}
# Methods that write when called on a manager or a queryset (dict.update is fine).
QUERYSET_WRITES = {"create", "update", "delete", "get_or_create", "update_or_create"}
QUERYSET_MARKERS = {"objects", "_default_manager", "history", "filter", "exclude", "all"}
# Functions that write.
WRITING_FUNCTIONS = {"bulk_create_with_history", "bulk_update_with_history"}

# Modules allowed to write, and why.
ALLOWED = {
    # Services and factories stamp records with the moment they run; this dates them, and
    # their History entries, to the day they would have happened.
    "timeline.py",
}
# The scorecard's demo is moved here and converted on its own.
ALLOWED_PREFIXES = ("scorecard",)


def _receiver_names(node: ast.AST) -> set[str]:
    """Every attribute and method named on the way to the call: `X.objects.filter(...)`."""
    names = set()
    while isinstance(node, ast.Attribute | ast.Call):
        if isinstance(node, ast.Call):
            node = node.func
            continue
        names.add(node.attr)
        node = node.value
    return names


def _writes(func: ast.AST) -> bool:
    if isinstance(func, ast.Name):
        return func.id in WRITING_FUNCTIONS
    if isinstance(func, ast.Attribute):
        return func.attr in ALWAYS_WRITES or (
            func.attr in QUERYSET_WRITES and bool(_receiver_names(func.value) & QUERYSET_MARKERS)
        )
    return False


def writes_in(source: str) -> list[tuple[int, str]]:
    """Each call in `source` that writes through the ORM, by line."""
    return [
        (node.lineno, ast.unparse(node.func))
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call) and _writes(node.func)
    ]


def _demo_modules() -> list[Path]:
    return [
        path
        for path in sorted(DEMO.rglob("*.py"))
        if path.name not in ALLOWED and not path.name.startswith(ALLOWED_PREFIXES)
    ]


def test_demo_code_writes_only_through_services_and_factories():
    writes = [
        f"{path.relative_to(DEMO)}:{line}: {call}"
        for path in _demo_modules()
        for line, call in writes_in(path.read_text())
    ]
    assert writes == [], "The demo writes through the ORM; use the app's service or factory:\n" + (
        "\n".join(writes)
    )


def test_the_check_finds_each_kind_of_write():
    source = """
Agency.objects.create(name="x")
Person.objects.bulk_create(people)
record.save(update_fields=["x"])
Review.objects.filter(pk=1).update(referred_at=when)
record.history.update(history_date=when)
Action.objects.bulk_update(actions, ["created_at"])
bulk_create_with_history(items, Item)
"""
    assert [line for line, _ in writes_in(source)] == [2, 3, 4, 5, 6, 7, 8]


def test_the_check_lets_factories_services_and_dicts_be():
    source = """
AgencyFactory.create_in_bulk(agencies, with_history=True)
services.action_create(title="x")
groups.update({"board": board})
LearnerFactory(full_name="x")
"""
    assert writes_in(source) == []
