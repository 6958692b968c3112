"""Writes for places: the vulnerable-areas import and safety walks with their points."""

import hashlib
import json
from datetime import date
from pathlib import Path

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from pyproj import Transformer

from samverkan.geography.models import District, Neighbourhood
from samverkan.organisations.models import Organisation, Tenant

from .models import (
    TIER_FROM_SOURCE,
    Place,
    PointStatus,
    SafetyWalk,
    SafetyWalkPoint,
    SafetyWalkPointUpdate,
    VulnerableArea,
)

SWEREF99TM_TO_WGS84 = Transformer.from_crs("EPSG:3006", "EPSG:4326", always_xy=True)
VULNERABLE_AREAS_SOURCE = (
    "Polismyndigheten, utsatta områden 2025 (uso_2025_geojson.zip), "
    "via annika-cmyk/clientflow-api-proxy 68909b9f"
)


def reproject_geometry(geometry: dict) -> dict:
    """A GeoJSON Polygon/MultiPolygon in EPSG:3006 (x east, y north, metres) → EPSG:4326.

    Coordinates come back as [lon, lat] rounded to 7 decimals (about 1 cm). Raises
    ValueError for other geometry types.
    """

    def ring(points: list) -> list:
        xs, ys = SWEREF99TM_TO_WGS84.transform([p[0] for p in points], [p[1] for p in points])
        return [[round(x, 7), round(y, 7)] for x, y in zip(xs, ys, strict=True)]

    kind = geometry["type"]
    if kind == "Polygon":
        return {"type": "Polygon", "coordinates": [ring(r) for r in geometry["coordinates"]]}
    if kind == "MultiPolygon":
        return {
            "type": "MultiPolygon",
            "coordinates": [[ring(r) for r in poly] for poly in geometry["coordinates"]],
        }
    raise ValueError(f"unsupported geometry {kind}")


def import_vulnerable_areas(path: Path, *, list_year: int = 2025) -> dict[str, int]:
    """Load the Police's vulnerable-areas GeoJSON (EPSG:3006) for ``list_year``; idempotent.

    Returns {"created": n, "updated": n, "unchanged": n, "sha256": …}. Rows equal to what
    is stored are not written, so a re-import writes nothing. Raises ValueError when the
    file does not declare EPSG:3006 or a KATEGORI is unknown; nothing is written then.
    """
    raw = path.read_bytes()
    doc = json.loads(raw)
    crs = ((doc.get("crs") or {}).get("properties") or {}).get("name", "")
    if "3006" not in crs:
        raise ValueError(f"expected EPSG:3006, the file says {crs!r}")
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    rows = []
    for feature in doc["features"]:
        p = feature["properties"]
        tier = TIER_FROM_SOURCE.get(p["KATEGORI"].strip().lower())
        if tier is None:
            raise ValueError(f"unknown KATEGORI {p['KATEGORI']!r} (OBJECTID {p['OBJECTID']})")
        start = (p.get("AKTUALITET_START") or "").strip()
        rows.append(
            (
                int(p["OBJECTID"]),
                {
                    "name": p["NAMN"],
                    "tier": tier,
                    "town": p.get("ORT") or "",
                    "police_area_name": p.get("LOKALPOLISOMRADE") or "",
                    "police_area_code": str(p.get("OMRADESKOD") or ""),
                    "police_district_name": p.get("POLISOMRADE") or "",
                    "region": p.get("REGION") or "",
                    "listed_since": date.fromisoformat(start) if start else None,
                    "boundary": reproject_geometry(feature["geometry"]),
                    "area_m2": float(p["Shape_Area"]),
                    "perimeter_m": float(p["Shape_Length"]),
                    "source": VULNERABLE_AREAS_SOURCE,
                },
            )
        )
    stored = {a.object_id: a for a in VulnerableArea.objects.filter(list_year=list_year)}
    with transaction.atomic():
        for object_id, values in rows:
            current = stored.get(object_id)
            if current is not None and all(getattr(current, k) == v for k, v in values.items()):
                counts["unchanged"] += 1
                continue
            _obj, created = VulnerableArea.objects.update_or_create(
                list_year=list_year, object_id=object_id, defaults=values
            )
            counts["created" if created else "updated"] += 1
    counts["sha256"] = hashlib.sha256(raw).hexdigest()  # type: ignore[assignment]
    return counts


def register_place(
    *,
    tenant: Tenant,
    name: str,
    kind: str,
    district: District,
    neighbourhood: Neighbourhood | None,
    point: tuple[float, float] | None,
    description: str,
) -> Place:
    """Add a place to the tenant's register; ``point`` is (lon, lat) WGS84 or None.

    Raises ValueError when the neighbourhood is not in the district, or the name is
    already registered in the district (names are unique per tenant and district).
    """
    if neighbourhood is not None and neighbourhood.district_id != district.pk:
        raise ValueError("neighbourhood outside district")
    if Place.objects.filter(tenant=tenant, district=district, name__iexact=name).exists():
        raise ValueError("name taken")
    return Place.objects.create(
        tenant=tenant,
        name=name,
        kind=kind,
        district=district,
        neighbourhood=neighbourhood,
        geometry={"type": "Point", "coordinates": [point[0], point[1]]} if point else None,
        description=description,
    )


def create_walk(
    *,
    tenant: Tenant,
    title: str,
    walked_on: date,
    light: str,
    district: District,
    neighbourhood: Neighbourhood | None,
    organisations: list[Organisation],
    participants: str,
    by,
) -> SafetyWalk:
    """Register a safety walk; ``participants`` (groups, not persons) is scrubbed on save."""
    with transaction.atomic():
        walk = SafetyWalk.objects.create(
            tenant=tenant,
            title=title,
            walked_on=walked_on,
            light=light,
            district=district,
            neighbourhood=neighbourhood,
            participants=participants,
            created_by=by,
        )
        walk.organisations.set(organisations)
    return walk


def add_walk_point(*, walk: SafetyWalk, by, **fields) -> SafetyWalkPoint:
    """Append a point to the walk's protocol with the next number (texts scrubbed on save).

    ``fields``: location, observation, is_positive, proposed_measure, place,
    responsible_organisation, deadline_on. A positive note starts as "no action needed".
    """
    with transaction.atomic():
        SafetyWalk.objects.select_for_update().get(pk=walk.pk)
        last = walk.points.aggregate(m=Max("order"))["m"] or 0
        status = PointStatus.NO_ACTION if fields.get("is_positive") else PointStatus.PROPOSED
        point = SafetyWalkPoint.objects.create(walk=walk, order=last + 1, status=status, **fields)
        SafetyWalkPointUpdate.objects.create(
            point=point, from_status=status, to_status=status, note="", changed_by=by
        )
    return point


def update_walk_point_status(
    *, point: SafetyWalkPoint, to_status: str, note: str, by
) -> SafetyWalkPointUpdate:
    """Move a point to ``to_status`` and append the step; the row is locked meanwhile.

    Raises ValueError for an unknown status. Any status may follow any other: work on
    the ground does not follow a strict order (a declined measure can be taken up again).
    """
    if to_status not in PointStatus.values:
        raise ValueError(to_status)
    with transaction.atomic():
        current = SafetyWalkPoint.objects.select_for_update().get(pk=point.pk)
        update = SafetyWalkPointUpdate.objects.create(
            point=current,
            from_status=current.status,
            to_status=to_status,
            note=note,
            changed_by=by,
            changed_at=timezone.now(),
        )
        current.status = to_status
        current.save(update_fields=["status", "updated_at"])
    point.refresh_from_db()
    return update
