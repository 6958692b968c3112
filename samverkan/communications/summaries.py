"""Public summaries of a situation picture: district-level figures with small counts hidden.

The payload is frozen into a CommunicationVersion when the summary is drafted
(``services.draft_situation_summary``), so the public page never reads live figures:
it shows what both parties approved. Only counts per district are published, never
single events or any free text (events' or observations').
"""

import hashlib
import json
from datetime import date

from django.db.models import Count, Max
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from samverkan.geography.models import District, Municipality
from samverkan.organisations.models import Tenant
from samverkan.police_events.models import PoliceEvent

SOURCE = _(
    "The Swedish Police (Polisen): events published on polisen.se (open API), placed in "
    "districts from the event's text by the platform."
)
DEFINITION = _(
    "Police events by incident date, placed in a district from their text. Events that "
    "could not be placed in a district are not counted. A published event is a notice, "
    "not a crime statistic."
)


def suppress_counts(values: dict[str, int], *, min_count: int) -> dict[str, int | None]:
    """Hide counts 1 … min_count−1 (None) and, if that leaves exactly one hidden cell,
    hide the next-smallest cell too, so the hidden value cannot be derived from the total.

    Zero is shown (it reveals nothing about persons). Input and output keys are the same.
    """
    shown: dict[str, int | None] = {
        k: (None if 0 < v < min_count else v) for k, v in values.items()
    }
    hidden = [k for k, v in shown.items() if v is None]
    if len(hidden) == 1:
        candidates = sorted((v, k) for k, v in shown.items() if v is not None and v > 0)
        if candidates:
            shown[candidates[0][1]] = None
    return shown


def _both_languages(text) -> tuple[str, str]:
    """(Swedish, English) of a lazy translation: both are frozen with the figures."""
    with translation.override("sv"):
        sv = str(text)
    with translation.override("en"):
        en = str(text)
    return sv, en


def latest_event_date(municipalities) -> date | None:
    """The latest incident date (``occurred_on``) of the police events stored for
    ``municipalities`` (Municipality instances or a queryset); None when there are none.

    A situation summary's period must start on or before it (``services.
    draft_situation_summary``); figures after it are not zero but not yet known.
    """
    return PoliceEvent.objects.filter(municipality__in=municipalities).aggregate(
        last=Max("occurred_on")
    )["last"]


def situation_summary_payload(
    *,
    tenant: Tenant,
    start: date,
    end: date,
    min_count: int | None = None,
    municipality: Municipality | None = None,
) -> dict:
    """Police events placed per district in [start, end] (dates, inclusive) for the
    tenant's municipalities (or only ``municipality``, which must be one of them).

    Shape::

        {"period": {"from", "to"}, "min_count": int,
         "figures_as_of": "YYYY-MM-DD" (the day the figures were taken),
         "events_through": "YYYY-MM-DD" | None (latest incident date stored, ≤ to),
         "source", "source_en", "definition", "definition_en": str (Swedish, English),
         "municipalities": [{"name", "code", "total" (placed events in all districts;
             None when any count is suppressed, since it would reveal their sum),
             "districts": [{"name", "code", "count" (int, or None = suppressed),
                 "population" (persons or None), "population_year" (int or None),
                 "population_source" (str), "per_1000" (float, 2 decimals, or None)}]}]}

    Counts 1 … min_count−1 are suppressed, with a second cell when one alone would be
    derivable from the total (``suppress_counts``); a suppressed cell has no rate either.
    ``min_count`` defaults to the tenant option ``public_min_count`` (5). Lower counts
    are better, with the caveat that police events are published notices, not crime
    statistics. Raises ValueError for a municipality outside the tenant.
    """
    min_count = min_count or int(tenant.option("public_min_count", 5))
    municipalities = tenant.municipalities.order_by("name")
    if municipality is not None:
        if not municipalities.filter(pk=municipality.pk).exists():
            raise ValueError(f"{municipality} is not one of the tenant's municipalities")
        municipalities = municipalities.filter(pk=municipality.pk)
    result = []
    for m in municipalities:
        districts = list(District.objects.filter(municipality=m).order_by("name"))
        if not districts:
            continue
        counts = dict(
            PoliceEvent.objects.in_period(start, end)
            .filter(district__in=districts)
            .values_list("district_id")
            .annotate(n=Count("pk"))
        )
        raw = {d.code: counts.get(d.pk, 0) for d in districts}
        shown = suppress_counts(raw, min_count=min_count)
        rows = []
        for d in districts:
            count = shown[d.code]
            rows.append(
                {
                    "name": d.name,
                    "code": d.code,
                    "count": count,
                    "population": d.population,
                    "population_year": d.population_year,
                    "population_source": d.population_source,
                    "per_1000": round(count / d.population * 1000, 2)
                    if count is not None and d.population
                    else None,
                }
            )
        # The total would give away the sum of the hidden cells (and a single hidden cell
        # outright), so it is published only when nothing is hidden.
        hidden = any(v is None for v in shown.values())
        result.append(
            {
                "name": m.name,
                "code": m.code,
                "total": None if hidden else sum(raw.values()),
                "districts": rows,
            }
        )
    latest = (
        PoliceEvent.objects.filter(municipality__in=municipalities, occurred_on__lte=end)
        .aggregate(last=Max("occurred_on"))
        .get("last")
    )
    source_sv, source_en = _both_languages(SOURCE)
    definition_sv, definition_en = _both_languages(DEFINITION)
    return {
        "period": {"from": start.isoformat(), "to": end.isoformat()},
        "min_count": min_count,
        "figures_as_of": timezone.localdate().isoformat(),
        "events_through": latest.isoformat() if latest else None,
        "source": source_sv,
        "source_en": source_en,
        "definition": definition_sv,
        "definition_en": definition_en,
        "municipalities": result,
    }


