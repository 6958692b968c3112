"""Target arithmetic, checked against brute-force counting of days and weekends."""

from datetime import date, timedelta
from fractions import Fraction
from math import ceil, floor

import pytest

from samverkan.plans import targets as t


def spec(quantity, frequency, start, end, comparator=t.AT_LEAST, unit=t.UNIT_OCCURRENCES):
    return t.TargetSpec(
        comparator=comparator,
        quantity=quantity,
        frequency=frequency,
        period_start=start,
        period_end=end,
        unit=unit,
    )


def brute_weekends(start: date, end: date) -> int:
    """Distinct Saturdays of the weekends that have a Saturday or Sunday in [start, end]."""
    saturdays = set()
    day = start
    while day <= end:
        if day.weekday() == 5:
            saturdays.add(day)
        elif day.weekday() == 6:
            saturdays.add(day - timedelta(days=1))
        day += timedelta(days=1)
    return len(saturdays)


def test_five_per_week_over_ten_days_is_pro_rata_by_days() -> None:
    s = spec(5, t.PER_WEEK, date(2026, 3, 2), date(2026, 3, 11))  # 10 days
    assert t.required(s) == Fraction(5 * 10, 7)
    assert t.required_whole(s) == 8  # 7.14… rounded up: 7 would fall short
    assert not t.is_met(s, 7)
    assert t.is_met(s, 8)


def test_five_per_week_over_whole_weeks_is_exact() -> None:
    s = spec(5, t.PER_WEEK, date(2026, 3, 2), date(2026, 3, 15))  # 14 days
    assert t.required(s) == 10
    assert t.is_met(s, 10)
    assert not t.is_met(s, 9)


def test_four_per_year_over_a_non_calendar_year_is_four() -> None:
    s = spec(4, t.PER_YEAR, date(2025, 7, 1), date(2026, 6, 30))
    assert t.required(s) == 4


def test_four_per_year_across_a_leap_year_weights_each_calendar_year() -> None:
    s = spec(4, t.PER_YEAR, date(2023, 7, 1), date(2024, 6, 30))
    expected = 4 * (Fraction(184, 365) + Fraction(182, 366))
    assert t.required(s) == expected
    assert t.required_whole(s) == ceil(expected)


def test_four_per_year_over_half_a_year() -> None:
    s = spec(4, t.PER_YEAR, date(2026, 3, 1), date(2026, 8, 31))
    assert t.required(s) == Fraction(4 * 184, 365)
    assert t.required_whole(s) == 3


def test_two_per_month_counts_each_month_by_its_own_length() -> None:
    s = spec(2, t.PER_MONTH, date(2026, 1, 15), date(2026, 2, 14))
    assert t.required(s) == 2 * (Fraction(17, 31) + Fraction(14, 28))


def test_weekends_in_2026_and_at_edges() -> None:
    assert t.weekends_in(date(2026, 1, 1), date(2026, 12, 31)) == 52
    # Sunday 1 March to Saturday 7 March: two partial weekends, both count.
    assert t.weekends_in(date(2026, 3, 1), date(2026, 3, 7)) == 2
    assert t.weekends_in(date(2026, 3, 2), date(2026, 3, 6)) == 0  # Monday–Friday
    assert t.weekends_in(date(2026, 3, 8), date(2026, 3, 8)) == 1  # a lone Sunday
    assert t.weekends_in(date(2026, 3, 9), date(2026, 3, 8)) == 0  # empty period


def test_weekends_in_matches_brute_force_for_every_short_period() -> None:
    base = date(2025, 12, 20)
    for offset in range(21):
        for length in range(0, 40):
            start = base + timedelta(days=offset)
            end = start + timedelta(days=length)
            assert t.weekends_in(start, end) == brute_weekends(start, end), (start, end)


def test_thirty_weekends_in_2026_pro_rata_by_weekends() -> None:
    s = spec(30, t.PER_PERIOD, date(2026, 1, 1), date(2026, 12, 31), unit=t.UNIT_WEEKENDS)
    assert t.required(s) == 30
    first_half = brute_weekends(date(2026, 1, 1), date(2026, 6, 30))
    assert t.required(s, date(2026, 1, 1), date(2026, 6, 30)) == Fraction(30 * first_half, 52)
    assert t.is_met(s, 30)
    assert not t.is_met(s, 29)


def test_one_per_weekend_requires_every_weekend_including_partial_ones() -> None:
    s = spec(1, t.PER_WEEKEND, date(2026, 3, 1), date(2026, 3, 31))
    assert t.required(s) == brute_weekends(date(2026, 3, 1), date(2026, 3, 31))


def test_per_period_in_days_is_pro_rata() -> None:
    s = spec(12, t.PER_PERIOD, date(2026, 1, 1), date(2026, 12, 31))
    assert t.required(s, date(2026, 1, 1), date(2026, 3, 31)) == Fraction(12 * 90, 365)


def test_at_most_rounds_down() -> None:
    s = spec(2, t.PER_WEEK, date(2026, 3, 2), date(2026, 3, 11), comparator=t.AT_MOST)
    assert t.required_whole(s) == floor(Fraction(20, 7))
    assert t.is_met(s, 2)
    assert not t.is_met(s, 3)
    assert t.progress_percent(s, 1) is None


def test_per_day() -> None:
    s = spec(Fraction(1, 2), t.PER_DAY, date(2026, 1, 1), date(2026, 1, 5))
    assert t.required(s) == Fraction(5, 2)
    assert t.required_whole(s) == 3


def test_several_activity_types_count_against_one_target() -> None:
    counts = [("safety_walk", 3), ("citizen_dialogue", 2), ("foot_patrol", 10)]
    assert t.achieved_total(counts, ["safety_walk", "citizen_dialogue"]) == 5
    assert t.achieved_total(counts) == 15
    s = spec(4, t.PER_YEAR, date(2026, 1, 1), date(2026, 12, 31))
    assert t.is_met(s, t.achieved_total(counts, ["safety_walk", "citizen_dialogue"]))


def test_negative_counts_and_unknown_frequencies_are_refused() -> None:
    with pytest.raises(ValueError):
        t.achieved_total([("x", -1)])
    with pytest.raises(ValueError):
        t.required(spec(1, "per_fortnight", date(2026, 1, 1), date(2026, 1, 2)))


def test_progress_percent_rounds_down() -> None:
    s = spec(5, t.PER_WEEK, date(2026, 3, 2), date(2026, 3, 15))  # requires 10
    assert t.progress_percent(s, 9) == 90
    assert t.progress_percent(s, 15) == 150
