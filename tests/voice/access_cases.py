from safeboard.accounts.roles import BOARD_BUSINESS_READERS, Role
from safeboard.voice.factories import ActivityFactory, ContributionFactory, ResponseFactory
from tests.access import AccessCase

MANAGER = {Role.BUSINESS_MANAGER}


def _activity(cast):
    return {"pk": ActivityFactory().pk}


def _contribution(cast):
    return {"pk": ContributionFactory().pk}


def _responded(cast):
    return {"pk": ResponseFactory().contribution.pk}


def _published(cast):
    return {"pk": ResponseFactory(published=True).contribution.pk}


ACCESS_CASES = [
    AccessCase("voice:activity_list", BOARD_BUSINESS_READERS),
    AccessCase("voice:activity_create", MANAGER),
    AccessCase("voice:activity_detail", BOARD_BUSINESS_READERS, _activity),
    AccessCase("voice:activity_edit", MANAGER, _activity),
    AccessCase("voice:participation_add", MANAGER, _activity),
    AccessCase("voice:contribution_add", MANAGER, _activity),
    AccessCase("voice:survey_import", MANAGER, _activity),
    AccessCase("voice:contribution_detail", BOARD_BUSINESS_READERS, _contribution),
    AccessCase("voice:contribution_code", MANAGER, _contribution),
    AccessCase("voice:respond", MANAGER, _contribution),
    AccessCase("voice:publish", MANAGER, _responded),
    AccessCase("voice:withdraw", MANAGER, _published),
]
