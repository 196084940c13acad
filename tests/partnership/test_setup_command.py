"""`safeboard setup`: the first run makes the partnership and its first business manager."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from safeboard.accounts.models import User
from safeboard.accounts.roles import Role
from safeboard.partnership import setup_services
from safeboard.partnership.factories import AgencyFactory
from safeboard.partnership.management.commands import setup as setup_command
from safeboard.partnership.models import Agency, Group, Person

pytestmark = pytest.mark.django_db

PASSWORD = "lantern-orchard-velvet-42"
AGENCIES_CSV = (
    "name,type,short_name,statutory_partner\n"
    "Shire Council,Local authority children's services,Council,yes\n"
    "Shire Police,police,,yes\n"
    "NHS Shire Integrated Care Board,HEALTH_ICB,ICB,yes\n"
    "Shire Primary Schools,Education,,\n"
)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _agencies_file(tmp_path, text: str = AGENCIES_CSV, encoding: str = "utf-8"):
    path = tmp_path / "agencies.csv"
    path.write_text(text, encoding=encoding)
    return path


def _setup(
    tmp_path,
    *,
    stdin_text: str = PASSWORD + "\n",
    csv: str | None = AGENCIES_CSV,
    stdin=None,
    **flags,
):
    options = {
        "partnership": "Shire Safeguarding Children Partnership",
        "manager_email": "manager@shire.example",
        "manager_name": "Alex Morgan",
        "manager_agency": "Shire Council",
        "password_stdin": True,
        "interactive": False,
    }
    if csv is not None:
        options["agencies"] = _agencies_file(tmp_path, csv)
    options.update(flags)
    out = io.StringIO()
    stdin = stdin or io.StringIO(stdin_text)
    call_command("setup", stdin=stdin, stdout=out, **options)
    return out.getvalue()


def test_setup_creates_the_agencies_the_board_and_the_business_manager(tmp_path):
    _setup(tmp_path)
    assert set(Agency.objects.values_list("name", "type", "is_statutory_partner")) == {
        ("Shire Council", Agency.Type.LOCAL_AUTHORITY, True),
        ("Shire Police", Agency.Type.POLICE, True),
        ("NHS Shire Integrated Care Board", Agency.Type.HEALTH_ICB, True),
        ("Shire Primary Schools", Agency.Type.EDUCATION, False),
    }
    board = Group.objects.get(kind=Group.Kind.BOARD)
    assert board.name == "Shire Safeguarding Children Partnership Board"
    manager = User.objects.get(email="manager@shire.example")
    assert manager.person.agency.name == "Shire Council"
    assert manager.roles == {Role.BUSINESS_MANAGER}
    assert manager.check_password(PASSWORD)
    assert board.memberships.get().person == manager.person


def test_setup_reports_what_it_made_and_where_to_sign_in(tmp_path, settings):
    settings.SAFEBOARD_SITE_URL = "https://safeboard.shire.example/"
    output = _setup(tmp_path)
    assert "Shire Safeguarding Children Partnership Board" in output
    assert "Created 4 agencies" in output
    assert "Alex Morgan <manager@shire.example>" in output
    assert f"https://safeboard.shire.example{reverse('accounts:login')}" in output
    assert "second factor" in output


def test_the_new_manager_signs_in_and_is_sent_to_enrol_a_second_factor(tmp_path):
    _setup(tmp_path)
    client = Client()
    signed_in = client.post(
        reverse("accounts:login"), {"username": "manager@shire.example", "password": PASSWORD}
    )
    assert signed_in.status_code == 302
    sent_to = client.get(reverse("partnership:agency_list"))
    assert sent_to.status_code == 302
    assert sent_to["Location"].startswith(reverse("accounts:two_factor"))
    enrolment = client.get(sent_to["Location"])
    assert enrolment.status_code == 200
    assert "Set up two-factor authentication" in enrolment.text
    assert "<svg" in enrolment.text  # the QR code to scan
    assert not TOTPDevice.objects.get(user__email="manager@shire.example").confirmed


def test_setup_without_agencies_puts_the_manager_in_the_partnerships_business_unit(tmp_path):
    _setup(tmp_path, csv=None, manager_agency="")
    person = Person.objects.get(email="manager@shire.example")
    assert person.agency.name == "Shire Safeguarding Children Partnership Business Unit"


def test_a_second_run_is_refused_and_changes_nothing(tmp_path):
    _setup(tmp_path)
    with pytest.raises(CommandError, match="already exists"):
        _setup(tmp_path, manager_email="someone.else@shire.example")
    assert User.objects.count() == 1


def test_setup_is_refused_when_the_database_already_holds_agencies(tmp_path):
    AgencyFactory(name="Shire Council")
    with pytest.raises(CommandError) as refusal:
        _setup(tmp_path, csv=None)
    assert setup_services.PARTNERSHIP_EXISTS in str(refusal.value)


def test_a_weak_password_is_refused_and_nothing_is_saved(tmp_path):
    with pytest.raises(CommandError) as refusal:
        _setup(tmp_path, stdin_text="password\n")
    assert "password was refused" in str(refusal.value)
    assert "too common" in str(refusal.value)
    assert not Agency.objects.exists()
    assert not User.objects.exists()


def test_a_password_like_the_managers_name_is_refused(tmp_path):
    with pytest.raises(CommandError, match="too similar"):
        _setup(tmp_path, stdin_text="alexmorgan1\n")


def test_every_bad_line_of_the_agencies_file_is_named_and_nothing_is_saved(tmp_path):
    bad = (
        "name,type\n"
        "Shire Council,local_authority\n"
        ",police\n"
        "Shire Police,constabulary\n"
        "shire council,education\n"
    )
    with pytest.raises(CommandError) as refusal:
        _setup(tmp_path, csv=bad)
    message = str(refusal.value)
    assert setup_services.LINE_NO_NAME.format(line=3) in message
    assert "Line 4: unknown type \u201cconstabulary\u201d" in message
    assert "Line 5: \u201cshire council\u201d is already on line 2." in message
    assert "Line 2" not in message.replace("on line 2", "")
    assert not Agency.objects.exists()


def test_a_statutory_partner_of_another_type_is_refused(tmp_path):
    with pytest.raises(CommandError, match="Line 2: only the local authority"):
        _setup(tmp_path, csv="name,type,statutory_partner\nShire Council,education,yes\n")


def test_an_agencies_file_without_a_type_column_is_refused(tmp_path):
    with pytest.raises(CommandError, match="no type column"):
        _setup(tmp_path, csv="name,short_name\nShire Council,Council\n")


def test_an_agencies_file_saved_by_excel_with_a_byte_order_mark_is_read(tmp_path):
    _setup(tmp_path, csv="\ufeff" + AGENCIES_CSV)
    assert Agency.objects.count() == 4


def test_a_manager_agency_missing_from_the_file_is_refused(tmp_path):
    with pytest.raises(CommandError) as refusal:
        _setup(tmp_path, manager_agency="Shire County Council")
    assert setup_services.MANAGER_AGENCY_NOT_IN_FILE.format(name="Shire County Council") in str(
        refusal.value
    )
    assert not Agency.objects.exists()


def test_without_input_a_missing_value_is_an_error_naming_its_flag(tmp_path):
    with pytest.raises(CommandError) as refusal:
        _setup(tmp_path, manager_email=None)
    assert str(refusal.value) == setup_command.MISSING_VALUE.format(flag="--manager-email")


def test_without_input_a_missing_password_is_an_error_naming_its_flag(tmp_path):
    with pytest.raises(CommandError, match="--password-stdin"):
        _setup(tmp_path, password_stdin=False)


def test_at_a_terminal_setup_asks_for_what_was_not_given(tmp_path, monkeypatch):
    answers = iter(["Shire Safeguarding Children Partnership", "Alex Morgan", ""])
    monkeypatch.setattr("builtins.input", lambda question: next(answers))
    passwords = iter([PASSWORD, PASSWORD])
    monkeypatch.setattr(setup_command.getpass, "getpass", lambda question: next(passwords))
    call_command(
        "setup",
        manager_email="manager@shire.example",
        stdin=_Terminal(),
        stdout=io.StringIO(),
    )
    manager = User.objects.get(email="manager@shire.example")
    assert manager.person.full_name == "Alex Morgan"
    assert manager.check_password(PASSWORD)


def test_at_a_terminal_two_different_passwords_are_refused(tmp_path, monkeypatch):
    passwords = iter([PASSWORD, "a-different-password-17"])
    monkeypatch.setattr(setup_command.getpass, "getpass", lambda question: next(passwords))
    with pytest.raises(CommandError, match=setup_command.PASSWORDS_DIFFER):
        _setup(tmp_path, password_stdin=False, interactive=True, stdin=_Terminal())
    assert not User.objects.exists()


def test_setup_works_under_production_settings_without_demo_credentials(tmp_path, settings):
    settings.SAFEBOARD_PRODUCTION = True
    settings.DEMO_PASSWORD = None
    _setup(tmp_path)
    assert User.objects.get().check_password(PASSWORD)
