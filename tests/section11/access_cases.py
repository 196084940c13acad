from django.core.files.base import ContentFile

from safeboard.accounts.roles import BOARD_BUSINESS_READERS, Role
from safeboard.section11.factories import (
    CycleFactory,
    CycleStandardFactory,
    EvidenceRequestFactory,
    RatingFactory,
    StandardFactory,
)
from safeboard.section11.models import Chase, Evidence
from tests.access import AccessCase

MANAGER = {Role.BUSINESS_MANAGER}
SCRUTINEERS = {Role.BUSINESS_MANAGER, Role.CHAIR}
# The home agency's own representatives answer its return; the board's officers do not.
ANSWERERS = {Role.AGENCY_LEAD, Role.BOARD_MEMBER}
CAN_VIEW_RETURN = SCRUTINEERS | ANSWERERS
CAN_LIST = BOARD_BUSINESS_READERS | {Role.AGENCY_LEAD}


def _cycle(cast):
    return {"pk": CycleFactory(open=True).pk}


def _cycle_setting_up(cast):
    return {"pk": CycleFactory().pk}


def _cycle_standard(cast):
    standard = CycleStandardFactory(cycle=CycleFactory())
    return {"pk": standard.cycle_id, "standard_pk": standard.pk}


def _standard_set(cast):
    return {"pk": StandardFactory().standard_set_id}


def _library_standard(cast):
    standard = StandardFactory()
    return {"pk": standard.standard_set_id, "standard_pk": standard.pk}


def _home_rating(cast, **fields):
    return RatingFactory(agency_return__agency=cast.home_agency, **fields)


def _home_return(cast):
    return {"pk": _home_rating(cast).agency_return_id}


def _home_submitted_return(cast):
    rating = _home_rating(cast, self_score=3, agency_return__submitted=True)
    return {"pk": rating.agency_return_id}


def _home_standard(cast):
    rating = _home_rating(cast)
    return {"pk": rating.agency_return_id, "rating_pk": rating.pk}


def _home_submitted_standard(cast):
    """The board asks for evidence once the return is submitted."""
    rating = _home_rating(cast, self_score=3, agency_return__submitted=True)
    return {"pk": rating.agency_return_id, "rating_pk": rating.pk}


def _home_evidence(cast):
    rating = _home_rating(cast)
    evidence = Evidence(rating=rating, description="Training records", dated_on="2026-01-05")
    evidence.file.save("records.pdf", ContentFile(b"%PDF-1.4 records"), save=False)
    evidence.content_type = "application/pdf"
    evidence.save()
    return {"pk": rating.agency_return_id, "evidence_pk": evidence.pk}


def _home_plan_item(cast):
    rating = _home_rating(cast, self_score=1)
    item = rating.improvements.create(
        text="Train every manager", owner_person=cast[Role.AGENCY_LEAD].person, due_on="2027-01-01"
    )
    return {"pk": rating.agency_return_id, "item_pk": item.pk}


def _home_letter(cast):
    rating = _home_rating(cast)
    chase = Chase(
        agency_return=rating.agency_return,
        kind=Chase.Kind.ESCALATION_LETTER,
        method=Chase.Method.LETTER,
        sent_on="2026-03-01",
        recipients="The chief officer",
    )
    chase.letter.save("letter.pdf", ContentFile(b"%PDF-1.4 letter"), save=False)
    chase.save()
    return {"pk": chase.pk}


def _home_request(cast):
    request = EvidenceRequestFactory(
        rating__agency_return__agency=cast.home_agency, rating__agency_return__submitted=True
    )
    return {"pk": request.pk}


def _home_agency(cast):
    return {"pk": cast.home_agency.pk}


ACCESS_CASES = [
    AccessCase("section11:cycle_list", CAN_LIST),
    AccessCase("section11:cycle_create", MANAGER),
    AccessCase("section11:cycle_detail", BOARD_BUSINESS_READERS, _cycle),
    AccessCase("section11:cycle_edit", MANAGER, _cycle_setting_up),
    AccessCase("section11:cycle_scale", MANAGER, _cycle_setting_up),
    AccessCase("section11:cycle_schedule", MANAGER, _cycle),
    AccessCase("section11:cycle_standards", BOARD_BUSINESS_READERS, _cycle),
    AccessCase("section11:cycle_standard_add", MANAGER, _cycle_setting_up),
    AccessCase("section11:cycle_standard_edit", MANAGER, _cycle_standard),
    AccessCase("section11:cycle_standard_remove", MANAGER, _cycle_standard),
    AccessCase("section11:cycle_open", MANAGER, _cycle_setting_up),
    AccessCase("section11:cycle_close", MANAGER, _cycle),
    AccessCase("section11:picture", BOARD_BUSINESS_READERS, _cycle),
    AccessCase("section11:chase_list", SCRUTINEERS, _cycle),
    AccessCase("section11:request_list", SCRUTINEERS, _cycle),
    AccessCase("section11:sample_draw", MANAGER, _cycle),
    AccessCase("section11:standard_set_list", MANAGER),
    AccessCase("section11:standard_set_detail", MANAGER, _standard_set),
    AccessCase("section11:library_standard_add", MANAGER, _standard_set),
    AccessCase("section11:library_standard_edit", MANAGER, _library_standard),
    AccessCase("section11:return_detail", CAN_VIEW_RETURN, _home_return, other_agency_refused=True),
    AccessCase("section11:return_submit", ANSWERERS, _home_return, other_agency_refused=True),
    AccessCase(
        "section11:return_moderate", MANAGER, _home_submitted_return, other_agency_refused=True
    ),
    AccessCase("section11:chase", MANAGER, _home_return, other_agency_refused=True),
    AccessCase("section11:extend_deadline", MANAGER, _home_return, other_agency_refused=True),
    AccessCase("section11:rating_edit", ANSWERERS, _home_standard, other_agency_refused=True),
    AccessCase("section11:evidence_add", ANSWERERS, _home_standard, other_agency_refused=True),
    AccessCase("section11:improvement_add", ANSWERERS, _home_standard, other_agency_refused=True),
    AccessCase(
        "section11:request_create", MANAGER, _home_submitted_standard, other_agency_refused=True
    ),
    AccessCase(
        "section11:evidence_remove",
        ANSWERERS,
        _home_evidence,
        other_agency_refused=True,
        method="post",
    ),
    AccessCase(
        "section11:evidence_file",
        CAN_VIEW_RETURN,
        _home_evidence,
        other_agency_refused=True,
    ),
    AccessCase(
        "section11:improvement_remove",
        ANSWERERS,
        _home_plan_item,
        other_agency_refused=True,
        method="post",
    ),
    AccessCase("section11:letter_file", CAN_VIEW_RETURN, _home_letter, other_agency_refused=True),
    AccessCase(
        "section11:request_detail", CAN_VIEW_RETURN, _home_request, other_agency_refused=True
    ),
    AccessCase("section11:request_respond", ANSWERERS, _home_request, other_agency_refused=True),
    AccessCase("section11:request_conclude", MANAGER, _home_request, other_agency_refused=True),
    AccessCase("section11:chief_officer", MANAGER, _home_agency),
]
