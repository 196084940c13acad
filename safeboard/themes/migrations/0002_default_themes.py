"""The themes most reviews and audits in England return to, so a new partnership starts with them."""

from django.db import migrations

DEFAULT_THEMES = [
    ("Information sharing", "information-sharing", "Agencies knew things the others needed and did not pass them on, or passed them on too late."),
    ("Professional curiosity", "professional-curiosity", "Accepting what was said at face value; not asking the next question; not seeing the child."),
    ("Voice of the child", "voice-of-the-child", "What the child said, did and experienced, and whether it shaped the plan."),
    ("Domestic abuse", "domestic-abuse", "The impact on children of abuse between adults in the household."),
    ("Neglect", "neglect", "Recognising cumulative harm and acting on it."),
    ("Thresholds", "thresholds", "Shared understanding of when concerns meet the level for a referral or enquiry."),
    ("Supervision", "supervision", "Reflective supervision that challenges drift and optimism."),
    ("Escalation", "escalation", "Using the escalation policy when professionals disagree."),
    ("Fathers and unseen men", "fathers-and-unseen-men", "Men in the household who are absent from assessments and plans."),
    ("Mental health of parents", "parental-mental-health", "How parents' mental ill health affects their care of children."),
    ("Substance misuse", "substance-misuse", "Parents' drug and alcohol use and the risk it brings."),
    ("Child exploitation", "child-exploitation", "Criminal and sexual exploitation, including outside the home."),
    ("Safe sleeping", "safe-sleeping", "Advice to parents of babies, and whether it was heard."),
    ("Disabled children", "disabled-children", "Seeing past the disability to the harm."),
    ("Recording", "recording", "Records that show what was decided, why, and who will do what."),
]


def add_default_themes(apps, schema_editor):
    Theme = apps.get_model("themes", "Theme")
    for position, (name, slug, description) in enumerate(DEFAULT_THEMES, start=1):
        Theme.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("themes", "0001_initial")]
    operations = [migrations.RunPython(add_default_themes, migrations.RunPython.noop)]
