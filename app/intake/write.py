"""Write taken-in articles as article JSON files (`claimtrack fetch`), to read or correct first."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path

from app.articles import ArticleError, ArticleErrors, SlugRegister
from app.extraction.model import Article
from app.intake.inputs import Gathered
from app.pipeline import input_name, read_input

FIELDS = ("slug", "title", "publisher", "url", "published", "language", "body")


def article_json(article: Article) -> str:
    """The article in the documented JSON format, fields in the documented order."""
    values = asdict(article)
    values["published"] = article.published.isoformat()
    return json.dumps({name: values[name] for name in FIELDS}, ensure_ascii=False, indent=2) + "\n"


def write_articles(
    gathered: Gathered, folder: Path, skip_bad: bool = False
) -> tuple[int, list[ArticleError]]:
    """Write `{slug}.json` for every input into `folder`; all or none, unless `skip_bad`.

    Returns how many were written and the inputs skipped. Without `skip_bad`, any bad
    input raises `ArticleErrors` naming every one, and nothing is written.
    """
    errors = list(gathered.errors)
    slugs = SlugRegister()
    articles: dict[str, Article] = {}
    for source in gathered.inputs:
        try:
            article = read_input(source)
            if articles.get(article.slug) == article:
                continue  # the same page reached twice
            slugs.claim(article.slug, input_name(source))
        except ArticleError as error:
            errors.append(error)
            continue
        articles[article.slug] = article
    if errors and (not skip_bad or not articles):
        raise ArticleErrors(errors)
    _make_folder(folder)
    for slug, article in articles.items():
        _write_atomically(folder / f"{slug}.json", article_json(article))
    return len(articles), errors


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ArticleErrors(
            [ArticleError(folder, f"cannot create folder ({error.strerror})")]
        ) from error


def _write_atomically(path: Path, text: str) -> None:
    """Write a file whole or not at all: a temporary file renamed over it."""
    try:
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except OSError as error:
        raise ArticleErrors(
            [ArticleError(path, f"cannot write file ({error.strerror})")]
        ) from error
