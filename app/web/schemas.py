"""The JSON the API returns, as models, so /openapi.json documents it."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Quote(BaseModel):
    text: str
    start: int
    end: int
    prefix: str
    suffix: str


class SourceRef(BaseModel):
    slug: str
    label: str
    kind: str


class NamedRef(BaseModel):
    slug: str
    label: str


class Speaker(BaseModel):
    name: str
    role: str | None


class SaidOn(BaseModel):
    date: str | None
    precision: str


class Period(BaseModel):
    start: str | None
    end: str | None


class ArticleRef(BaseModel):
    slug: str
    title: str
    url: str | None
    published: str


class Claim(BaseModel):
    """A claim in the DESIGN.md shape."""

    id: str
    url: str
    assertion: str
    quote: Quote
    sources: list[SourceRef]
    speaker: Speaker | None
    actor: NamedRef | None
    target: NamedRef | None
    topics: list[NamedRef]
    stance: str
    said_on: SaidOn
    event_period: Period | None
    article: ArticleRef


class ClaimList(BaseModel):
    """One page of a filtered claim list, with links to its neighbours."""

    claims: list[Claim]
    total: int
    total_capped: bool = Field(
        description="True when the total stopped at its cap: there are more matching claims"
    )
    page: int
    pages: int
    page_size: int
    next: str | None
    previous: str | None
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
    claims: list[Claim]


class Problem(BaseModel):
    status: int
    title: str
    message: str


class ErrorBody(BaseModel):
    """What every API error returns."""

    error: Problem
