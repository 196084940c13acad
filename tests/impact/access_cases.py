from safeboard.accounts.roles import Role
from safeboard.actions.factories import ActionFactory
from safeboard.impact import services
from tests.access import AccessCase

# The business manager and the chair add evidence to any record; an agency's lead to its own
# agency's actions.
MAY_ADD_TO_AN_ACTION = frozenset({Role.BUSINESS_MANAGER, Role.CHAIR, Role.AGENCY_LEAD})


def _home_action(cast):
    action = ActionFactory(owner_person__agency=cast.home_agency, owner_agency=cast.home_agency)
    return {"subject": "action", "pk": action.pk}


def _home_action_story(cast):
    return {**_home_action(cast), "kind": "story"}


def _home_claim(cast):
    action = ActionFactory(owner_person__agency=cast.home_agency, owner_agency=cast.home_agency)
    claim = services.claim_add(
        subject=action,
        kind="story",
        by=None,
        statement="A father said he was included.",
        narrative="He said that, for once, he was invited to the meeting.",
        told_by="a father",
        consent_recorded=True,
    )
    return {"pk": claim.pk}


ACCESS_CASES = [
    AccessCase("impact:claim_kind", MAY_ADD_TO_AN_ACTION, _home_action, other_agency_refused=True),
    AccessCase(
        "impact:claim_add", MAY_ADD_TO_AN_ACTION, _home_action_story, other_agency_refused=True
    ),
    AccessCase(
        "impact:claim_withdraw", MAY_ADD_TO_AN_ACTION, _home_claim, other_agency_refused=True
    ),
]
