"""The test-only page behind samverkan.common.testing.urls: one chart and one map, each
with its table, built exactly as the chart/map contract asks of every app."""

from pathlib import Path

import altair as alt
from django.http import HttpRequest, HttpResponse
from django.template import engines

# Police events per ISO week in a made-up area (the chart and its table).
WEEKS = [
    {"week": "2025-W45", "count": 14},
    {"week": "2025-W46", "count": 9},
    {"week": "2025-W47", "count": 21},
    {"week": "2025-W48", "count": 0},
]


def _square(x: float, y: float, size: float = 0.02) -> dict:
    return {
        "type": "Polygon",
        "coordinates": [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]],
    }


# Three areas (one without a value) and two places; one area and one place are links.
FEATURES = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "geometry": _square(17.90, 59.38),
            "properties": {"name": "Rinkeby", "events": 30, "href": "/?area=rinkeby"},
        },
        {
            "type": "Feature",
            "geometry": _square(17.93, 59.38),
            "properties": {"name": "Kista", "events": 12},
        },
        {
            "type": "Feature",
            "geometry": _square(17.96, 59.38),
            "properties": {"name": "Husby", "events": None},
        },
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [17.91, 59.39]},
            "properties": {"name": "Rinkeby torg", "events": 7, "href": "/?place=torg"},
        },
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [17.94, 59.39]},
            "properties": {"name": "Kista galleria", "events": 3},
        },
    ],
}


# Small rates close together (events per 1,000 residents): rounded to one decimal their
# class limits would all read "0,1" in the legend.
RATES = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "geometry": _square(17.90 + 0.03 * i, 59.42),
            "properties": {"name": name, "rate": rate},
        }
        for i, (name, rate) in enumerate(
            [
                ("Akalla", 0.02),
                ("Husby", 0.05),
                ("Kista", 0.08),
                ("Rinkeby", 0.11),
                ("Tensta", 0.14),
            ]
        )
    ],
}


def chart_spec() -> dict:
    """A Vega-Lite bar chart of WEEKS, built with altair as the apps do."""
    return (
        alt.Chart(alt.Data(values=WEEKS))
        .mark_bar()
        .encode(
            x=alt.X("week:O", title="Vecka"),
            y=alt.Y("count:Q", title="Antal händelser"),
            tooltip=["week:O", "count:Q"],
        )
        .properties(height=200, description="Polisens händelser per vecka (testdata)")
        .to_dict()
    )


def wide_chart_spec() -> dict:
    """The same chart with a fixed width of 640 px: wider than a phone's column."""
    return {**chart_spec(), "width": 640, "description": "Samma diagram, 640 px brett"}


def widgets(request: HttpRequest) -> HttpResponse:
    template = engines["django"].from_string(
        (Path(__file__).parent / "widgets.html").read_text(encoding="utf-8")
    )
    context = {
        "spec": chart_spec(),
        "wide_spec": wide_chart_spec(),
        "weeks": WEEKS,
        "features": FEATURES,
        "rates": RATES,
    }
    return HttpResponse(template.render(context, request))


def error(request: HttpRequest) -> HttpResponse:
    """Fail, so that tests can see the 500 page."""
    raise RuntimeError("deliberate failure for the 500-page test")
