"""Every email SafeBoard sends goes through `send_email`.

Which service delivers it is a setting, `SAFEBOARD_NOTIFY_BACKEND`: "django" (the default)
hands it to Django's email backend (`EMAIL_BACKEND`: SMTP, the console, or the test outbox);
"govuk_notify" sends it through GOV.UK Notify, as UK public services are expected to.
Callers write a subject and a plain-text body; each backend turns that into its own message.
"""

from __future__ import annotations

from .backends import Attachment, Email, EmailNotSent, send_email

__all__ = ["Attachment", "Email", "EmailNotSent", "send_email"]
