"""The web layer's pure parts: filters, dates in words, highlights, links, the timeline."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi import Request
from sqlalchemy import Connection

from app.storage.db import database_url, make_engine
from app.storage.queries import (
    ArticleInfo,
    ClaimFilters,
    ClaimRecord,
    DateGroup,
    FilterError,
    Named,
    Source,
    parse_filters,
)
from app.web import create_app
from app.web.charts import timeline_chart
from app.web.marking import article_paragraphs
from app.web.present import (
    Segment,
    marked_html,
    paragraph_spans,
    period_words,
    quote_in_context,
    said_on_words,
    text_fragment_url,
)
from app.web.sharing import description, json_ld
from app.web.urls import Urls, canonical_query


@pytest.fixture(scope="module")
def connection(loaded_db_path: Path) -> Iterator[Connection]:
    engine = make_engine(database_url(loaded_db_path), read_only=True)
    with engine.connect() as opened:
        yield opened
    engine.dispose()


def parse(connection: Connection, **values: str | list[str]) -> ClaimFilters:
    """The filters of a query string with these values, resolved against the test data."""
    raw = {name: value if isinstance(value, list) else [value] for name, value in values.items()}
    return parse_filters(connection, raw)


def record(**changes: object) -> ClaimRecord:
    article = ArticleInfo("a", "An <article>", "Press", "https://example.org/a", "2024-11-22")
    claim = ClaimRecord(
        id="abc",
        assertion="Russia sent </script> missiles & more.",
        quote_text="Russia sent missiles",
        quote_start=0,
        quote_end=20,
        quote_prefix="",
        quote_suffix="",
        speaker_name=None,
        speaker_role=None,
        stance="asserted",
        said_on="2024-11-22",
        said_on_precision="before",
        said_on_start=None,
        said_on_end="2024-11-22",
        event_start=None,
        event_end=None,
        position=0,
        article=article,
        actor=Named("russia", "Russia"),
        sources=[Source("seoul", "Seoul", "government"), Source("nato", "NATO", "organisation")],
    )
    return replace(claim, **changes)


def test_filters_resolve_names_and_write_one_canonical_query(connection: Connection) -> None:
    filters = parse(
        connection,
        source=["South Korea", "seoul", ""],
        topic=["Arms transfers"],
        actor="Russia",
        q="  a  b ",
    )
    expected = ClaimFilters(q="a b", sort="relevance").choose("source", ("seoul",))
    expected = expected.choose("topic", ("arms-transfers",)).choose("actor", ("russia",))
    assert filters == expected
    assert canonical_query(filters) == [
        ("source", "seoul"),
        ("topic", "arms-transfers"),
        ("actor", "russia"),
        ("q", "a b"),
    ]


def test_relevance_without_words_falls_back_to_newest(connection: Connection) -> None:
    filters = parse(connection, sort="relevance", hide_unattributed="on", next="123.abc")
    assert (filters.sort, filters.hide_unattributed, filters.after) == ("newest", True, "123.abc")
    assert canonical_query(filters) == [("hide_unattributed", "1"), ("next", "123.abc")]


@pytest.mark.parametrize("token", ["o25", "abc", "12.", "-1.abc", "1" * 30 + ".x"])
def test_a_next_token_of_another_kind_of_list_is_refused(
    connection: Connection, token: str
) -> None:
    with pytest.raises(FilterError, match="is not a position in this list"):
        parse(connection, next=token)


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [("2024", "2024-01-01", "2024-12-31"), ("2024-02", "2024-02-01", "2024-02-29")],
)
def test_date_bounds_cover_the_whole_month_or_year(
    connection: Connection, value: str, first: str, last: str
) -> None:
    filters = parse(connection, **{"from": value, "to": value})
    assert (filters.day_from, filters.day_to) == (first, last)


def test_unknown_names_are_bad_requests(connection: Connection) -> None:
    with pytest.raises(FilterError, match="no source named 'Atlantis' \\(known: "):
        parse(connection, source=["Atlantis"])
    with pytest.raises(FilterError, match="At most 20 values of source"):
        parse(connection, source=["seoul"] * 21)
    with pytest.raises(FilterError, match="Give one value of actor, not 2"):
        parse(connection, actor=["russia", "north-korea"])


def test_said_on_in_words_keeps_precision() -> None:
    assert said_on_words("2024-11-22", "day") == "22 November 2024"
    assert said_on_words("2024-10", "month") == "October 2024"
    assert said_on_words("2024", "year") == "2024"
    assert said_on_words("2024-11-22", "before") == "before 22 November 2024"
    assert said_on_words(None, "unknown") == "date unknown"
    assert period_words("2024-03", "2024-11") == "March 2024 to November 2024"
    assert period_words("2024-08", "2024-08") == "August 2024"
    assert period_words(None, None) is None


def test_marked_html_marks_search_matches_in_escaped_text() -> None:
    assert marked_html("a \x02b\x03 c \x02d\x03") == "a <mark>b</mark> c <mark>d</mark>"
    assert marked_html("<b> & \x02<i>\x03") == "&lt;b&gt; &amp; <mark>&lt;i&gt;</mark>"
    assert marked_html("a stray \x02 marker") == "a stray \x02 marker"
    assert marked_html(None) == ""


def test_paragraphs_and_quote_in_context() -> None:
    body = "First one.\n\nSecond has the words here.\n \nThird."
    assert [body[s:e] for s, e in paragraph_spans(body)] == [
        "First one.",
        "Second has the words here.",
        "Third.",
    ]
    start = body.index("the words")
    assert quote_in_context(body, start, start + 9) == [
        Segment("Second has "),
        Segment("the words", True),
        Segment(" here."),
    ]


def test_text_fragment_links_are_percent_encoded() -> None:
    short = text_fragment_url("https://example.org/a#top", "anti-aircraft missiles, & more")
    assert short == "https://example.org/a#:~:text=anti%2Daircraft%20missiles%2C%20%26%20more"
    long = text_fragment_url(
        "https://example.org/a",
        "North Korea had sent at least 13,000 containers of artillery weapons to Russia",
    )
    assert (
        long
        == "https://example.org/a#:~:text=North%20Korea%20had%20sent,artillery%20weapons%20to%20Russia"
    )
    assert text_fragment_url(None, "words") is None


def test_overlapping_quotes_nest_and_each_gets_one_anchor() -> None:
    body = "Alpha beta gamma delta."
    outer = record(id="o", quote_start=0, quote_end=16)  # Alpha beta gamma
    inner = record(id="i", quote_start=6, quote_end=22)  # beta gamma delta (overlaps)
    [pieces] = article_paragraphs(body, [outer, inner])
    steps = [(p.kind, p.text, p.anchor) for p in pieces]
    assert steps == [
        ("open", "", "claim-o"),
        ("text", "Alpha ", None),
        ("open", "", "claim-i"),
        ("text", "beta gamma", None),
        ("close", "", None),
        ("close", "", None),
        ("text", " delta.", None),
    ]


def test_json_ld_is_safe_inside_a_script_element() -> None:
    text = json_ld(record(), "https://claims.example/claims/abc")
    assert "<" not in text and ">" not in text and "&" not in text
    data = json.loads(str(text))
    assert data["text"] == "Russia sent </script> missiles & more."
    assert data["author"] == [
        {"@type": "GovernmentOrganization", "name": "Seoul"},
        {"@type": "Organization", "name": "NATO"},
    ]
    assert "dateCreated" not in data, "a 'before' date is not a creation date"
    assert description(record()).startswith("Seoul and NATO (asserted, before 22 November 2024)")


class FakeUrls:
    def claims(self, filters: ClaimFilters) -> str:
        return "/claims?" + "&".join(f"{k}={v}" for k, v in canonical_query(filters))


def test_timeline_draws_points_months_and_open_ended_bars() -> None:
    groups = [
        DateGroup("2024-11-22", "day", "2024-11-22", "2024-11-22", 3),
        DateGroup("2024-11-22", "before", None, "2024-11-22", 2),
        DateGroup("2024-10", "month", "2024-10-01", "2024-10-31", 1),
        DateGroup(None, "unknown", None, None, 4),
    ]
    chart = timeline_chart(groups, FakeUrls())  # type: ignore[arg-type]
    assert chart.undated == 4
    rows = {row.label: row for row in chart.rows}
    assert set(rows) == {"22 November 2024", "before 22 November 2024", "October 2024"}
    assert (rows["22 November 2024"].shape, rows["October 2024"].shape) == ("point", "span")
    before = rows["before 22 November 2024"]
    assert before.shape == "open" and before.x == "0.00%"
    # The axis runs from September (room for the open end) to the end of November.
    assert [tick.label for tick in chart.ticks] == ["Sep 2024", "Oct 2024", "Nov 2024"]
    october = rows["October 2024"]
    assert october.x == chart.ticks[1].x
    assert float(october.width[:-1]) == pytest.approx(100 * 31 / 91, abs=0.01)
    assert before.url == "/claims?to=2024-11-22"


def test_facet_links_toggle_one_value_and_keep_the_rest_of_the_query() -> None:
    app = create_app("sqlite:///unused.db")  # routes only: no request reaches a database
    urls = Urls(Request({"type": "http", "app": app, "root_path": "", "headers": []}))
    filters = ClaimFilters(
        chosen=(("source", ("seoul", "nato")), ("stance", ("asserted",)), ("topic", ("oil",))),
        date_from="2024",
        q="troops & oil",
        sort="oldest",
        after="a-token",
    )
    rest = "from=2024&q=troops+%26+oil&sort=oldest"  # the list from its first page
    assert urls.toggles(filters, "source", ["kyiv", "nato"]) == [
        f"/claims?source=seoul&source=nato&source=kyiv&topic=oil&stance=asserted&{rest}",
        f"/claims?source=seoul&topic=oil&stance=asserted&{rest}",
    ]
    assert urls.toggles(filters, "stance", ["denied", "asserted"]) == [
        f"/claims?source=seoul&source=nato&topic=oil&stance=denied&{rest}",  # one value
        f"/claims?source=seoul&source=nato&topic=oil&{rest}",
    ]
    assert urls.toggles(filters, "topic", ["oil"]) == [
        f"/claims?source=seoul&source=nato&stance=asserted&{rest}"
    ]
    assert urls.toggle(filters, "actor", "nato") == (
        f"/claims?source=seoul&source=nato&topic=oil&actor=nato&stance=asserted&{rest}"
    )
    alone = ClaimFilters(chosen=(("topic", ("oil",)),), sort="relevance")  # no words
    assert urls.toggles(alone, "topic", ["oil", "gas"]) == [
        "/claims",
        "/claims?topic=oil&topic=gas",
    ]
