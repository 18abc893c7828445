"""The JSON the API returns, as models, so /openapi.json documents it.

A claim is `ClaimOut`, the one output shape the export writes too.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from app.storage.queries import ClaimOut
from app.storage.queries.output import SaidOn, SourceRef

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


class StorySummary(BaseModel):
    """A story: claims from different articles that assert the same thing."""

    id: str
    url: str = Field(description="The story's page")
    headline: str = Field(description="Its clearest assertion")
    headline_claim: str | None = Field(description="The page of the claim the headline is")
    claims: int
    articles: int
    sources: int
    denials: int = Field(description="Claims that deny the headline")
    figures: int = Field(description="Claims whose figure differs from the headline's")
    first_said_on: SaidOn = Field(description="When its earliest claim was said")
    first_said_by: list[SourceRef] = Field(description="The sources of its earliest claim")
    json_url: str = Field(description="This story as JSON, with its timeline")
    feed: str = Field(description="Atom feed of the story's claims")


class StoryList(BaseModel):
    """One page of stories, most sources or newest first, with the link that continues it."""

    stories: list[StorySummary]
    total: int
    total_capped: bool = Field(description="True when the total stopped at its cap")
    page_size: int
    next: str | None = Field(description="The next page's URL; null on the last page")
    next_token: str | None = Field(description="The `next` parameter of the next page")
    first: str
    html: str
    csv: str


class StorySourceCount(BaseModel):
    slug: str
    label: str
    kind: str
    claims: int = Field(description="How many of the story's claims the source makes")


class OutletCount(BaseModel):
    name: str = Field(description="The publisher of articles carrying the story's claims")
    articles: int
    claims: int


class TimelineArticle(BaseModel):
    slug: str
    title: str
    publisher: str | None
    url: str | None
    published: str


class TimelineEntry(BaseModel):
    """One claim of a story, in time order, and how it stands to the headline."""

    id: str
    url: str
    assertion: str
    stance: str
    relation: str = Field(description="same, figure (a differing figure) or denial")
    figures: list[float] = Field(description="Its figures, when they differ from the headline's")
    said_on: SaidOn
    sources: list[SourceRef]
    article: TimelineArticle


class StoryWithTimeline(BaseModel):
    """A story with one page of its timeline (oldest first) and what holds of all its claims."""

    story: StorySummary
    sources: list[StorySourceCount] = Field(description="Who repeats it, most claims first")
    outlets: list[OutletCount] = Field(description="Who reported it, most articles first")
    headline_figures: list[float]
    figures: list[TimelineEntry] = Field(description="Claims whose figure differs")
    denials: list[TimelineEntry] = Field(description="Claims that deny it")
    timeline: list[TimelineEntry]
    next: str | None = Field(description="The timeline's next page; null on the last")
    next_token: str | None
    html: str
    csv: str = Field(description="The whole timeline as CSV")
    claims_url: str = Field(description="The story's claims as a claim list (/api/claims)")
