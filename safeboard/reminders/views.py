"""The reminders a person was sent: the record of what the daily job told them."""

from __future__ import annotations

from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.views import View

from safeboard.accounts.requests import AuthenticatedHttpRequest
from safeboard.core.list_views import FilteredListView
from safeboard.core.views_mixins import RulePermissionMixin

from .models import ReminderDigest

PAGE_SIZE = 30


class DigestListView(FilteredListView):
    request: AuthenticatedHttpRequest
    permission_required = "reminders.list_own_reminders"
    template_name = "reminders/digest_list.html"
    page_size = PAGE_SIZE

    def get_rows(self, filters: None):
        return (
            ReminderDigest.objects.filter(recipient=self.request.user)
            .annotate(item_count=Count("items"))
            .order_by("-day", "-id")
        )


class DigestDetailView(RulePermissionMixin, View):
    permission_required = "reminders.view_digest"

    def get_permission_object(self):
        return get_object_or_404(ReminderDigest, pk=self.kwargs["pk"])

    def get(self, request, pk):
        digest = self.get_permission_object()
        return render(
            request,
            "reminders/digest_detail.html",
            {"digest": digest, "items": digest.items.select_related("item_type")},
        )
