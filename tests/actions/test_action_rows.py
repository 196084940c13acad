"""An action list's rows read exactly as `format_html` with a `reverse` a row wrote them:
markup in a title, a name or a theme is escaped the same way, and only those who may open an
action get its link."""

from __future__ import annotations

import datetime

import pytest
from django.test import RequestFactory
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

from safeboard.accounts.roles import Role
from safeboard.actions.factories import ActionFactory
from safeboard.actions.models import Action
from safeboard.actions.templatetags.action_rows import action_rows
from safeboard.core.templatetags.govuk_parts import record_link, tag
from safeboard.partnership.factories import PersonFactory

pytestmark = pytest.mark.django_db

# The rows as they were written before, word for word.
_WAS_ROW = (
    '<tr class="govuk-table__row">'
    '<td class="govuk-table__cell">{}</td>'
    '<td class="govuk-table__cell">{}<br><span class="govuk-hint govuk-!-font-size-16">{}</span></td>'
    '<td class="govuk-table__cell">{}</td>'
    '<td class="govuk-table__cell">{}</td>'
    '<td class="govuk-table__cell">{}</td>'
    "</tr>"
)
_WAS_NO_THEME = SafeString('<span class="govuk-hint govuk-!-font-size-16">None</span>')


def _was(context, actions) -> str:
    return format_html_join(
        "\n",
        _WAS_ROW,
        (
            (
                record_link(context, action, action.title),
                action.owner_person.full_name if action.owner_person_id else "",
                action.owner_agency.name if action.owner_agency_id else "",
                f"{action.due_on.day} {action.due_on:%b %Y}",
                tag(action.display_status, action.status_tag_colour),
                ", ".join(str(t) for t in action.theme_list)
                if action.theme_list
                else _WAS_NO_THEME,
            )
            for action in actions
        ),
    )


def _context(user) -> dict:
    request = RequestFactory().get("/")
    request.user = user
    return {"request": request}


@pytest.fixture
def actions(cast):
    agency = cast.home_agency
    agency.name = "Children's Services & <Health>"
    agency.save()
    owner = PersonFactory(full_name='Sam "O\'Neill" <b>', agency=agency)
    today = datetime.date.today()
    made = [
        ActionFactory(
            title="Review <script>alert('x')</script> & \"quotes\"",
            owner_agency=agency,
            owner_person=owner,
            due_on=today - datetime.timedelta(days=3),
        ),
        ActionFactory(title="Plain", owner_agency=agency, owner_person=owner, due_on=today),
        ActionFactory(
            title="Done",
            owner_agency=agency,
            owner_person=owner,
            status=Action.Status.COMPLETE,
            completed_on=today,
        ),
    ]
    themes = [["Neglect & <care>", "Children's voice"], [], ["Recording"]]
    for action, names in zip(made, themes, strict=True):
        action.theme_list = names
    return made, agency


def _readers(cast):
    # The other agency's lead may open none of them: names, not links.
    return [cast[Role.BUSINESS_MANAGER], cast[Role.PRACTITIONER], cast.other_agency_lead]


def test_the_rows_read_as_they_did(cast, actions):
    made, _ = actions
    for user in _readers(cast):
        assert action_rows(_context(user), made) == _was(_context(user), made)


def test_links_only_where_the_reader_may_open(cast, actions):
    made, _ = actions
    manager, outsider = cast[Role.BUSINESS_MANAGER], cast.other_agency_lead
    assert f'href="/actions/{made[0].pk}/"' in action_rows(_context(manager), made)
    assert "href=" not in action_rows(_context(outsider), made)


def test_one_reverse_gives_each_records_address():
    from django.urls import NoReverseMatch, reverse

    from safeboard.core.links import addresses_of

    address_of = addresses_of("actions:detail")
    assert [address_of(pk) for pk in (1, 42, 987654321)] == [
        reverse("actions:detail", kwargs={"pk": pk}) for pk in (1, 42, 987654321)
    ]
    with pytest.raises(NoReverseMatch):
        addresses_of("actions:detail", kwarg="slug")


def test_whoever_may_view_every_action_may_open_each_one(cast, actions):
    """The list's one question stands for the page's own rule asked of each action."""
    from safeboard.core.links import may_open

    made, _ = actions
    everyone = [*cast.by_role.values(), cast.other_agency_lead, cast.no_role]
    assert any(user.has_perm("actions.view_every_action") for user in everyone)
    for user in everyone:
        if user.has_perm("actions.view_every_action"):
            assert all(may_open(user, action.get_absolute_url(), action) for action in made)
