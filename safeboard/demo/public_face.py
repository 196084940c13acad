"""The demo partnership's public face: its own name in the header and footer, the scorecard
indicators it shares with the public, and a board paper marked for councillors.

Made through the services, as the business manager would.
"""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from safeboard.meetings.models import Meeting
from safeboard.meetings.services import paper_upload
from safeboard.public.services import branding_update
from safeboard.scorecard.models import Indicator
from safeboard.scorecard.public.services import indicator_set_public

from .names import PARTNERSHIP_NAME
from .people import Directory
from .timeline import Clock

PUBLIC_INDICATORS = ("CSC-02", "CSC-03", "CSC-05")
READERS_PAPER = "Performance summary for councillors"


def build_public_face(*, clock: Clock, directory: Directory) -> None:
    manager = directory.manager
    branding_update(
        name=PARTNERSHIP_NAME,
        footer_text="The partnership of the county council, the police and the health services.",
        updated_by=manager,
    )
    for indicator in Indicator.objects.filter(code__in=PUBLIC_INDICATORS, is_active=True):
        indicator_set_public(
            indicator=indicator,
            is_public=True,
            reason="The board agreed to share it with the public",
            changed_by=manager,
        )
    meeting = (
        Meeting.objects.filter(starts_at__date__lt=clock.today, group__kind="board")
        .order_by("-starts_at")
        .first()
    )
    if meeting is not None:
        paper_upload(
            meeting=meeting,
            title=READERS_PAPER,
            file=SimpleUploadedFile(
                "performance-summary.txt",
                b"How the partnership did this quarter, in plain words, for councillors.\n",
            ),
            uploaded_by=manager,
            for_readers=True,
        )
