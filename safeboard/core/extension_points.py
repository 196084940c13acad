"""Every extension point of SafeBoard, in one place (see docs/adding-a-module.md).

Each is a `Registry` (core/registry.py): keyed, ordered, refusing duplicates. A module
registers its entries from its `AppConfig.ready()`; the module that owns the page or the job
reads the registry and never imports the modules that fill it. Core knows none of them:
an entry's callables receive records and users it treats as opaque.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from .registry import Registry

# Keep each panel, section and source to one or two queries: the pages have query budgets.


@dataclass(frozen=True)
class NavigationItem:
    """A section of the service navigation, shown to those with `permission`; it is marked
    current on every page under `path_prefix`."""

    key: str
    label: str
    url_name: str
    permission: str
    path_prefix: str
    order: int = 100


@dataclass(frozen=True)
class HomePanel:
    """A panel of the home page. `build(user=, today=)` returns the context its template gets
    as `panel`, or None when it has nothing for that user (so no empty heading)."""

    key: str
    template: str
    build: Callable[..., dict | None]
    order: int = 100


@dataclass(frozen=True)
class ReminderSource:
    """`due(today)` yields the reminders' `Due` items: records with a date somebody must meet."""

    key: str
    due: Callable[[datetime.date], Iterable[Any]]
    order: int = 100


@dataclass(frozen=True)
class DailyStep:
    """Work the daily run does before the digests (an escalation, a follow-up survey).
    `run(today=)` returns how many escalations it made. It must be idempotent for a day
    (enforced by a unique constraint), since a run may be repeated."""

    key: str
    run: Callable[..., int]
    order: int = 100


@dataclass(frozen=True)
class HistoryAccess:
    """A model whose History tab may be shown, keyed by its label ("app_label.model"), and the
    rule guarding the record. A confidential record (decision 7) gives `on_view(record,
    request)`, run for each permitted look; a refused reader then gets 404, not 403."""

    key: str
    permission: str
    on_view: Callable[[Any, Any], None] | None = None
    order: int = 100


@dataclass(frozen=True)
class PageSection:
    """A section a later module adds to an earlier module's record page (the training a case
    review led to). `build(record=, user=)` returns its template's context, or None."""

    page: str
    key: str
    template: str
    build: Callable[..., dict | None]
    order: int = 100


THEME = "theme"
PRIORITY = "priority"


@dataclass(frozen=True)
class Evidence:
    """What a module holds about a theme or a priority: the case review findings, audits,
    courses and indicators that together show what was learned and what was done about it.

    `records(subject, user)` gives the records, with what the template shows already joined.
    For a PRIORITY section the subject is the priority; for a THEME section it is a set of
    themes (a list or a queryset of Theme): a theme's page passes `[theme]`, a priority's page
    the themes the priority addresses, so a THEME section returns each record tagged with any
    of them once. With a `user`, records give only what the user may see, or else
    `view_permission` is checked on each record for that user; without one (a report, a
    job) everything.

    What the user may not see is counted, never shown: the records `view_permission` refuses,
    plus `count_hidden(subject, user)` for a source whose `records` already leaves out what
    the user may not see (one query). `counted_as` names one record and several, for the line
    "2 more findings you do not have access to"."""

    subject: str  # THEME or PRIORITY
    key: str  # unique for the subject, also the section's HTML id
    heading: str
    template_name: str  # renders the records, given as `rows`, with `caption` for a table
    records: Callable[[Any, Any], Iterable[Any]]
    view_permission: str | None = None
    empty_text: str = "Nothing is linked yet."
    # A one-line account of the records (e.g. how many actions are overdue), or None.
    summarise: Callable[[list[Any]], str] | None = None
    order: int = 100
    count_hidden: Callable[[Any, Any], int] | None = None
    counted_as: tuple[str, str] = ("record", "records")


@dataclass(frozen=True)
class MeasureTarget:
    """Records a priority's measure of progress may link to, e.g. scorecard indicators."""

    key: str
    label: str  # what the records are, e.g. "Scorecard indicator"
    records: Callable[[], QuerySet]
    order: int = 100


@dataclass(frozen=True)
class ConfidentialSource:
    """A source of actions confidential to some readers (a restricted review's
    recommendations), keyed by model label. `hidden_from(user)` is a queryset of the ids
    (`values("pk")`) of the sources the user may not know of."""

    key: str
    hidden_from: Callable[[Any], QuerySet]
    order: int = 100


@dataclass(frozen=True)
class ThemedSource:
    """A source of actions whose records carry themes (a review's recommendation, through its
    finding; an audit finding; a challenge; a priority), keyed by model label. An action takes
    the themes of its source: derived, never typed again.

    `tagged_with(themes)` is a queryset of the ids (`values("pk")`) of the sources tagged with
    any of `themes`; `themes_of(source_ids)` gives each source's themes by id (one query)."""

    key: str
    tagged_with: Callable[[Any], QuerySet]
    themes_of: Callable[[Iterable[int]], dict[int, list[Any]]]
    order: int = 100


@dataclass(frozen=True)
class TagVocabulary:
    """The words records are tagged with (the themes), for the modules beside and below the
    one that keeps them: the action spine filters by theme without importing the themes.
    `choices()` gives (slug, name) pairs to offer, `named(slugs)` the tags themselves."""

    key: str
    choices: Callable[[], list[tuple[str, str]]]
    named: Callable[[Iterable[str]], QuerySet]
    order: int = 100


THEMES = "themes"  # the key of the themes' vocabulary


