"""The exchange's pages: what is shared (the business manager marks it), other boards'
feeds and their pulls, the imported learning, the search of every kind of finding, and the
public feed and schema (read without signing in)."""

from __future__ import annotations

import hashlib
import json
from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.decorators import method_decorator
from django.utils.http import http_date
from django.views import View

from safeboard.accounts.models import User
from safeboard.core.service_views import ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from . import selectors, services
from .forms import SearchForm, SubscriptionForm
from .models import ImportedItem, Shared, Subscription
from .schema import schema_text


class SharingView(RulePermissionMixin, View):
    permission_required = "exchange.manage_sharing"
    crumb_title = "Learning shared with other boards"

    def get(self, request):
        items = selectors.shared_items()
        return render(
            request,
            "exchange/sharing.html",
            {
                "groups": selectors.candidates(),
                "shared_count": len(items),
                "problems": selectors.export_problems(items),
            },
        )


class ShareView(RulePermissionMixin, View):
    permission_required = "exchange.manage_sharing"

    def post(self, request, source: str, pk: int):
        try:
            services.mark_shareable(source_key=source, record_id=pk, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Marked shareable with other boards.")
        return redirect(reverse("exchange:sharing") + f"#{source.replace('.', '-')}-{pk}")


class UnshareView(RulePermissionMixin, View):
    permission_required = "exchange.manage_sharing"

    def post(self, request, pk: int):
        services.unmark_shareable(shared=get_object_or_404(Shared, pk=pk))
        messages.success(request, "No longer shared with other boards.")
        return redirect("exchange:sharing")


class SubscriptionListView(RulePermissionMixin, View):
    permission_required = "exchange.manage_subscriptions"
    crumb_title = "Other boards' feeds"

    def get(self, request):
        return render(
            request,
            "exchange/subscription_list.html",
            {"subscriptions": list(selectors.subscriptions())},
        )


class SubscribeView(ServiceFormView):
    permission_required = "exchange.manage_subscriptions"
    form_class = SubscriptionForm
    heading = "Subscribe to another board's feed"
    success_text = "Subscribed. The feed is pulled every day."
    crumb_parent = "exchange:subscriptions"

    def call_service(self, data: dict) -> Subscription:
        manager = cast(User, self.request.user)  # signed in: the permission says so
        return services.subscribe(
            board_name=data["board_name"], feed_url=data["feed_url"], by=manager
        )


class SubscriptionView(RulePermissionMixin, View):
    permission_required = "exchange.manage_subscriptions"
    crumb_parent = "exchange:subscriptions"

    @staticmethod
    def crumb_title(subscription: Subscription) -> str:
        return subscription.board_name

    def get(self, request, pk: int):
        subscription = get_object_or_404(Subscription, pk=pk)
        return render(
            request,
            "exchange/subscription_detail.html",
            {"subscription": subscription, "pulls": list(selectors.pulls_of(subscription))},
        )


class PullNowView(RulePermissionMixin, View):
    permission_required = "exchange.manage_subscriptions"

    def post(self, request, pk: int):
        subscription = get_object_or_404(Subscription, pk=pk)
        pull = services.pull_subscription(subscription=subscription)
        if pull.error:
            messages.error(request, f"The pull failed: {pull.error}")
        else:
            messages.success(request, f"Pulled: {pull.imported} new, {pull.skipped} already held.")
        return redirect(subscription)


class SubscriptionActiveView(RulePermissionMixin, View):
    """Pause a subscription (the daily run skips it; what it brought stays) or resume it."""

    permission_required = "exchange.manage_subscriptions"
    active = True

    def post(self, request, pk: int):
        subscription = get_object_or_404(Subscription, pk=pk)
        services.set_subscription_active(subscription=subscription, active=self.active)
        if self.active:
            text = f"Resumed: {subscription.board_name}’s feed is pulled every day again."
        else:
            text = (
                f"Paused: {subscription.board_name}’s feed is no longer pulled each day. "
                "What it brought stays."
            )
        messages.success(request, text)
        return redirect(subscription)


class ImportedItemView(RulePermissionMixin, View):
    permission_required = "exchange.view_imported"
    crumb_parent = "exchange:search"

    @staticmethod
    def crumb_title(item: ImportedItem) -> str:
        return item.title

    def get(self, request, pk: int):
        item = get_object_or_404(ImportedItem.objects.prefetch_related("themes"), pk=pk)
        return render(request, "exchange/imported_item.html", {"item": item})


class SearchView(RulePermissionMixin, View):
    permission_required = "exchange.search"
    crumb_title = "Search findings"

    def get(self, request):
        form = SearchForm(request.GET or None)
        text = form.cleaned_data["q"] if form.is_valid() else ""
        groups = selectors.search(text=text, user=request.user) if text.strip() else []
        return render(
            request,
            "exchange/search.html",
            {
                "form": form,
                "text": text,
                "groups": groups,
                "found": sum(len(group.hits) for group in groups),
            },
        )


def _json(body: str, **headers: str) -> HttpResponse:
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    for name, value in headers.items():
        response[name] = value
    return response


@method_decorator(login_not_required, name="dispatch")
class FeedView(View):
    """The shareable learning as a feed: the exchange format, a page of items at a time, with
    ETag and Last-Modified so a subscriber's unchanged pull costs a 304. Public: an item
    reaches it only when the business manager marked it and it passes the anonymity check."""

    def get(self, request):
        items = selectors.shared_items()
        if selectors.export_problems(items):
            # Never publish what looks identifying: the business manager's page says what.
            items = []
        paginator = Paginator([shared.item for shared in items], selectors.PAGE_SIZE)
        try:
            page = paginator.page(request.GET.get("page", 1))
        except (EmptyPage, ValueError, TypeError):
            raise Http404("No such page of the feed.") from None
        following = None
        if page.has_next():
            following = request.build_absolute_uri(
                reverse("exchange:feed") + f"?page={page.next_page_number()}"
            )
        document = selectors.document(
            list(page.object_list),
            page={"number": page.number, "count": paginator.num_pages, "next": following},
        )
        stable = {**document, "generated_at": ""}
        etag = (
            '"'
            + hashlib.sha256(json.dumps(stable, sort_keys=True).encode("utf-8")).hexdigest()[:32]
            + '"'
        )
        latest = selectors.last_shared_at()
        last_modified = latest.timestamp() if latest else None
        not_modified = get_conditional_response(
            request, etag=etag, last_modified=int(last_modified) if last_modified else None
        )
        if not_modified is not None:
            return not_modified
        headers = {"ETag": etag, "Cache-Control": "public, max-age=300"}
        if last_modified:
            headers["Last-Modified"] = http_date(last_modified)
        return _json(json.dumps(document, ensure_ascii=False), **headers)


@method_decorator(login_not_required, name="dispatch")
class SchemaView(View):
    def get(self, request):
        return _json(schema_text(), **{"Cache-Control": "public, max-age=3600"})
