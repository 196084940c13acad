from safeboard.accounts.roles import BOARD_BUSINESS_READERS
from safeboard.priorities.factories import PriorityFactory
from safeboard.themes.models import Theme
from tests.access import AccessCase


def _theme(cast):
    theme = Theme.objects.create(name="Chain theme", slug="chain-theme", position=98)
    return {"slug": theme.slug}


def _priority(cast):
    return {"pk": PriorityFactory().pk}


# A chain shows every agency's actions: board business, as the whole action plan is.
ACCESS_CASES = [
    AccessCase("impact:theme_chain", BOARD_BUSINESS_READERS, _theme),
    AccessCase("impact:priority_chain", BOARD_BUSINESS_READERS, _priority),
]