@dataclass(frozen=True)
class ChainStep:
    """A finding or a recommendation as a chain of learning shows it. `record` is the model
    instance itself, for what is attached to it (a recommendation's claims of impact)."""

    kind: str  # what it is, e.g. "Case review finding"
    label: str
    url: str
    text: str = ""
    where: str = ""  # where it was found or asked, e.g. a review's reference
    record: Any = None


@dataclass(frozen=True)
class ChainLink:
    """One link of a chain of learning: a finding, what was asked of agencies because of it
    (a recommendation, or None where the finding leads straight to actions) and the actions
    taken (records of the action spine). A finding without a recommendation or an action is
    still a link: the gap is what the chair scrutinises.

    `asks_for` is what the finding should lead to: "recommendation" (a case review's
    finding), "action" (an audit's area for improvement) or "" (a strength, nothing asked)."""

    finding: ChainStep | None
    recommendation: ChainStep | None
    actions: tuple[Any, ...] = ()
    asks_for: str = ""


RECOMMENDATION = "recommendation"
ACTION = "action"


@dataclass(frozen=True)
class ChainLinks:
    """A source's links for one reader, and how many of its findings that reader may not
    see: counted, never shown (`hidden_reason` completes "1 finding ... is left out")."""

    links: list[ChainLink]
    hidden: int = 0
    hidden_reason: str = ""


@dataclass(frozen=True)
class ChainSource:
    """A module whose findings are tagged with themes: the start of the chain of learning
    (finding -> recommendation -> action -> evidence of impact) of a theme or a priority.

    `links(themes=, user=)` gives the links of the findings tagged with any of `themes`
    (every finding when `themes` is None), as a `ChainLinks`, with what a link shows
    already fetched: a few queries whatever the number of findings."""

    key: str
    label: str  # the findings it gives, e.g. "Case review findings"
    links: Callable[..., ChainLinks]
    order: int = 100


navigation: Registry[NavigationItem] = Registry("navigation")
home_panels: Registry[HomePanel] = Registry("home panels")
reminder_sources: Registry[ReminderSource] = Registry("reminder sources")
daily_steps: Registry[DailyStep] = Registry("daily steps")
history_access: Registry[HistoryAccess] = Registry("history access")
page_sections: Registry[PageSection] = Registry(
    "page sections", key=lambda section: (section.page, section.key)
)
evidence: Registry[Evidence] = Registry("evidence", key=lambda entry: (entry.subject, entry.key))
measure_targets: Registry[MeasureTarget] = Registry("measure targets")
confidential_sources: Registry[ConfidentialSource] = Registry("confidential sources")
themed_sources: Registry[ThemedSource] = Registry("themed sources")
tag_vocabularies: Registry[TagVocabulary] = Registry("tag vocabularies")
chain_sources: Registry[ChainSource] = Registry("chain sources")


def evidence_about(subject: str) -> list[Evidence]:
    return evidence.where(lambda entry: entry.subject == subject)


def sections_of(page: str) -> list[PageSection]:
    return page_sections.where(lambda section: section.page == page)


@dataclass(frozen=True)
class ReportSection:
    """A section of the partnership's yearly report, added by the module that holds its data.

    `figures(start=, end=)` computes the section's figures for the period (both dates
    inclusive) from live data, as plain JSON values (numbers, strings, lists and dicts): a
    published report keeps them as they were, so a later revision of a record never changes
    it. The template renders them as `figures`, every chart with its table. `plain_summary(
    figures)` gives a sentence or two for councillors (short, no acronym unexplained), or "".
    `acronyms` names what the section's text abbreviates, for the report's glossary.
    `printed(figures)`, for a section whose tables grow with the partnership, gives the
    figures as the PDF prints them: long tables cut to their first rows and one row for all
    the others (core/shortened.py), the template saying where the whole table is. The web
    page always shows them whole."""

    key: str
    heading: str
    template_name: str
    figures: Callable[..., dict]
    plain_summary: Callable[[dict], str] = lambda figures: ""
    acronyms: tuple[tuple[str, str], ...] = ()
    order: int = 100
    printed: Callable[[dict], dict] | None = None


@dataclass(frozen=True)
class PublicPage:
    """A page of the public site, read without signing in: what a module publishes (yearly
    reports, published case reviews, "you said, we did", the public scorecard). The public
    site's front page lists them; the page itself must show published records only."""

    key: str
    label: str
    url_name: str
    description: str
    order: int = 100


report_sections: Registry[ReportSection] = Registry("report sections")
public_pages: Registry[PublicPage] = Registry("public pages")


@dataclass(frozen=True)
class SearchHit:
    """A record a search found, as the search page lists it (already permitted to its reader)."""

    kind: str  # e.g. "Case review finding"
    title: str
    url: str
    text: str = ""
    where: str = ""  # e.g. the review's reference, or another board's name
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ShareableSource:
    """Records the business manager may mark shareable with other boards (findings,
    recommendations, learning briefings), keyed by their model label ("app_label.model").

    `records()` is every record that may be marked; `to_item(record)` gives the record in the
    exchange format, as a dict without its id (anonymised text only: the export checks it);
    `search(text, user)` gives the `SearchHit`s of the records matching `text` that `user` may
    see (a source with nothing to share may still be searched: a later source registers both).
    `kind` is the exchange item's type: "finding", "recommendation" or "briefing"."""

    key: str
    label: str
    kind: str
    records: Callable[[], QuerySet]
    to_item: Callable[[Any], dict]
    search: Callable[[str, Any], list[SearchHit]]
    order: int = 100


shareable_sources: Registry[ShareableSource] = Registry("shareable sources")
