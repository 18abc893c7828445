"""Read and validate article JSON files (the format in docs/claims.md) into `Article` values.

Every problem becomes an `ArticleError` naming the file and saying what is wrong in one
line. `read_articles` checks every file before it fails, so a user fixes them all at once.

What is refused, beyond the format: files over 5 MB and fields over their length limit
(a news article's body is far below 200,000 characters; longer ones would take the
extractor minutes); control characters and lone surrogates in any text (they break
pages, exports and PostgreSQL); a key given twice; JSON nested too deeply; a `url` that
is not http(s); and a `published` date after tomorrow (UTC), which is a typo, not news:
a day of slack keeps articles from time zones ahead of UTC.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from app.extraction.model import Article
from app.slugs import SLUG_MAX, slugify

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LANGUAGE_PATTERN = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")  # "en", "pt-BR"
# C0 and C1 controls but tab, newline and carriage return; lone UTF-16 surrogates.
BAD_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")  # in a file name
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_LENGTHS = {"title": 500, "body": 200_000, "publisher": 200, "url": 2000, "language": 35}
JSON_TYPE_NAMES = {
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "true or false",
    list: "a list",
    dict: "an object",
    type(None): "null",
}


class ArticleError(Exception):
    """One bad input: the file (or folder) it concerns and a one-line description."""

    def __init__(self, path: Path | str, problem: str) -> None:
        shown = str(path)
        if UNPRINTABLE.search(shown):  # a file name with a newline still gives one line
            shown = ascii(shown)
        super().__init__(f"{shown}: {problem}")
        self.path = str(path)
        self.problem = problem


class ArticleErrors(Exception):
    """Several bad inputs found in one run; nothing should be loaded."""

    def __init__(self, errors: list[ArticleError]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors


def article_slug(title: str) -> str:
    """The slug for a title; titles with no Latin letters get a stable hash-based slug."""
    slug = slugify(re.sub(r"['’]", "", title))  # "Korea's" -> "koreas", not "korea-s"
    if slug:
        return slug
    return "article-" + hashlib.sha256(title.encode("utf-8")).hexdigest()[:12]


def article_paths(paths: Iterable[Path | str]) -> tuple[list[Path], list[ArticleError]]:
    """Expand folders into their `*.json` files (sorted); report missing or empty ones."""
    found: dict[Path, Path] = {}  # resolved -> as given: a file named twice is read once
    errors: list[ArticleError] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = sorted(p for p in path.glob("*.json") if p.is_file())
            if not files:
                errors.append(ArticleError(path, "folder has no article files (*.json)"))
            found.update((file.resolve(), file) for file in files if file.resolve() not in found)
        elif path.is_file():
            found.setdefault(path.resolve(), path)
        else:
            errors.append(ArticleError(path, "no such file or folder"))
    return list(found.values()), errors


def read_articles(paths: Iterable[Path | str]) -> list[tuple[Path, Article]]:
    """Read every article under `paths`; raise `ArticleErrors` listing every bad file."""
    files, errors = article_paths(paths)
    slugs = SlugRegister()
    articles: list[tuple[Path, Article]] = []
    for path in files:
        try:
            article = read_article(path)
            slugs.claim(article.slug, path)
        except ArticleError as error:
            errors.append(error)
            continue
        articles.append((path, article))
    if errors:
        raise ArticleErrors(errors)
    return articles


class SlugRegister:
    """The slugs met so far in a run, so that two files never share one."""

    def __init__(self) -> None:
        self.seen: dict[str, Path | str] = {}

    def claim(self, slug: str, path: Path | str) -> None:
        """Record `slug` for `path`; raise `ArticleError` if another file has it."""
        if slug in self.seen:
            raise ArticleError(path, f"slug {slug!r} is also used by {self.seen[slug]}")
        self.seen[slug] = path


def read_article(path: Path) -> Article:
    """Read one article file; raise `ArticleError` saying what is wrong with it."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problem = (
                f"file is too big ({size / 2**20:.1f} MB; at most {MAX_FILE_BYTES // 2**20} MB)"
            )
            raise ArticleError(path, problem)
        raw = path.read_bytes()
    except OSError as error:
        raise ArticleError(path, f"cannot read file ({error.strerror})") from error
    try:
        text = raw.decode("utf-8-sig")  # tolerate the BOM some editors write
    except UnicodeDecodeError as error:
        byte = raw[error.start]
        problem = f"not UTF-8 text (byte 0x{byte:02x} at offset {error.start})"
        raise ArticleError(path, problem) from error
    return article_from_dict(_parse_json(text, path), path)


class _JSONProblem(ValueError):
    """Valid JSON syntax that an article may still not use."""


