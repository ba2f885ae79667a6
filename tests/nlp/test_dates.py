"""Incident dates resolved against the publication date."""

from datetime import date

import pytest

from claimgraph.nlp.dates import is_date_expression, resolve_date

MONDAY = date(2022, 3, 7)
FRIDAY = date(2022, 3, 4)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("Last Friday", (date(2022, 3, 4), "day")),
        ("on Friday", (date(2022, 3, 4), "day")),
        ("Friday night", (date(2022, 3, 4), "day")),
        ("late on Friday", (date(2022, 3, 4), "day")),
        ("the early hours of Sunday", (date(2022, 3, 6), "day")),
        ("last Monday", (date(2022, 2, 28), "day")),
        ("yesterday", (date(2022, 3, 6), "day")),
        ("last night", (date(2022, 3, 6), "day")),
        ("late last night", (date(2022, 3, 6), "day")),
        ("this morning", (date(2022, 3, 7), "day")),
        ("3 days ago", (date(2022, 3, 4), "day")),
        ("on 14 August", (date(2021, 8, 14), "day")),
        ("November 24", (date(2021, 11, 24), "day")),
        ("JANUARY 3", (date(2022, 1, 3), "day")),
        ("3 JAN 90", (date(1990, 1, 3), "day")),
        ("the night of 12 March", (date(2021, 3, 12), "day")),
        ("the morning of 5 March", (date(2022, 3, 5), "day")),
        ("March 4, 2022", (date(2022, 3, 4), "day")),
        ("2022-03-04", (date(2022, 3, 4), "day")),
        ("last August", (date(2021, 8, 1), "month")),
        ("in August", (date(2021, 8, 1), "month")),
        ("in March", (date(2022, 3, 1), "month")),
        ("last March", (date(2021, 3, 1), "month")),
        ("August 2021", (date(2021, 8, 1), "month")),
        ("earlier this month", (date(2022, 3, 1), "month")),
        ("last month", (date(2022, 2, 1), "month")),
        ("last year", (date(2021, 1, 1), "year")),
        ("in 2020", (date(2020, 1, 1), "year")),
    ],
)
def test_resolve_against_a_monday(expression: str, expected: tuple[date, str]) -> None:
    assert resolve_date(expression, MONDAY) == expected


def test_weekday_on_its_own_day_is_that_day_but_last_means_a_week_before() -> None:
    assert resolve_date("on Friday", FRIDAY) == (FRIDAY, "day")
    assert resolve_date("last Friday", FRIDAY) == (date(2022, 2, 25), "day")
    assert resolve_date("Monday", MONDAY) == (MONDAY, "day")
    assert resolve_date("Thursday", FRIDAY) == (date(2022, 3, 3), "day")


@pytest.mark.parametrize(
    "expression", ["last week", "recently", "in recent days", "two weeks ago", "soon", ""]
)
def test_vague_spans_give_none(expression: str) -> None:
    assert resolve_date(expression, MONDAY) is None


@pytest.mark.parametrize("expression", ["in 2023", "March 8, 2022", "tomorrow"])
def test_never_after_publication(expression: str) -> None:
    assert resolve_date(expression, MONDAY) is None


def test_without_publication_date_only_absolute_expressions_resolve() -> None:
    assert resolve_date("in 2020", None) == (date(2020, 1, 1), "year")
    assert resolve_date("4 March 2022", None) == (date(2022, 3, 4), "day")
    assert resolve_date("3 JAN 90", None) == (date(1990, 1, 3), "day")
    assert resolve_date("August 2021", None) == (date(2021, 8, 1), "month")
    for relative in (
        "last Friday",
        "yesterday",
        "November 24",
        "last year",
        "in August",
        "earlier this month",
    ):
        assert resolve_date(relative, None) is None, relative


def test_case_and_spacing_do_not_matter() -> None:
    assert resolve_date("  LAST   FRIDAY ", MONDAY) == resolve_date("last friday", MONDAY) == (FRIDAY, "day")


@pytest.mark.parametrize(
    "text", ["last Friday", "on 14 August", "in 2020", "12/03/2021", "yesterday", "3 days ago"]
)
def test_is_date_expression(text: str) -> None:
    assert is_date_expression(text)


@pytest.mark.parametrize("text", ["the attack", "at least 62 people", "Peshawar", ""])
def test_is_not_date_expression(text: str) -> None:
    assert not is_date_expression(text)
