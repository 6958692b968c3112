"""Vega-Lite specs and GeoJSON for the situation page, built from situation_picture().

Specs are plain dicts with inline data only (the front end renders them with vega-embed
under a strict CSP); every chart on the page has a table with the same numbers beside it.
"""

from typing import Any

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"


def events_by_week_spec(by_week: list[dict], *, title: str, y_title: str) -> dict:
    """Bar chart of events per ISO week; partial weeks are drawn lighter."""
    return {
        "$schema": SCHEMA,
        "description": title,
        "width": "container",
        "height": 220,
        "data": {
            "values": [
                {"week": w["week"], "count": w["count"], "partial": w["partial"]} for w in by_week
            ]
        },
        "mark": {"type": "bar", "tooltip": True},
        "encoding": {
            "x": {"field": "week", "type": "ordinal", "sort": None, "title": None},
            "y": {"field": "count", "type": "quantitative", "title": y_title},
            "opacity": {
                "field": "partial",
                "type": "nominal",
                "scale": {"domain": [False, True], "range": [1, 0.45]},
                "legend": None,
            },
        },
    }


def events_by_type_spec(by_type: list[dict], *, title: str, x_title: str) -> dict:
    """Horizontal bar chart of events per Polisen event type, largest first."""
    return {
        "$schema": SCHEMA,
        "description": title,
        "width": "container",
        "height": {"step": 18},
        "data": {"values": [{"type": t["type"], "count": t["count"]} for t in by_type]},
        "mark": {"type": "bar", "tooltip": True},
        "encoding": {
            "y": {"field": "type", "type": "nominal", "sort": "-x", "title": None},
            "x": {"field": "count", "type": "quantitative", "title": x_title},
        },
    }


def reported_crime_spec(
    rows: list[dict], *, title: str, area_label: str, county_label: str, y_title: str
) -> dict:
    """Small multiples per Brå category: the municipality's rate per 100,000 vs the county's."""
    values: list[dict[str, Any]] = []
    for r in rows:
        values.append(
            {
                "year": r["year"],
                "category": r["category_label"],
                "series": area_label,
                "per_100k": r["per_100k"],
            }
        )
        if r["county_per_100k"] is not None:
            values.append(
                {
                    "year": r["year"],
                    "category": r["category_label"],
                    "series": county_label,
                    "per_100k": r["county_per_100k"],
                }
            )
    return {
        "$schema": SCHEMA,
        "description": title,
        "data": {"values": values},
        "facet": {"field": "category", "type": "nominal", "title": None},
        "columns": 2,
        "resolve": {"scale": {"y": "independent"}},
        "spec": {
            "width": 260,
            "height": 140,
            "mark": {"type": "line", "point": True, "tooltip": True},
            "encoding": {
                "x": {"field": "year", "type": "ordinal", "title": None},
                "y": {"field": "per_100k", "type": "quantitative", "title": y_title},
                "color": {"field": "series", "type": "nominal", "title": None},
                "strokeDash": {"field": "series", "type": "nominal", "title": None},
            },
        },
    }


def feature_collection(features: list[tuple[Any, dict]]) -> dict:
    """GeoJSON FeatureCollection (EPSG:4326) from (area with .boundary, properties) pairs.

    Areas without a boundary are left out (the table beside the map still lists them).
    """
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": area.boundary, "properties": properties}
            for area, properties in features
            if area.boundary
        ],
    }
