"""Geometry for the overview's timeline, computed here so the template only prints it.

Each said-on date is drawn as what it is: a day is a point, a month or a year is a bar
across it, "before a date" is a bar that fades out to the left (open-ended).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.storage.queries import ClaimFilters, DateGroup
from app.web.present import said_on_words
from app.web.urls import Urls

MAX_TICKS = 8


@dataclass(frozen=True)
class Tick:
    x: str  # percent of the axis, e.g. "12.50%"
    label: str


@dataclass(frozen=True)
class TimelineRow:
    label: str
    count: int
    shape: str  # point | span | open
    x: str
    width: str
    url: str


@dataclass(frozen=True)
class Timeline:
    ticks: list[Tick]
    rows: list[TimelineRow]
    undated: int


def timeline_chart(groups: list[DateGroup], urls: Urls) -> Timeline:
    """Rows and month ticks for the dated groups; undated claims are only counted."""
    dated = [g for g in groups if g.end]
    undated = sum(g.count for g in groups if not g.end)
    if not dated:
        return Timeline([], [], undated)
    axis = _Axis(*_domain(dated))
    rows = [_row(group, axis, urls) for group in dated]
    return Timeline(_ticks(axis), rows, undated)


class _Axis:
    """Days from `first` to `last` mapped onto 0-100%."""

    def __init__(self, first: date, last: date) -> None:
        self.first, self.last = first, last
        self.days = (last - first).days + 1

    def at(self, day: date) -> float:
        return 100 * (day - self.first).days / self.days


def _domain(groups: list[DateGroup]) -> tuple[date, date]:
    days = [date.fromisoformat(d) for g in groups for d in (g.start, g.end) if d]
    first, last = min(days), max(days)
    if any(g.start is None for g in groups):
        first = _add_months(first, -1)  # room for the open end of "before" bars
    first = first.replace(day=1)
    last = _add_months(last.replace(day=1), 1) - timedelta(days=1)
    return first, last


def _row(group: DateGroup, axis: _Axis, urls: Urls) -> TimelineRow:
    assert group.end is not None
    after_end = date.fromisoformat(group.end) + timedelta(days=1)
    if group.start is None:
        shape, start = "open", axis.first
        filters = ClaimFilters(date_to=group.end)
    else:
        start = date.fromisoformat(group.start)
        shape = "point" if start == after_end - timedelta(days=1) else "span"
        filters = ClaimFilters(date_from=group.said_on, date_to=group.said_on)
    x, width = axis.at(start), axis.at(after_end) - axis.at(start)
    if shape == "point":
        x += width / 2  # a day is drawn as a dot at its middle
    label = said_on_words(group.said_on, group.precision)
    return TimelineRow(
        label, group.count, shape, f"{x:.2f}%", f"{width:.2f}%", urls.claims(filters)
    )


def _ticks(axis: _Axis) -> list[Tick]:
    months = []
    month = axis.first
    while month <= axis.last:
        months.append(month)
        month = _add_months(month, 1)
    step = max(1, -(-len(months) // MAX_TICKS))
    return [Tick(f"{axis.at(m):.2f}%", f"{m:%b %Y}") for m in months[::step]]


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)
