from safeboard.accounts.roles import BOARD_BUSINESS_READERS, Role
from safeboard.actions.factories import ActionFactory
from tests.access import AccessCase


def _action_history(cast):
    action = ActionFactory(owner_person=cast[Role.PRACTITIONER].person)
    return {"model": "actions.action", "pk": action.pk}


# The History tab is guarded by the rule of the record it shows: here, viewing an action
# owned in the home agency, which every home-agency role may see.
ACCESS_CASES = [
    AccessCase(
        "core:history",
        frozenset(Role.values) | BOARD_BUSINESS_READERS,
        _action_history,
        other_agency_refused=True,
    ),
]
