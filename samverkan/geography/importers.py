"""Importers for geography: GeoJSON boundaries and SCB population.

``import_geojson(path, kind=…, crs=…)`` upserts municipalities (by SCB code), districts
(by code) or neighbourhoods (by code = the source's own name). Accepted shapes:

- municipality: features with ``id`` (4-digit SCB code, okfse/sweden-geojson) or
  ``omr_kod`` < 1000 (Folkhälsokollen: SCB code without its leading zero); names and
  counties come from ``data/sweden-kommuner/swedish_admin_areas.csv`` (SCB spelling).
- district: ``omr_kod`` 801xx + ``omr_namn`` (+ ``population``), Folkhälsokollen's
  Stockholm stadsdelsområden; or ``code`` + ``name`` + ``municipality_code``.
- neighbourhood: ``name`` (upper case in Stockholm's file, e.g. "HÄSSELBY GÅRD"; stored
  as code, and as a properly capitalised name "Hässelby gård"); the district is computed
  as the district polygon with the largest overlap (the nearest one if none overlaps).

Coordinates are stored in EPSG:4326 (lon, lat), rounded to 7 decimals (about 1 cm).
EPSG:3006 (SWEREF 99 TM, metres) input is reprojected with pyproj.
"""

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import transaction
from pyproj import Transformer
from shapely.geometry import shape
from shapely.validation import make_valid

from samverkan.datasets.base import (
    ImportFailed,
    ImportResult,
    now,
    open_text,
    read_json,
    record_run,
)
from samverkan.geography.models import District, Municipality, Neighbourhood

KINDS = ("municipality", "district", "neighbourhood")
CRS_CHOICES = ("EPSG:4326", "EPSG:3006")
CRS_ALIASES = {
    "urn:ogc:def:crs:OGC:1.3:CRS84": "EPSG:4326",
    "urn:ogc:def:crs:EPSG::4326": "EPSG:4326",
    "EPSG:4326": "EPSG:4326",
    "urn:ogc:def:crs:EPSG::3006": "EPSG:3006",
    "EPSG:3006": "EPSG:3006",
}
STOCKHOLM_CODE = "0180"
FOLKHALSOKOLLEN_POPULATION_SOURCE = (
    # A citation shown next to the figures on Swedish pages, so in Swedish (the data's
    # language). In English: the source does not state the population year; its Stockholm
    # total, 973,067, is close to SCB's 974,073 for 31 Dec 2019.
    "Folkhälsokollen (Region Stockholm, CES), stockholm_lan_dissolved_omrade_21_06_17.json; "
    "källan anger inte befolkningsåret (summan för Stockholm, 973 067, ligger nära SCB:s "
    "974 073 för 31 december 2019)"
)
SCB_POPULATION_SOURCE = "SCB, folkmängd 31 december 2019 (summa ålder 0–100+ och kön)"

# Stockholm's own spelling where a word after the first is itself a proper name.
NAME_EXCEPTIONS = {
    "GAMLA ENSKEDE": "Gamla Enskede",
    "LILLA ESSINGEN": "Lilla Essingen",
    "STORA ESSINGEN": "Stora Essingen",
    "NORRA DJURGÅRDEN": "Norra Djurgården",
    "NORRA ÄNGBY": "Norra Ängby",
    "SÖDRA ÄNGBY": "Södra Ängby",
    "SÖDRA HAMMARBYHAMNEN": "Södra Hammarbyhamnen",
    "ULVSUNDA INDUSTRIOMR": "Ulvsunda industriområde",
}


@dataclass(frozen=True)
class AdminArea:
    code: str
    name: str
    county_code: str
    county_name: str


@cache
def admin_areas(path: Path | None = None) -> dict[str, AdminArea]:
    """SCB code → AdminArea for all 290 municipalities (data/sweden-kommuner)."""
    path = path or settings.DATA_DIR / "sweden-kommuner" / "swedish_admin_areas.csv"
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return {
            row["municipality_code"]: AdminArea(
                row["municipality_code"],
                row["municipality_name"],
                row["county_code"],
                row["county_name"],
            )
            for row in csv.DictReader(handle)
        }


