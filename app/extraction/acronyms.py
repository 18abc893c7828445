"""Short names an article defines for itself: "The Nature Conservancy (TNC)", so that a
later "TNC" or "TNC’s deputy director" is filed under the body's full name."""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.extraction.text import Span

DEFINED = re.compile(
    r"(?P<name>[A-ZÀ-Þ][\w&'’-]*(?:\s+(?:[A-ZÀ-Þ][\w&'’-]*|of|for|and|on|the|de|du|des|la|in)){1,10})"
    r"\s+\((?P<short>[A-Z][A-Za-z&]{1,9})\)"
)


def defined_acronyms(sentences: Iterable[Span]) -> dict[str, str]:
    """Every "Full Name (ACRONYM)" of an article whose initials spell the acronym."""
    found: dict[str, str] = {}
    for sentence in sentences:
        if "(" not in sentence.text:
            continue  # most sentences define nothing
        for match in DEFINED.finditer(sentence.text):
            name = spelt_by(match.group("name").split(), match.group("short"))
            if name and match.group("short") not in found:
                found[match.group("short")] = name
    return found


def spelt_by(words: list[str], short: str) -> str | None:
    """The last words of a name whose capitals spell `short` ("The Nature Conservancy" for
    TNC, "International Brotherhood of Electrical Workers" for IBEW), if any do."""
    letters = [c for c in short if c.isupper()]
    for start in range(len(words) - 1, -1, -1):
        initials = [w[0] for w in words[start:] if w[:1].isupper()]
        if initials == letters and words[start][:1].isupper():
            return " ".join(words[start:])
    return None
