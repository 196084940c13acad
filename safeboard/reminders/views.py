"""The reminders a person was sent: the record of what the daily job told them."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.views import View

from safeboard.core.views_mixins import RulePermissionMixin

from .models import ReminderDigest

PAGE_SIZE = 30


class DigestListView(RulePermissionMixin, View):
    permission_required = "reminders.list_own_reminders"

    def get(self, request):
        digests = (
            ReminderDigest.objects.filter(recipient=request.user)
            .annotate(item_count=Count("items"))
            .order_by("-day", "-id")
        )
        page = Paginator(digests, PAGE_SIZE).get_page(request.GET.get("page"))
        return render(request, "reminders/digest_list.html", {"page": page})


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
