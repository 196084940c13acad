"""The partnership's own face: its name and logo in every page's header and footer.

One record at most; without it the name comes from the settings (SAFEBOARD_PARTNERSHIP_NAME).
SafeBoard is not a GOV.UK service, so it shows no crown and no Royal Arms, and the Open
Government Licence only where the partnership chooses it for what it publishes.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


def logo_upload_path(branding: Branding, filename: str) -> str:
    return f"branding/{filename}"


class Branding(models.Model):
    name = models.CharField(
        "partnership's name",
        max_length=120,
        help_text="As the partnership calls itself, e.g. Shire Safeguarding Children Partnership.",
    )
    logo = models.FileField(upload_to=logo_upload_path, blank=True)
    logo_content_type = models.CharField(max_length=40, blank=True)
    logo_text = models.CharField(
        "what the logo shows",
        max_length=200,
        blank=True,
        help_text="Read out by screen readers in the footer, e.g. the partnership's emblem.",
    )
    footer_text = models.CharField(
        max_length=300,
        blank=True,
        help_text="A line for the footer, e.g. the partnership's address or registered charity.",
    )
    uses_open_government_licence = models.BooleanField(
        "publish under the Open Government Licence",
        default=False,
        help_text="Only if the partnership chooses it for what it publishes.",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "partnership's name and logo"
        verbose_name_plural = "partnership's name and logo"

    def __str__(self) -> str:
        return self.name
