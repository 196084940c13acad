"""govuk-frontend-django's components rendered from one Jinja environment, compiled once.

The library's `GovUKComponent.render` builds a new Jinja `Environment` on every call and
compiles the component's Nunjucks macro again (about 10 ms a tag, ten tags a page: most of
the time of a page that shows only the layout). `render` below does exactly what the
library's does, with the same loader and autoescaping, but from one process-wide environment
whose compiled templates are kept; `install()` (called from core's AppConfig.ready) puts it
in the library's place. The fix belongs in the library: this adapter goes once it compiles
once itself (docs/decisions/0013-govuk-components-compiled-once.md).
"""

from __future__ import annotations

import functools
from typing import Any

from django.utils.safestring import SafeString, mark_safe
from govuk_frontend_django.components.base import GovUKComponent
from jinja2 import (
    ChoiceLoader,
    Environment,
    PackageLoader,
    PrefixLoader,
    Template,
    select_autoescape,
)

# The library's own render, kept so that tests can compare its output with ours.
library_render = GovUKComponent.render


@functools.cache
def environment() -> Environment:
    """The library's environment, built once. The Nunjucks templates ship inside an
    installed package and never change while the process runs, so they are not re-checked."""
    loader = ChoiceLoader(
        [PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")})]
    )
    return Environment(loader=loader, autoescape=select_autoescape(), auto_reload=False)


@functools.cache
def _template(source: str) -> Template:
    return environment().from_string(source)


def _without_none(data: Any) -> None:
    """Drop every key whose value is None, at every depth (as the library does: the macros
    test for a key's presence, not its value)."""
    if isinstance(data, list):
        for item in data:
            _without_none(item)
    elif isinstance(data, dict):
        for key, value in list(data.items()):
            if value is None:
                del data[key]
            elif isinstance(value, dict | list):
                _without_none(value)


def render(
    self: GovUKComponent,
    template_name: object = None,
    context: object = None,
    renderer: object = None,
    component_data: dict[str, Any] | None = None,
) -> SafeString:
    """`GovUKComponent.render`, from the compiled template of the component's macro."""
    template = _template(self.build_jinja_template())
    data = self.__dict__.copy()
    if component_data:
        data.update(component_data)
    _without_none(data)
    return mark_safe(template.render(data=data))  # noqa: S308 (Jinja autoescaped it)


def install(component_render: Any = render) -> None:
    """Render every component with `component_render` (ours by default). `__str__` and
    `__html__` are set too: the library binds them to `render` when the class is made."""
    GovUKComponent.render = component_render  # type: ignore[method-assign]
    GovUKComponent.__str__ = component_render  # type: ignore[method-assign]
    GovUKComponent.__html__ = component_render