def figures_digest(payload: dict) -> str:
    """SHA-256 (hex) of a summary payload without the day it was taken: equal digests
    mean the same published figures (used to check a preview against what is saved)."""
    figures = {k: v for k, v in payload.items() if k != "figures_as_of"}
    return hashlib.sha256(json.dumps(figures, sort_keys=True).encode()).hexdigest()


def summary_maps(payload: dict) -> list[dict | None]:
    """One GeoJSON FeatureCollection (EPSG:4326) per municipality of a frozen payload, in
    the payload's order, for static/js/maps.js; None when no district has a boundary.

    Geometries are today's district boundaries looked up by the frozen district code
    (public reference data); every figure comes from the payload. Feature properties:
    ``name``, ``per_1000`` (None when suppressed or without population) and
    ``value_label`` (text shown instead of a missing value, in the request's language).
    """
    min_count = payload.get("min_count")
    codes = [d.get("code") for m in payload.get("municipalities", []) for d in m["districts"]]
    boundaries = dict(
        District.objects.filter(code__in=[c for c in codes if c]).values_list("code", "boundary")
    )
    maps: list[dict | None] = []
    for m in payload.get("municipalities", []):
        features = []
        for d in m["districts"]:
            boundary = boundaries.get(d.get("code"))
            if not boundary:
                continue
            properties: dict = {"name": d["name"], "per_1000": d["per_1000"]}
            if d["count"] is None:
                properties["value_label"] = gettext("fewer than %(n)s events") % {"n": min_count}
            elif d["per_1000"] is None:
                properties["value_label"] = gettext("%(n)s events, no population figure") % {
                    "n": d["count"]
                }
            features.append({"type": "Feature", "geometry": boundary, "properties": properties})
        maps.append({"type": "FeatureCollection", "features": features} if features else None)
    return maps


def summary_context(payload: dict, *, with_maps: bool = False, published_at=None) -> dict:
    """Template context of ``communications/_summary_table.html`` for a frozen payload.

    ``municipalities``: the payload's, each with ``map`` (FeatureCollection or None) and
    ``map_id`` when ``with_maps``; ``population_sources``: [{"source", "years"}] over all
    districts (source "" when not stated); ``null_label``: the maps' legend text for a
    district without a value.
    """
    municipalities = [dict(m) for m in payload.get("municipalities", [])]
    if with_maps:
        for i, (m, fc) in enumerate(zip(municipalities, summary_maps(payload), strict=True)):
            m["map"], m["map_id"] = fc, f"map-municipality-{i}"
    sources: dict[str, set[int]] = {}
    no_population = False
    for m in municipalities:
        for d in m["districts"]:
            if d.get("population"):
                sources.setdefault(d.get("population_source") or "", set())
                if d.get("population_year"):
                    sources[d.get("population_source") or ""].add(d["population_year"])
            elif d["count"] is not None:
                no_population = True
    n = payload.get("min_count")
    return {
        "data": payload,
        "municipalities": municipalities,
        "population_sources": [
            {"source": source, "years": sorted(years)} for source, years in sorted(sources.items())
        ],
        "null_label": (
            gettext("Fewer than %(n)s events, or no population figure")
            if no_population
            else gettext("Fewer than %(n)s events")
        )
        % {"n": n},
        "published_at": published_at,
    }
