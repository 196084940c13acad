"""Load the editions of Working Together a fresh database starts with: see framework_data.py."""

from django.db import migrations


def load(apps, schema_editor):
    from safeboard.reviews.frameworks.data import load_editions

    load_editions(
        apps.get_model("reviews", "FrameworkEdition"),
        apps.get_model("reviews", "FrameworkCriterion"),
    )


def unload(apps, schema_editor):
    from safeboard.reviews.frameworks.data import EDITIONS

    FrameworkEdition = apps.get_model("reviews", "FrameworkEdition")
    Review = apps.get_model("reviews", "Review")
    in_use = Review.objects.values("edition")
    FrameworkEdition.objects.filter(code__in=[spec["code"] for spec in EDITIONS]).exclude(
        pk__in=in_use
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("reviews", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
