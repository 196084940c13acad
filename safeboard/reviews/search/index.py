"""The full-text index over findings (title, text, evidence) and recommendations (text).

SQLite: one FTS5 table, `reviews_learning_search` (named when the migration made it; a new
name would need a migration of its own), kept in step with the two tables by
triggers in the database. Triggers rather than Django signals because they see every write,
including bulk_create, queryset update() and delete() and cascades from a deleted review,
which signals miss; and they commit or roll back with the write itself. A row's rowid says
what it indexes: twice the finding's id, or twice the recommendation's id plus one. The
review's id is stored beside the text, so search can keep to the reviews a user may see.
SQLite drops a table's triggers when Django rebuilds the table in a later migration, so
`repair()` runs after every migrate and puts back whatever is missing.

PostgreSQL: no copy of the text. A GIN index on the same weighted tsvector expression the
search uses (`finding_document()`), so the planner can use it; see selectors.py.
"""

from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import connection as default_connection
from django.db.models.expressions import CombinedExpression

SEARCH_CONFIG = "english"
FTS_TABLE = "reviews_learning_search"
FINDING, RECOMMENDATION = 0, 1  # rowid = 2 * id + kind

_FTS_CREATE = """
CREATE VIRTUAL TABLE IF NOT EXISTS reviews_learning_search USING fts5(
    title, body, evidence, review_id UNINDEXED,
    tokenize = 'porter unicode61 remove_diacritics 2'
)"""

_TRIGGERS = {
    "reviews_finding_search_insert": """
CREATE TRIGGER IF NOT EXISTS reviews_finding_search_insert AFTER INSERT ON reviews_finding
BEGIN
    INSERT INTO reviews_learning_search (rowid, title, body, evidence, review_id)
    VALUES (2 * new.id, new.title, new.text, new.evidence, new.review_id);
END""",
    "reviews_finding_search_update": """
CREATE TRIGGER IF NOT EXISTS reviews_finding_search_update
AFTER UPDATE OF title, text, evidence, review_id ON reviews_finding
BEGIN
    UPDATE reviews_learning_search
    SET title = new.title, body = new.text, evidence = new.evidence, review_id = new.review_id
    WHERE rowid = 2 * old.id;
END""",
    "reviews_finding_search_delete": """
CREATE TRIGGER IF NOT EXISTS reviews_finding_search_delete AFTER DELETE ON reviews_finding
BEGIN
    DELETE FROM reviews_learning_search WHERE rowid = 2 * old.id;
END""",
    "reviews_recommendation_search_insert": """
CREATE TRIGGER IF NOT EXISTS reviews_recommendation_search_insert
AFTER INSERT ON reviews_recommendation
BEGIN
    INSERT INTO reviews_learning_search (rowid, title, body, evidence, review_id)
    VALUES (2 * new.id + 1, '', new.text, '', new.review_id);
END""",
    "reviews_recommendation_search_update": """
CREATE TRIGGER IF NOT EXISTS reviews_recommendation_search_update
AFTER UPDATE OF text, review_id ON reviews_recommendation
BEGIN
    UPDATE reviews_learning_search SET body = new.text, review_id = new.review_id
    WHERE rowid = 2 * old.id + 1;
END""",
    "reviews_recommendation_search_delete": """
CREATE TRIGGER IF NOT EXISTS reviews_recommendation_search_delete
AFTER DELETE ON reviews_recommendation
BEGIN
    DELETE FROM reviews_learning_search WHERE rowid = 2 * old.id + 1;
END""",
}

_FTS_REBUILD = [
    "DELETE FROM reviews_learning_search",
    """INSERT INTO reviews_learning_search (rowid, title, body, evidence, review_id)
        SELECT 2 * id, title, text, evidence, review_id FROM reviews_finding""",
    """INSERT INTO reviews_learning_search (rowid, title, body, evidence, review_id)
        SELECT 2 * id + 1, '', text, '', review_id FROM reviews_recommendation""",
]


def finding_document() -> CombinedExpression:
    """A finding's words, its title weighing most and its evidence least.

    The sum is a CombinedSearchVector, which the type stubs know only as the expression it is.
    """
    return (
        SearchVector("title", weight="A", config=SEARCH_CONFIG)
        + SearchVector("text", weight="B", config=SEARCH_CONFIG)
        + SearchVector("evidence", weight="C", config=SEARCH_CONFIG)
    )


def recommendation_document() -> SearchVector:
    return SearchVector("text", weight="B", config=SEARCH_CONFIG)


def _postgres_indexes(apps) -> list[tuple[type, GinIndex]]:
    return [
        (
            apps.get_model("reviews", "Finding"),
            GinIndex(finding_document(), name="reviews_finding_search"),
        ),
        (
            apps.get_model("reviews", "Recommendation"),
            GinIndex(recommendation_document(), name="reviews_recommendation_search"),
        ),
    ]


def install(apps, schema_editor) -> None:
    """Create the index for the database in use and fill it (a migration's forward step)."""
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(_FTS_CREATE)
        for statement in _TRIGGERS.values():
            schema_editor.execute(statement)
        for statement in _FTS_REBUILD:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        for model, index in _postgres_indexes(apps):
            schema_editor.add_index(model, index)


def uninstall(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for name in _TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
        schema_editor.execute("DROP TABLE IF EXISTS reviews_learning_search")
    elif vendor == "postgresql":
        for model, index in _postgres_indexes(apps):
            schema_editor.remove_index(model, index)


def missing_triggers(connection=default_connection) -> set[str]:
    """The SQLite triggers that keep the index in step and are not in the database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        present = {row[0] for row in cursor.fetchall()}
    return set(_TRIGGERS) - present


def repair(connection=default_connection) -> bool:
    """On SQLite, put back missing triggers and refill the index from the tables; True if it
    had to. A table rebuilt by a migration loses its triggers (see the module's docstring)."""
    if connection.vendor != "sqlite":
        return False
    tables = connection.introspection.table_names()
    if "reviews_finding" not in tables or FTS_TABLE not in tables:
        return False  # not migrated this far yet
    if not missing_triggers(connection):
        return False
    with connection.cursor() as cursor:
        for statement in _TRIGGERS.values():
            cursor.execute(statement)
        for statement in _FTS_REBUILD:
            cursor.execute(statement)
    return True
