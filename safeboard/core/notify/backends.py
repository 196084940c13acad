"""The one email interface, and the backend that a setting chooses for it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

BACKENDS = {
    "django": "safeboard.core.notify.django_backend.DjangoEmailBackend",
    "govuk_notify": "safeboard.core.notify.govuk_notify.GovukNotifyBackend",
}


class EmailNotSent(OSError):
    """The email could not be delivered. An OSError, as the mail server's own errors are,
    so every backend's failure is caught the same way."""


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mimetype: str


@dataclass(frozen=True)
class Email:
    to: tuple[str, ...]
    subject: str
    body: str
    cc: tuple[str, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    # Kept by the provider with the message (GOV.UK Notify's `reference`), to find it again.
    reference: str = ""


class Backend(Protocol):
    def send(self, email: Email) -> None: ...


def send_email(
    *,
    to: Sequence[str],
    subject: str,
    body: str,
    cc: Sequence[str] = (),
    attachments: Sequence[Attachment] = (),
    reference: str = "",
    connection=None,
) -> None:
    """Send one plain-text email; raises EmailNotSent when it cannot be delivered.

    `connection` is a Django mail connection that this email must go through whatever the
    setting says (the demo passes a dummy one so that replaying history sends nothing)."""
    email = Email(
        to=tuple(to),
        subject=subject,
        body=body,
        cc=tuple(cc),
        attachments=tuple(attachments),
        reference=reference,
    )
    if connection is not None:
        from .django_backend import DjangoEmailBackend

        DjangoEmailBackend(connection=connection).send(email)
        return
    backend().send(email)


def backend() -> Backend:
    """The backend named by `SAFEBOARD_NOTIFY_BACKEND`."""
    name = getattr(settings, "SAFEBOARD_NOTIFY_BACKEND", "django") or "django"
    try:
        path = BACKENDS[name]
    except KeyError:
        raise ImproperlyConfigured(
            f"SAFEBOARD_NOTIFY_BACKEND is {name!r}; choose one of {', '.join(BACKENDS)}."
        ) from None
    return import_string(path)()