def police_api_spelling(scb_name: str) -> str:
    """Polisen's API capitalises only the first letter: "Upplands Väsby" → "Upplands väsby"."""
    return scb_name[:1] + scb_name[1:].lower()


def proper_name(upper: str) -> str:
    """ "HÄSSELBY GÅRD" → "Hässelby gård" (Swedish capitalisation; see NAME_EXCEPTIONS)."""
    upper = " ".join(upper.split())
    if upper in NAME_EXCEPTIONS:
        return NAME_EXCEPTIONS[upper]
    lower = upper.lower()
    return "-".join(part[:1].upper() + part[1:] for part in lower.split("-"))


def _transformer(crs: str):
    return Transformer.from_crs(crs, "EPSG:4326", always_xy=True) if crs != "EPSG:4326" else None


def _convert(coords, transformer):
    if coords and isinstance(coords[0], int | float):
        x, y = coords[0], coords[1]
        if transformer is not None:
            x, y = transformer.transform(x, y)
        return [round(x, 7), round(y, 7)]
    return [_convert(part, transformer) for part in coords]


def _geometry(feature: dict, path, where: str, transformer) -> dict:
    geometry = feature.get("geometry")
    if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        raise ImportFailed(
            path, "expected a Polygon or MultiPolygon", where=where, field="geometry"
        )
    try:
        coords = _convert(geometry["coordinates"], transformer)
    except (KeyError, TypeError, IndexError) as error:
        raise ImportFailed(
            path, f"bad coordinates ({error})", where=where, field="geometry"
        ) from None
    flat = coords
    while flat and isinstance(flat[0], list):
        flat = flat[0]
    if not flat or not (-180 <= flat[0] <= 180 and -90 <= flat[1] <= 90):
        raise ImportFailed(
            path,
            "coordinates are not longitude/latitude; is the file in EPSG:3006 (pass --crs)?",
            where=where,
            field="geometry",
        )
    return {"type": geometry["type"], "coordinates": coords}


def _file_crs(document: dict, path, crs: str | None) -> str:
    declared = ((document.get("crs") or {}).get("properties") or {}).get("name")
    declared_crs = CRS_ALIASES.get(declared) if declared else None
    if declared and declared_crs is None:
        raise ImportFailed(path, f"unsupported CRS {declared!r}", field="crs")
    if crs is not None and crs not in CRS_CHOICES:
        raise ImportFailed(path, f"unsupported CRS {crs!r}; use one of {CRS_CHOICES}")
    if crs and declared_crs and crs != declared_crs:
        raise ImportFailed(path, f"file declares {declared_crs} but --crs says {crs}", field="crs")
    return crs or declared_crs or "EPSG:4326"


def _features(path) -> tuple[dict, list[dict]]:
    document = read_json(path)
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise ImportFailed(path, "not a GeoJSON FeatureCollection", field="type")
    features = document.get("features")
    if not isinstance(features, list):
        raise ImportFailed(path, "missing list of features", field="features")
    return document, features


def _upsert(model, key: str, rows: dict[str, dict], result: ImportResult) -> None:
    """Create or update ``model`` rows keyed by ``key``, skipping rows equal to the stored ones."""
    existing = {getattr(obj, key): obj for obj in model.objects.filter(**{f"{key}__in": rows})}
    new, changed = [], []
    fields: set[str] = set()
    for code, values in rows.items():
        obj = existing.get(code)
        if obj is None:
            new.append(model(**{key: code}, **values))
            continue
        diff = [name for name, value in values.items() if _stored(obj, name) != _plain(value)]
        if diff:
            for name in diff:
                setattr(obj, name, values[name])
            fields.update(diff)
            changed.append(obj)
        else:
            result.unchanged += 1
    stamp = now()
    for obj in new + changed:
        obj.updated_at = stamp
    model.objects.bulk_create(new, batch_size=500)
    if changed:
        model.objects.bulk_update(changed, sorted(fields | {"updated_at"}), batch_size=500)
    result.new += len(new)
    result.changed += len(changed)


def _stored(obj, name: str):
    field = obj._meta.get_field(name)
    return getattr(obj, field.attname)


def _plain(value):
    return value.pk if hasattr(value, "_meta") else value


