"""The chair's scrutiny list: the gaps in every chain of learning, as four tables."""

from __future__ import annotations

from django.shortcuts import render
from django.views import View

from safeboard.core import breadcrumbs
from safeboard.core.views_mixins import RulePermissionMixin

from .selectors import scrutiny_list


class ScrutinyListView(RulePermissionMixin, View):
    permission_required = "impact.view_scrutiny"
    crumb_title = "Scrutiny list"

    def get(self, request):
        return render(
            request,
            "impact/scrutiny/scrutiny.html",
            {
                "scrutiny": scrutiny_list(user=request.user),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )
