"""Setting up, opening and answering a cycle through the services."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from safeboard.actions.models import Action
from safeboard.section11 import return_services, services
from safeboard.section11.models import CycleStandard, Evidence, Rating, Return

from .conftest import days, ratings_of, set_up_cycle

PDF = b"%PDF-1.4 a policy\n%%EOF\n"


def _pdf(name="policy.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def _answer_everything(agency_return, *, score=3):
    for rating in ratings_of(agency_return):
        return_services.rating_save(
            rating=rating, self_score=score, commentary="As the policy says."
        )


def test_a_new_cycle_copies_its_sets_standards_and_asks_each_organisation(cast, standard_set):
    cycle = set_up_cycle(standard_set, [cast.home_agency, cast.other_agency])
    assert [s.code for s in cycle.standards.order_by("position")] == ["S-1", "S-2", "S-3"]
    assert set(cycle.returns.values_list("agency_id", flat=True)) == {
        cast.home_agency.pk,
        cast.other_agency.pk,
    }
    assert cycle.is_setting_up


def test_editing_the_library_never_changes_a_cycle_already_set_up(cast, standard_set):
    cycle = set_up_cycle(standard_set, [cast.home_agency])
    library_standard = standard_set.standards.get(code="S-1")
    services.standard_save(
        standard=library_standard,
        code="S-1",
        title="Leadership, rewritten",
        description="",
        sub_standards=[],
    )
    assert cycle.standards.get(code="S-1").title == "Leadership"


def test_the_cycles_copy_changes_only_while_it_is_set_up(cycle):
    standard = cycle.standards.get(code="S-1")
    with pytest.raises(ValidationError) as error:
        services.standard_save(
            standard=standard, code="S-1", title="Changed", description="", sub_standards=[]
        )
    assert services.ONLY_WHILE_SETTING_UP in error.value.messages
    standard.refresh_from_db()
    assert standard.title == "Leadership"


def test_a_standard_code_is_unique_within_its_cycle(cast, standard_set):
    cycle = set_up_cycle(standard_set, [cast.home_agency])
    with pytest.raises(ValidationError) as error:
        services.standard_save(
            standard=CycleStandard(cycle=cycle),
            code="s-2",
            title="Another",
            description="",
            sub_standards=[],
        )
    assert error.value.message_dict["code"] == [services.CODE_TAKEN.format(code="s-2")]


def test_the_scale_is_configurable_before_the_cycle_opens(cast, standard_set):
    cycle = set_up_cycle(standard_set, [cast.home_agency])
    services.cycle_set_scale(
        cycle=cycle,
        scale_min=1,
        scale_max=4,
        met_score=3,
        scale_labels=["No", "Some", "Yes", "Wow"],
    )
    assert cycle.scale.label(4) == "Wow"
    assert cycle.scale.is_met(3) and not cycle.scale.is_met(2)


def test_a_scale_with_too_few_labels_is_refused(cast, standard_set):
    cycle = set_up_cycle(standard_set, [cast.home_agency])
    with pytest.raises(ValidationError) as error:
        services.cycle_set_scale(
            cycle=cycle, scale_min=0, scale_max=4, met_score=3, scale_labels=["a", "b"]
        )
    assert "scale_labels" in error.value.message_dict
    cycle.refresh_from_db()
    assert cycle.scale_max == 3


def test_opening_gives_every_return_a_rating_for_every_standard(cycle):
    for agency_return in cycle.returns.all():
        assert [r.standard.code for r in ratings_of(agency_return)] == ["S-1", "S-2", "S-3"]
        assert agency_return.status == Return.Status.NOT_STARTED
    assert cycle.is_open and cycle.opened_on is not None


def test_saving_an_answer_makes_the_return_a_draft(home_return):
    rating = ratings_of(home_return)[0]
    return_services.rating_save(rating=rating, self_score=2, commentary="Mostly there.")
    home_return.refresh_from_db()
    assert home_return.status == Return.Status.DRAFT
    assert home_return.started_at is not None


def test_a_score_outside_the_scale_is_refused_and_nothing_changes(home_return):
    rating = ratings_of(home_return)[0]
    with pytest.raises(ValidationError) as error:
        return_services.rating_save(rating=rating, self_score=7)
    assert error.value.message_dict["self_score"] == [
        return_services.SCORE_OFF_SCALE.format(minimum=0, maximum=3)
    ]
    rating.refresh_from_db()
    home_return.refresh_from_db()
    assert rating.self_score is None
    assert home_return.status == Return.Status.NOT_STARTED


def test_submitting_with_a_standard_unrated_names_it_and_submits_nothing(home_return):
    first, second, third = ratings_of(home_return)
    return_services.rating_save(rating=first, self_score=3)
    return_services.rating_save(rating=third, self_score=3)
    with pytest.raises(ValidationError) as error:
        return_services.return_submit(agency_return=home_return)
    assert error.value.messages == [return_services.UNRATED.format(code="S-2", title="Training")]
    home_return.refresh_from_db()
    assert home_return.status == Return.Status.DRAFT


def test_a_standard_not_met_needs_an_improvement_plan(home_return, lead):
    _answer_everything(home_return)
    rating = ratings_of(home_return)[1]
    return_services.rating_save(rating=rating, self_score=1)
    with pytest.raises(ValidationError) as error:
        return_services.return_submit(agency_return=home_return)
    assert error.value.messages == [return_services.NO_PLAN.format(code="S-2", title="Training")]

    return_services.improvement_add(
        rating=rating, text="Train every manager", owner_person=lead.person, due_on=days(90)
    )
    return_services.return_submit(agency_return=home_return, submitted_by=lead)
    home_return.refresh_from_db()
    assert home_return.is_submitted


def test_the_improvement_plan_becomes_actions_on_submission(home_return, lead):
    _answer_everything(home_return)
    rating = ratings_of(home_return)[0]
    return_services.rating_save(rating=rating, self_score=0)
    item = return_services.improvement_add(
        rating=rating, text="Name a board-level lead", owner_person=lead.person, due_on=days(60)
    )
    assert not Action.objects.exists()

    return_services.return_submit(agency_return=home_return, submitted_by=lead)

    item.refresh_from_db()
    action = item.action
    assert action.source == item
    assert action.owner_person == lead.person
    assert action.owner_agency == home_return.agency
    assert action.due_on == days(60)
    assert "Name a board-level lead" in action.title


def test_the_person_responsible_must_work_for_the_organisation(home_return, cast):
    rating = ratings_of(home_return)[0]
    with pytest.raises(ValidationError) as error:
        return_services.improvement_add(
            rating=rating,
            text="Something",
            owner_person=cast.other_agency_lead.person,
            due_on=days(30),
        )
    assert "owner_person" in error.value.message_dict
    assert not rating.improvements.exists()


def test_nothing_changes_after_submission(home_return, lead):
    _answer_everything(home_return)
    return_services.return_submit(agency_return=home_return, submitted_by=lead)
    rating = ratings_of(home_return)[0]
    with pytest.raises(ValidationError) as error:
        return_services.rating_save(rating=rating, self_score=1)
    assert error.value.messages == [return_services.RETURN_SUBMITTED]
    with pytest.raises(ValidationError):
        return_services.evidence_add(
            rating=rating, description="Late", dated_on=days(0), file=_pdf()
        )
    rating.refresh_from_db()
    assert rating.self_score == 3
    assert not Evidence.objects.exists()


def test_evidence_keeps_its_own_date_and_a_file_checked_by_its_content(home_return, lead):
    rating = ratings_of(home_return)[0]
    evidence = return_services.evidence_add(
        rating=rating, description="The policy", dated_on=days(-200), file=_pdf(), added_by=lead
    )
    assert evidence.dated_on == days(-200)
    assert evidence.content_type == "application/pdf"
    assert evidence.file.name.startswith(f"section11/evidence/{rating.pk}/")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("policy.exe", b"MZ\x90\x00 a program"),
        ("policy.pdf", b"<html>not a pdf</html>"),
        ("notes.txt", b"plain text is not accepted as evidence"),
    ],
)
def test_evidence_of_a_wrong_type_is_refused_and_nothing_saved(home_return, name, content):
    rating = ratings_of(home_return)[0]
    with pytest.raises(ValidationError) as error:
        return_services.evidence_add(
            rating=rating, description="A file", dated_on=days(0), file=_pdf(name, content)
        )
    assert "file" in error.value.message_dict
    assert not Evidence.objects.exists()
    home_return.refresh_from_db()
    assert home_return.status == Return.Status.NOT_STARTED


def test_evidence_cannot_be_dated_in_the_future(home_return):
    rating = ratings_of(home_return)[0]
    with pytest.raises(ValidationError) as error:
        return_services.evidence_add(rating=rating, description="Soon", dated_on=days(3))
    assert error.value.message_dict["dated_on"] == [return_services.EVIDENCE_IN_FUTURE]


def _submitted_cycle_with_answers(cast, standard_set, lead):
    """A closed previous cycle in which the home agency answered every standard."""
    earlier = set_up_cycle(standard_set, [cast.home_agency], title="Section 11 2024")
    services.cycle_open(cycle=earlier)
    agency_return = earlier.returns.get()
    for rating, score in zip(ratings_of(agency_return), [3, 2, 3], strict=True):
        return_services.rating_save(rating=rating, self_score=score, commentary=f"Scored {score}")
    rating = ratings_of(agency_return)[1]
    return_services.evidence_add(
        rating=rating, description="Training matrix", dated_on=days(-30), file=_pdf()
    )
    return_services.improvement_add(
        rating=rating, text="Refresher training", owner_person=lead.person, due_on=days(100)
    )
    return_services.return_submit(agency_return=agency_return)
    services.cycle_close(cycle=earlier)
    return earlier


def test_opening_carries_forward_last_cycles_answers_to_confirm_or_update(cast, standard_set, lead):
    earlier = _submitted_cycle_with_answers(cast, standard_set, lead)
    cycle = set_up_cycle(standard_set, [cast.home_agency, cast.other_agency], title="S11 2026")
    assert cycle.previous_cycle == earlier
    services.cycle_open(cycle=cycle)

    home = cycle.returns.get(agency=cast.home_agency)
    ratings = ratings_of(home)
    assert [r.self_score for r in ratings] == [3, 2, 3]
    assert all(r.is_carried_forward for r in ratings)
    assert ratings[1].commentary == "Scored 2"
    carried = ratings[1].evidence.get()
    assert carried.is_carried_forward and carried.dated_on == days(-30)
    assert home.carried_forward_from.cycle == earlier
    other = cycle.returns.get(agency=cast.other_agency)
    assert all(r.self_score is None and not r.is_carried_forward for r in ratings_of(other))


def test_an_answer_carried_forward_must_be_confirmed_before_submitting(cast, standard_set, lead):
    _submitted_cycle_with_answers(cast, standard_set, lead)
    cycle = set_up_cycle(standard_set, [cast.home_agency], title="S11 2026")
    services.cycle_open(cycle=cycle)
    home = cycle.returns.get()
    with pytest.raises(ValidationError) as error:
        return_services.return_submit(agency_return=home)
    assert (
        return_services.NOT_CONFIRMED.format(code="S-1", title="Leadership") in error.value.messages
    )

    for rating in ratings_of(home):
        return_services.rating_save(rating=rating, self_score=3)
    return_services.return_submit(agency_return=home)
    assert not Rating.objects.filter(agency_return=home, is_carried_forward=True).exists()


def test_a_cycle_cannot_open_with_its_deadline_passed(cast, standard_set):
    cycle = set_up_cycle(standard_set, [cast.home_agency])
    with pytest.raises(ValidationError) as error:
        services.cycle_open(cycle=cycle, today=days(31))
    assert services.DEADLINE_NOT_AFTER_TODAY in error.value.messages
    cycle.refresh_from_db()
    assert cycle.is_setting_up


def test_an_extension_needs_a_later_date_and_a_reason(home_return):
    with pytest.raises(ValidationError) as error:
        services.return_extend_deadline(agency_return=home_return, extended_to=days(10), reason="")
    assert set(error.value.message_dict) == {"extended_to", "reason"}
    services.return_extend_deadline(
        agency_return=home_return, extended_to=days(45), reason="New safeguarding lead"
    )
    assert home_return.due_on == days(45)
