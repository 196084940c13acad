"""Add Working Together 2015, the criteria the partners should also have regard to (2018 and
2023), and mark the edition whose serious case reviews Ofsted graded (frameworks/data.py)."""

from django.db import migrations


def complete(apps, schema_editor):
    from safeboard.reviews.frameworks.data import complete_editions

    complete_editions(
        apps.get_model("reviews", "FrameworkEdition"),
        apps.get_model("reviews", "FrameworkCriterion"),
    )


class Migration(migrations.Migration):
    dependencies = [("reviews", "0004_partner_agreements_rapid_review_publication_notice")]

    operations = [migrations.RunPython(complete, migrations.RunPython.noop)]
