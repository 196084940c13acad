"""Challenge pages from the outside: forms, errors, who may answer, filters and downloads."""

from __future__ import annotations

import csv
import datetime
import html
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.actions.models import Action
from safeboard.challenges import services
from safeboard.challenges.factories import ChallengeFactory, ChallengeResponseFactory
from safeboard.challenges.forms import NO_RESPONSE_DUE
from safeboard.challenges.models import Challenge, ChallengeResponse, EscalationLevel
from tests.challenges.conftest import snapshot
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def manager(cast):
    return signed_in_client(cast[Role.BUSINESS_MANAGER])


@pytest.fixture
def lead(cast):
    return signed_in_client(cast[Role.AGENCY_LEAD])


@pytest.fixture
def challenge(cast):
    """A challenge to the home agency, awaiting its response."""
    return ChallengeFactory(agency=cast.home_agency, title="Strategy discussion attendance")


def _text(response) -> str:
    return html.unescape(response.content.decode())


def _raise_form(cast, **overrides) -> dict:
    data = {
        "agency": cast.other_agency.pk,
        "title": "Health attendance at strategy discussions",
        "issue": "Why does health attend so few strategy discussions?",
        "evidence": "Audit of strategy discussions, spring term.",
        "raised_by": cast[Role.CHAIR].person.pk,
        "raised_on": (TODAY - 2 * DAY).isoformat(),
        "response_due_on": (TODAY + 26 * DAY).isoformat(),
        "priority": "",
    }
    data.update(overrides)
    return data


# Raising


def test_the_raise_form_names_the_current_user_as_the_raiser(cast, manager):
    response = manager.get(reverse("challenges:raise"))
    person = cast[Role.BUSINESS_MANAGER].person
    assert f'<option value="{person.pk}" selected>' in response.content.decode()


def test_the_chair_raises_a_challenge(cast):
    client = signed_in_client(cast[Role.CHAIR])
    response = client.post(reverse("challenges:raise"), _raise_form(cast))
    challenge = Challenge.objects.get()
    assert response.status_code == 302
    assert response["Location"] == challenge.get_absolute_url()
    assert challenge.reference == f"CH-{challenge.raised_on.year}-001"
    assert challenge.agency == cast.other_agency
    assert challenge.created_by == cast[Role.CHAIR]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"response_due_on": (TODAY - 3 * DAY).isoformat()},
            services.RESPONSE_DUE_BEFORE_RAISED,
        ),
        ({"response_due_on": ""}, NO_RESPONSE_DUE),
        ({"raised_on": (TODAY + DAY).isoformat()}, services.RAISED_IN_FUTURE),
        ({"agency": "999999"}, "Select a valid choice."),
    ],
    ids=["due-before-raised", "no-due-date", "raised-in-future", "forged-agency"],
)
def test_a_bad_challenge_is_named_in_the_error_summary_and_not_saved(
    cast, manager, overrides, message
):
    response = manager.post(reverse("challenges:raise"), _raise_form(cast, **overrides))
    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()
    assert message in _text(response)
    assert Challenge.objects.count() == 0


# Responding: only the challenged agency answers


def test_the_agency_lead_responds_to_their_agencys_challenge(cast, lead, challenge):
    response = lead.post(
        reverse("challenges:respond", args=[challenge.pk]), {"text": "We have named a lead."}
    )
    assert response.status_code == 302
    challenge.refresh_from_db()
    assert challenge.status == Challenge.Status.RESPONDED
    assert challenge.responses.get().responded_by == cast[Role.AGENCY_LEAD]


@pytest.mark.parametrize(
    "who",
    ["other_agency_lead", Role.BUSINESS_MANAGER, Role.CHAIR],
    ids=["another-agencys-lead", "business-manager", "chair"],
)
def test_only_the_owning_agency_answers_its_challenges(cast, challenge, who):
    user = cast.other_agency_lead if who == "other_agency_lead" else cast[who]
    before = snapshot(challenge)
    response = signed_in_client(user).post(
        reverse("challenges:respond", args=[challenge.pk]), {"text": "An answer from outside."}
    )
    assert response.status_code == 403
    assert snapshot(challenge) == before


def test_the_owning_agency_sees_the_respond_button_and_the_board_does_not(cast, lead, manager):
    challenge = ChallengeFactory(agency=cast.home_agency)
    respond_url = reverse("challenges:respond", args=[challenge.pk])
    assert respond_url in lead.get(challenge.get_absolute_url()).content.decode()
    assert respond_url not in manager.get(challenge.get_absolute_url()).content.decode()


