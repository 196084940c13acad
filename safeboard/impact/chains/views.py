"""The chain of learning of a theme and of a priority: a table, the chart beside it, and the
same chain as CSV or Excel (`?format=csv` or `?format=xlsx`)."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.text import slugify
from django.views import View

from safeboard.core import breadcrumbs
from safeboard.core.exports import EXPORT_FORMATS, export_response
from safeboard.core.service_views import RecordMixin
from safeboard.core.views_mixins import RulePermissionMixin
from safeboard.priorities.models import Priority
from safeboard.themes.views import ThemeMixin

from ..judging import Standing
from . import selectors
from .chart import chain_chart
from .exports import COLUMNS, chain_lines

TEMPLATE = "impact/chains/chain.html"


def _respond(view, request, *, chain: selectors.Chain, subject, kind: str, name: str):
    export_format = request.GET.get("format")
    if export_format in EXPORT_FORMATS:
        return export_response(
            rows=chain_lines(chain),
            columns=COLUMNS,
            file_format=export_format,
            filename=f"chain-{slugify(name)}",
        )
    return render(
        request,
        TEMPLATE,
        {
            "chain": chain,
            "subject": subject,
            "kind": kind,
            "chart": chain_chart(
                stages=chain.stages,
                title=f"How far the findings about {chain.title} got",
                chart_id="chain-chart",
            ),
            "supported": chain.claims_standing(Standing.SUPPORTED),
            "not_supported": chain.claims_standing(Standing.NOT_SUPPORTED),
            "can_scrutinise": request.user.has_perm("impact.view_scrutiny"),
            "crumbs": breadcrumbs.page_trail(view),
        },
    )


class ThemeChainView(ThemeMixin, View):
    permission_required = "impact.view_chain"
    crumb_title = "Chain from finding to impact"

    @staticmethod
    def crumb_parent(theme):
        return theme

    def get(self, request, slug):
        theme = self.get_object()
        chain = selectors.theme_chain(theme=theme, user=request.user)
        return _respond(self, request, chain=chain, subject=theme, kind="theme", name=theme.slug)


class PriorityChainView(RecordMixin, RulePermissionMixin, View):
    permission_required = "impact.view_chain"
    crumb_title = "Chain from finding to impact"
    model = Priority

    @staticmethod
    def crumb_parent(priority):
        return priority

    def get_queryset(self):
        return Priority.objects.select_related("plan")

    def get(self, request, pk):
        priority = self.get_object()
        chain = selectors.priority_chain(priority=priority, user=request.user)
        return _respond(
            self,
            request,
            chain=chain,
            subject=priority,
            kind="priority",
            name=f"priority-{priority.number}",
        )
