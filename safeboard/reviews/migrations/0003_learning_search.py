"""The full-text index over findings and recommendations: an FTS5 table kept in step by
triggers on SQLite, GIN expression indexes on PostgreSQL (see search_index.py)."""

from django.db import migrations

from safeboard.reviews.search import index as search_index


class Migration(migrations.Migration):
    dependencies = [("reviews", "0002_framework_editions")]
    operations = [migrations.RunPython(search_index.install, search_index.uninstall)]
