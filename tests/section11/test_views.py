"""The pages: an organisation answers its own return; bad input shows a clear error and
changes nothing; lists cost a fixed number of queries."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.partnership.factories import AgencyFactory
from safeboard.section11 import chase_services, return_services, services
from safeboard.section11.factories import ChiefOfficerFactory
from safeboard.section11.models import Evidence, Return
from tests.conftest import signed_in_client

from .conftest import days, ratings_of, set_up_cycle


def _rating_url(agency_return, rating, name="section11:rating_edit"):
    return reverse(name, args=[agency_return.pk, rating.pk])


def test_a_lead_scores_a_standard_and_the_return_becomes_a_draft(home_return, lead):
    rating = ratings_of(home_return)[0]
    response = signed_in_client(lead).post(
        _rating_url(home_return, rating), {"self_score": "2", "commentary": "Mostly in place."}
    )
    assert response.status_code == 302
    rating.refresh_from_db()
    home_return.refresh_from_db()
    assert rating.self_score == 2 and home_return.status == Return.Status.DRAFT


def test_a_score_outside_the_scale_gets_a_clear_error(home_return, lead):
    rating = ratings_of(home_return)[0]
    response = signed_in_client(lead).post(_rating_url(home_return, rating), {"self_score": "7"})
    assert response.status_code == 400
    assert return_services.SCORE_OFF_SCALE.format(minimum=0, maximum=3) in response.content.decode()
    rating.refresh_from_db()
    assert rating.self_score is None


def test_evidence_of_a_wrong_type_gets_a_clear_error(home_return, lead):
    rating = ratings_of(home_return)[0]
    upload = SimpleUploadedFile("minutes.pdf", b"this is not a PDF", content_type="application/pdf")
    response = signed_in_client(lead).post(
        _rating_url(home_return, rating, "section11:evidence_add"),
        {"description": "Board minutes", "dated_on": days(-10).isoformat(), "file": upload},
    )
    assert response.status_code == 400
    assert "content does not match its name" in response.content.decode()
    assert not Evidence.objects.exists()


def test_submitting_with_a_standard_unrated_gets_a_clear_error(home_return, lead):
    client = signed_in_client(lead)
    response = client.post(reverse("section11:return_submit", args=[home_return.pk]))
    assert response.status_code == 400
    assert "Score standard S-1, Leadership." in response.content.decode()
    home_return.refresh_from_db()
    assert home_return.status == Return.Status.NOT_STARTED


def test_editing_after_submission_gets_a_clear_error(home_return, lead):
    for rating in ratings_of(home_return):
        return_services.rating_save(rating=rating, self_score=3)
    client = signed_in_client(lead)
    assert client.post(reverse("section11:return_submit", args=[home_return.pk])).status_code == 302
    rating = ratings_of(home_return)[0]
    response = client.post(_rating_url(home_return, rating), {"self_score": "1"})
    assert response.status_code == 400
    assert return_services.RETURN_SUBMITTED in response.content.decode()
    rating.refresh_from_db()
    assert rating.self_score == 3


def test_a_lead_adds_and_downloads_evidence(home_return, lead):
    rating = ratings_of(home_return)[0]
    client = signed_in_client(lead)
    upload = SimpleUploadedFile(
        "policy.pdf", b"%PDF-1.4 the policy\n%%EOF\n", content_type="application/pdf"
    )
    response = client.post(
        _rating_url(home_return, rating, "section11:evidence_add"),
        {"description": "The policy", "dated_on": days(-40).isoformat(), "file": upload},
    )
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    download = client.get(reverse("section11:evidence_file", args=[home_return.pk, evidence.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_evidence_is_never_served_through_another_organisations_return(cycle, cast, lead):
    home = cycle.returns.get(agency=cast.home_agency)
    other = cycle.returns.get(agency=cast.other_agency)
    rating = ratings_of(other)[0]
    evidence = return_services.evidence_add(
        rating=rating,
        description="Theirs",
        dated_on=days(0),
        file=SimpleUploadedFile("a.pdf", b"%PDF-1.4 theirs\n%%EOF\n"),
    )
    client = signed_in_client(lead)
    assert (
        client.get(reverse("section11:evidence_file", args=[home.pk, evidence.pk])).status_code
        == 404
    )
    assert (
        client.get(reverse("section11:evidence_file", args=[other.pk, evidence.pk])).status_code
        == 403
    )


def test_an_organisation_sees_only_its_own_return(cycle, cast, lead):
    client = signed_in_client(lead)
    own = cycle.returns.get(agency=cast.home_agency)
    other = cycle.returns.get(agency=cast.other_agency)
    assert client.get(own.get_absolute_url()).status_code == 200
    assert client.get(other.get_absolute_url()).status_code == 403
    landing = client.get(reverse("section11:cycle_list")).content.decode()
    assert own.get_absolute_url() in landing and other.get_absolute_url() not in landing


def test_the_home_page_shows_a_lead_their_returns_status_and_deadline(home_return, lead):
    page = signed_in_client(lead).get(reverse("core:home")).content.decode()
    assert "Section 11 return" in page
    assert home_return.get_absolute_url() in page
    assert home_return.due_on.strftime("%B %Y") in page


def test_the_chase_list_is_one_click_from_the_landing_and_cycle_pages(cycle, cast):
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    chase_list = reverse("section11:chase_list", args=[cycle.pk])
    assert chase_list in client.get(reverse("section11:cycle_list")).content.decode()
    assert chase_list in client.get(cycle.get_absolute_url()).content.decode()


def test_the_chase_list_shows_non_returners_with_their_history(cycle, cast):
    ChiefOfficerFactory(agency=cast.home_agency, full_name="Alex Morgan")
    chase_services.chase_non_returns(today=cycle.returns_due_on + datetime.timedelta(days=14))
    page = (
        signed_in_client(cast[Role.BUSINESS_MANAGER])
        .get(reverse("section11:chase_list", args=[cycle.pk]))
        .content.decode()
    )
    assert cast.home_agency.name in page and cast.other_agency.name in page
    assert "Escalation letter to the chief officer" in page
    assert "Alex Morgan" in page
    assert f"({cast[Role.AGENCY_LEAD].email})" in page  # who the reminders go to


def test_the_business_manager_sets_up_and_opens_a_cycle_through_the_pages(cast, standard_set):
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    response = client.post(
        reverse("section11:cycle_create"),
        {
            "title": "Section 11 self-assessment 2027",
            "kind": "section_11",
            "frequency": "yearly",
            "standard_set": standard_set.pk,
            "returns_due_on": days(60).isoformat(),
            "agencies": [cast.home_agency.pk],
        },
    )
    assert response.status_code == 302
    cycle = services.Cycle.objects.get(title="Section 11 self-assessment 2027")
    response = client.post(reverse("section11:cycle_open", args=[cycle.pk]))
    assert response.status_code == 302
    cycle.refresh_from_db()
    assert cycle.is_open and cycle.returns.get().ratings.count() == 3


def _many_returns(cast, standard_set, count):
    agencies = [cast.home_agency, cast.other_agency] + [
        AgencyFactory(name=f"Voluntary group {n}") for n in range(count)
    ]
    cycle = services.cycle_open(cycle=set_up_cycle(standard_set, agencies))
    for agency_return in cycle.returns.all()[:3]:
        for rating in ratings_of(agency_return):
            return_services.rating_save(rating=rating, self_score=3)
        return_services.return_submit(agency_return=agency_return)
    for agency_return in cycle.returns.exclude(status=Return.Status.SUBMITTED):
        chase_services.chase_by_hand(
            agency_return=agency_return,
            how=chase_services.HOW_PHONE,
            with_whom="The safeguarding lead",
            note="Promised it next week.",
        )
    return cycle


@pytest.mark.parametrize("count", [2, 12])
def test_the_lists_cost_a_fixed_number_of_queries(
    cast, standard_set, count, django_assert_max_num_queries
):
    cycle = _many_returns(cast, standard_set, count)
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    pages = [
        reverse("section11:cycle_list"),
        cycle.get_absolute_url(),
        reverse("section11:chase_list", args=[cycle.pk]),
        reverse("section11:picture", args=[cycle.pk]),
        reverse("section11:request_list", args=[cycle.pk]),
    ]
    for url in pages:
        # 10, and the partnership's name and logo that every page's header reads.
        with django_assert_max_num_queries(11):
            assert client.get(url).status_code == 200


def test_a_return_page_costs_a_fixed_number_of_queries(
    home_return, lead, django_assert_max_num_queries
):
    for rating in ratings_of(home_return):
        return_services.evidence_add(rating=rating, description="Policy", dated_on=days(-1))
        return_services.rating_save(rating=rating, self_score=1)
        return_services.improvement_add(
            rating=rating, text="Fix it", owner_person=lead.person, due_on=days(9)
        )
    client = signed_in_client(lead)
    with django_assert_max_num_queries(16):
        assert client.get(home_return.get_absolute_url()).status_code == 200


def test_another_organisation_cannot_score_this_return(home_return, cast):
    rating = ratings_of(home_return)[0]
    response = signed_in_client(cast.other_agency_lead).post(
        _rating_url(home_return, rating), {"self_score": "3"}
    )
    assert response.status_code == 403
    rating.refresh_from_db()
    assert rating.self_score is None


def test_the_board_does_not_answer_an_organisations_return(home_return, cast):
    rating = ratings_of(home_return)[0]
    response = signed_in_client(cast[Role.BUSINESS_MANAGER]).post(
        _rating_url(home_return, rating), {"self_score": "3"}
    )
    assert response.status_code == 403
