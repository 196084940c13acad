"""Free-text impact written on challenges becomes story claims, marked "not checked against
data": SafeBoard did not check it, so it must not read as measured. The text is moved, not
copied, so the challenge log no longer shows it as impact."""

from django.db import migrations
from django.utils import timezone


def challenge_impact_to_stories(apps, schema_editor):
    Challenge = apps.get_model("challenges", "Challenge")
    Claim = apps.get_model("impact", "Claim")
    ContentType = apps.get_model("contenttypes", "ContentType")
    challenge_type, _ = ContentType.objects.get_or_create(app_label="challenges", model="challenge")
    with_impact = Challenge.objects.exclude(impact_evidence="")
    claims = [
        Claim(
            kind="story",
            subject_type=challenge_type,
            subject_id=challenge.pk,
            statement=challenge.impact_evidence.strip(),
            narrative=challenge.impact_evidence.strip(),
            carried_over=True,
            recorded_on=challenge.closed_on or timezone.localdate(),
        )
        for challenge in with_impact
        if challenge.impact_evidence.strip()
    ]
    Claim.objects.bulk_create(claims)
    with_impact.update(impact_evidence="")


def stories_to_challenge_impact(apps, schema_editor):
    Challenge = apps.get_model("challenges", "Challenge")
    Claim = apps.get_model("impact", "Claim")
    ContentType = apps.get_model("contenttypes", "ContentType")
    challenge_type = ContentType.objects.filter(app_label="challenges", model="challenge").first()
    if challenge_type is None:
        return
    carried = Claim.objects.filter(subject_type=challenge_type, kind="story", carried_over=True)
    for claim in carried:
        Challenge.objects.filter(pk=claim.subject_id).update(impact_evidence=claim.narrative)
    carried.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("challenges", "0002_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("impact", "0002_claims_are_withdrawn_with_a_reason"),
    ]

    operations = [migrations.RunPython(challenge_impact_to_stories, stories_to_challenge_impact)]
