"""Every list of the partnership runs the same number of queries for 3 records as for 30."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.factories import UserFactory
from safeboard.accounts.roles import Role
from safeboard.partnership.factories import (
    AgencyFactory,
    GroupFactory,
    HandbookPageFactory,
    InductionItemFactory,
    InductionPlanFactory,
    MembershipFactory,
    PersonFactory,
)
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db
MAX_QUERIES = 20
FEW, MANY = 3, 30
LAST_YEAR = timezone.localdate() - datetime.timedelta(days=365)


@pytest.fixture
def queries_for(django_assert_max_num_queries):
    """How many queries one page takes, at most MAX_QUERIES, once caches are warm."""

    def count(client, url) -> int:
        client.get(url)  # warm the content type cache and the session outside the count
        with django_assert_max_num_queries(MAX_QUERIES) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    return count


def _same_count_for_few_and_many(client, url, queries_for, add_records) -> None:
    add_records(FEW)
    few = queries_for(client, url)
    add_records(MANY - FEW)
    assert queries_for(client, url) == few


def _agency_with_people(count):
    for _ in range(count):
        agency = AgencyFactory()
        PersonFactory(agency=agency)
        UserFactory(person=PersonFactory(agency=agency), roles=[Role.AUDITOR])


def test_the_agency_list(manager_client, queries_for):
    url = reverse("partnership:agency_list")
    _same_count_for_few_and_many(manager_client, url, queries_for, _agency_with_people)


def test_the_people_list(manager_client, queries_for):
    def add(count):
        for _ in range(count):
            UserFactory(roles=[Role.PRACTITIONER])
            PersonFactory()

    url = reverse("partnership:person_list")
    _same_count_for_few_and_many(manager_client, url, queries_for, add)


def test_the_group_list(manager_client, queries_for):
    board = GroupFactory(name="Board", kind="board")

    def add(count):
        for _ in range(count):
            group = GroupFactory(parent=board)
            MembershipFactory(group=group)
            MembershipFactory(group=group, ended_on=LAST_YEAR + datetime.timedelta(days=1))

    url = reverse("partnership:group_list")
    _same_count_for_few_and_many(manager_client, url, queries_for, add)


def _plans(count, **plan_fields):
    for _ in range(count):
        plan = InductionPlanFactory(started_on=LAST_YEAR, **plan_fields)
        InductionItemFactory(plan=plan, completed_on=LAST_YEAR)
        InductionItemFactory(plan=plan)


def test_the_induction_list_for_the_business_manager(manager_client, queries_for):
    url = reverse("partnership:induction_list")
    _same_count_for_few_and_many(manager_client, url, queries_for, _plans)


def test_the_induction_list_for_a_buddy(cast, queries_for):
    buddy = cast[Role.BOARD_MEMBER]
    url = reverse("partnership:induction_list")
    client = signed_in_client(buddy)
    _same_count_for_few_and_many(
        client, url, queries_for, lambda count: _plans(count, buddy=buddy.person)
    )


def test_the_handbook(manager_client, queries_for):
    url = reverse("partnership:handbook")
    _same_count_for_few_and_many(
        manager_client, url, queries_for, lambda count: HandbookPageFactory.create_batch(count)
    )


def test_an_agency_page(manager_client, cast, queries_for):
    group = GroupFactory()

    def add(count):
        for _ in range(count):
            user = UserFactory(person=PersonFactory(agency=cast.home_agency))
            MembershipFactory(person=user.person, group=group)

    url = reverse("partnership:agency_detail", args=[cast.home_agency.pk])
    _same_count_for_few_and_many(manager_client, url, queries_for, add)


def test_a_group_page(manager_client, queries_for):
    group = GroupFactory()

    def add(count):
        for _ in range(count):
            MembershipFactory(group=group)
            MembershipFactory(group=group, ended_on=LAST_YEAR + datetime.timedelta(days=1))

    url = reverse("partnership:group_detail", args=[group.pk])
    _same_count_for_few_and_many(manager_client, url, queries_for, add)


def test_an_induction_plan_page(cast, queries_for):
    inductee = cast[Role.LAY_MEMBER]
    plan = InductionPlanFactory(person=inductee.person)
    url = reverse("partnership:induction_detail", args=[plan.pk])
    _same_count_for_few_and_many(
        signed_in_client(inductee),
        url,
        queries_for,
        lambda count: InductionItemFactory.create_batch(count, plan=plan),
    )
