from safeboard.accounts.roles import PARTNERSHIP_TEAM, Role
from safeboard.themes.models import Theme
from tests.access import AccessCase

MANAGER = {Role.BUSINESS_MANAGER}


def _theme(cast):
    theme = Theme.objects.create(name="Access theme", slug="access-theme", position=99)
    return {"slug": theme.slug}


def _retired_theme(cast):
    theme = Theme.objects.create(
        name="Retired access theme", slug="retired-access-theme", is_active=False
    )
    return {"slug": theme.slug}


ACCESS_CASES = [
    AccessCase("themes:list", PARTNERSHIP_TEAM),
    AccessCase("themes:create", MANAGER),
    AccessCase("themes:detail", PARTNERSHIP_TEAM, _theme),
    AccessCase("themes:edit", MANAGER, _theme),
    AccessCase("themes:move", MANAGER, _theme, method="post"),
    AccessCase("themes:retire", MANAGER, _theme, method="post"),
    AccessCase("themes:restore", MANAGER, _retired_theme, method="post"),
]
