"""Full-text search over the findings and recommendations of the reviews a user may see.

`search_findings(user, query)` picks the backend by the database in use: SQLite's FTS5 table
(ranked by bm25, with snippet() and highlight()) or PostgreSQL's text search (ts_rank and
ts_headline over the indexed tsvector). Both read the query the same way (query.py),
rank title words above text and text above evidence, and return the same results. The
reviews a user may not open are filtered out inside the search query itself, before ranking
and the limit, so no result, count or snippet from them can show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TypedDict

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import QuerySet, TextField, Value
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from safeboard.accounts.models import User
from safeboard.themes.models import Theme

from ..cases.selectors import visible_reviews
from ..models import Finding, Recommendation, Review
from .index import (
    FINDING,
    FTS_TABLE,
    RECOMMENDATION,
    SEARCH_CONFIG,
    finding_document,
    recommendation_document,
)
from .query import ParsedQuery, parse_query

MAX_RESULTS = 50
# Control characters mark the matches in snippets; the text is escaped before they become
# <mark> elements, so nothing in a finding can inject markup.
START, STOP = "\x02", "\x03"
ELLIPSIS = "\u2026"
SNIPPET_WORDS = 30
_MARKS = re.compile(f"([{START}{STOP}])")


@dataclass(frozen=True)
class Hit:
    """What a backend found: the record, its rank (higher is better) and marked-up text."""

    kind: int  # index.FINDING or RECOMMENDATION
    record_id: int
    rank: float
    title: str
    snippet: str


@dataclass(frozen=True)
class SearchResult:
    record: Finding | Recommendation
    review: Review
    title: SafeString
    snippet: SafeString
    rank: float
    themes: list[Theme] = field(default_factory=list)

    @property
    def is_finding(self) -> bool:
        return isinstance(self.record, Finding)

    @property
    def url(self) -> str:
        return self.record.get_absolute_url()


def search_findings(user: User, query: str, *, limit: int = MAX_RESULTS) -> list[SearchResult]:
    """The findings and recommendations matching `query` in the reviews `user` may see, the
    best match first, with the matching words highlighted."""
    parsed = parse_query(query)
    if not parsed:
        return []
    reviews = visible_reviews(user)
    if connection.vendor == "postgresql":
        hits = _postgres_hits(parsed, reviews, limit)
    else:
        hits = _sqlite_hits(parsed, reviews, limit)
    return _results(hits)


def _sqlite_hits(parsed: ParsedQuery, reviews: QuerySet[Review], limit: int) -> list[Hit]:
    visible_sql, visible_params = reviews.order_by().values("pk").query.sql_with_params()
    # Only constants and the ORM's own SQL are formatted in; every value is a parameter.
    sql = f"""
        SELECT rowid, bm25({FTS_TABLE}, 10.0, 4.0, 2.0, 0.0) AS score,
               highlight({FTS_TABLE}, 0, %s, %s),
               snippet({FTS_TABLE}, 1, %s, %s, %s, {SNIPPET_WORDS}),
               snippet({FTS_TABLE}, 2, %s, %s, %s, {SNIPPET_WORDS})
        FROM {FTS_TABLE}
        WHERE {FTS_TABLE} MATCH %s AND review_id IN ({visible_sql})
        ORDER BY score, rowid
        LIMIT %s
    """  # noqa: S608
    marks = [START, STOP]
    params = [
        *marks,
        *marks,
        ELLIPSIS,
        *marks,
        ELLIPSIS,
        parsed.as_fts5(),
        *visible_params,
        limit,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [
        Hit(
            kind=rowid % 2,
            record_id=rowid // 2,
            rank=-score,  # bm25 is lower for better matches
            title=title,
            snippet=_best_snippet(body, evidence),
        )
        for rowid, score, title, body, evidence in rows
    ]


def _best_snippet(*snippets: str) -> str:
    """The first snippet with a match in it, else the first."""
    return next((text for text in snippets if START in text), snippets[0])


class _HeadlineOptions(TypedDict, total=False):
    """The options of ts_headline() the search sets, as SearchHeadline takes them."""

    config: str
    start_sel: str
    stop_sel: str
    max_words: int
    min_words: int
    max_fragments: int
    fragment_delimiter: str


def _postgres_hits(parsed: ParsedQuery, reviews: QuerySet[Review], limit: int) -> list[Hit]:
    query = SearchQuery(parsed.as_websearch(), search_type="websearch", config=SEARCH_CONFIG)
    headline: _HeadlineOptions = {
        "config": SEARCH_CONFIG,
        "start_sel": START,
        "stop_sel": STOP,
    }
    snippet: _HeadlineOptions = {
        **headline,
        "max_words": SNIPPET_WORDS,
        "min_words": 12,
        "max_fragments": 2,
        "fragment_delimiter": f" {ELLIPSIS} ",
    }
    findings = (
        Finding.objects.filter(review__in=reviews)
        .annotate(document=finding_document())
        .filter(document=query)
        .annotate(
            rank=SearchRank(finding_document(), query),
            title_marked=SearchHeadline("title", query, highlight_all=True, **headline),
            snippet_marked=SearchHeadline(
                Concat("text", Value(" "), "evidence", output_field=TextField()), query, **snippet
            ),
        )
        .order_by("-rank", "id")
        .values_list("id", "rank", "title_marked", "snippet_marked")[:limit]
    )
    recommendations = (
        Recommendation.objects.filter(review__in=reviews)
        .annotate(document=recommendation_document())
        .filter(document=query)
        .annotate(
            rank=SearchRank(recommendation_document(), query),
            snippet_marked=SearchHeadline("text", query, **snippet),
        )
        .order_by("-rank", "id")
        .values_list("id", "rank", "snippet_marked")[:limit]
    )
    hits = [Hit(FINDING, pk, rank, title, text) for pk, rank, title, text in findings]
    hits += [Hit(RECOMMENDATION, pk, rank, "", text) for pk, rank, text in recommendations]
    return sorted(hits, key=lambda hit: (-hit.rank, hit.kind, hit.record_id))[:limit]


def highlighted(text: str) -> SafeString:
    """`text` escaped, with each marked match in a <mark>; marks are balanced whatever the
    text holds."""
    parts, open_mark = [], False
    for piece in _MARKS.split(text):
        if not piece:
            continue
        if piece == START:
            if not open_mark:
                parts.append("<mark>")
                open_mark = True
        elif piece == STOP:
            if open_mark:
                parts.append("</mark>")
                open_mark = False
        else:
            parts.append(escape(piece))
    if open_mark:
        parts.append("</mark>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above


def _results(hits: list[Hit]) -> list[SearchResult]:
    finding_ids = [hit.record_id for hit in hits if hit.kind == FINDING]
    recommendation_ids = [hit.record_id for hit in hits if hit.kind != FINDING]
    findings: dict[int, Finding] = (
        Finding.objects.select_related("review").prefetch_related("themes").in_bulk(finding_ids)
        if finding_ids
        else {}
    )
    recommendations: dict[int, Recommendation] = (
        Recommendation.objects.select_related("review").in_bulk(recommendation_ids)
        if recommendation_ids
        else {}
    )
    results = []
    for hit in hits:
        record: Finding | Recommendation | None
        if hit.kind == FINDING:
            record = findings.get(hit.record_id)
        else:
            record = recommendations.get(hit.record_id)
        if record is None:  # deleted since the search ran
            continue
        themes: list[Theme] = []
        if isinstance(record, Finding):
            title = highlighted(hit.title)
            themes = list(record.themes.all())
        else:
            title = escape(f"Recommendation {record.number}")
        results.append(
            SearchResult(
                record=record,
                review=record.review,
                title=title,
                snippet=highlighted(hit.snippet),
                rank=hit.rank,
                themes=themes,
            )
        )
    return results
