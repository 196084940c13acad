"""What a person typed into the search box, read the way web search engines read it.

Words must all appear; "quoted words" must appear together; `or` between two terms accepts
either; a leading minus (-word) excludes. PostgreSQL's websearch_to_tsquery reads queries
this way; SQLite's FTS5 has a stricter syntax in which a stray quote, bracket, `NEAR`, `*` or
column filter is an error, so the query is parsed here once and written out for each backend
from plain words only. Nothing typed can make either database raise a syntax error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_QUERY_LENGTH = 200
MAX_TERMS = 16

# A "quoted phrase", an optionally negated word, or anything else (skipped).
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # one word, or the words of a phrase
    excluded: bool = False
    either_with_previous: bool = False  # joined to the term before it by "or"


@dataclass(frozen=True)
class ParsedQuery:
    terms: tuple[Term, ...]

    def __bool__(self) -> bool:
        return any(not term.excluded for term in self.terms)

    def as_fts5(self) -> str:
        """The query in FTS5 syntax: every word quoted, so none is read as an operator.
        FTS5's NOT binds tighter than AND, and AND tighter than OR, as in websearch."""
        parts: list[str] = []
        for term in self.terms:
            phrase = '"' + " ".join(term.words) + '"'
            if term.excluded:
                parts += ["NOT", phrase]
            else:
                if parts:
                    parts.append("OR" if term.either_with_previous else "AND")
                parts.append(phrase)
        return " ".join(parts)

    def as_websearch(self) -> str:
        """The same query for PostgreSQL's websearch_to_tsquery."""
        parts: list[str] = []
        for term in self.terms:
            # Quoted even when one word, so that a word such as "or" stays a word.
            text = '"' + " ".join(term.words) + '"'
            if term.excluded:
                text = "-" + text
            elif term.either_with_previous:
                parts.append("or")
            parts.append(text)
        return " ".join(parts)


def parse_query(text: str) -> ParsedQuery:
    """The terms of `text`. An excluded term counts only after a wanted one (there must be
    something to exclude it from), and `or` only between two wanted terms."""
    text = (text or "").replace("\x00", " ")[:MAX_QUERY_LENGTH]
    terms: list[Term] = []
    pending_or = False
    for match in _TOKEN.finditer(text):
        negated = bool(match.group(1) or match.group(3))
        raw = match.group(2) if match.group(2) is not None else match.group(4)
        is_phrase = match.group(2) is not None
        if not is_phrase and raw.lower() == "or" and not negated:
            pending_or = bool(terms) and not terms[-1].excluded
            continue
        words = tuple(word.lower() for word in _WORD.findall(raw))
        if not words:
            continue
        wanted = [term for term in terms if not term.excluded]
        if negated:
            if wanted:
                terms.append(Term(words, excluded=True))
            pending_or = False
            continue
        terms.append(Term(words, either_with_previous=pending_or and bool(wanted)))
        pending_or = False
        if len(terms) >= MAX_TERMS:
            break
    return ParsedQuery(tuple(terms))