def test_a_response_to_a_closed_challenge_is_refused_with_a_clear_error(cast, lead):
    challenge = ChallengeFactory(agency=cast.home_agency, closed=True)
    before = snapshot(challenge)
    response = lead.post(reverse("challenges:respond", args=[challenge.pk]), {"text": "Late."})
    assert response.status_code == 400
    assert services.CHALLENGE_CLOSED in _text(response)
    assert snapshot(challenge) == before


def test_an_empty_response_is_refused(lead, challenge):
    response = lead.post(reverse("challenges:respond", args=[challenge.pk]), {"text": ""})
    assert response.status_code == 400
    assert services.RESPONSE_REQUIRED in _text(response)


# Judging


@pytest.fixture
def responded(cast):
    return ChallengeResponseFactory(
        challenge__agency=cast.home_agency, text="We have named a lead."
    ).challenge


def test_the_judgement_page_shows_the_response_being_judged(manager, responded):
    response = manager.get(reverse("challenges:judge", args=[responded.pk]))
    assert "We have named a lead." in _text(response)
    assert "Needed for further challenge or escalation" in _text(response)


def test_a_further_challenge_without_a_new_due_date_is_named_and_changes_nothing(
    manager, responded
):
    before = snapshot(responded)
    response = manager.post(
        reverse("challenges:judge", args=[responded.pk]),
        {"judgement": "further_challenge", "reason": "No figures.", "new_response_due_on": ""},
    )
    assert response.status_code == 400
    assert services.NEW_DUE_DATE_REQUIRED in _text(response)
    assert snapshot(responded) == before


def test_judging_with_no_response_is_refused_with_a_clear_error(manager, challenge):
    before = snapshot(challenge)
    response = manager.post(
        reverse("challenges:judge", args=[challenge.pk]),
        {"judgement": "accepted", "reason": "Fine."},
    )
    assert response.status_code == 400
    assert services.NO_RESPONSE_TO_JUDGE in _text(response)
    assert snapshot(challenge) == before


def test_the_chair_escalates_a_response(cast, responded):
    board_member = cast[Role.BOARD_MEMBER]
    response = signed_in_client(cast[Role.CHAIR]).post(
        reverse("challenges:judge", args=[responded.pk]),
        {
            "judgement": "escalated",
            "reason": "No plan.",
            "new_response_due_on": (TODAY + 14 * DAY).isoformat(),
        },
    )
    assert response.status_code == 302
    responded.refresh_from_db()
    assert responded.status == Challenge.Status.AWAITING_RESPONSE
    assert responded.escalation_level == EscalationLevel.BOARD_MEMBER
    # No board membership in the cast: the home agency's board member account is named.
    assert responded.escalations.get().escalated_to == board_member.person
    page = _text(signed_in_client(board_member).get(responded.get_absolute_url()))
    assert "Escalated to the board member" in page
    assert "No plan." in page


def test_accepting_a_response_leaves_the_challenge_to_be_closed(manager, responded):
    manager.post(
        reverse("challenges:judge", args=[responded.pk]),
        {"judgement": "accepted", "reason": "A clear plan."},
    )
    responded.refresh_from_db()
    assert responded.status == Challenge.Status.RESPONDED
    page = manager.get(responded.get_absolute_url()).content.decode()
    assert reverse("challenges:close", args=[responded.pk]) in page
    assert reverse("challenges:judge", args=[responded.pk]) not in page


# Closing and actions


def test_closing_needs_the_outcome(manager, challenge):
    response = manager.post(
        reverse("challenges:close", args=[challenge.pk]),
        {"outcome": "", "closed_on": TODAY.isoformat()},
    )
    assert response.status_code == 400
    assert services.OUTCOME_REQUIRED in _text(response)
    challenge.refresh_from_db()
    assert challenge.status == Challenge.Status.AWAITING_RESPONSE


def test_the_manager_closes_a_challenge_without_typing_its_impact(manager, challenge):
    form = _text(manager.get(reverse("challenges:close", args=[challenge.pk])))
    assert "Evidence of impact" not in form
    manager.post(
        reverse("challenges:close", args=[challenge.pk]),
        {"outcome": "Lead named.", "closed_on": TODAY.isoformat()},
    )
    challenge.refresh_from_db()
    assert challenge.status == Challenge.Status.CLOSED
    assert challenge.impact_evidence == ""


