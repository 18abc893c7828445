"""A page's publication date as its readers see it: the dateline beside the headline.

News pages print the date of a story next to its headline: above it ("January 19,
2020 / 12:25 PM"), in the byline under it ("03.04.2019 Von ..."), or after the lead.
That printed date is what the page tells its readers, so it is taken before the page's
metadata, which often carries the time of the last update instead. Only short text
blocks (a dateline, not a sentence that mentions a date) within a few lines of the
headline count. The date is parsed by htmldate, the library trafilatura uses, with its
full parser (dateparser), so a dateline in any language is read ("08 Octubre 2020");
that parser is safe here because it only sees these few short blocks, never the page's
other text, where it would take a copyright year for a date.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from htmldate.extractors import try_date_expr
from lxml.html import HtmlElement

WORDS_BEFORE = 30  # a dateline above the headline: kicker, section, date
WORDS_AFTER = 120  # a byline or a dateline under the headline and its lead
DATELINE_MAX_WORDS = 12  # longer text is a sentence, not a dateline
EARLIEST = datetime(1995, 1, 1)  # no news page on the web is older
SKIPPED = {"script", "style", "noscript", "template", "head", "title", "option", "select"}
HAS_DIGITS = re.compile(r"\d")


def dateline_date(tree: HtmlElement, headline: str) -> str | None:
    """The date printed next to the headline `headline` (YYYY-MM-DD), if the page shows one."""
    blocks = _text_blocks(tree)
    at = _headline_position(blocks, headline)
    if at is None:
        return None
    latest = datetime.now(UTC).replace(tzinfo=None) + timedelta(days=1)
    near = [b for b in blocks if -WORDS_BEFORE <= b[0] - at <= WORDS_AFTER and b[2] is not None]
    for _, _, text in sorted(near, key=lambda block: abs(block[0] - at)):
        found = try_date_expr(text, "%Y-%m-%d", True, EARLIEST, latest)
        if found:
            return str(found)
    return None


def _text_blocks(tree: HtmlElement) -> list[tuple[int, HtmlElement, str | None]]:
    """Every element in reading order: its position in words, and its text if it may be a dateline."""
    blocks = []
    words = 0
    for element in tree.iter():
        if not isinstance(element.tag, str) or _skipped(element):
            continue
        text = " ".join(element.text_content().split())
        short = (
            text if len(text.split()) <= DATELINE_MAX_WORDS and HAS_DIGITS.search(text) else None
        )
        blocks.append((words, element, short))
        words += len((element.text or "").split()) + len((element.tail or "").split())
    return blocks


def _skipped(element: HtmlElement) -> bool:
    return any(node.tag in SKIPPED for node in (element, *element.iterancestors()))


def _headline_position(
    blocks: list[tuple[int, HtmlElement, str | None]], headline: str
) -> int | None:
    """Where the element holding the headline starts, in words; None if the page does not show it."""
    wanted = _squash(headline)
    if not wanted:
        return None
    for position, element, _ in blocks:
        if element.tag in ("h1", "h2", "h3") and _squash(element.text_content()) == wanted:
            return position
    return None


def _squash(text: str) -> str:
    return "".join(char for char in text.casefold() if char.isalnum())
