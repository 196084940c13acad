from safeboard.accounts.roles import BOARD_BUSINESS_READERS, Role
from safeboard.actions.factories import ActionFactory
from tests.access import EVERY_ROLE, AccessCase


def _home_action(cast):
    """An action owned by the agency lead's colleague: the practitioner of the home agency."""
    action = ActionFactory(owner_person=cast[Role.PRACTITIONER].person)
    return {"pk": action.pk}


def _evidence(cast):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from safeboard.actions.services import action_add_evidence

    action = ActionFactory(owner_person=cast[Role.PRACTITIONER].person)
    evidence = action_add_evidence(
        action=action,
        description="Re-audit",
        evidence_dated=action.due_on.replace(year=action.due_on.year - 1),
        file=SimpleUploadedFile("note.txt", b"Re-audit result: improved"),
    )
    return {"pk": evidence.pk}


# Home-agency staff may see their agency's actions; the practitioner owns this one.
CAN_VIEW = EVERY_ROLE
CAN_UPDATE = {Role.BUSINESS_MANAGER, Role.AGENCY_LEAD, Role.BOARD_MEMBER, Role.PRACTITIONER}

ACCESS_CASES = [
    AccessCase("actions:mine", EVERY_ROLE),
    AccessCase("actions:agency", EVERY_ROLE),
    AccessCase("actions:all", BOARD_BUSINESS_READERS),
    AccessCase("actions:create", {Role.BUSINESS_MANAGER}),
    AccessCase("actions:detail", CAN_VIEW, _home_action, other_agency_refused=True),
    AccessCase("actions:edit", {Role.BUSINESS_MANAGER}, _home_action, other_agency_refused=True),
    AccessCase("actions:progress", CAN_UPDATE, _home_action, other_agency_refused=True),
    AccessCase("actions:evidence", CAN_UPDATE, _home_action, other_agency_refused=True),
    AccessCase("actions:move_due_date", CAN_UPDATE, _home_action, other_agency_refused=True),
    AccessCase("actions:complete", CAN_UPDATE, _home_action, other_agency_refused=True),
    AccessCase("actions:evidence_file", CAN_VIEW, _evidence, other_agency_refused=True),
]