def test_an_action_added_to_a_challenge_shows_on_its_page(cast, manager, challenge):
    owner = cast[Role.AGENCY_LEAD].person
    response = manager.post(
        reverse("challenges:add_action", args=[challenge.pk]),
        {
            "title": "Name a strategy discussion lead",
            "description": "",
            "owner_person": owner.pk,
            "due_on": (TODAY + 30 * DAY).isoformat(),
        },
    )
    assert response.status_code == 302
    action = Action.objects.get()
    assert action.source == challenge
    page = manager.get(challenge.get_absolute_url()).content.decode()
    assert reverse("actions:detail", args=[action.pk]) in page


def test_the_challenge_page_links_to_its_history(manager, challenge):
    history = reverse("core:history", args=["challenges.challenge", challenge.pk])
    assert history in manager.get(challenge.get_absolute_url()).content.decode()
    assert manager.get(history).status_code == 200


def test_the_challenge_page_shows_the_rounds_and_escalations(cast, manager, challenge):
    services.challenge_respond(challenge=challenge, text="First answer.")
    services.challenge_judge(
        challenge=challenge,
        judgement=ChallengeResponse.Judgement.ESCALATED,
        reason="Not good enough.",
        new_response_due_on=TODAY + 7 * DAY,
        judged_by=cast[Role.CHAIR],
    )
    services.challenge_respond(challenge=challenge, text="Second answer.")
    page = _text(manager.get(challenge.get_absolute_url()))
    assert "Response 1" in page and "First answer." in page
    assert "Board’s judgement: Escalated" in page
    assert "Response 2" in page and "Waiting for the board’s judgement." in page
    assert "Escalated to the agency's board member" in page


# The log and its downloads


@pytest.fixture
def log(cast):
    return [
        ChallengeFactory(agency=cast.home_agency, title="Home awaiting"),
        ChallengeFactory(agency=cast.home_agency, overdue=True, title="Home overdue"),
        ChallengeFactory(agency=cast.other_agency, closed=True, title="Other impact"),
    ]


def test_the_log_filters_by_state(manager, log):
    page = _text(manager.get(reverse("challenges:list"), {"state": "overdue"}))
    assert "Home overdue" in page
    assert "Home awaiting" not in page
    assert "1 challenge." in page


def test_the_log_filters_by_agency_and_words(cast, manager, log):
    page = _text(
        manager.get(reverse("challenges:list"), {"agency": cast.other_agency.pk, "search": "imp"})
    )
    assert "Other impact" in page
    assert "Home" not in page.split("challenge.")[-1]


def test_an_agency_lead_sees_only_their_agencys_challenges_and_no_agency_filter(lead, log):
    page = _text(lead.get(reverse("challenges:list")))
    assert "Home awaiting" in page and "Home overdue" in page
    assert "Other impact" not in page
    assert 'name="agency"' not in page


def test_another_agencys_challenge_page_is_refused(cast, log):
    response = signed_in_client(cast.other_agency_lead).get(log[0].get_absolute_url())
    assert response.status_code == 403


def test_the_log_downloads_as_csv_with_the_filter_applied(manager, log):
    response = manager.get(reverse("challenges:list"), {"state": "closed", "format": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="challenges.csv"'
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:7] == [
        "Reference",
        "Title",
        "Agency",
        "Raised by",
        "Date raised",
        "Response due",
        "Status",
    ]
    assert [row[1] for row in rows[1:]] == ["Other impact"]
    assert rows[1][6] == "Closed"
    assert "Evidence of impact" not in rows[0]


def test_the_log_downloads_as_xlsx(lead, log):
    response = lead.get(reverse("challenges:list"), {"format": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Reference"
    # The agency lead's download holds only their agency's challenges.
    assert sorted(row[1] for row in rows[1:]) == ["Home awaiting", "Home overdue"]
    assert {row[6] for row in rows[1:]} == {"Awaiting response", "Overdue"}


def test_the_summary_shows_each_agency_and_the_totals(cast, log):
    page = _text(signed_in_client(cast[Role.LAY_MEMBER]).get(reverse("challenges:summary")))
    assert cast.home_agency.name in page and cast.other_agency.name in page
    assert "All agencies" in page


def test_the_summary_downloads_as_csv(cast, manager, log):
    response = manager.get(reverse("challenges:summary"), {"format": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == [
        "Agency",
        "All challenges",
        "Open",
        "Overdue",
        "Escalated",
        "Closed",
    ]
    by_agency = {row[0]: row[1:] for row in rows[1:]}
    assert by_agency[cast.home_agency.name] == ["2", "2", "1", "0", "0"]
    assert by_agency[cast.other_agency.name] == ["1", "0", "0", "0", "1"]


def test_the_summary_is_not_for_agency_leads(lead):
    assert lead.get(reverse("challenges:summary"), {"format": "csv"}).status_code == 403
