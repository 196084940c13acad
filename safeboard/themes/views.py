"""The taxonomy of themes: the list, a theme's page, and the business manager's changes."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views import View

from safeboard.core import breadcrumbs
from safeboard.core.selectors import shown_page_sections
from safeboard.core.service_views import ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from . import selectors, services
from .forms import ThemeForm
from .models import Theme


class ThemeMixin(RulePermissionMixin):
    """The theme named by the URL's slug."""

    def get_object(self) -> Theme:
        if not hasattr(self, "_theme"):
            self._theme = get_object_or_404(Theme, slug=self.kwargs["slug"])
        return self._theme


class ThemeListView(RulePermissionMixin, View):
    permission_required = "themes.list_themes"
    crumb_title = "Themes"

    def get(self, request):
        return render(
            request,
            "themes/theme_list.html",
            {
                "themes": list(selectors.active_themes().order_by("position", "name")),
                "retired": list(selectors.retired_themes()),
                "can_manage": request.user.has_perm("themes.manage_themes"),
            },
        )


class ThemeDetailView(ThemeMixin, View):
    permission_required = "themes.view_theme"
    crumb_parent = "themes:list"

    @staticmethod
    def crumb_title(theme: Theme) -> str:
        return theme.name

    def get(self, request, slug):
        theme = self.get_object()
        return render(
            request,
            "themes/theme_detail.html",
            {
                "theme": theme,
                "sections": selectors.theme_page_sections(theme=theme, user=request.user),
                "page_links": shown_page_sections(
                    page="theme_links", record=theme, user=request.user
                ),
                "can_manage": request.user.has_perm("themes.manage_themes"),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class ThemeCreateView(ServiceFormView):
    permission_required = "themes.manage_themes"
    form_class = ThemeForm
    heading = "Add a theme"

    def call_service(self, data):
        return services.theme_create(**data)

    def success_message(self, record):
        return f"The theme \u201c{record.name}\u201d has been added."

    def success_url(self, record):
        return reverse("themes:list")

    crumb_parent = "themes:list"

    def page_context(self):
        return {"lead": "New themes are offered at the end of the list; move them up as needed."}


class ThemeEditView(ThemeMixin, ServiceFormView):
    permission_required = "themes.manage_themes"
    form_class = ThemeForm
    heading = "Rename the theme"
    success_text = "The theme has been changed."

    def initial(self):
        theme = self.get_object()
        return {"name": theme.name, "description": theme.description}

    def call_service(self, data):
        services.theme_update(theme=self.get_object(), **data)

    def success_url(self, record):
        return reverse("themes:detail", kwargs={"slug": self.get_object().slug})

    crumb_parent: breadcrumbs.Parent = breadcrumbs.record

    def page_context(self):
        return {
            "caption": self.get_object().name,
            "lead": "Everything tagged with the theme keeps it under its new name.",
        }


class ThemeChangeView(ThemeMixin, View):
    """A button on the list: one service call, then back to the list with what happened."""

    permission_required = "themes.manage_themes"
    http_method_names = ["post"]

    def change(self, theme: Theme) -> str:
        raise NotImplementedError

    def post(self, request, slug):
        try:
            message = self.change(self.get_object())
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, message)
        return redirect(reverse("themes:list") + f"#theme-{self.get_object().pk}")


class ThemeMoveView(ThemeChangeView):
    def change(self, theme):
        direction = self.request.POST.get("direction", "")
        services.theme_move(theme=theme, direction=direction)
        return f"\u201c{theme.name}\u201d moved {direction}."


class ThemeRetireView(ThemeChangeView):
    def change(self, theme):
        services.theme_retire(theme=theme)
        return (
            f"\u201c{theme.name}\u201d is retired: it stays on what is tagged with it, "
            "but is no longer offered."
        )


class ThemeRestoreView(ThemeChangeView):
    def change(self, theme):
        services.theme_restore(theme=theme)
        return f"\u201c{theme.name}\u201d is in use again."
