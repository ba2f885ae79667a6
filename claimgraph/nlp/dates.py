"""Incident dates: a date expression, read against the publication date, to (date, precision).

News text dates events relative to the day it was written ("last Friday", "in August"). dateparser
handles absolute dates well; the relative rules below are ours, because a report describes past
events and dateparser's defaults do not always agree with newsroom usage. Decisions:

- Weekday names mean the most recent such day strictly before publication ("on Friday" in a Monday
  piece is three days earlier). A bare weekday that *is* the publication weekday means that very
  day (wire copy says "on Friday" on Friday); "last Friday" on a Friday means a week earlier.
- Month names alone mean the most recent such month not after publication ("in March" in a March
  piece is this month; "last March" is a year earlier). Precision "month", date is the 1st.
- Vague spans ("last week", "recently", "in recent days") give None: no honest precision fits.
- Without a publication date, only expressions that carry their own year resolve.
- Nothing after the publication date is returned: the caller reads incidents as past events.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")]
    )
    for m in names
}  # fmt: skip
MONTH_NAMES = frozenset(_MONTHS)
_WEEKDAYS = {
    d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY_RE = "|".join(_WEEKDAYS)

_LEAD = re.compile(
    r"^(?:(?:on|in|during|since|by|from|as of|at|until)\s+)?(?:the\s+)?"
    r"(?:(?:early hours|small hours|early|late|night|morning|evening|afternoon|dawn|weekend)\s+"
    r"(?:(?:of|on)\s+)?)?(?:(?:on|in)\s+)?(?:the\s+)?"
)
_TIME_OF_DAY = re.compile(r"\s+(?:night|morning|evening|afternoon|dawn|noon|midnight)$")
_VAGUE = re.compile(
    r"^(?:recently|lately|(?:last|this|past|earlier this|previous)\s+(?:week|weekend)|"
    r"in recent (?:days|weeks|months|years)|recent (?:days|weeks|months)|"
    r"(?:a few|several|some) (?:days|weeks|months|years) ago|(?:last|past) (?:few|several) \w+)$"
)
_WEEKDAY = re.compile(rf"^(last|this past|past|this|)\s*({_WEEKDAY_RE})$")
_MONTH_ONLY = re.compile(rf"^(last|this|)\s*({_MONTH_RE})\.?$")
_YEAR = re.compile(r"^(?:the\s+year\s+)?((?:19|20)\d\d)$")
# A year of four digits, "3 jan 90" (day month yy), or a numeric date with a year.
_HAS_YEAR = re.compile(
    rf"\b(?:19|20)\d\d\b|\b\d{{1,2}}\s+(?:{_MONTH_RE})\.?,?\s+'?\d\d$|\b\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d\d\b"
)
_DATE_HINT = re.compile(
    rf"\b(?:{_MONTH_RE}|{_WEEKDAY_RE}|yesterday|today|tonight|ago|(?:19|20)\d\d|"
    r"(?:last|this|earlier this|next|previous) (?:week|month|year|night|morning|afternoon|evening))\b|"
    r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b",
    re.IGNORECASE,
)


def is_date_expression(text: str) -> bool:
    """Cheap pre-check (one regex) before the costly ``resolve_date``."""
    return bool(_DATE_HINT.search(text))


def resolve_date(expression: str, published: date | None) -> tuple[date, str] | None:
    """(date, precision) for a date expression; precision is "day", "month" or "year".

    Results are cached on (lower-cased expression, published), as dateparser costs milliseconds.
    """
    return _resolve(" ".join(expression.lower().split()), published)


@lru_cache(maxsize=4096)
def _resolve(expr: str, published: date | None) -> tuple[date, str] | None:
    expr = _LEAD.sub("", expr.strip(" .,;:()")).strip()
    whole = _relative(expr, published) if published else None  # "last night" before "night" goes
    expr = _TIME_OF_DAY.sub("", expr).strip()
    if not expr or _VAGUE.match(expr):
        return whole
    result = whole or (_relative(expr, published) if published else None)
    if result is None and (published is not None or _HAS_YEAR.search(expr)):
        result = _dateparser(expr, published)
    if result is None or (published is not None and result[0] > published):
        return None
    return result


def _relative(expr: str, published: date) -> tuple[date, str] | None:
    """Our own rules for the expressions dateparser gets wrong or cannot read."""
    if expr in ("today", "tonight", "this morning", "this afternoon", "this evening", "earlier today"):
        return published, "day"
    if expr in ("yesterday", "last night"):
        return published - timedelta(days=1), "day"
    if expr == "the day before yesterday":
        return published - timedelta(days=2), "day"
    if m := _WEEKDAY.match(expr):
        back = (published.weekday() - _WEEKDAYS[m.group(2)]) % 7
        if back == 0 and m.group(1):
            back = 7
        return published - timedelta(days=back), "day"
    if m := _MONTH_ONLY.match(expr):
        month = _MONTHS[m.group(2)]
        year = published.year if month < published.month else published.year - 1
        if month == published.month and m.group(1) != "last":
            year = published.year
        return date(year, month, 1), "month"
    m = re.fullmatch(r"(?:in |of )?(\w+),? (?:of )?(last|this|the previous|the past) year", expr)
    if m and m.group(1) in _MONTHS:  # "March last year", "in June this year"
        year = published.year if m.group(2) == "this" else published.year - 1
        return date(year, _MONTHS[m.group(1)], 1), "month"
    if re.fullmatch(r"(?:earlier |later )?this month|the current month", expr):
        return published.replace(day=1), "month"
    if expr in ("last month", "the previous month", "the past month"):
        first = published.replace(day=1) - timedelta(days=1)
        return first.replace(day=1), "month"
    if re.fullmatch(r"(?:earlier |later )?this year|the current year", expr):
        return date(published.year, 1, 1), "year"
    if expr in ("last year", "the previous year", "the past year"):
        return date(published.year - 1, 1, 1), "year"
    return None


def _dateparser(expr: str, published: date | None) -> tuple[date, str] | None:
    if m := _YEAR.match(expr):
        return date(int(m.group(1)), 1, 1), "year"
    data = _parser(published).get_date_data(expr)
    if data.date_obj is None:
        return None
    day = data.date_obj.date()
    period = data.period or "day"
    if period == "year":
        return date(day.year, 1, 1), "year"
    if period == "month":
        return date(day.year, day.month, 1), "month"
    if period == "day" and not re.search(r"\d|yesterday|today|ago", expr) and not _WEEKDAY.search(expr):
        return None  # dateparser guessed a day from words it half-read ("late friday" etc.)
    return (day, "day") if period in ("day", "time") else None


@lru_cache(maxsize=64)
def _parser(published: date | None) -> DateDataParser:
    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first",
    }
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day, 12)
    return DateDataParser(languages=["en"], settings=settings)