def import_geojson(
    path: Path | str, *, kind: str, crs: str | None = None, source: str = "", user=None
) -> ImportResult:
    """Upsert areas of ``kind`` from a GeoJSON FeatureCollection; see the module docstring.

    Raises ImportFailed (nothing written) on a malformed file, an unknown municipality
    code, a missing property or non-lon/lat coordinates.
    """
    started = now()
    path = Path(path)
    if kind not in KINDS:
        raise ImportFailed(path, f"unknown kind {kind!r}; use one of {KINDS}")
    document, features = _features(path)
    transformer = _transformer(_file_crs(document, path, crs))
    source = source or path.name
    result = ImportResult(kind=f"geojson-{kind}", path=str(path))
    skipped = 0
    rows: dict[str, dict] = {}
    geometries: dict[str, dict] = {}
    for number, feature in enumerate(features, start=1):
        props = feature.get("properties") or {}
        where = f"feature {number}"
        if kind == "municipality":
            code = _municipality_code(props, path, where)
            if code is None:
                skipped += 1
                continue
            area = admin_areas().get(code)
            if area is None:
                raise ImportFailed(
                    path, f"unknown municipality code {code!r}", where=where, field="id"
                )
            api_name = police_api_spelling(area.name)
            rows[code] = {
                "name": area.name,
                "county_code": area.county_code,
                "county_name": area.county_name,
                "police_api_name": api_name if api_name != area.name else "",
                "boundary": _geometry(feature, path, where, transformer),
                "boundary_source": source,
            }
        elif kind == "district":
            parsed = _district_row(props, path, where)
            if parsed is None:
                skipped += 1
                continue
            code, values = parsed
            values["boundary"] = _geometry(feature, path, where, transformer)
            values["boundary_source"] = source
            rows[code] = values
        else:
            name = props.get("name")
            if not isinstance(name, str) or not name.strip():
                raise ImportFailed(path, "missing", where=where, field="name")
            code = " ".join(name.split())
            geometries[code] = _geometry(feature, path, where, transformer)
            rows[code] = {
                "name": proper_name(code) if code.isupper() else code,
                "boundary": geometries[code],
                "boundary_source": source,
            }
    if kind == "neighbourhood":
        assignment = assign_districts(geometries, path)
        for code, (district, method) in assignment.items():
            rows[code]["district"] = district
            result.extra[method] = result.extra.get(method, 0) + 1
    if skipped:
        result.extra["skipped"] = skipped
    model = {"municipality": Municipality, "district": District, "neighbourhood": Neighbourhood}[
        kind
    ]
    with transaction.atomic():
        _upsert(model, "code", rows, result)
        record_run(result, started_at=started, user=user)
    return result


def _municipality_code(props: dict, path, where: str) -> str | None:
    if "id" in props:
        return str(props["id"]).zfill(4)
    if "omr_kod" in props:
        code = _int(props["omr_kod"], path, where, "omr_kod")
        return f"{code:04d}" if code < 1000 else None
    raise ImportFailed(path, "missing (expected 'id' or 'omr_kod')", where=where, field="id")


def _district_row(props: dict, path, where: str) -> tuple[str, dict] | None:
    if "omr_kod" in props:
        code = _int(props["omr_kod"], path, where, "omr_kod")
        if code < 1000:
            return None  # a whole municipality in Folkhälsokollen's file
        municipality_code = STOCKHOLM_CODE if 80100 <= code <= 80199 else None
        name, name_field = props.get("omr_namn"), "omr_namn"
        population = props.get("population")
        population_source = FOLKHALSOKOLLEN_POPULATION_SOURCE if population is not None else ""
    else:
        code, name, name_field = props.get("code"), props.get("name"), "name"
        municipality_code = props.get("municipality_code")
        population, population_source = props.get("population"), props.get("population_source", "")
        if code in (None, ""):
            raise ImportFailed(
                path, "missing (expected 'omr_kod' or 'code')", where=where, field="code"
            )
    if not isinstance(name, str) or not name.strip():
        raise ImportFailed(path, "missing", where=where, field=name_field)
    municipality = Municipality.objects.filter(code=str(municipality_code or "")).first()
    if municipality is None:
        raise ImportFailed(
            path,
            f"unknown municipality {municipality_code!r} (import municipalities first)",
            where=where,
            field="municipality_code",
        )
    if population is not None:
        population = _int(population, path, where, "population")
    return str(code), {
        "name": name.strip(),
        "municipality": municipality,
        "population": population,
        "population_year": None,
        "population_source": population_source,
    }


