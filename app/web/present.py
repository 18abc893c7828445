"""Turn stored values into what a page shows: dates in words, marked text, anchors.

Text stays plain here; templates escape it. A quote in its paragraph is a list of
segments, each either plain or marked. A search match is marked by `marked_html`,
which escapes the whole text first and only then turns the marker characters (which
escaping leaves alone) into <mark> elements: a list shows fifty marked texts, and
looping over their segments in the template costs more than the rest of a claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote, urldefrag, urlsplit

from markupsafe import Markup, escape

from app.storage.queries import MARK_END, MARK_START

_MARKS = re.compile(f"{MARK_START}(.*?){MARK_END}", re.DOTALL)
FRAGMENT_WORDS = 4  # words at each end of a long quote in a text fragment
SHORT_QUOTE = 60


@dataclass(frozen=True)
class Segment:
    """A run of text, highlighted or not."""

    text: str
    marked: bool = False


def date_words(value: str | None) -> str:
    """'2024-11-22' as '22 November 2024', '2024-10' as 'October 2024', '2024' as is."""
    if not value:
        return "unknown date"
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return f"{day.day} {day:%B %Y}"
    if len(parts) == 2:
        return f"{date(parts[0], parts[1], 1):%B %Y}"
    return str(parts[0])


def said_on_words(value: str | None, precision: str) -> str:
    """When a source spoke, in words that keep the precision."""
    if precision == "unknown" or not value:
        return "date unknown"
    if precision == "before":
        return f"before {date_words(value)}"
    return date_words(value)


def period_words(start: str | None, end: str | None) -> str | None:
    """An event period in words, e.g. 'March 2024 to November 2024'."""
    if not start and not end:
        return None
    if start == end or not end:
        return date_words(start)
    if not start:
        return f"until {date_words(end)}"
    return f"{date_words(start)} to {date_words(end)}"


def marked_html(text: str | None) -> Markup:
    """Text, escaped, with its search matches (wrapped in marker characters) as <mark>s."""
    escaped = str(escape(text or ""))
    return Markup(_MARKS.sub(r"<mark>\1</mark>", escaped))


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each paragraph: the text between blank lines, trimmed."""
    spans = []
    position = 0
    for separator in [*re.finditer(r"\n\s*\n", body), None]:
        stop = separator.start() if separator else len(body)
        chunk = body[position:stop]
        if chunk.strip():
            first = position + len(chunk) - len(chunk.lstrip())
            spans.append((first, position + len(chunk.rstrip())))
        position = separator.end() if separator else stop
    return spans


def quote_in_context(body: str, start: int, end: int) -> list[Segment]:
    """The paragraph(s) holding body[start:end], with those words marked."""
    spans = paragraph_spans(body)
    first = next((s for s, e in spans if s <= start < e), 0)
    last = next((e for s, e in spans if s < end <= e), len(body))
    segments = [Segment(body[first:start]), Segment(body[start:end], marked=True)]
    segments.append(Segment(body[end:last]))
    return [segment for segment in segments if segment.text]


def web_url(url: str | None) -> str | None:
    """`url` if it is an http(s) address a page may link to, else None (never `javascript:`)."""
    if not url or urlsplit(url.strip()).scheme.lower() not in ("http", "https"):
        return None
    return url.strip()


def text_fragment_url(url: str | None, words: str) -> str | None:
    """A link to `url` that scrolls to `words` (a Text Fragment, `#:~:text=`)."""
    url = web_url(url)
    if not url:
        return None
    words = " ".join(words.split())
    tokens = words.split(" ")
    if len(words) <= SHORT_QUOTE or len(tokens) <= 2 * FRAGMENT_WORDS:
        directive = _fragment_part(words)
    else:
        start = " ".join(tokens[:FRAGMENT_WORDS])
        end = " ".join(tokens[-FRAGMENT_WORDS:])
        directive = f"{_fragment_part(start)},{_fragment_part(end)}"
    return f"{urldefrag(url).url}#:~:text={directive}"


def _fragment_part(words: str) -> str:
    # '-', ',' and '&' delimit text directives, so they must be percent-encoded too.
    return quote(words, safe="").replace("-", "%2D")


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 claim', '2 claims'; `many` for a word whose plural is not word + s."""
    return f"{count} {word}" if count == 1 else f"{count} {many or word + 's'}"


def figure_words(value: float) -> str:
    """A figure as a reader writes it: '12,000', '1.5'."""
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0")
