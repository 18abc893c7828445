"""Interactive API docs (Swagger UI) served from vendored files, so they work offline
and under the site's Content-Security-Policy (no inline script, no CDN)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.web.deps import TemplatesDep, UrlsDep

router = APIRouter(include_in_schema=False)


@router.get("/docs", response_class=HTMLResponse, name="docs")
async def api_docs(request: Request, templates: TemplatesDep, urls: UrlsDep) -> HTMLResponse:
    """Swagger UI over /openapi.json."""
    context = {"urls": urls, "openapi_url": urls.path("openapi")}
    return templates.TemplateResponse(request, "docs.html", context)
