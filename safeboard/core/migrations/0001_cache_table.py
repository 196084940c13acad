"""The cache table: rate limits live in the database unless REDIS_URL names a Redis server.

Made by migrate, so a new installation, every web process and the test databases have it
without a separate step (createcachetable does nothing when the cache is Redis).
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies: list[tuple[str, str]] = []

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
