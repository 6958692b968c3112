"""Read-side assembly for survey pages, charts and the situation-picture section.

Every function takes objects already fetched through ``visible_to`` and the tenant whose
suppression and rounding options apply; every cell it returns has been through
``suppression.suppress`` (a suppressed cell carries no number to show).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import polars as pl
from django.urls import reverse

from samverkan.geography.models import District

from .estimation import (
    DIMENSIONS,
    Cell,
    Change,
    answer_distribution,
    build_frame,
    check_same_survey,
    compare,
    estimate_index,
    estimate_share,
)
from .models import AgeBand, IndexDefinition, Indicator, Sex, SurveyWave
from .suppression import min_n_for, suppress


@dataclass
class Row:
    """A labelled cell for a table: ``label`` as shown, ``cell`` suppressed or not."""

    label: str
    cell: Cell
    change: Change | None = None
    key: str = ""


def frame_of(wave: SurveyWave, frames: dict | None) -> pl.DataFrame:
    """The wave's respondent frame, built once per ``frames`` cache (one request)."""
    if frames is None:
        return build_frame(wave)
    if wave.pk not in frames:
        frames[wave.pk] = build_frame(wave)
    return frames[wave.pk]


def _estimate(frame, measure, by):
    if isinstance(measure, IndexDefinition):
        return estimate_index(frame, measure, by)
    return estimate_share(frame, measure, by)


def cube(
    measure: Indicator | IndexDefinition, wave: SurveyWave, *, min_n: int, frames: dict | None
) -> dict[frozenset, Cell]:
    """Every cell of district × sex × age band, all their margins and the total, for one
    wave, suppressed together (so no table can reveal what another hides).

    Keyed by ``frozenset(cell.keys.items())``; ``frozenset()`` is the whole survey area.
    Cached in ``frames`` for the request.
    """
    cache_key = ("cube", wave.pk, type(measure).__name__, measure.pk, min_n)
    if frames is not None and cache_key in frames:
        return frames[cache_key]
    frame = frame_of(wave, frames)
    cells: list[Cell] = []
    for size in range(len(DIMENSIONS) + 1):
        for by in combinations(DIMENSIONS, size):
            cells.extend(_estimate(frame, measure, list(by)))
    result = {frozenset(c.keys.items()): c for c in suppress(cells, min_n, DIMENSIONS)}
    if frames is not None:
        frames[cache_key] = result
    return result


def _pick(cells: dict, district: District | None, dims: list[str]) -> list[Cell]:
    """Cells broken down by exactly ``dims`` (within ``district`` when given)."""
    wanted = {*dims, *(["district"] if district else [])}
    return [
        c
        for c in cells.values()
        if set(c.keys) == wanted and (district is None or c.keys["district"] == district.code)
    ]


def _total(cells: dict, district: District | None) -> Cell | None:
    return cells.get(frozenset({("district", district.code)} if district else set()))


def _labelled(cells: list[Cell], dim: str, labels: dict) -> list[Row]:
    rows = [Row(str(labels.get(c.keys[dim], c.keys[dim])), c, key=c.keys[dim]) for c in cells]
    order = list(labels)
    return sorted(rows, key=lambda r: order.index(r.key) if r.key in order else len(order))


