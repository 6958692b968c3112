"""The situation picture (lägesbild), version 1: read-only assembly of public figures.

``situation_picture()`` is the one place the figures are computed; the web page, its JSON
download and the ``situation`` command all call it, so they cannot disagree. Geography is
public reference data: ``areas_visible_to()`` is the gate every view and the command use
(see docs/decisions/0020-situation-picture-v1.md).
"""

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, F, FloatField, Max, Min, Q, QuerySet, Sum, Value
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.crime_statistics.models import CrimeCategory, ReportedCrime
from samverkan.geography.models import AreaKind, District, Municipality, Neighbourhood
from samverkan.organisations.models import Tenant
from samverkan.police_events.models import PoliceEvent

from .registry import collect_sections

Area = Municipality | District | Neighbourhood

AREA_MODELS: dict[str, type[Area]] = {
    AreaKind.MUNICIPALITY: Municipality,
    AreaKind.DISTRICT: District,
    AreaKind.NEIGHBOURHOOD: Neighbourhood,
}

# Longest period a page or command may ask for, in days (ten years and leap days).
MAX_PERIOD_DAYS = 3653

POLICE_EVENTS_SOURCE = "Polisen, händelser (polisen.se/api/events)"


def areas_visible_to(user: Any, kind: str) -> QuerySet:
    """Areas of ``kind`` ("municipality" | "district" | "neighbourhood") the user may open.

    Situation pictures v1 show public data only, but the working tool is for members: a
    user with a membership in force in some tenant (or a superuser) sees every area;
    anyone else sees none, so the page answers 404. Raises KeyError for an unknown kind.
    """
    model = AREA_MODELS[kind]
    qs = model.objects.all()
    if kind == AreaKind.DISTRICT:
        qs = qs.select_related("municipality")
    elif kind == AreaKind.NEIGHBOURHOOD:
        qs = qs.select_related("district__municipality")
    if user is None or not user.is_authenticated:
        return qs.none()
    if user.is_superuser or Tenant.objects.for_user(user).exists():
        return qs
    return qs.none()


def municipality_of(area: Area) -> Municipality:
    if isinstance(area, Municipality):
        return area
    if isinstance(area, District):
        return area.municipality
    return area.district.municipality


