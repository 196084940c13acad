"""Delivery through GOV.UK Notify.

Notify sends only from templates made in its admin pages, so SafeBoard uses one generic
template whose whole content is its personalisation: subject `((subject))`, body `((body))`.
An email with a file attached uses a second template that adds `((file))`, where Notify puts
the link to download the file (Notify sends no attachments, and files only up to 2MB).
Notify has no copies: each address in `to` and `cc` gets its own notification.

Settings (from the environment): GOVUK_NOTIFY_API_KEY, GOVUK_NOTIFY_TEMPLATE_ID,
GOVUK_NOTIFY_FILE_TEMPLATE_ID (only for emails with a file) and, optionally,
GOVUK_NOTIFY_REPLY_TO_ID (a reply-to address set up in Notify).
"""

from __future__ import annotations

import io

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from notifications_python_client.errors import APIError
from notifications_python_client.notifications import NotificationsAPIClient
from notifications_python_client.utils import prepare_upload
from requests import RequestException

from .backends import Email, EmailNotSent


def _setting(name: str) -> str:
    value = getattr(settings, name, "")
    if not value:
        raise ImproperlyConfigured(f"{name} must be set to send email through GOV.UK Notify.")
    return value


class GovukNotifyBackend:
    def __init__(self):
        self.client = NotificationsAPIClient(_setting("GOVUK_NOTIFY_API_KEY"))

    def send(self, email: Email) -> None:
        personalisation = {"subject": email.subject, "body": email.body}
        template_id = _setting("GOVUK_NOTIFY_TEMPLATE_ID")
        if email.attachments:
            if len(email.attachments) > 1:
                raise EmailNotSent("GOV.UK Notify takes one file per email.")
            attachment = email.attachments[0]
            template_id = _setting("GOVUK_NOTIFY_FILE_TEMPLATE_ID")
            try:
                upload = prepare_upload(
                    io.BytesIO(attachment.content), filename=attachment.filename
                )
            except ValueError as error:  # larger than Notify takes
                raise EmailNotSent(str(error)) from error
            personalisation["file"] = upload
        reply_to = getattr(settings, "GOVUK_NOTIFY_REPLY_TO_ID", "") or None
        for address in (*email.to, *email.cc):
            try:
                self.client.send_email_notification(
                    email_address=address,
                    template_id=template_id,
                    personalisation=personalisation,
                    reference=email.reference or None,
                    email_reply_to_id=reply_to,
                )
            except (APIError, RequestException) as error:
                raise EmailNotSent(
                    f"GOV.UK Notify refused the email to {address}: {error}"
                ) from error