def measure_report(
    measure: Indicator | IndexDefinition,
    wave: SurveyWave,
    *,
    tenant,
    district: District | None = None,
    districts: list[District] = (),
    frames: dict | None = None,
) -> dict:
    """All tables for one indicator or index in one wave, optionally for one district.

    Returns {"overall": Cell, "by_district": [Row], "by_sex": [Row], "by_age": [Row],
    "crossed": [Row] (age × sex, label "women 16–24"), "min_n": int}. Rows of
    ``by_district`` carry the change since the previous wave of the same survey.
    """
    check_same_survey(measure, wave)
    min_n = min_n_for(tenant)
    cells = cube(measure, wave, min_n=min_n, frames=frames)
    names = {d.code: d.name for d in districts}
    by_district = _pick(cells, None, ["district"])
    by_sex = _pick(cells, district, ["sex"])
    by_age = _pick(cells, district, ["age_band"])
    crossed = _pick(cells, district, ["sex", "age_band"])

    previous = wave.previous()
    changes = {}
    if previous is not None and previous.respondent_rows.exists():
        earlier = cube(measure, previous, min_n=min_n, frames=frames)
        changes = {
            c.keys["district"]: compare(earlier.get(frozenset(c.keys.items())), c, measure.better)
            for c in by_district
        }
    district_rows = _labelled(by_district, "district", names)
    for row in district_rows:
        row.change = changes.get(row.key)
    sex_labels = dict(Sex.choices)
    age_labels = dict(AgeBand.choices)
    crossed_rows = [
        Row(f"{sex_labels[c.keys['sex']]} {age_labels[c.keys['age_band']]}", c)
        for c in sorted(
            crossed,
            key=lambda c: (
                Sex.values.index(c.keys["sex"]),
                AgeBand.values.index(c.keys["age_band"]),
            ),
        )
    ]
    return {
        "overall": _total(cells, district),
        "by_district": district_rows,
        "by_sex": _labelled(by_sex, "sex", sex_labels),
        "by_age": _labelled(by_age, "age_band", age_labels),
        "crossed": crossed_rows,
        "previous": previous,
        "min_n": min_n,
    }


def series(
    measure: Indicator | IndexDefinition,
    *,
    tenant,
    district: District | None = None,
    frames: dict | None = None,
) -> list[Row]:
    """The measure in every wave of its survey (label = year), with change between waves."""
    min_n = min_n_for(tenant)
    rows: list[Row] = []
    for wave in measure.survey.waves.order_by("year"):
        if not wave.respondent_rows.exists():
            continue
        cell = _total(cube(measure, wave, min_n=min_n, frames=frames), district)
        if cell is None:
            continue
        change = compare(rows[-1].cell, cell, measure.better) if rows else None
        rows.append(Row(str(wave.year), cell, change, key=str(wave.pk)))
    return rows


def item_distributions(
    definition: IndexDefinition,
    wave: SurveyWave,
    *,
    tenant,
    district: District | None = None,
    frames: dict | None = None,
    hidden: bool = False,
) -> list[dict]:
    """The raw answer distribution of each question in an index, beside the index.

    ``hidden``: the index value of this area is suppressed, so its answers are too (the
    index could otherwise be recomputed from them).

    [{"question": Question, "scores": {value: score}, "n": int, "suppressed": bool,
      "answers": [{"value", "label", "share", "count", "score"}]}]
    """
    check_same_survey(definition, wave)
    min_n = min_n_for(tenant)
    frame = frame_of(wave, frames)
    questions = {q.code: q for q in wave.survey.questions.all()}
    out = []
    for item in definition.items:
        question = questions[item["question"]]
        dists = answer_distribution(frame, question, ["district"] if district else [])
        if district:
            dists = [d for d in dists if d["keys"].get("district") == district.code]
        dist = dists[0] if dists else {"n": 0, "answers": []}
        for answer in dist["answers"]:
            answer["score"] = item["scores"].get(str(answer["value"]))
        out.append(
            {
                "question": question,
                "n": dist["n"],
                "suppressed": hidden or dist["n"] < min_n,
                "answers": dist["answers"],
            }
        )
    return out


def published_series(indicator: Indicator) -> list[dict]:
    """Published figures of a PUBLISHED-kind indicator: [{"area", "group", "figures"}]."""
    groups: dict[tuple, list] = {}
    for fig in indicator.published_figures.select_related("wave").order_by(
        "area_name", "group", "wave__year"
    ):
        groups.setdefault((fig.area_name, fig.group), []).append(fig)
    return [{"area": a, "group": g, "figures": figs} for (a, g), figs in groups.items()]


