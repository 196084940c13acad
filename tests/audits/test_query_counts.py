"""The audit lists and pages run as many queries for a few records as for many."""

import pytest
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.audits.factories import (
    AnswerFactory,
    AssignmentFactory,
    AuditRoundFactory,
    FindingFactory,
    ModerationFactory,
    SampleCaseFactory,
)
from safeboard.partnership.factories import AgencyFactory
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def queries_for(django_assert_max_num_queries):
    """How many queries one page takes, once the session and caches are warm."""

    def count(client, url) -> int:
        client.get(url)
        with django_assert_max_num_queries(40) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    return count


def _rounds(count: int, cast) -> None:
    for number in range(count):
        audit_round = AuditRoundFactory(closed=number % 2 == 0)
        case = SampleCaseFactory(round=audit_round)
        AssignmentFactory(case=case, agency=cast.home_agency, auditor=cast[Role.AUDITOR].person)
        ModerationFactory(case=case)


@pytest.mark.parametrize(
    "role", [Role.BUSINESS_MANAGER, Role.BOARD_MEMBER, Role.AUDITOR, Role.AGENCY_LEAD]
)
def test_the_round_list_does_not_grow_with_the_rounds(
    cast, queries_for, django_assert_num_queries, role
):
    client = signed_in_client(cast[role])
    url = reverse("audits:round_list")
    _rounds(2, cast)
    few = queries_for(client, url)
    _rounds(8, cast)
    with django_assert_num_queries(few):
        assert client.get(url).status_code == 200


def _fill(audit_round, cases: int) -> None:
    """Cases answered by three agencies each, moderated, with findings."""
    questions = list(audit_round.tool_version.sections.order_by("position").first().questions.all())
    for number in range(cases):
        case = SampleCaseFactory(round=audit_round)
        for agency_number in range(3):
            assignment = AssignmentFactory(
                case=case, agency=AgencyFactory(name=f"Agency {agency_number}"), submitted=True
            )
            for question in questions:
                AnswerFactory(assignment=assignment, question=question, choice="yes")
        ModerationFactory(case=case)
        FindingFactory(round=audit_round)


@pytest.mark.parametrize("url_name", ["audits:round_detail", "audits:round_report"])
def test_a_rounds_pages_do_not_grow_with_its_cases(cast, queries_for, url_name):
    client = signed_in_client(cast[Role.CHAIR])
    few, many = AuditRoundFactory(), AuditRoundFactory()
    _fill(few, 1)
    _fill(many, 6)
    assert queries_for(client, reverse(url_name, args=[many.pk])) == queries_for(
        client, reverse(url_name, args=[few.pk])
    )


def test_a_cases_page_does_not_grow_with_its_agencies(cast, queries_for):
    client = signed_in_client(cast[Role.CHAIR])
    few, many = SampleCaseFactory(), SampleCaseFactory()
    for case, agencies in ((few, 1), (many, 5)):
        for number in range(agencies):
            AssignmentFactory(case=case, agency=AgencyFactory(name=f"Agency {number}"))
    assert queries_for(client, many.get_absolute_url()) == queries_for(
        client, few.get_absolute_url()
    )


def test_the_tool_list_does_not_grow_with_the_tools(cast, queries_for):
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    url = reverse("audits:tool_list")
    AuditRoundFactory()
    few = queries_for(client, url)
    AuditRoundFactory.create_batch(6)
    assert queries_for(client, url) == few
