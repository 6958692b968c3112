"""Target arithmetic: how many occurrences a target requires over a period.

Pure functions on dates and exact fractions; no database. A target reads like the
plans do: "at least 5 per week", "at least 4 per year", "at least 30 weekends in 2026",
"at most 2 per month".

Rules (see docs/decisions/0081-target-arithmetic.md):

- Periods are dates, both ends inclusive; a period's length is counted in days.
- **per day**: quantity × days.
- **per week**: quantity × days / 7 (pro rata by days, so 10 days of "5 per week" require
  50/7 ≈ 7.14 occurrences, not 5 or 10).
- **per month**: for each calendar month touched, quantity × (days of the period in that
  month / days in that month). A whole month counts 1 whatever its length.
- **per year**: the same, per calendar year (365 or 366 days). "4 per year" over
  2025-07-01–2026-06-30 therefore requires exactly 4.
- **per weekend**: quantity × the number of weekends in the period (see ``weekends_in``).
- **per target period** ("30 weekends in 2026"): the quantity over the target's own
  period; for part of it, pro rata by the period's measure: days, or weekends when the
  unit is weekends.

Nothing is rounded before comparing: the requirement is an exact Fraction and an "at
least" target is met when the achieved count ≥ it. For display and for whole-number
columns, ``required_whole`` gives the smallest whole count that meets an "at least"
target (ceiling) and the largest that respects an "at most" target (floor), because an
activity happens a whole number of times.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from math import ceil, floor

AT_LEAST = "at_least"
AT_MOST = "at_most"

PER_DAY = "per_day"
PER_WEEK = "per_week"
PER_MONTH = "per_month"
PER_YEAR = "per_year"
PER_WEEKEND = "per_weekend"
PER_PERIOD = "per_period"

UNIT_OCCURRENCES = "occurrences"
UNIT_WEEKENDS = "weekends"


@dataclass(frozen=True)
class TargetSpec:
    """What a target asks for.

    ``quantity``: the N of "at least N" (int, Fraction or Decimal, ≥ 0).
    ``frequency``: one of the PER_* constants. ``unit``: UNIT_OCCURRENCES or UNIT_WEEKENDS
    (what is counted). ``period_start``/``period_end``: the target's own period (dates,
    inclusive), needed for PER_PERIOD and used as the default evaluation period.
    """

    comparator: str
    quantity: Fraction | int
    frequency: str
    period_start: date
    period_end: date
    unit: str = UNIT_OCCURRENCES


def days_in(start: date, end: date) -> int:
    """Days from ``start`` to ``end``, both inclusive; 0 when end < start."""
    return max((end - start).days + 1, 0)


def weekends_in(start: date, end: date) -> int:
    """Weekends (Saturday + Sunday) with at least one day inside [start, end].

    A weekend cut by the period's edge counts as one whole weekend: a period starting on
    a Sunday still contains that weekend (the Sunday can be worked), and "every weekend"
    must then include it. 0 when end < start.
    """
    if end < start:
        return 0
    # The Saturday of the weekend touching ``start`` (a Sunday belongs to the day before).
    first_saturday = start + timedelta(days=(5 - start.weekday()) % 7)
    if start.weekday() == 6:
        first_saturday = start - timedelta(days=1)
    if first_saturday > end:
        return 0
    return (end - first_saturday).days // 7 + 1


def _calendar_share(start: date, end: date, *, unit: str) -> Fraction:
    """Sum over calendar months or years touched of (days inside / days of that unit)."""
    total = Fraction(0)
    cursor = start
    while cursor <= end:
        if unit == "month":
            first = cursor.replace(day=1)
            nxt = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
        else:
            first = date(cursor.year, 1, 1)
            nxt = date(cursor.year + 1, 1, 1)
        last = nxt - timedelta(days=1)
        inside = days_in(cursor, min(end, last))
        total += Fraction(inside, days_in(first, last))
        cursor = nxt
    return total


def required(spec: TargetSpec, start: date | None = None, end: date | None = None) -> Fraction:
    """Exact number of occurrences (or weekends) the target requires over [start, end].

    Defaults to the target's own period. Raises ValueError for an unknown frequency or a
    PER_PERIOD target whose own period is empty.
    """
    start = spec.period_start if start is None else start
    end = spec.period_end if end is None else end
    q = Fraction(spec.quantity)
    if end < start:
        return Fraction(0)
    match spec.frequency:
        case "per_day":
            return q * days_in(start, end)
        case "per_week":
            return q * Fraction(days_in(start, end), 7)
        case "per_month":
            return q * _calendar_share(start, end, unit="month")
        case "per_year":
            return q * _calendar_share(start, end, unit="year")
        case "per_weekend":
            return q * weekends_in(start, end)
        case "per_period":
            if spec.unit == UNIT_WEEKENDS:
                whole = weekends_in(spec.period_start, spec.period_end)
                part = weekends_in(max(start, spec.period_start), min(end, spec.period_end))
            else:
                whole = days_in(spec.period_start, spec.period_end)
                part = days_in(max(start, spec.period_start), min(end, spec.period_end))
            if whole == 0:
                raise ValueError("the target's own period is empty")
            return q * Fraction(part, whole)
    raise ValueError(f"unknown frequency {spec.frequency!r}")


def required_whole(spec: TargetSpec, start: date | None = None, end: date | None = None) -> int:
    """The whole count that just meets the target: ceiling for at least, floor for at most."""
    exact = required(spec, start, end)
    return ceil(exact) if spec.comparator == AT_LEAST else floor(exact)


def is_met(
    spec: TargetSpec, achieved: int, start: date | None = None, end: date | None = None
) -> bool:
    """Whether ``achieved`` (a whole count) satisfies the target over [start, end]."""
    exact = required(spec, start, end)
    return achieved >= exact if spec.comparator == AT_LEAST else achieved <= exact


def progress_percent(
    spec: TargetSpec, achieved: int, start: date | None = None, end: date | None = None
) -> int | None:
    """Achieved as a whole percentage of the requirement (0–∞, rounded down).

    None for "at most" targets (progress towards a ceiling is not a percentage) and when
    nothing is required.
    """
    exact = required(spec, start, end)
    if spec.comparator != AT_LEAST or exact == 0:
        return None
    return floor(Fraction(achieved) * 100 / exact)


def achieved_total(counts: Iterable[tuple[str, int]], counted_types: Iterable[str] = ()) -> int:
    """Sum the counts that count towards one target.

    ``counts``: (activity type code, count) pairs, e.g. the latest reported counts of
    every activity tied to the target. ``counted_types``: the type codes the target
    counts; empty means every type counts. Negative counts raise ValueError.
    """
    allowed = set(counted_types)
    total = 0
    for kind, n in counts:
        if n < 0:
            raise ValueError("counts cannot be negative")
        if not allowed or kind in allowed:
            total += n
    return total
