"""Publication date and title found in the text itself, for files that carry no metadata.

Three conventions, tried in order: our example files' leading ``date YYYY-MM-DD`` token, a
wire-service dateline (``LIMA, 12 FEB 91 (EFE) --``), and a ``Published: 7 March 2022`` line
near the top. Nothing here rewrites the text: callers keep offsets into it.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"

DATE_TOKEN = re.compile(r"\A\s*date:?[ \t]+(\d{4})-(\d{2})-(\d{2})\b", re.IGNORECASE)
# "SAN SALVADOR, 3 JAN 90 (ACAN-EFE) --", "PERTH (AUSTRALIA), JUNE 11 89 (AFP) --", and today's wire copy
# under a headline: "ABUJA, Nigeria, June 17, 2021 (Reuters) -", "KABUL, Afghanistan (AP) — October 8,
# 2021 —", "BEIRUT, Oct 15, 2021 -", "BUFFALO, N.Y., May 14, 2022 (Reuters) -". The city is in
# capitals; a region or country (or a U.S. state's abbreviation) may follow it.
_DASH = r"(?:--|—|–|-)"
DATELINE = re.compile(
    r"(?:\A|\n)[ \t]*(?-i:[A-Z][A-Z .'-]*)(?:\s\([A-Z][A-Z .'-]*\))?"
    r"(?-i:(?:,\s+[A-Z](?:[a-z][\w.'-]*|\.(?:[A-Z]\.)+)(?:\s[A-Z][\w.'-]*)*?)*?)"  # ", Nigeria", ", N.Y."
    rf"(?:\s*\([^)\n]*\))?(?:,|\s+{_DASH})\s+"
    rf"(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}}),?)\s+(?P<y>\d{{2}}|\d{{4}})"
    rf"\s*(?:\([^)\n]*\))?\s*{_DASH}\s",
    re.IGNORECASE,
)
DATELINE_REACH = 400  # characters from the top: a headline and a by-line may come first
PUBLISHED_LINE = re.compile(
    r"^\s*(?:published|publication date|date published|posted|date)(?:\s+on)?\s*:?\s*(.+?)\s*$", re.IGNORECASE
)
_ISO = re.compile(r"\A(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
_DMY = re.compile(
    rf"\A(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH}),?\s+(\d{{4}}|\d{{2}})\b", re.IGNORECASE
)
_MDY = re.compile(rf"\A({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}}|\d{{2}})\b", re.IGNORECASE)
_WEEKDAY = re.compile(r"\A(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
TITLE_MAX = 150


def full_year(year: str) -> int:
    """Two-digit wire years: 00-30 are 20xx, the rest 19xx (MUC-4 wires are 1989-1991)."""
    y = int(year)
    if len(year) > 2:
        return y
    return 2000 + y if y <= 30 else 1900 + y


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(value: str) -> date | None:
    """A date written as ISO (with or without time), "7 March 2022", "March 7, 2022", "3 JAN 90"."""
    s = _WEEKDAY.sub("", value.strip())
    if m := _ISO.match(s):
        return _make(int(m[1]), int(m[2]), int(m[3]))
    if m := _DMY.match(s):
        return _make(full_year(m[3]), MONTHS[m[2][:3].lower()], int(m[1]))
    if m := _MDY.match(s):
        return _make(full_year(m[3]), MONTHS[m[1][:3].lower()], int(m[2]))
    return None


def date_token(text: str) -> re.Match[str] | None:
    """The leading ``date YYYY-MM-DD`` metadata token of our example files, if any."""
    return DATE_TOKEN.match(text)


def dateline_date(text: str) -> date | None:
    """The date of a wire dateline opening one of the first paragraphs (the first, or the one after a
    headline)."""
    m = DATELINE.search(text[:DATELINE_REACH])
    if not m:
        return None
    day, month = (m["d1"], m["m1"]) if m["d1"] else (m["d2"], m["m2"])
    return _make(full_year(m["y"]), MONTHS[month[:3].lower()], int(day))


def published_line_date(text: str, lines: int = 5) -> date | None:
    """A ``Published: 7 March 2022`` style line among the first lines."""
    for line in text.lstrip().split("\n", lines)[:lines]:
        if (m := PUBLISHED_LINE.match(line)) and (found := parse_date(m[1])):
            return found
    return None


def find_published(text: str) -> date | None:
    """The publication date the text itself states, or None."""
    if m := date_token(text):
        return _make(int(m[1]), int(m[2]), int(m[3]))
    return dateline_date(text) or published_line_date(text)


def find_title(text: str) -> str | None:
    """The short line that follows a leading ``date`` token; never a guess from the body.

    Layout of our example files: ``date YYYY-MM-DD`` line, title line, blank line, body. When
    the body follows the token on the same line, that rest is the candidate.
    """
    m = date_token(text)
    if not m:
        return None
    rest, _, after = text[m.end() :].partition("\n")
    candidate = rest.strip() or next((ln.strip() for ln in after.split("\n") if ln.strip()), "")
    if candidate and len(candidate) < TITLE_MAX and not candidate.endswith("."):
        return candidate
    return None
