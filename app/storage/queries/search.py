"""Full-text search over claims: match expressions, relevance rank, highlights.

SQLite uses its FTS5 table (`bm25` rank, `highlight`, `snippet`); PostgreSQL its own
text search (`to_tsquery` with prefix terms, `ts_rank`, `ts_headline`). Either way a
search finds every word typed, each as a prefix, and nothing typed is read as syntax.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sqlalchemy import Connection, Float, String, Subquery, column, text

from app.storage.db import PG_SEARCH_TABLE, PG_TEXT_CONFIG
from app.storage.queries.compiled import Prepared

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


def search_params(dialect: str, q: str) -> dict[str, str] | None:
    """The parameters `fts_matches` and `ranked_matches` bind for the words of `q`; None
    when `q` has no words."""
    if dialect == "postgresql":
        query = tsquery_expression(q)
        return None if query is None else {"query": query}
    match = match_expression(q)
    return None if match is None else {"match": match}


def fts_matches(dialect: str) -> Subquery:
    """A (claim_id, rank) subquery of the claims matching the bound words (membership: on
    SQLite no rank is computed)."""
    if dialect == "postgresql":
        return _pg_matches()
    statement = text("SELECT claim_id, 0.0 AS rank FROM claims_fts WHERE claims_fts MATCH :match")
    return statement.columns(column("claim_id", String), column("rank", Float)).subquery("fts")


def ranked_matches(dialect: str) -> Subquery:
    """A (claim_id, rank) subquery of the ranked matches, best first by `rank`.

    On SQLite these are the RANKED most recently loaded matches, ranked once per request
    (`RankedMatches`) and bound as the JSON list `:ranked` of [claim id, place]; on
    PostgreSQL every match, ranked by `ts_rank`.
    """
    if dialect == "postgresql":
        return _pg_matches()
    statement = text(
        "SELECT json_extract(value, '$[0]') AS claim_id, json_extract(value, '$[1]') AS rank "
        "FROM json_each(:ranked)"
    )
    return statement.columns(column("claim_id", String), column("rank", Float)).subquery("fts")


# Ranking reads every match's positions: rank the RANKED most recently loaded matches (the
# engine walks them newest first and stops), so that a common word stays quick. The
# engine sorts them by rank and returns only the full-text rowids asked for, each with
# how many were ranked (counted on the rows already sorted, rather than by walking the
# matches a second time). A claim's id, which lives in the full-text table's content, is
# read for the claims a page or a facet uses, straight from the content table FTS5 keeps
# (`claims_fts_content`, the claim id its first column `c0`): through the full-text table
# each lookup would read every column of the row, the quote's text among them.
BEST_RANKED = Prepared(
    text(
        "SELECT rowid, count(*) OVER () FROM (SELECT rowid, bm25(claims_fts) AS rank "
        "FROM claims_fts WHERE claims_fts MATCH :match ORDER BY rowid DESC "
        "LIMIT :ranked_limit) ORDER BY rank, rowid DESC LIMIT :limit"
    )
)
CLAIM_IDS_OF_ROWS = Prepared(
    text("SELECT id, c0 FROM claims_fts_content WHERE id IN (SELECT value FROM json_each(:rows))")
)


class RankedMatches:
    """One request's SQLite search ranked by relevance: the RANKED most recently loaded
    matches of the bound words, best first (ties: the most recently loaded first).

    Only as many are fetched as asked for (a page, a facet's sample), ranked once per
    request when the first ask is the largest; claim ids are read once per match.
    """

    def __init__(self, connection: Connection, match: str) -> None:
        self.connection = connection
        self.match = match
        self._best: list[int] = []
        self._asked = 0  # how many `_best` was fetched as: fewer found means all are there
        self._total = 0
        self._ids: dict[int, str] = {}

    def rowids(self, stop: int) -> list[int]:
        """The full-text rowids of the best `stop` matches (fewer if there are fewer)."""
        if stop > self._asked and len(self._best) == self._asked:
            params = {"match": self.match, "limit": stop, "ranked_limit": RANKED}
            rows = BEST_RANKED.rows(self.connection, params)
            self._best = [row[0] for row in rows]
            self._total = rows[0][1] if rows else 0
            self._asked = stop
        return self._best[:stop]

    def claim_ids(self, start: int, stop: int) -> list[str]:
        """The claim ids of the matches from place `start` to `stop`."""
        rowids = self.rowids(stop)[start:stop]
        missing = [rowid for rowid in rowids if rowid not in self._ids]
        if missing:
            for rowid, claim_id in CLAIM_IDS_OF_ROWS.rows(self.connection, {"rows": missing}):
                self._ids[rowid] = claim_id
        return [self._ids[rowid] for rowid in rowids if rowid in self._ids]

    def more_than(self, count: int) -> bool:
        """Whether there are more than `count` ranked matches."""
        return len(self.rowids(count + 1)) > count

    def total(self) -> int:
        """How many matches are ranked (at most RANKED)."""
        if not self._asked:
            self.rowids(1)
        return int(self._total)

    def capped(self) -> bool:
        """Whether the matches ranked stopped at RANKED, so there may be more."""
        return self.total() >= RANKED


def _pg_matches() -> Subquery:
    statement = text(
        f"SELECT claim_id, -ts_rank(document, to_tsquery('{PG_TEXT_CONFIG}', :query)) AS rank "
        f"FROM {PG_SEARCH_TABLE} WHERE document @@ to_tsquery('{PG_TEXT_CONFIG}', :query)"
    )
    return statement.columns(column("claim_id", String), column("rank", Float)).subquery("fts")


def highlighter(q: str) -> Callable[[str, str], tuple[str, str]] | None:
    """A function marking the words of `q` in an assertion and in a snippet of a quote;
    None when `q` has no words.

    Marked here rather than by the search engine: asking the engine would make it walk
    every match again, and the page shows only a page of claims, whose texts it has.
    """
    words = search_words(q)
    if not words:
        return None
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(word) for word in words) + r")\w*", re.IGNORECASE
    )
    return lambda assertion, quote: (_mark(assertion, pattern), _snippet(quote, pattern))


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
