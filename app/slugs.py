"""Slugs: the URL-safe names of articles, sources, entities and topics."""

from __future__ import annotations

import re
import unicodedata

SLUG_MAX = 80


def slugify(text: str, max_length: int = SLUG_MAX) -> str:
    """Lowercase ASCII words joined by hyphens; accents dropped ("Kyïv" -> "kyiv")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        # Cut at a word boundary so a slug never ends in half a word.
        cut = slug[: max_length + 1].rsplit("-", 1)[0]
        slug = cut if cut else slug[:max_length]
    return slug.strip("-")
