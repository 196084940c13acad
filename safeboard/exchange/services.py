"""Changes of the exchange: marking records shareable, exporting them (after the
anonymisation check), subscribing to other boards' feeds, importing their learning and
pulling their feeds. Each import is all or nothing."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.core.extension_points import shareable_sources
from safeboard.themes.models import Theme

from . import fetch, selectors
from .models import ImportedItem, Pull, Shared, Subscription
from .schema import problems as schema_problems


@transaction.atomic
def mark_shareable(*, source_key: str, record_id: int, by: User) -> Shared:
    if source_key not in shareable_sources:
        raise ValidationError(f"Nothing called \u201c{source_key}\u201d can be shared.")
    source = shareable_sources[source_key]
    if not source.records().filter(pk=record_id).exists():
        raise ValidationError(f"There is no {source.label.lower()} {record_id}.")
    shared, _ = Shared.objects.get_or_create(
        content_type=selectors.content_type_of(source),
        object_id=record_id,
        defaults={"marked_by": by},
    )
    return shared


@transaction.atomic
def unmark_shareable(*, shared: Shared) -> None:
    shared.delete()


def export_document() -> dict:
    """Every shareable item in the exchange format, valid against the schema; refused with
    every problem (the item and the text) when any text looks identifying."""
    items = selectors.shared_items()
    problems = selectors.export_problems(items)
    if problems:
        raise ValidationError([str(problem) for problem in problems])
    document = selectors.document([shared.item for shared in items])
    invalid = schema_problems(document)
    if invalid:
        raise ValidationError(invalid)
    return document


@transaction.atomic
def import_document(
    *,
    document: object,
    source_name: str,
    source_link: str = "",
    subscription: Subscription | None = None,
) -> Pull:
    """Import another board's learning; items already held (by id) are skipped. A document
    that breaks the schema is refused whole, with every problem, and nothing is saved."""
    if not source_name.strip():
        raise ValidationError("Name the board the learning comes from.")
    invalid = schema_problems(document)
    if invalid:
        raise ValidationError(invalid)
    assert isinstance(document, dict)
    items = document["items"]
    held = set(
        ImportedItem.objects.filter(item_id__in=[item["id"] for item in items]).values_list(
            "item_id", flat=True
        )
    )
    fresh = []
    for item in items:
        if item["id"] not in held:
            held.add(item["id"])
            fresh.append(item)
    pull = Pull.objects.create(
        subscription=subscription,
        source_name=source_name,
        status=Pull.Status.SUCCEEDED,
        imported=len(fresh),
        skipped=len(items) - len(fresh),
    )
    slugs = {theme["slug"] for item in fresh for theme in item["themes"]}
    themes = {theme.slug: theme for theme in Theme.objects.filter(slug__in=slugs)}
    for item in fresh:
        record = ImportedItem.objects.create(
            item_id=item["id"],
            kind=item["type"],
            source_kind=item["source_kind"],
            source_board=source_name,
            source_link=source_link,
            subscription=subscription,
            pull=pull,
            year=item["year"],
            title=item["title"],
            summary=item["summary"],
            went_well=item.get("went_well", ""),
            did_not_go_well=item.get("did_not_go_well", ""),
            what_to_do_differently=item.get("what_to_do_differently", ""),
            theme_names=item["themes"],
        )
        record.themes.set([themes[t["slug"]] for t in item["themes"] if t["slug"] in themes])
    return pull


@transaction.atomic
def subscribe(*, board_name: str, feed_url: str, by: User) -> Subscription:
    fetch.check_address(feed_url)
    if Subscription.objects.filter(feed_url=feed_url).exists():
        raise ValidationError({"feed_url": "This feed is already subscribed to."})
    return Subscription.objects.create(board_name=board_name, feed_url=feed_url, added_by=by)


@transaction.atomic
def set_subscription_active(*, subscription: Subscription, active: bool) -> None:
    subscription.is_active = active
    subscription.save(update_fields=["is_active"])


def pull_subscription(*, subscription: Subscription) -> Pull:
    """Read every page of the feed, then import them as one; the pull is recorded whatever
    happens (a failure with its reason, and nothing imported)."""
    try:
        url: str | None = subscription.feed_url
        items: list = []
        document: dict = {}
        for _ in range(fetch.MAX_PAGES):
            if url is None:
                break
            page = fetch.get_json(url)
            invalid = schema_problems(page)
            if invalid:
                raise ValidationError(invalid[:20])
            assert isinstance(page, dict)
            document = document or page
            items += page["items"]
            url = (page.get("page") or {}).get("next")
        else:
            if url is not None:
                raise ValidationError(f"The feed has more than {fetch.MAX_PAGES} pages.")
        whole = {**document, "items": items}
        whole.pop("page", None)
        return import_document(
            document=whole,
            source_name=subscription.board_name,
            source_link=subscription.feed_url,
            subscription=subscription,
        )
    except ValidationError as error:
        return Pull.objects.create(
            subscription=subscription,
            source_name=subscription.board_name,
            status=Pull.Status.FAILED,
            error="\n".join(error.messages)[:5000],
        )


def pull_due(*, today: datetime.date | None = None) -> int:
    """The daily step: pull each active subscription not yet pulled successfully today.
    Returns 0: a pull escalates nothing."""
    today = today or timezone.localdate()
    for subscription in Subscription.objects.filter(is_active=True).order_by("pk"):
        pulled_today = subscription.pulls.filter(
            status=Pull.Status.SUCCEEDED, pulled_at__date=today
        ).exists()
        if not pulled_today:
            pull_subscription(subscription=subscription)
    return 0
