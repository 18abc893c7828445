"""What makes a claim link unfurl and be understood by machines: meta tags and JSON-LD."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from app.storage.queries import ClaimRecord
from app.web.present import said_on_words

KIND_TYPES = {"government": "GovernmentOrganization", "organisation": "Organization"}
DESCRIPTION_LENGTH = 200


def source_names(claim: ClaimRecord) -> str:
    """'Washington, Seoul and Kyiv'."""
    labels = [source.label for source in claim.sources]
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def description(claim: ClaimRecord) -> str:
    """One line for link previews: who, how firmly, when, and the words."""
    when = said_on_words(claim.said_on, claim.said_on_precision)
    text = f"{source_names(claim)} ({claim.stance}, {when}): “{claim.quote_text}”"
    if len(text) > DESCRIPTION_LENGTH:
        text = text[: DESCRIPTION_LENGTH - 1].rstrip() + "…"
    return text


def json_ld(claim: ClaimRecord, permalink: str) -> Markup:
    """schema.org Claim JSON-LD, safe inside a <script> element."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Claim",
        "@id": permalink,
        "url": permalink,
        "text": claim.assertion,
        "author": [
            {"@type": KIND_TYPES.get(s.kind, "Organization"), "name": s.label}
            for s in claim.sources
        ],
        "appearance": _appearance(claim),
        "keywords": [topic.label for topic in claim.topics],
    }
    if claim.speaker_name:
        data["contributor"] = {"@type": "Person", "name": claim.speaker_name}
        if claim.speaker_role:
            data["contributor"]["jobTitle"] = claim.speaker_role
    mentioned = [entity for entity in (claim.actor, claim.target) if entity]
    if mentioned:
        data["mentions"] = [{"@type": "Thing", "name": entity.label} for entity in mentioned]
    if claim.said_on and claim.said_on_precision in ("day", "month", "year"):
        data["dateCreated"] = claim.said_on
    if claim.event_start or claim.event_end:
        data["temporalCoverage"] = f"{claim.event_start or '..'}/{claim.event_end or '..'}"
    text = json.dumps(data, ensure_ascii=False, indent=1)
    # Inside <script>, "</script>" or "<!--" in a value would end or confuse the element.
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return Markup(text)


def _appearance(claim: ClaimRecord) -> dict[str, Any]:
    article = claim.article
    appearance: dict[str, Any] = {
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": article.published,
    }
    if article.url:
        appearance["url"] = article.url
    if article.publisher:
        appearance["publisher"] = {"@type": "Organization", "name": article.publisher}
    return appearance
