"""The JSON the API returns, as models, so /openapi.json documents it.

A claim is `ClaimOut`, the one output shape the export writes too.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from app.storage.queries import ClaimOut

Claim = ClaimOut


class ClaimList(BaseModel):
    """One page of a filtered claim list, with the link that continues it."""

    claims: list[ClaimOut]
    total: int
    total_capped: bool = Field(
        description="True when the total stopped at its cap: there are more matching claims"
    )
    page_size: int
    next: str | None = Field(description="The next page's URL; null on the last page")
    next_token: str | None = Field(description="The `next` parameter of the next page")
    first: str = Field(description="The list's first page")
    html: str
    csv: str


class SourceCount(BaseModel):
    slug: str
    label: str
    kind: str
    claims: int
    url: str
    claims_url: str


class SourceList(BaseModel):
    sources: list[SourceCount]


class TopicCount(BaseModel):
    slug: str
    label: str
    claims: int
    url: str
    claims_url: str


class TopicList(BaseModel):
    topics: list[TopicCount]


class Article(BaseModel):
    slug: str
    title: str
    publisher: str | None
    url: str | None
    published: str
    body: str


class ArticleWithClaims(BaseModel):
    article: Article
    claims: list[ClaimOut]


class Problem(BaseModel):
    status: int
    title: str
    message: str


class ErrorBody(BaseModel):
    """What every API error returns."""

    error: Problem