def _parse_json(text: str, path: Path) -> Any:
    """Decode strict JSON: no NaN or Infinity, no key twice in an object."""
    try:
        return json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        problem = f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        raise ArticleError(path, problem) from error
    except _JSONProblem as error:
        raise ArticleError(path, f"invalid JSON: {error}") from error
    except RecursionError as error:
        raise ArticleError(path, "invalid JSON: nested too deeply") from error
    except ValueError as error:  # Python's limit on the digits of an integer
        raise ArticleError(path, "invalid JSON: a number has too many digits") from error


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _JSONProblem(f"key {ascii(key)} appears twice in one object")
        found[key] = value
    return found


def _no_constant(name: str) -> Any:
    raise _JSONProblem(f"{name} is not a JSON value")


def article_from_dict(data: Any, path: Path | str = "<article>") -> Article:
    """Validate a decoded article JSON object and build the `Article`."""
    if not isinstance(data, dict):
        raise ArticleError(path, f"expected a JSON object, got {_type_name(data)}")
    title = _field(data, "title", path, required=True)
    body = _field(data, "body", path, required=True)
    if not title.strip():
        raise ArticleError(path, 'field "title" is empty')
    if not body.strip():
        raise ArticleError(path, 'field "body" is empty')
    slug = _field(data, "slug", path)
    if slug is not None and not SLUG_PATTERN.match(slug):
        problem = f'field "slug" must be lowercase letters, digits and hyphens, got {_shown(slug)}'
        raise ArticleError(path, problem)
    if slug is not None and len(slug) > SLUG_MAX:
        raise ArticleError(path, f'field "slug" is longer than {SLUG_MAX} characters')
    language = _field(data, "language", path)
    if language is not None and not LANGUAGE_PATTERN.match(language):
        problem = f'field "language" must be a language code such as "en", got {_shown(language)}'
        raise ArticleError(path, problem)
    return Article(
        slug=slug or article_slug(title),
        title=title.strip(),
        published=_published(data, path),
        body=body,
        publisher=_field(data, "publisher", path),
        url=_url(data, path),
        language=language or "en",
    )


def _field(data: dict[str, Any], name: str, path: Path | str, required: bool = False) -> Any:
    """A string field; null or absent is allowed only when not required."""
    value = data.get(name)
    if value is None:
        if required:
            problem = f'missing field "{name}"' if name not in data else f'field "{name}" is null'
            raise ArticleError(path, problem)
        return None
    if not isinstance(value, str):
        raise ArticleError(path, f'field "{name}" must be a string, got {_type_name(value)}')
    limit = MAX_LENGTHS.get(name)
    if limit is not None and len(value) > limit:
        problem = f'field "{name}" is too long ({len(value):,} characters; at most {limit:,})'
        raise ArticleError(path, problem)
    bad = BAD_CHARACTER.search(value)
    if bad:
        char = bad.group()
        kind = "a lone surrogate" if "\ud800" <= char <= "\udfff" else "a control character"
        problem = f'field "{name}" has {kind} (U+{ord(char):04X}) at character {bad.start()}'
        raise ArticleError(path, problem)
    return value


def _url(data: dict[str, Any], path: Path | str) -> str | None:
    """The original's address: absolute http or https, or none."""
    value = _field(data, "url", path)
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        parts = urlsplit(value)
    except ValueError as error:
        raise ArticleError(path, f'field "url" is not a web address ({error})') from error
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or _has_space(value):
        problem = f'field "url" must be an http:// or https:// address, got {_shown(value)}'
        raise ArticleError(path, problem)
    return value


def _published(data: dict[str, Any], path: Path | str) -> date:
    """The published date: YYYY-MM-DD, and a day that exists."""
    value = _field(data, "published", path, required=True).strip()
    if not DATE_PATTERN.match(value):
        problem = f'field "published" must be a date YYYY-MM-DD, got {value!r}'
        raise ArticleError(path, problem)
    try:
        published = date.fromisoformat(value)
    except ValueError as error:
        problem = f'field "published": {value} is not a real date ({error})'
        raise ArticleError(path, problem) from error
    today = datetime.now(UTC).date()
    if published > today + timedelta(days=1):
        problem = f'field "published": {value} is in the future (today is {today} UTC)'
        raise ArticleError(path, problem)
    return published


def _has_space(value: str) -> bool:
    return any(char.isspace() for char in value)


def _shown(value: str, limit: int = 60) -> str:
    """A value quoted for a message, cut to `limit` characters."""
    return repr(value if len(value) <= limit else value[:limit] + "…")


def _type_name(value: Any) -> str:
    return JSON_TYPE_NAMES.get(type(value), type(value).__name__)
