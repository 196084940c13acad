"""Deploy checks: production must not run with anything the demo uses."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, register

from .demo_credentials import DEMO_SECRET_KEY


@register(Tags.security, deploy=True)
def check_no_demo_secret(app_configs, **kwargs):
    if settings.SECRET_KEY == DEMO_SECRET_KEY:
        return [
            Error(
                "SECRET_KEY is the demo key.",
                hint="Set SECRET_KEY to a private random value.",
                id="safeboard.E001",
            )
        ]
    return []


@register(Tags.security, Tags.database, deploy=True)
def check_no_demo_passwords(app_configs, databases=None, **kwargs):
    """Refuse production while any account still opens with a demo password."""
    if not databases or not getattr(settings, "SAFEBOARD_PRODUCTION", False):
        return []
    from django.contrib.auth import get_user_model

    from .demo_credentials import KNOWN_DEMO_PASSWORDS

    User = get_user_model()  # noqa: N806

    exposed = [
        user.email
        for user in User.objects.filter(is_active=True).only("email", "password")
        if any(user.check_password(password) for password in KNOWN_DEMO_PASSWORDS)
    ]
    if exposed:
        return [
            Error(
                f"{len(exposed)} active accounts still use a demo password, e.g. {exposed[0]}.",
                hint="Remove the demo partnership or reset those passwords.",
                id="safeboard.E002",
            )
        ]
    return []
