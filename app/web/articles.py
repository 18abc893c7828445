"""The article page: the body with every claim's words marked and anchored."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.storage import queries
from app.web.deps import ConnectionDep, TemplatesDep, UrlsDep
from app.web.errors import NotFound
from app.web.marking import article_paragraphs
from app.web.present import web_url

router = APIRouter(include_in_schema=False)


@router.get("/articles/{slug}", response_class=HTMLResponse, name="article")
async def article_page(
    request: Request,
    slug: str,
    connection: ConnectionDep,
    templates: TemplatesDep,
    urls: UrlsDep,
) -> HTMLResponse:
    """An article with each claim highlighted, marked with its source, `#claim-{id}`."""
    article = queries.get_article(connection, slug)
    if article is None:
        raise NotFound(f"There is no article {slug[:60]!r}.")
    context = {
        "urls": urls,
        "article": article.info,
        "original_url": web_url(article.info.url),
        "claims": article.claims,
        "paragraphs": article_paragraphs(article.body, article.claims),
    }
    return templates.TemplateResponse(request, "article.html", context)
