"""Pure period helpers: ISO weeks at year boundaries, default 12 full months."""

from datetime import date

from samverkan.situations.selectors import previous_period, twelve_full_months, week_buckets


def test_weeks_across_new_year_use_the_iso_year() -> None:
    weeks = week_buckets(date(2024, 12, 28), date(2025, 1, 5))
    assert [(w["week"], w["from"], w["to"], w["days"], w["partial"]) for w in weeks] == [
        ("2024-W52", "2024-12-28", "2024-12-29", 2, True),
        ("2025-W01", "2024-12-30", "2025-01-05", 7, False),
    ]


def test_a_53_week_year_has_its_week_53() -> None:
    weeks = week_buckets(date(2020, 12, 28), date(2021, 1, 3))
    assert [(w["week"], w["days"]) for w in weeks] == [("2020-W53", 7)]


def test_a_single_day_is_one_partial_week() -> None:
    weeks = week_buckets(date(2025, 3, 5), date(2025, 3, 5))
    assert [(w["week"], w["days"], w["partial"]) for w in weeks] == [("2025-W10", 1, True)]


def test_twelve_full_months() -> None:
    assert twelve_full_months(date(2025, 11, 30)) == (date(2024, 12, 1), date(2025, 11, 30))
    assert twelve_full_months(date(2025, 11, 15)) == (date(2024, 11, 1), date(2025, 10, 31))
    assert twelve_full_months(date(2025, 1, 15)) == (date(2024, 1, 1), date(2024, 12, 31))
    assert twelve_full_months(date(2024, 12, 31)) == (date(2024, 1, 1), date(2024, 12, 31))
    assert twelve_full_months(date(2024, 3, 1)) == (date(2023, 3, 1), date(2024, 2, 29))


def test_previous_period_has_the_same_length() -> None:
    assert previous_period(date(2025, 2, 1), date(2025, 3, 31)) == (
        date(2024, 12, 4),
        date(2025, 1, 31),
    )
    assert previous_period(date(2025, 1, 1), date(2025, 1, 1)) == (
        date(2024, 12, 31),
        date(2024, 12, 31),
    )