def _int(value, path, where: str, field: str) -> int:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ImportFailed(path, f"not a number: {value!r}", where=where, field=field) from None
    if number != int(number) or number < 0:
        raise ImportFailed(path, f"not a whole number ≥ 0: {value!r}", where=where, field=field)
    return int(number)


def assign_districts(geometries: dict[str, dict], path) -> dict[str, tuple[District, str]]:
    """code → (district, method): the district polygon overlapping the area most.

    ``method`` is "largest_overlap", or "nearest" for an area that overlaps no district
    polygon (islands dropped from the simplified district file). Areas are compared in
    SWEREF 99 TM so that overlaps are in square metres.
    """
    districts = [d for d in District.objects.filter(boundary__isnull=False) if d.boundary]
    if not districts:
        raise ImportFailed(
            path, "no district boundaries to assign neighbourhoods to; import districts first"
        )
    to_metres = Transformer.from_crs("EPSG:4326", "EPSG:3006", always_xy=True)

    def metric(geometry: dict):
        projected = {
            "type": geometry["type"],
            "coordinates": _project(geometry["coordinates"], to_metres),
        }
        return make_valid(shape(projected))

    shapes = [(district, metric(district.boundary)) for district in districts]
    assignment = {}
    for code, geometry in geometries.items():
        area = metric(geometry)
        overlaps = [(area.intersection(polygon).area, district) for district, polygon in shapes]
        best_overlap, best = max(overlaps, key=lambda pair: pair[0])
        if best_overlap > 0:
            assignment[code] = (best, "largest_overlap")
        else:
            nearest = min(shapes, key=lambda pair: area.distance(pair[1]))[0]
            assignment[code] = (nearest, "nearest")
    return assignment


def _project(coords, transformer):
    if coords and isinstance(coords[0], int | float):
        return list(transformer.transform(coords[0], coords[1]))
    return [_project(part, transformer) for part in coords]


def import_scb_population(
    path: Path | str, *, source: str = SCB_POPULATION_SOURCE, user=None
) -> ImportResult:
    """Municipal population from SCB's ``"region","ålder","kön","X2019"`` table.

    Sums all ages and both sexes per municipality name (SCB spelling); the year is the
    ``X<year>`` column's. Municipalities not yet in the database are skipped (counted);
    a name that is not a Swedish municipality, or a bad number → ImportFailed.
    """
    started = now()
    path = Path(path)

    by_name = {area.name: code for code, area in admin_areas().items()}
    totals: dict[str, int] = {}
    with open_text(path) as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if (
            not header
            or header[:3] != ["region", "ålder", "kön"]
            or len(header) != 4
            or not header[3].startswith("X")
        ):
            raise ImportFailed(path, f"unexpected header {header!r}", where="row 1")
        try:
            year = int(header[3][1:])
        except ValueError:
            raise ImportFailed(path, f"bad year column {header[3]!r}", where="row 1") from None
        for number, row in enumerate(reader, start=2):
            where = f"row {number}"
            if len(row) != 4:
                raise ImportFailed(path, f"expected 4 columns, got {len(row)}", where=where)
            code = by_name.get(row[0])
            if code is None:
                raise ImportFailed(
                    path, f"unknown municipality {row[0]!r}", where=where, field="region"
                )
            totals[code] = totals.get(code, 0) + _int(row[3], path, where, header[3])
    result = ImportResult(kind="scb-population", path=str(path))
    stored = {m.code: m for m in Municipality.objects.filter(code__in=totals)}
    result.extra["skipped"] = len(totals) - len(stored)
    rows = {
        code: {"population": total, "population_year": year, "population_source": source}
        for code, total in totals.items()
        if code in stored
    }
    with transaction.atomic():
        _upsert(Municipality, "code", rows, result)
        record_run(result, started_at=started, user=user)
    return result