# ---- charts (Vega-Lite dicts) and maps (GeoJSON) -------------------------------------


def _scale(measure) -> tuple[float, str]:
    if isinstance(measure, IndexDefinition):
        return 1.0, "index"
    return 100.0, "%"


def bar_spec(rows: list[Row], measure, *, title: str, axis_title: str) -> dict:
    """Bars with 95 % interval rules for shown rows (suppressed rows are left out)."""
    factor, _unit = _scale(measure)
    values = [
        {
            "group": r.label,
            "value": round(r.cell.estimate * factor, 2),
            "low": round((r.cell.ci_low or r.cell.estimate) * factor, 2),
            "high": round((r.cell.ci_high or r.cell.estimate) * factor, 2),
        }
        for r in rows
        if r.cell.is_shown
    ]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": title,
        "data": {"values": values},
        "encoding": {
            "y": {"field": "group", "type": "nominal", "title": None, "sort": None},
        },
        "layer": [
            {
                "mark": {"type": "bar"},
                "encoding": {
                    "x": {"field": "value", "type": "quantitative", "title": axis_title},
                    "tooltip": [
                        {"field": "group", "type": "nominal"},
                        {"field": "value", "type": "quantitative"},
                        {"field": "low", "type": "quantitative"},
                        {"field": "high", "type": "quantitative"},
                    ],
                },
            },
            {
                "mark": {"type": "rule"},
                "encoding": {
                    "x": {"field": "low", "type": "quantitative"},
                    "x2": {"field": "high"},
                },
            },
        ],
    }


def line_spec(rows: list[Row], measure, *, title: str, axis_title: str) -> dict:
    """Line over waves with a 95 % interval band (suppressed waves left out)."""
    factor, _unit = _scale(measure)
    values = [
        {
            "year": r.label,
            "value": round(r.cell.estimate * factor, 2),
            "low": round((r.cell.ci_low or r.cell.estimate) * factor, 2),
            "high": round((r.cell.ci_high or r.cell.estimate) * factor, 2),
        }
        for r in rows
        if r.cell.is_shown
    ]
    x = {"field": "year", "type": "ordinal", "title": None}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": title,
        "data": {"values": values},
        "layer": [
            {
                "mark": {"type": "area", "opacity": 0.3},
                "encoding": {
                    "x": x,
                    "y": {"field": "low", "type": "quantitative", "title": axis_title},
                    "y2": {"field": "high"},
                },
            },
            {
                "mark": {"type": "line", "point": True},
                "encoding": {"x": x, "y": {"field": "value", "type": "quantitative"}},
            },
        ],
    }


def district_map(rows: list[Row], measure, districts: list[District], *, url_name: str) -> dict:
    """GeoJSON FeatureCollection of district boundaries with property ``value``.

    ``value`` is the share in % (or index value), None where suppressed or not measured.
    """
    factor, _unit = _scale(measure)
    by_code = {r.key: r.cell for r in rows}
    features = []
    for d in districts:
        if not d.boundary:
            continue
        cell = by_code.get(d.code)
        value = round(cell.estimate * factor, 1) if cell and cell.is_shown else None
        features.append(
            {
                "type": "Feature",
                "geometry": d.boundary,
                "properties": {
                    "name": d.name,
                    "value": value,
                    "href": reverse(url_name, args=[measure.pk]) + f"?district={d.code}",
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def published_line_spec(groups: list[dict], *, title: str, axis_title: str) -> dict:
    """Published shares over years, one line per area and group (no intervals exist)."""
    values = [
        {
            "year": str(f.wave.year),
            "value": float(f.share_percent),
            "series": f"{g['area']}, {g['group']}",
        }
        for g in groups
        for f in g["figures"]
    ]
    x = {"field": "year", "type": "ordinal", "title": None}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": title,
        "data": {"values": values},
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": x,
            "y": {"field": "value", "type": "quantitative", "title": axis_title},
            "color": {"field": "series", "type": "nominal", "title": None},
        },
    }
