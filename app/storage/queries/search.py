"""Full-text search over claims: match expressions, relevance rank, highlights.

SQLite uses its FTS5 table (`bm25` rank, `highlight`, `snippet`); PostgreSQL its own
text search (`to_tsquery` with prefix terms, `ts_rank`, `ts_headline`). Either way a
search finds every word typed, each as a prefix, and nothing typed is read as syntax.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Float, String, Subquery, column, select, text

from app.storage.db import PG_SEARCH_TABLE, PG_TEXT_CONFIG
from app.storage.tables import CLAIMS

MARK_START = "\x02"  # wraps matched words in highlighted text; the web layer turns
MARK_END = "\x03"  # these into <mark> elements after escaping the text around them
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12
SNIPPET_WORDS = 24
RANKED = 2_000  # a search ranks at most this many matches, the most recently loaded


def search_words(q: str) -> list[str]:
    """The words of a search, at most MAX_TERMS."""
    return _WORD.findall(q)[:MAX_TERMS]


def match_expression(q: str) -> str | None:
    """An FTS5 query that finds every word of `q` (as a prefix); None if it has no words.

    Each word is quoted, so nothing a user types is read as FTS5 syntax.
    """
    words = search_words(q)
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words)


def tsquery_expression(q: str, prefix: bool = True) -> str | None:
    """The PostgreSQL `to_tsquery` text finding every word of `q`; None if it has none.

    Words are only letters, digits and underscores, each quoted, so none is syntax.
    """
    words = search_words(q)
    if not words:
        return None
    suffix = ":*" if prefix else ""
    return " & ".join(f"'{word}'{suffix}" for word in words)


def fts_matches(dialect: str, q: str, ranked: bool = False) -> Subquery | None:
    """A (claim_id, rank) subquery of the claims matching `q`, best first by `rank`.

    None: `q` has no words.
    """
    if dialect == "postgresql":
        return _pg_matches(q)
    match = match_expression(q)
    if match is None:
        return None
    if ranked:
        # Ranking reads every match's positions; rank the RANKED most recently loaded
        # matches (the engine walks them newest first and stops), so a common word stays
        # quick.
        statement = text(
            "SELECT claim_id, rank FROM (SELECT claim_id, bm25(claims_fts) AS rank "
            "FROM claims_fts WHERE claims_fts MATCH :match ORDER BY rowid DESC LIMIT :ranked)"
        ).bindparams(match=match, ranked=RANKED)
    else:  # membership only: no rank to compute
        statement = text(
            "SELECT claim_id, 0.0 AS rank FROM claims_fts WHERE claims_fts MATCH :match"
        ).bindparams(match=match)
    return statement.columns(column("claim_id", String), column("rank", Float)).subquery("fts")


_RANKED: WeakKeyDictionary[Connection, dict[str, str]] = WeakKeyDictionary()


def ranked_matches(connection: Connection, q: str) -> Subquery | None:
    """`fts_matches(..., ranked=True)`, ranked once per connection (a request's).

    A search page asks for its matches several times (the page, the total, each facet);
    on SQLite the engine ranks them once and the queries read the list it returned.
    """
    if connection.dialect.name != "sqlite":
        return fts_matches(connection.dialect.name, q, ranked=True)
    found = _RANKED.setdefault(connection, {})
    if q not in found:
        match = match_expression(q)
        if match is None:
            return None
        found[q] = json.dumps(_ranked_rows(connection, match))
    statement = text(
        "SELECT json_extract(value, '$[0]') AS claim_id, json_extract(value, '$[1]') AS rank "
        "FROM json_each(:matches)"
    ).bindparams(matches=found[q])
    return statement.columns(column("claim_id", String), column("rank", Float)).subquery("fts")


def _ranked_rows(connection: Connection, match: str) -> list[tuple[str, float]]:
    """(claim id, rank) of the RANKED most recently loaded matches, read straight from the
    driver: two thousand rows are cheaper as plain tuples than as result rows."""
    if not connection.in_transaction():
        connection.begin()  # the request's one snapshot, begun before the driver reads
    raw = connection.connection.driver_connection
    statement = (
        "SELECT claim_id, rank FROM (SELECT claim_id, bm25(claims_fts) AS rank FROM claims_fts "
        "WHERE claims_fts MATCH ? ORDER BY rowid DESC LIMIT ?)"
    )
    return list(raw.execute(statement, (match, RANKED)).fetchall())  # type: ignore[union-attr]


def _pg_matches(q: str) -> Subquery | None:
    query = tsquery_expression(q)
    if query is None:
        return None
    statement = text(
        f"SELECT claim_id, -ts_rank(document, to_tsquery('{PG_TEXT_CONFIG}', :query)) AS rank "
        f"FROM {PG_SEARCH_TABLE} WHERE document @@ to_tsquery('{PG_TEXT_CONFIG}', :query)"
    ).bindparams(query=query)
    return statement.columns(column("claim_id", String), column("rank", Float)).subquery("fts")


def highlights(connection: Connection, ids: Sequence[str], q: str) -> dict[str, tuple[str, str]]:
    """The assertion and a quote snippet of each claim, matched words marked.

    Marked here rather than by the search engine: asking the engine would make it walk
    every match again, and the page shows only a page of claims.
    """
    words = search_words(q)
    if not ids or not words:
        return {}
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(word) for word in words) + r")\w*", re.IGNORECASE
    )
    statement = select(CLAIMS.c.id, CLAIMS.c.assertion, CLAIMS.c.quote_text).where(
        CLAIMS.c.id.in_(list(ids))
    )
    return {
        row.id: (_mark(row.assertion, pattern), _snippet(row.quote_text, pattern))
        for row in connection.execute(statement)
    }


def _mark(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: f"{MARK_START}{m.group(0)}{MARK_END}", text)


def _snippet(text: str, pattern: re.Pattern[str]) -> str:
    """About SNIPPET_WORDS words of `text` around its first match, matches marked."""
    words = text.split()
    first = next((i for i, word in enumerate(words) if pattern.search(word)), 0)
    start = max(0, min(first - SNIPPET_WORDS // 3, len(words) - SNIPPET_WORDS))
    shown = " ".join(words[start : start + SNIPPET_WORDS])
    before = "…" if start > 0 else ""
    after = "…" if start + SNIPPET_WORDS < len(words) else ""
    return f"{before}{_mark(shown, pattern)}{after}"
