"""Changing the partnership's name and logo."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from PIL import Image, UnidentifiedImageError

from safeboard.accounts.models import User
from safeboard.core.history import history_stamps, save_with_reason
from safeboard.core.uploads import validate_upload

from .models import Branding

LOGO_EXTENSIONS = frozenset({".png", ".jpg", ".jpeg"})
LOGO_MAX_BYTES = 200 * 1024
LOGO_MAX_PIXELS = 1200  # on either side: a header logo shows at 40 pixels high
NAME_REQUIRED = "Enter the partnership's name."
LOGO_TOO_LARGE = f"The logo must be smaller than {LOGO_MAX_BYTES // 1024} KB."
LOGO_NOT_AN_IMAGE = "The logo must be a PNG or JPEG image that opens."
LOGO_TOO_WIDE = f"The logo must be at most {LOGO_MAX_PIXELS} pixels wide and high."
LOGO_TEXT_REQUIRED = "Say what the logo shows, for those who cannot see it."


def check_logo(logo: UploadedFile) -> str:
    """The logo's content type, or a ValidationError on `logo` naming what is wrong."""
    if logo.size and logo.size > LOGO_MAX_BYTES:
        raise ValidationError({"logo": LOGO_TOO_LARGE})
    content_type = validate_upload(logo, field="logo", extensions=LOGO_EXTENSIONS)
    logo.seek(0)
    try:
        with Image.open(logo) as image:
            image.verify()
            width, height = image.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError({"logo": LOGO_NOT_AN_IMAGE}) from error
    finally:
        logo.seek(0)
    if width > LOGO_MAX_PIXELS or height > LOGO_MAX_PIXELS:
        raise ValidationError({"logo": LOGO_TOO_WIDE})
    return content_type


@transaction.atomic
def branding_update(
    *,
    name: str,
    footer_text: str = "",
    uses_open_government_licence: bool = False,
    logo: UploadedFile | None = None,
    logo_text: str = "",
    remove_logo: bool = False,
    updated_by: User | None = None,
) -> Branding:
    """Set the partnership's name, footer line, licence and logo (a new one, kept, or removed)."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": NAME_REQUIRED})
    branding = Branding.objects.select_for_update().first() or Branding()
    content_type = check_logo(logo) if logo is not None else None
    will_have_logo = logo is not None or (bool(branding.logo) and not remove_logo)
    if will_have_logo and not logo_text.strip():
        raise ValidationError({"logo_text": LOGO_TEXT_REQUIRED})
    branding.name = name
    branding.footer_text = footer_text.strip()
    branding.uses_open_government_licence = uses_open_government_licence
    branding.logo_text = logo_text.strip() if will_have_logo else ""
    if logo is not None:
        branding.logo.save(logo.name or "logo", logo, save=False)
        branding.logo_content_type = content_type or ""
    elif remove_logo:
        branding.logo = ""
        branding.logo_content_type = ""
    branding.updated_by = updated_by
    branding.full_clean()
    if updated_by is not None:
        history_stamps(branding)._history_user = updated_by
    save_with_reason(branding, "The partnership's name or logo changed")
    return branding
