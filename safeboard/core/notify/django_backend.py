"""Delivery through Django's own email backend (`EMAIL_BACKEND`)."""

from __future__ import annotations

from django.core.mail import EmailMessage

from .backends import Email, EmailNotSent


class DjangoEmailBackend:
    def __init__(self, connection=None):
        self.connection = connection

    def send(self, email: Email) -> None:
        message = EmailMessage(
            email.subject,
            email.body,
            to=list(email.to),
            cc=list(email.cc),
            connection=self.connection,
        )
        for attachment in email.attachments:
            message.attach(attachment.filename, attachment.content, attachment.mimetype)
        try:
            message.send()
        except OSError as error:  # smtplib's errors, a refused connection, ...
            raise EmailNotSent(str(error)) from error
