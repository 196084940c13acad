"""Load the standard sets a fresh database starts with: see library_data.py."""

from django.db import migrations


def load_library(apps, schema_editor):
    from safeboard.section11.library_data import STANDARD_SETS

    StandardSet = apps.get_model("section11", "StandardSet")
    Standard = apps.get_model("section11", "Standard")
    for spec in STANDARD_SETS:
        if StandardSet.objects.filter(name=spec["name"]).exists():
            continue
        standard_set = StandardSet.objects.create(
            name=spec["name"], kind=spec["kind"], source=spec["source"]
        )
        Standard.objects.bulk_create(
            Standard(
                standard_set=standard_set,
                code=code,
                position=position,
                title=title,
                description=description,
                sub_standards=list(sub_standards),
            )
            for position, (code, title, description, sub_standards) in enumerate(
                spec["standards"], start=1
            )
        )


def unload_library(apps, schema_editor):
    from safeboard.section11.library_data import STANDARD_SETS

    StandardSet = apps.get_model("section11", "StandardSet")
    StandardSet.objects.filter(
        name__in=[spec["name"] for spec in STANDARD_SETS], cycles__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("section11", "0001_initial")]

    operations = [migrations.RunPython(load_library, unload_library)]
