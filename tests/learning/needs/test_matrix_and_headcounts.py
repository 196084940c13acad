"""The needs matrix the training team edits, and the headcounts agencies give."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.learning.factories import CourseFactory
from safeboard.learning.models import Headcount, TrainingNeed
from safeboard.learning.needs import selectors, services
from safeboard.partnership.factories import AgencyFactory
from tests.conftest import signed_in_client

from .helpers import role, today

pytestmark = pytest.mark.django_db


def _cells():
    return set(TrainingNeed.objects.values_list("job_role_id", "course_id"))


def test_setting_the_matrix_adds_and_removes_cells():
    worker, teacher = role("Social worker"), role("Teacher")
    basic, core = CourseFactory(), CourseFactory()
    TrainingNeed.objects.create(job_role=teacher, course=core)
    change = services.training_needs_set(cells={(worker.pk, basic.pk), (worker.pk, core.pk)})
    assert _cells() == {(worker.pk, basic.pk), (worker.pk, core.pk)}
    assert (change.added, change.removed) == (2, 1)


def test_cells_of_retired_courses_are_kept():
    worker = role()
    retired = CourseFactory(is_active=False)
    TrainingNeed.objects.create(job_role=worker, course=retired)
    services.training_needs_set(cells=set())
    assert _cells() == {(worker.pk, retired.pk)}


def test_an_unknown_cell_saves_nothing():
    worker, basic = role(), CourseFactory()
    TrainingNeed.objects.create(job_role=worker, course=basic)
    with pytest.raises(ValidationError) as error:
        services.training_needs_set(cells={(worker.pk, basic.pk + 1000)})
    assert error.value.messages == [services.UNKNOWN_CELL]
    assert _cells() == {(worker.pk, basic.pk)}


def test_the_matrix_page_saves_the_ticked_boxes(cast):
    worker, basic = role(), CourseFactory(title="Basic awareness")
    client = signed_in_client(cast[Role.LEARNING_OFFICER])
    page = client.get(reverse("learning:needs_matrix"))
    assert "Social worker needs Basic awareness" in page.text
    response = client.post(
        reverse("learning:needs_matrix"), {"need": [selectors.cell_value(worker.pk, basic.pk)]}
    )
    assert response.status_code == 302
    assert _cells() == {(worker.pk, basic.pk)}
    assert "checked" in client.get(reverse("learning:needs_matrix")).text


def test_a_tampered_box_is_refused_and_nothing_changes(cast):
    worker, basic = role(), CourseFactory()
    TrainingNeed.objects.create(job_role=worker, course=basic)
    client = signed_in_client(cast[Role.LEARNING_OFFICER])
    response = client.post(reverse("learning:needs_matrix"), {"need": ["999-999"]})
    assert response.status_code == 400
    assert services.UNKNOWN_CELL in response.text
    assert _cells() == {(worker.pk, basic.pk)}


def test_the_matrix_page_takes_a_few_queries_however_big(cast, django_assert_max_num_queries):
    roles = [role(f"Role {n}") for n in range(12)]
    for course in [CourseFactory() for _ in range(20)]:
        TrainingNeed.objects.create(job_role=roles[0], course=course)
    client = signed_in_client(cast[Role.LEARNING_OFFICER])
    with django_assert_max_num_queries(12):
        assert client.get(reverse("learning:needs_matrix")).status_code == 200


def test_headcounts_are_created_changed_and_removed():
    agency = AgencyFactory()
    worker, teacher, nurse = role("Social worker"), role("Teacher"), role("Nurse")
    Headcount.objects.create(agency=agency, job_role=teacher, headcount=5, as_of=today())
    Headcount.objects.create(agency=agency, job_role=nurse, headcount=7, as_of=today())
    changed = services.headcounts_set(
        agency=agency,
        counts={worker.pk: 12, teacher.pk: 6, nurse.pk: None},
        as_of=today(),
    )
    assert changed == 3
    assert dict(Headcount.objects.values_list("job_role__name", "headcount")) == {
        "Social worker": 12,
        "Teacher": 6,
    }
    assert Headcount.history.filter(job_role_id=nurse.pk, history_type="-").exists()


def test_a_negative_headcount_is_refused_and_nothing_saved():
    agency, worker, teacher = AgencyFactory(), role("Social worker"), role("Teacher")
    with pytest.raises(ValidationError) as error:
        services.headcounts_set(agency=agency, counts={worker.pk: 3, teacher.pk: -1}, as_of=today())
    assert error.value.message_dict == {f"role_{teacher.pk}": [services.NEGATIVE_HEADCOUNT]}
    assert not Headcount.objects.exists()


def test_an_agency_lead_gives_their_agencys_headcounts(cast):
    worker = role()
    client = signed_in_client(cast[Role.AGENCY_LEAD])
    url = reverse("learning:needs_headcounts", kwargs={"pk": cast.home_agency.pk})
    assert "Social worker" in client.get(url).text
    response = client.post(url, {f"role_{worker.pk}": "25"})
    assert response.status_code == 302
    assert Headcount.objects.get().headcount == 25


def test_a_headcount_that_is_not_a_number_is_refused_on_the_form(cast):
    worker = role()
    client = signed_in_client(cast[Role.AGENCY_LEAD])
    url = reverse("learning:needs_headcounts", kwargs={"pk": cast.home_agency.pk})
    response = client.post(url, {f"role_{worker.pk}": "about forty"})
    assert response.status_code == 400
    assert "Enter the number of social worker staff as a whole number." in response.text
    assert not Headcount.objects.exists()
