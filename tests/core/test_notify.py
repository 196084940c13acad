"""Every email goes through one interface; a setting chooses who delivers it."""

from __future__ import annotations

from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import get_connection
from notifications_python_client.errors import HTTPError

from safeboard.core import notify
from safeboard.core.notify import Attachment, EmailNotSent, send_email
from safeboard.core.notify.django_backend import DjangoEmailBackend
from safeboard.core.notify.govuk_notify import GovukNotifyBackend

TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a"
FILE_TEMPLATE = "0d9e7c22-5b1d-4d6e-9f0a-1b2c3d4e5f60"
PDF = Attachment("letter.pdf", b"%PDF-1.4 a letter", "application/pdf")


@pytest.fixture
def govuk_notify(settings):
    settings.SAFEBOARD_NOTIFY_BACKEND = "govuk_notify"
    settings.GOVUK_NOTIFY_API_KEY = "safeboard_test-key"
    settings.GOVUK_NOTIFY_TEMPLATE_ID = TEMPLATE
    settings.GOVUK_NOTIFY_FILE_TEMPLATE_ID = FILE_TEMPLATE
    with mock.patch("safeboard.core.notify.govuk_notify.NotificationsAPIClient") as client_class:
        yield client_class


def test_by_default_django_sends_the_email_as_written():
    send_email(to=["lead@shire.example"], subject="Reminder", body="Your return is due.")

    [message] = mail.outbox
    assert (message.to, message.subject, message.body) == (
        ["lead@shire.example"],
        "Reminder",
        "Your return is due.",
    )


def test_django_sends_copies_and_attachments():
    send_email(
        to=["chief@shire.example"], cc=["lead@shire.example"], subject="Escalation", body="..."
    )
    send_email(to=["chief@shire.example"], subject="Letter", body="...", attachments=[PDF])

    assert mail.outbox[0].cc == ["lead@shire.example"]
    assert mail.outbox[1].attachments == [("letter.pdf", b"%PDF-1.4 a letter", "application/pdf")]


def test_a_given_connection_is_used_whatever_the_setting(settings):
    settings.SAFEBOARD_NOTIFY_BACKEND = "govuk_notify"  # unconfigured: would refuse to send
    quiet = get_connection("django.core.mail.backends.dummy.EmailBackend")

    send_email(to=["lead@shire.example"], subject="S", body="B", connection=quiet)

    assert mail.outbox == []


def test_a_refused_connection_is_email_not_sent():
    refused = mock.patch("django.core.mail.EmailMessage.send", side_effect=ConnectionRefusedError)
    with refused, pytest.raises(EmailNotSent):
        send_email(to=["lead@shire.example"], subject="S", body="B")


def test_the_setting_picks_the_backend(settings, govuk_notify):
    assert isinstance(notify.backends.backend(), GovukNotifyBackend)
    settings.SAFEBOARD_NOTIFY_BACKEND = "django"
    assert isinstance(notify.backends.backend(), DjangoEmailBackend)


def test_an_unknown_backend_is_named(settings):
    settings.SAFEBOARD_NOTIFY_BACKEND = "pigeon"
    with pytest.raises(ImproperlyConfigured, match="pigeon"):
        send_email(to=["lead@shire.example"], subject="S", body="B")


def test_govuk_notify_needs_its_api_key(settings, govuk_notify):
    settings.GOVUK_NOTIFY_API_KEY = ""
    with pytest.raises(ImproperlyConfigured, match="GOVUK_NOTIFY_API_KEY"):
        send_email(to=["lead@shire.example"], subject="S", body="B")


def test_govuk_notify_sends_subject_and_body_through_the_generic_template(govuk_notify):
    send_email(
        to=["chief@shire.example"],
        cc=["lead@shire.example"],
        subject="Escalation",
        body="Your return is overdue.",
        reference="escalation-7",
    )

    govuk_notify.assert_called_once_with("safeboard_test-key")
    sent = govuk_notify.return_value.send_email_notification
    expected = {
        "template_id": TEMPLATE,
        "personalisation": {"subject": "Escalation", "body": "Your return is overdue."},
        "reference": "escalation-7",
        "email_reply_to_id": None,
    }
    assert sent.call_args_list == [
        mock.call(email_address="chief@shire.example", **expected),
        mock.call(email_address="lead@shire.example", **expected),
    ]
    assert mail.outbox == []


def test_govuk_notify_links_an_attached_file_through_the_file_template(settings, govuk_notify):
    settings.GOVUK_NOTIFY_REPLY_TO_ID = "reply-to-id"
    send_email(to=["chief@shire.example"], subject="Letter", body="B", attachments=[PDF])

    kwargs = govuk_notify.return_value.send_email_notification.call_args.kwargs
    assert kwargs["template_id"] == FILE_TEMPLATE
    assert kwargs["email_reply_to_id"] == "reply-to-id"
    assert kwargs["reference"] is None
    assert kwargs["personalisation"]["file"]["filename"] == "letter.pdf"
    assert kwargs["personalisation"]["file"]["file"] == "JVBERi0xLjQgYSBsZXR0ZXI="


def test_govuk_notify_refusing_is_email_not_sent(govuk_notify):
    govuk_notify.return_value.send_email_notification.side_effect = HTTPError(message="bad")
    with pytest.raises(EmailNotSent, match="lead@shire.example"):
        send_email(to=["lead@shire.example"], subject="S", body="B")
