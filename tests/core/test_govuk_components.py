"""The GOV.UK components render from one compiled environment exactly as the library
renders them: the header, the footer and every component SafeBoard's templates use."""

import re

import pytest
from django.template import Context, Template

from safeboard.core import govuk_components

NAVIGATION = [
    {"text": "Home", "href": "/", "active": True},
    {"text": "Actions & <plans>", "href": "/actions/", "active": False},
    {"text": "Sign out", "href": "/accounts/logout/", "active": False},
]
FOOTER_LINKS = [
    {"text": "Accessibility statement", "href": "/accessibility/"},
    {"text": "Your account", "href": "/accounts/account/"},
]

# Each as SafeBoard's templates write it (grep -rn "gds_" safeboard).
IN_USE = {
    "header": '{% gds_component "service-navigation" serviceName="SafeBoard" serviceUrl="/" '
    'navigation=navigation navigationLabel="Capabilities" %}',
    "header, signed out": '{% gds_component "service-navigation" serviceName="SafeBoard" '
    'serviceUrl="/" navigation=nothing navigationLabel="Capabilities" %}',
    "footer": "{% gds_footer %}"
    '{% gds_footer_meta visuallyHiddenTitle="Support links" %}'
    "{% for link in footer_links %}"
    "{% gds_footer_meta_item href=link.href text=link.text %}{% endfor %}"
    "{% endgds_footer_meta %}"
    '{% gds_footer_content_licence text="SafeBoard: the working system." %}'
    '{% gds_footer_copyright text="Your partnership" %}'
    "{% endgds_footer %}",
    "skip link": '{% gds_component "skip-link" text="Skip to main content" %}',
    "important banner": '{% gds_component "notification-banner" text=message '
    'titleText="Important" %}',
    "success banner": '{% gds_component "notification-banner" type="success" text=message '
    'titleText="Success" %}',
    "panel": '{% gds_component "panel" titleText="Your new API token" text=message %}',
    "warning": '{% gds_component "warning-text" text=message iconFallbackText="Warning" %}',
}


def _render(source: str) -> str:
    context = {
        "navigation": NAVIGATION,
        "nothing": [],
        "footer_links": FOOTER_LINKS,
        "message": "Saved <b>“Ada’s” plan</b> & more",
    }
    return Template("{% load govuk_frontend_django %}" + source).render(Context(context))


@pytest.fixture
def library_render():
    govuk_components.install(govuk_components.library_render)
    yield
    govuk_components.install()


@pytest.fixture
def library_html(library_render) -> dict[str, str]:
    return {name: _render(source) for name, source in IN_USE.items()}


@pytest.mark.parametrize("name", IN_USE)
def test_a_component_renders_as_the_library_renders_it(name, library_html):
    govuk_components.install()
    assert _render(IN_USE[name]) == library_html[name]
    assert _render(IN_USE[name]) == library_html[name]  # and again, from the compiled one


def test_the_components_render_something_and_escape_text():
    html = _render(IN_USE["warning"])
    assert "govuk-warning-text" in html
    assert "&lt;b&gt;" in html and "<b>" not in html


def test_the_environment_and_each_template_are_built_once():
    _render(IN_USE["skip link"])
    environment = govuk_components.environment()
    compiled = govuk_components._template.cache_info().currsize
    _render(IN_USE["skip link"])
    assert govuk_components.environment() is environment
    assert govuk_components._template.cache_info().currsize == compiled


def test_the_installed_render_is_ours():
    from govuk_frontend_django.components.base import GovUKComponent

    assert GovUKComponent.render is govuk_components.render
    assert GovUKComponent.__html__ is govuk_components.render


@pytest.mark.django_db
def test_the_layout_page_is_unchanged(client, library_render):
    before = client.get("/accessibility/").content.decode()
    govuk_components.install()
    after = client.get("/accessibility/").content.decode()
    # The nonce differs per response; the rest must not.

    nonce = re.compile(r'nonce="[^"]*"|"inlineStyleNonce": "[^"]*"')
    assert nonce.sub("", after) == nonce.sub("", before)