def twelve_full_months(latest: date) -> tuple[date, date]:
    """The 12 full calendar months ending with the last month complete on ``latest``.

    A month is full when its last day is on or before ``latest``: 2025-11-30 gives
    (2024-12-01, 2025-11-30); 2025-11-15 gives (2024-11-01, 2025-10-31).
    """
    end = latest if (latest + timedelta(days=1)).day == 1 else latest.replace(day=1) - timedelta(1)
    month_index = end.year * 12 + end.month - 1 - 11
    return date(month_index // 12, month_index % 12 + 1, 1), end


def default_period(area: Area | None = None) -> tuple[date, date]:
    """The last 12 full calendar months up to the latest incident date in the data.

    The latest incident date is taken from the area's municipality's events, else from
    all events, else today (Europe/Stockholm). Returns (start, end), both inclusive.
    """
    events = PoliceEvent.objects.all()
    latest = None
    if area is not None:
        latest = events.filter(municipality=municipality_of(area)).aggregate(m=Max("occurred_on"))[
            "m"
        ]
    if latest is None:
        latest = events.aggregate(m=Max("occurred_on"))["m"]
    return twelve_full_months(latest or timezone.localdate())


def previous_period(start: date, end: date) -> tuple[date, date]:
    """The period of equal length that ends the day before ``start``."""
    days = (end - start).days + 1
    return start - timedelta(days=days), start - timedelta(days=1)


def iso_week_label(day: date) -> str:
    """ISO 8601 week of ``day``, e.g. "2025-W07" (the ISO year, which may differ at New Year)."""
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def week_buckets(start: date, end: date) -> list[dict]:
    """Every ISO week that overlaps [start, end], with the part of it inside the period.

    Shape: [{"week": "2025-W07", "from": "2025-02-10", "to": "2025-02-16", "days": 7,
    "partial": False, "count": 0}, …]; "from"/"to" are clipped to the period, so the
    first and last weeks may be partial (fewer than 7 days counted).
    """
    buckets = []
    monday = start - timedelta(days=start.weekday())
    while monday <= end:
        first = max(monday, start)
        last = min(monday + timedelta(days=6), end)
        days = (last - first).days + 1
        buckets.append(
            {
                "week": iso_week_label(monday),
                "from": first.isoformat(),
                "to": last.isoformat(),
                "days": days,
                "partial": days < 7,
                "count": 0,
            }
        )
        monday += timedelta(days=7)
    return buckets


def _share_percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _police_events(area: Area, start: date, end: date) -> dict:
    municipality = municipality_of(area)
    in_municipality = PoliceEvent.objects.filter(municipality=municipality)
    placed_field = {
        AreaKind.MUNICIPALITY: None,
        AreaKind.DISTRICT: "district",
        AreaKind.NEIGHBOURHOOD: "neighbourhood",
    }[area.kind]
    if placed_field is None:
        counted = in_municipality
    else:
        counted = PoliceEvent.objects.filter(**{placed_field: area})

    rows = counted.in_period(start, end).values("occurred_on", "type").annotate(n=Count("id"))
    weeks = week_buckets(start, end)
    week_index = {b["week"]: b for b in weeks}
    by_type: dict[str, int] = defaultdict(int)
    total = 0
    for row in rows:
        total += row["n"]
        by_type[row["type"]] += row["n"]
        week_index[iso_week_label(row["occurred_on"])]["count"] += row["n"]

    prev_start, prev_end = previous_period(start, end)
    previous_total = counted.in_period(prev_start, prev_end).count()
    coverage = PoliceEvent.objects.aggregate(first=Min("occurred_on"), last=Max("occurred_on"))

    # Not placed: events of the municipality whose district (or, for a neighbourhood,
    # neighbourhood) is empty. For a district this is context: they may belong to it.
    unplaced_field = "neighbourhood" if area.kind == AreaKind.NEIGHBOURHOOD else "district"
    context = in_municipality.in_period(start, end).aggregate(
        total=Count("id"),
        unplaced=Count("id", filter=Q(**{f"{unplaced_field}__isnull": True})),
        county_level=Count("id", filter=Q(county_level=True)),
    )
    county_only = (
        PoliceEvent.objects.in_period(start, end)
        .filter(county_level=True, municipality__isnull=True)
        .filter(location_name=municipality.county_name)
        .count()
    )

    result: dict[str, Any] = {
        "total": total,
        "by_type": [
            {"type": t, "count": n} for t, n in sorted(by_type.items(), key=lambda i: (-i[1], i[0]))
        ],
        "by_week": weeks,
        "previous_period": {"from": prev_start.isoformat(), "to": prev_end.isoformat()},
        "previous_period_total": previous_total,
        "previous_period_covered": coverage["first"] is not None
        and coverage["first"] <= prev_start,
        "unplaced": context["unplaced"],
        "county_level": {
            "county": municipality.county_name,
            "not_attributed": county_only,
            "attributed_to_municipality": context["county_level"],
        },
        "data_coverage": {
            "first": coverage["first"].isoformat() if coverage["first"] else None,
            "last": coverage["last"].isoformat() if coverage["last"] else None,
        },
        "sources": ["police_events", "by_week", "previous_period", "placement", "county_level"],
    }
    if area.kind != AreaKind.MUNICIPALITY:
        result["municipality_context"] = {
            "municipality": municipality.name,
            "total": context["total"],
            "unplaced": context["unplaced"],
            "unplaced_share_percent": _share_percent(context["unplaced"], context["total"]),
        }
    else:
        result["unplaced_share_percent"] = _share_percent(context["unplaced"], total)
    result["by_subarea"] = _by_subarea(area, start, end)
    return result


def _by_subarea(area: Area, start: date, end: date) -> list[dict]:
    """Placed events per district of a municipality or per neighbourhood of a district.

    Shape: [{"kind", "code", "name", "count", "population", "population_year",
    "per_1000"}], every sub-area listed (0 when none placed); ``per_1000`` is placed events
    per 1,000 inhabitants (None where no population is bundled, e.g. neighbourhoods);
    [] for a neighbourhood or a municipality without districts.
    """
    if area.kind == AreaKind.MUNICIPALITY:
        subareas = District.objects.filter(municipality=area)
        counts = (
            PoliceEvent.objects.in_period(start, end)
            .filter(district__municipality=area)
            .values("district")
            .annotate(n=Count("id"))
        )
        key, kind = "district", AreaKind.DISTRICT
    elif area.kind == AreaKind.DISTRICT:
        subareas = Neighbourhood.objects.filter(district=area)
        counts = (
            PoliceEvent.objects.in_period(start, end)
            .filter(neighbourhood__district=area)
            .values("neighbourhood")
            .annotate(n=Count("id"))
        )
        key, kind = "neighbourhood", AreaKind.NEIGHBOURHOOD
    else:
        return []
    by_pk = {row[key]: row["n"] for row in counts}
    return [
        {
            "kind": str(kind),
            "code": s.code,
            "name": s.name,
            "count": by_pk.get(s.pk, 0),
            "population": s.population,
            "population_year": s.population_year,
            "per_1000": round(by_pk.get(s.pk, 0) / s.population * 1000, 2)
            if s.population
            else None,
        }
        for s in subareas.order_by("name").only(
            "pk", "code", "name", "population", "population_year"
        )
    ]


def county_rates(county_code: str) -> dict[tuple[int, str], dict]:
    """The county's reported-crime rate per (year, category).

    Definition: county_per_100k = Σ count / Σ (count / per_100k × 100,000) × 100,000 over
    the county's municipalities that have a figure for that year and category, i.e. the
    total of reported offences over the total population implied by Brå's own rates.
    Rows with per_100k = 0 imply no population and are left out of both sums. Because
    Brå rounds per_100k to an integer, the implied populations carry a small rounding
    error (under 0.5/per_100k relative). Returns {(year, category): {"per_100k": float |
    None, "count": int, "population": float, "municipalities": int}}.
    """
    implied_population = Cast(F("count"), FloatField()) * Value(100000.0) / F("per_100k")
    rows = (
        ReportedCrime.objects.filter(municipality__county_code=county_code, per_100k__gt=0)
        .values("year", "category")
        .annotate(
            count_sum=Sum("count"),
            population_sum=Sum(implied_population, output_field=FloatField()),
            municipalities=Count("municipality", distinct=True),
        )
    )
    result = {}
    for row in rows:
        population = row["population_sum"] or 0.0
        result[(row["year"], row["category"])] = {
            "per_100k": round(row["count_sum"] / population * 100000, 1) if population else None,
            "count": row["count_sum"],
            "population": population,
            "municipalities": row["municipalities"],
        }
    return result


def _reported_crime(area: Area) -> list[dict]:
    municipality = municipality_of(area)
    county = county_rates(municipality.county_code)
    labels = dict(CrimeCategory.choices)
    order = {value: i for i, value in enumerate(CrimeCategory.values)}
    rows = sorted(
        ReportedCrime.objects.filter(municipality=municipality),
        key=lambda r: (order.get(r.category, len(order)), r.category, r.year),
    )
    result = []
    for row in rows:
        c = county.get((row.year, row.category), {})
        result.append(
            {
                "year": row.year,
                "category": row.category,
                "category_label": str(labels.get(row.category, row.category)),
                "count": row.count,
                "per_100k": row.per_100k,
                "county_per_100k": c.get("per_100k"),
                "county_municipalities": c.get("municipalities", 0),
                "geography": municipality.name,
                "preliminary": row.preliminary,
                "source": row.source,
            }
        )
    return result


def _sources(area: Area, reported_crime: list[dict]) -> list[dict]:
    municipality = municipality_of(area)
    below_municipality = area.kind != AreaKind.MUNICIPALITY
    bra_sources = sorted({r["source"] for r in reported_crime if r["source"]})
    placement = (
        _(
            "Events are placed in a district or neighbourhood from their text; an event "
            "counts for %(area)s only when it was placed there. Events of %(municipality)s "
            "that could not be placed are counted as not placed, shown as context, never "
            "spread over districts."
        )
        % {"area": area.name, "municipality": municipality.name}
        if below_municipality
        else _(
            "Events whose municipality is %(municipality)s. Not placed: those of them that "
            "could not be placed in any district from their text."
        )
        % {"municipality": municipality.name}
    )
    sources = [
        {
            "id": "police_events",
            "figure": _("Police events"),
            "source": POLICE_EVENTS_SOURCE,
            "definition": _(
                "Notices the Police published on polisen.se, counted once each (latest "
                "version) by incident date, the date in the event's title, both period "
                "dates included. A notice is not a crime record: counts show what the "
                "Police chose to publish. Lower is not necessarily better."
            ),
        },
        {
            "id": "by_week",
            "figure": _("Police events per week"),
            "source": POLICE_EVENTS_SOURCE,
            "definition": _(
                "ISO 8601 weeks (Monday–Sunday) by incident date. The first and last week "
                "may be partial: only the days inside the period are counted, and the "
                "number of days is given."
            ),
        },
        {
            "id": "previous_period",
            "figure": _("Previous period"),
            "source": POLICE_EVENTS_SOURCE,
            "definition": _(
                "The same count for the period of equal length ending the day before the "
                "period starts. If the data do not reach back to its start, the comparison "
                "is marked as not covered."
            ),
        },
        {
            "id": "placement",
            "figure": _("Placement in districts"),
            "source": POLICE_EVENTS_SOURCE,
            "definition": placement,
        },
        {
            "id": "county_level",
            "figure": _("County-level events"),
            "source": POLICE_EVENTS_SOURCE,
            "definition": _(
                "Events the Police published for the whole county (%(county)s), mostly "
                "summaries. Those that name no municipality are counted separately and are "
                "not in the area's total; those that name %(municipality)s are in it."
            )
            % {"county": municipality.county_name, "municipality": municipality.name},
        },
        {
            "id": "reported_crime",
            "figure": _("Reported crime"),
            "source": "; ".join(bra_sources) or _("Brå, reported offences (SOL database)"),
            "definition": _(
                "Offences reported to the Police, Prosecution or Customs in the year, by "
                "the municipality where the offence took place, and Brå's rate per 100,000 "
                "inhabitants. Categories overlap (burglary is part of theft, theft part of "
                "the total). Lower is better, but reporting and police activity drive some "
                "categories (drugs, weapons)."
            ),
        },
        {
            "id": "county_per_100k",
            "figure": _("County rate per 100,000"),
            "source": "; ".join(bra_sources) or _("Brå, reported offences (SOL database)"),
            "definition": _(
                "Sum of the county's municipalities' counts divided by the sum of the "
                "populations implied by each count and its rate (count / rate × 100,000), "
                "times 100,000; municipalities of %(county)s with a figure for that year "
                "and category."
            )
            % {"county": municipality.county_name},
        },
        {
            "id": "population",
            "figure": _("Population"),
            "source": area.population_source or _("not stated"),
            "definition": _("Inhabitants of %(area)s on 31 December of the year given.")
            % {"area": area.name},
        },
    ]
    if below_municipality:
        bra = next(s for s in sources if s["id"] == "reported_crime")
        bra["definition"] += " " + (
            _(
                "Brå publishes no figures below municipality level: the figures shown are "
                "those of %(municipality)s."
            )
            % {"municipality": municipality.name}
        )
    return sources


def area_summary(area: Area) -> dict:
    """Shape: {"name", "kind", "code", "municipality", "district" (or None)}."""
    municipality = municipality_of(area)
    return {
        "name": area.name,
        "kind": str(area.kind),
        "code": area.code,
        "municipality": municipality.name,
        "municipality_code": municipality.code,
        "district": area.district.name if isinstance(area, Neighbourhood) else None,
    }


def situation_picture(
    *,
    area: Area,
    start: date,
    end: date,
    user: Any = None,
    sections: list[dict] | None = None,
) -> dict:
    """The situation picture of ``area`` for [start, end] (dates, both inclusive), as JSON.

    Shape (all keys always present; see samverkan/situations/README.md for every field):
    ``area`` {name, kind, code, municipality, …}; ``period`` {from, to, days};
    ``police_events`` {total, by_type [{type, count}], by_week [{week, from, to, days,
    partial, count}], previous_period {from, to}, previous_period_total, unplaced,
    county_level {…}, municipality_context (district/neighbourhood only), by_subarea,
    data_coverage, sources}; ``reported_crime`` [{year, category, count, per_100k,
    county_per_100k, geography, …}] in CrimeCategory order, then by year (the
    municipality's figures for a district or neighbourhood); ``population`` {value,
    year, source}; ``sources`` [{id, figure, source, definition}]; ``sections``
    {key: data} from the section registry.

    ``sections``: the dicts from registry.collect_sections(), when the caller already
    has them (the page renders them too); None collects them here with ``user``.
    Raises ValueError when start > end or the period is longer than MAX_PERIOD_DAYS.
    """
    if start > end:
        raise ValueError("start is after end")
    if (end - start).days + 1 > MAX_PERIOD_DAYS:
        raise ValueError(f"period longer than {MAX_PERIOD_DAYS} days")
    if sections is None:
        sections = collect_sections(area=area, start=start, end=end, user=user)
    reported_crime = _reported_crime(area)
    return {
        "area": area_summary(area),
        "period": {
            "from": start.isoformat(),
            "to": end.isoformat(),
            "days": (end - start).days + 1,
        },
        "police_events": _police_events(area, start, end),
        "reported_crime": reported_crime,
        "population": {
            "value": area.population,
            "year": area.population_year,
            "source": area.population_source,
            "sources": ["population"],
        },
        "sources": _sources(area, reported_crime),
        "sections": {s["key"]: s["data"] for s in sections},
    }


def find_areas(name: str, kind: str | None = None) -> list[Area]:
    """Areas whose name equals ``name`` (case-insensitive), optionally of one kind only."""
    kinds = [kind] if kind else list(AREA_MODELS)
    found: list[Area] = []
    for k in kinds:
        found.extend(AREA_MODELS[k].objects.filter(name__iexact=name.strip()))
    if not found:
        # SQLite's iexact folds ASCII only ("södermalm" ≠ "Södermalm"): compare in Python.
        wanted = name.strip().casefold()
        for k in kinds:
            found.extend(a for a in AREA_MODELS[k].objects.all() if a.name.casefold() == wanted)
    return found


def all_area_names(kind: str | None = None) -> list[str]:
    kinds = [kind] if kind else list(AREA_MODELS)
    names: set[str] = set()
    for k in kinds:
        names.update(AREA_MODELS[k].objects.values_list("name", flat=True))
    return sorted(names)


def unplaced_events(area: Area, start: date, end: date) -> QuerySet:
    """Events of ``area``'s municipality in [start, end] not placed below the area's level.

    For a municipality: those with no district. For a district: its municipality's events
    with no district (some may have happened in the district). For a neighbourhood: the
    events of its district with no neighbourhood. Newest first; each keeps
    ``placement_reason``, why it could not be placed.
    """
    events = PoliceEvent.objects.in_period(start, end)
    if area.kind == AreaKind.NEIGHBOURHOOD:
        events = events.filter(district=area.district, neighbourhood__isnull=True)
    else:
        events = events.filter(municipality=municipality_of(area), district__isnull=True)
    return events.order_by("-occurred_on", "-event_id").only(
        "event_id", "occurred_on", "type", "name", "placement_reason", "url"
    )
