"""Reads that assemble the operational picture: weekly matrix, ranking, yearly summary.

Every function takes an already gated Observation queryset (``in_picture_of(user)``)
and never reads ``text``: these are aggregates. Counts are observations (reports), not
incidents: two reporters who saw the same thing count twice unless one was withdrawn.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Max, QuerySet

from samverkan.geography.models import District, Neighbourhood
from samverkan.police_events.models import PoliceEvent

from .models import AbilityAssessment, Observation, ObservationCategory, RatingLevel

# --- periods ----------------------------------------------------------------------------


def iso_week_range(iso_year: int, iso_week: int) -> tuple[date, date]:
    """Monday and Sunday of an ISO week. Raises ValueError for a week the year lacks."""
    monday = date.fromisocalendar(iso_year, iso_week, 1)
    return monday, monday + timedelta(days=6)


def same_week_last_year(iso_year: int, iso_week: int) -> tuple[int, int]:
    """(year - 1, week), or week 52 when last year had no week 53."""
    try:
        date.fromisocalendar(iso_year - 1, iso_week, 1)
        return iso_year - 1, iso_week
    except ValueError:
        return iso_year - 1, 52


def report_periods(cadence: str) -> list[tuple[int, int]]:
    """(first month, last month) of each part of the year: tertials or quarters."""
    if cadence == "quarterly":
        return [(1, 3), (4, 6), (7, 9), (10, 12)]
    return [(1, 4), (5, 8), (9, 12)]


def period_range(year: int, part: int, cadence: str) -> tuple[date, date]:
    """First and last day of part ``part`` (1-based) of ``year``. Raises IndexError."""
    if part < 1:
        raise IndexError(part)
    first, last = report_periods(cadence)[part - 1]
    end = date(year + 1, 1, 1) if last == 12 else date(year, last + 1, 1)
    return date(year, first, 1), end - timedelta(days=1)


def previous_period(year: int, part: int, cadence: str) -> tuple[int, int]:
    if part > 1:
        return year, part - 1
    return year - 1, len(report_periods(cadence))


def period_of(day: date, cadence: str) -> int:
    for i, (first, last) in enumerate(report_periods(cadence), start=1):
        if first <= day.month <= last:
            return i
    raise AssertionError(day)


# --- weekly matrix ----------------------------------------------------------------------


@dataclass
class MatrixCell:
    count: int = 0
    max_rating: int | None = None
    last_week: int = 0
    last_year: int = 0

    @property
    def change_week(self) -> int:
        return self.count - self.last_week

    @property
    def change_year(self) -> int:
        return self.count - self.last_year


@dataclass
class MatrixRow:
    key: str
    name: str
    area_id: int | None
    cells: list[MatrixCell]
    demo: bool = False

    @property
    def total(self) -> MatrixCell:
        return MatrixCell(
            count=sum(c.count for c in self.cells),
            max_rating=max(
                (c.max_rating for c in self.cells if c.max_rating is not None), default=None
            ),
            last_week=sum(c.last_week for c in self.cells),
            last_year=sum(c.last_year for c in self.cells),
        )


@dataclass
class WeeklyMatrix:
    iso_year: int
    iso_week: int
    start: date
    end: date
    categories: list[ObservationCategory]
    rows: list[MatrixRow]
    by: str
    demo_count: int = 0
    scale_versions: list[str] = field(default_factory=list)

    def as_data(self) -> dict:
        """JSON-serialisable figures.

        Shape: {"week": "2025-W48", "start", "end", "by",
        "rows": [{"name", "cells": {category code: {"count", "max_rating", …}}}]}.
        """
        return {
            "week": f"{self.iso_year}-W{self.iso_week:02d}",
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "by": self.by,
            "rows": [
                {
                    "name": r.name,
                    "cells": {
                        cat.code: {
                            "count": c.count,
                            "max_rating": c.max_rating,
                            "last_week": c.last_week,
                            "same_week_last_year": c.last_year,
                        }
                        for cat, c in zip(self.categories, r.cells, strict=True)
                    },
                }
                for r in self.rows
            ],
        }


def _counts(qs: QuerySet, key: str, start: date, end: date) -> dict[tuple, dict]:
    rows = (
        qs.filter(observed_on__gte=start, observed_on__lte=end)
        .values(key, "category_id")
        .annotate(n=Count("id"), top=Max("rating"))
    )
    return {(r[key], r["category_id"]): r for r in rows}


def weekly_matrix(
    *,
    observations: QuerySet,
    categories: list[ObservationCategory],
    areas: list[Neighbourhood] | list[District],
    iso_year: int,
    iso_week: int,
    by: str = "area",
) -> WeeklyMatrix:
    """Areas × categories for an ISO week: count, highest rating, last week, same week last year.

    ``by`` is "area" (rows = the given neighbourhoods or districts; for neighbourhoods a
    row "—" collects reports not placed in one) or "place" (rows = places with
    observations in any of the three weeks). Ratings are values on each observation's own
    scale version; the versions used are listed in ``scale_versions``.
    """
    start, end = iso_week_range(iso_year, iso_week)
    lw_start, lw_end = start - timedelta(days=7), end - timedelta(days=7)
    ly_year, ly_week = same_week_last_year(iso_year, iso_week)
    ly_start, ly_end = iso_week_range(ly_year, ly_week)
    by_district = bool(areas) and isinstance(areas[0], District)
    area_key = "district_id" if by_district else "neighbourhood_id"
    key = "place_id" if by == "place" else area_key
    now = _counts(observations, key, start, end)
    last = _counts(observations, key, lw_start, lw_end)
    year_ago = _counts(observations, key, ly_start, ly_end)

    if by == "place":
        from samverkan.places.models import Place

        ids = {k[0] for d in (now, last, year_ago) for k in d if k[0] is not None}
        listed = [(f"place-{p.pk}", p.name, p.pk) for p in Place.objects.filter(pk__in=ids)]
    else:
        listed = [(f"a-{a.pk}", a.name, a.pk) for a in areas]
        if not by_district and any(k[0] is None for d in (now, last, year_ago) for k in d):
            listed.append(("none", "—", None))
    rows = []
    for row_key, name, area_id in listed:
        cells = []
        for cat in categories:
            k = (area_id, cat.pk)
            cells.append(
                MatrixCell(
                    count=now.get(k, {}).get("n", 0),
                    max_rating=now.get(k, {}).get("top"),
                    last_week=last.get(k, {}).get("n", 0),
                    last_year=year_ago.get(k, {}).get("n", 0),
                )
            )
        rows.append(MatrixRow(row_key, name, area_id, cells))
    week_qs = observations.filter(observed_on__gte=start, observed_on__lte=end)
    versions = sorted(
        {f"{name} v{v}" for name, v in week_qs.values_list("scale__name", "scale__version")}
    )
    return WeeklyMatrix(
        iso_year=iso_year,
        iso_week=iso_week,
        start=start,
        end=end,
        categories=categories,
        rows=rows,
        by=by,
        demo_count=week_qs.filter(is_demo=True).count(),
        scale_versions=versions,
    )


# --- ranking ----------------------------------------------------------------------------


@dataclass
class RankingRow:
    name: str
    district_id: int
    neighbourhood_id: int | None
    volume: int
    severity: float  # mean share of scale maximum, 0–1
    police_events: int
    previous_volume: int
    ability: int | None
    need_score: float = 0.0
    need_rank: int = 0
    normalised: dict[str, float] = field(default_factory=dict)

    @property
    def trend(self) -> int:
        return self.volume - self.previous_volume


NEED_INPUTS = ("volume", "severity", "police_events", "trend")


def _minmax(values: list[float]) -> list[float]:
    lo, hi = min(values, default=0.0), max(values, default=0.0)
    if hi == lo:
        return [0.0 for _ in values]
    return [(v - lo) / (hi - lo) for v in values]


def ranking(
    *,
    observations: QuerySet,
    areas: list[Neighbourhood] | list[District],
    start: date,
    end: date,
    previous: tuple[date, date],
    tenant_id: int,
) -> list[RankingRow]:
    """Rank areas by need for a period; the inputs stay on each row.

    Need score (0–1, higher = more need) = the mean of the four inputs, each min–max
    normalised over the listed areas: volume (observations in the period), severity
    (mean rating as a share of its scale's maximum), police events placed in the area
    in the period, and trend (volume minus the previous period's volume). Ties keep
    the areas' name order. ``ability`` is the group's latest 0–3 judgement for the area
    whose period overlaps this one (None = not assessed); it does not change the need
    score, the page ranks by it separately.
    """
    by_neighbourhood = bool(areas) and isinstance(areas[0], Neighbourhood)
    key = "neighbourhood_id" if by_neighbourhood else "district_id"
    ids = [a.pk for a in areas]
    period_qs = observations.filter(
        observed_on__gte=start, observed_on__lte=end, **{f"{key}__in": ids}
    )
    volume: dict[int, int] = defaultdict(int)
    severity_sum: dict[int, float] = defaultdict(float)
    period_rows = list(period_qs.values_list(key, "rating", "scale_id"))
    maxima = dict(
        RatingLevel.objects.filter(scale_id__in={r[2] for r in period_rows})
        .values("scale_id")
        .annotate(m=Max("value"))
        .values_list("scale_id", "m")
    )
    for area_id, rating, scale_id in period_rows:
        volume[area_id] += 1
        severity_sum[area_id] += rating / (maxima.get(scale_id) or 1)
    previous_volume = dict(
        observations.filter(
            observed_on__gte=previous[0], observed_on__lte=previous[1], **{f"{key}__in": ids}
        )
        .values(key)
        .annotate(n=Count("id"))
        .values_list(key, "n")
    )
    police = dict(
        PoliceEvent.objects.filter(
            occurred_on__gte=start, occurred_on__lte=end, **{f"{key}__in": ids}
        )
        .values(key)
        .annotate(n=Count("id"))
        .values_list(key, "n")
    )
    ability: dict[int, int] = {}
    assessments = AbilityAssessment.objects.filter(
        tenant_id=tenant_id, period_start_on__lte=end, period_end_on__gte=start
    ).order_by("created_at", "pk")
    for a in assessments:
        area_id = (
            a.neighbourhood_id
            if by_neighbourhood
            else (None if a.neighbourhood_id else a.district_id)
        )
        if area_id is not None:
            ability[area_id] = a.ability  # later rows overwrite earlier ones
    rows = [
        RankingRow(
            name=a.name,
            district_id=a.district_id if by_neighbourhood else a.pk,
            neighbourhood_id=a.pk if by_neighbourhood else None,
            volume=volume.get(a.pk, 0),
            severity=(severity_sum[a.pk] / volume[a.pk]) if volume.get(a.pk) else 0.0,
            police_events=police.get(a.pk, 0),
            previous_volume=previous_volume.get(a.pk, 0),
            ability=ability.get(a.pk),
        )
        for a in sorted(areas, key=lambda a: a.name)
    ]
    columns = {name: _minmax([float(getattr(r, name)) for r in rows]) for name in NEED_INPUTS}
    for i, row in enumerate(rows):
        row.normalised = {name: columns[name][i] for name in NEED_INPUTS}
        row.need_score = sum(row.normalised.values()) / len(NEED_INPUTS)
    ordered = sorted(rows, key=lambda r: -r.need_score)
    for rank, row in enumerate(ordered, start=1):
        row.need_rank = rank
    return ordered


# --- yearly summary ---------------------------------------------------------------------


@dataclass
class YearlyRow:
    name: str
    counts: list[int]  # per category, this year
    previous: list[int]  # per category, the year before

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def previous_total(self) -> int:
        return sum(self.previous)

    @property
    def pairs(self) -> list[tuple[int, int]]:
        return list(zip(self.counts, self.previous, strict=True))


def yearly_summary(
    *, observations: QuerySet, categories: list[ObservationCategory], areas: list, year: int
) -> dict:
    """Counts per area × category for ``year`` and the year before, and a monthly series.

    Returns {"rows": [YearlyRow], "monthly": {category code: [12 counts]},
    "category_totals": [(category, this year, last year, change)]}. Fewer reports is not
    automatically better: it can mean fewer reporters; the page says so.
    """
    by_neighbourhood = bool(areas) and isinstance(areas[0], Neighbourhood)
    key = "neighbourhood_id" if by_neighbourhood else "district_id"

    def table(y: int) -> dict[tuple, int]:
        qs = (
            observations.filter(observed_on__year=y)
            .values(key, "category_id")
            .annotate(n=Count("id"))
        )
        return {(r[key], r["category_id"]): r["n"] for r in qs}

    now, before = table(year), table(year - 1)
    rows = [
        YearlyRow(
            name=a.name,
            counts=[now.get((a.pk, c.pk), 0) for c in categories],
            previous=[before.get((a.pk, c.pk), 0) for c in categories],
        )
        for a in areas
    ]
    monthly: dict[str, list[int]] = {c.code: [0] * 12 for c in categories}
    codes = {c.pk: c.code for c in categories}
    for cat_id, day in observations.filter(observed_on__year=year).values_list(
        "category_id", "observed_on"
    ):
        if cat_id in codes:
            monthly[codes[cat_id]][day.month - 1] += 1
    totals = []
    for i, c in enumerate(categories):
        now_total = sum(r.counts[i] for r in rows)
        before_total = sum(r.previous[i] for r in rows)
        totals.append((c, now_total, before_total, now_total - before_total))
    return {"rows": rows, "monthly": monthly, "category_totals": totals}


def observations_in_area(qs: QuerySet, area) -> QuerySet:
    """Filter to a Municipality, District or Neighbourhood instance."""
    kind = getattr(area, "kind", "")
    if kind == "neighbourhood":
        return qs.filter(neighbourhood=area)
    if kind == "district":
        return qs.filter(district=area)
    return qs.filter(district__municipality=area)


__all__ = [
    "Observation",
    "iso_week_range",
    "period_range",
    "ranking",
    "weekly_matrix",
    "yearly_summary",
]
