"""The partnership's own name and logo head every page; no crown, no Royal Arms, and the Open
Government Licence only where the partnership chooses it."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.public import services
from safeboard.public.models import Branding
from safeboard.public.selectors import partnership_face

from .test_public_site import a_png

GOV_UK_ONLY = ["govuk-footer__crown", "govuk-footer__copyright-logo", "govuk-header__logotype"]
OGL = "Open Government Licence"


def _logo(name="logo.png", content=None):
    return SimpleUploadedFile(name, content if content is not None else a_png())


@pytest.mark.parametrize("url_name", ["accounts:login", "public:front"])
def test_no_page_shows_the_crown_the_royal_arms_or_the_licence(client, db, settings, url_name):
    settings.SAFEBOARD_PARTNERSHIP_NAME = "Borsetshire Safeguarding Children Partnership"
    body = client.get(reverse(url_name)).content.decode()
    for mark in GOV_UK_ONLY:
        assert mark not in body
    assert OGL not in body
    assert "© Borsetshire Safeguarding Children Partnership" in body
    assert 'class="govuk-header' in body


def test_signed_in_pages_show_the_partnerships_name_and_logo(client_for, cast):
    services.branding_update(
        name="Shire Safeguarding Children Partnership",
        logo=_logo(),
        logo_text="A green tree",
        footer_text="County Hall, Shiretown",
    )
    body = client_for(cast[Role.PRACTITIONER]).get(reverse("core:home")).content.decode()
    assert "Shire Safeguarding Children Partnership" in body
    assert f'src="{reverse("public:logo")}"' in body
    assert 'alt="A green tree"' in body
    assert "County Hall, Shiretown" in body
    assert OGL not in body
    for mark in GOV_UK_ONLY:
        assert mark not in body


def test_the_licence_shows_when_the_partnership_chooses_it(client, db):
    services.branding_update(name="Shire Partnership", uses_open_government_licence=True)
    assert OGL in client.get(reverse("public:front")).content.decode()


def test_the_logo_is_served_to_anyone_as_the_image_it_is(client, db):
    services.branding_update(name="Shire Partnership", logo=_logo(), logo_text="Emblem")
    response = client.get(reverse("public:logo"))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_no_logo_answers_not_found(client, db):
    assert client.get(reverse("public:logo")).status_code == 404


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: _logo(content=b"x" * (services.LOGO_MAX_BYTES + 1)), services.LOGO_TOO_LARGE),
        (lambda: _logo("logo.svg", b"<svg></svg>"), "must be a JPEG or PNG file"),
        (lambda: _logo("logo.png", b"\x89PNG\r\n\x1a\nnot really"), "PNG"),
        (lambda: _logo(content=a_png(width=services.LOGO_MAX_PIXELS + 1)), services.LOGO_TOO_WIDE),
    ],
    ids=["too-large", "not-png-or-jpeg", "not-an-image", "too-many-pixels"],
)
def test_a_logo_must_be_a_small_image(db, upload, message):
    with pytest.raises(ValidationError) as error:
        services.branding_update(name="Shire", logo=upload(), logo_text="Emblem")
    assert message in " ".join(error.value.message_dict["logo"])
    assert not Branding.objects.exists()


def test_a_logo_needs_words_for_those_who_cannot_see_it(db):
    with pytest.raises(ValidationError) as error:
        services.branding_update(name="Shire", logo=_logo())
    assert error.value.message_dict["logo_text"] == [services.LOGO_TEXT_REQUIRED]


def test_the_logo_can_be_removed_and_the_name_is_required(db):
    services.branding_update(name="Shire", logo=_logo(), logo_text="Emblem")
    services.branding_update(name="Shire", remove_logo=True)
    assert partnership_face().logo_url == ""
    with pytest.raises(ValidationError):
        services.branding_update(name="  ")


def test_the_business_manager_changes_the_name_and_logo_with_history(client_for, cast):
    manager = cast[Role.BUSINESS_MANAGER]
    response = client_for(manager).post(
        reverse("branding:edit"),
        {"name": "Shire Partnership", "logo": _logo(), "logo_text": "Emblem", "footer_text": ""},
    )
    assert response.status_code == 302
    branding = Branding.objects.get()
    assert branding.name == "Shire Partnership"
    assert branding.history.first().history_user == manager


@pytest.mark.parametrize("role", [Role.CHAIR, Role.READER, Role.AGENCY_LEAD])
def test_nobody_else_changes_the_name_and_logo(client_for, cast, role):
    response = client_for(cast[role]).post(reverse("branding:edit"), {"name": "Taken over"})
    assert response.status_code == 403
    assert not Branding.objects.exists()
