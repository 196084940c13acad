"""`safeboard demo`: builds once, is safe to repeat with --if-empty, never runs in production."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from safeboard.accounts.models import User
from safeboard.accounts.services import hex_key_from_base32
from safeboard.actions.models import Action
from safeboard.challenges.models import Challenge
from safeboard.demo import build
from safeboard.demo.people import TOTP_SECRETS
from safeboard.meetings.models import Attendance
from safeboard.partnership.models import Agency, Person
from safeboard.priorities.models import Priority
from safeboard.risks.models import Risk, RiskReview

pytestmark = pytest.mark.django_db

SHOWCASE_EMAILS = [
    f"{alias}@demo.safeboard.test"
    for alias in (
        "manager",
        "chair",
        "board",
        "lead",
        "practitioner",
        "lay",
        "auditor",
        "learning",
        "reader",
    )
]


def run_demo(*args: str) -> str:
    out = io.StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


def line_for(output: str, email: str) -> str:
    return next(line for line in output.splitlines() if email in line)


def test_the_demo_builds_into_an_empty_database_and_summarises_it():
    output = run_demo()
    assert Agency.objects.count() == 15
    assert "15 agencies, 60 people" in output
    assert f"{Action.objects.count()} actions" in output and "overdue" in output
    assert "1 business plan with 3 priorities, 12 risks" in output
    assert "20 challenges" in output


def test_if_empty_builds_when_the_database_is_empty():
    run_demo("--if-empty")
    assert Person.objects.count() == 60


def test_if_empty_does_nothing_when_a_partnership_exists():
    run_demo()
    counts = (Agency.objects.count(), Person.objects.count(), Action.objects.count())
    output = run_demo("--if-empty")
    assert "demo not built" in output
    assert (Agency.objects.count(), Person.objects.count(), Action.objects.count()) == counts


def test_without_if_empty_a_second_run_refuses_clearly():
    run_demo()
    with pytest.raises(CommandError, match="already holds a partnership"):
        run_demo()
    assert Agency.objects.count() == 15


def test_the_demo_refuses_to_run_in_production(settings):
    settings.SAFEBOARD_PRODUCTION = True
    with pytest.raises(CommandError) as refusal:
        run_demo()
    assert str(refusal.value) == build.PRODUCTION_REFUSED
    assert not Agency.objects.exists()


def test_if_empty_still_refuses_in_production(settings):
    settings.SAFEBOARD_PRODUCTION = True
    with pytest.raises(CommandError, match="never built in production"):
        run_demo("--if-empty")


def test_the_demo_prints_a_login_for_every_kind_of_user_and_the_password():
    output = run_demo()
    for email in SHOWCASE_EMAILS:
        assert email in output
        assert User.objects.filter(email=email, is_active=True).exists()
    assert build.demo_password() in output


def test_every_demo_account_opens_with_the_configured_password(settings):
    settings.DEMO_PASSWORD = "a-different-demo-pass-phrase"
    run_demo()
    for user in User.objects.filter(is_active=True):
        assert user.check_password("a-different-demo-pass-phrase"), user.email


def test_the_demo_prints_the_totp_secret_beside_each_two_factor_login():
    output = run_demo()
    assert TOTP_SECRETS["manager"] in line_for(output, "manager@demo.safeboard.test")
    assert TOTP_SECRETS["chair"] in line_for(output, "chair@demo.safeboard.test")
    assert not any(secret in line_for(output, "lead@demo.") for secret in TOTP_SECRETS.values())


def test_only_two_factor_accounts_get_a_confirmed_device():
    run_demo()
    with_devices = set(
        TOTPDevice.objects.filter(confirmed=True).values_list("user__email", flat=True)
    )
    needing = {user.email for user in User.objects.all() if user.requires_two_factor}
    assert with_devices == needing == {"manager@demo.safeboard.test", "chair@demo.safeboard.test"}


def test_the_printed_totp_secret_verifies_a_token_of_the_managers_device():
    output = run_demo()
    secret = line_for(output, "manager@demo.safeboard.test").split()[-1]
    device = TOTPDevice.objects.get(user__email="manager@demo.safeboard.test")
    token = totp(bytes.fromhex(hex_key_from_base32(secret)), step=device.step, t0=device.t0)
    assert device.verify_token(f"{token:06d}")


def test_the_same_seed_builds_the_same_partnership():
    def snapshot():
        return (
            list(Person.objects.order_by("email").values_list("full_name", "email")),
            list(
                Action.objects.order_by("title", "status", "due_on").values_list(
                    "title", "status", "due_on"
                )
            ),
            list(
                Attendance.objects.order_by("meeting__starts_at", "person__email").values_list(
                    "person__email", "status"
                )
            ),
            list(Priority.objects.values_list("number", "title", "review_date")),
            list(Risk.objects.values_list("reference", "title", "review_date")),
            list(
                RiskReview.objects.order_by("risk__reference", "reviewed_on").values_list(
                    "risk__reference", "reviewed_on", "likelihood", "impact"
                )
            ),
            list(
                Challenge.objects.order_by("reference").values_list(
                    "reference", "title", "status", "response_due_on", "escalation_level"
                )
            ),
        )

    with transaction.atomic():
        build.build_demo(seed=7)
        first = snapshot()
        transaction.set_rollback(True)
    build.build_demo(seed=7)
    assert snapshot() == first


def test_another_seed_builds_a_different_partnership():
    with transaction.atomic():
        build.build_demo(seed=1)
        first = set(Person.objects.values_list("full_name", flat=True))
        transaction.set_rollback(True)
    build.build_demo(seed=2)
    assert set(Person.objects.values_list("full_name", flat=True)) != first
