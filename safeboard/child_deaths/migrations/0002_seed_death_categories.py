"""The categories of death of the national child death review guidance, as data."""

from django.db import migrations

from safeboard.child_deaths.categories import CATEGORIES


def seed(apps, schema_editor):
    DeathCategory = apps.get_model("child_deaths", "DeathCategory")
    for number, name in CATEGORIES:
        DeathCategory.objects.update_or_create(number=number, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("child_deaths", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
