"""Small geometry helpers for EST: distances and which neighbourhood a point lies in.

Coordinates are WGS84 lon/lat degrees; distances are metres on a sphere (R = 6,371 km),
accurate to well under 1 % at Stockholm's scale, which is all a duplicate check needs.
"""

import math
from functools import lru_cache

from shapely.geometry import Point, shape

from samverkan.geography.models import District, Neighbourhood

EARTH_RADIUS_M = 6_371_000.0


def distance_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in metres between two (lon, lat) points."""
    lon1, lat1, lon2, lat2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(h))


@lru_cache(maxsize=4096)
def _shape(boundary_json: str):
    import json

    return shape(json.loads(boundary_json))


def _contains(boundary: dict | None, lon: float, lat: float) -> bool:
    if not boundary:
        return False
    import json

    return _shape(json.dumps(boundary, sort_keys=True)).covers(Point(lon, lat))


def locate(lon: float, lat: float, districts) -> tuple[District | None, Neighbourhood | None]:
    """The (district, neighbourhood) among ``districts`` whose boundary holds the point.

    ``districts`` is an iterable of District rows (e.g. the tenant's). Either part is
    None when no boundary contains the point.
    """
    for neighbourhood in Neighbourhood.objects.filter(district__in=districts).select_related(
        "district"
    ):
        if _contains(neighbourhood.boundary, lon, lat):
            return neighbourhood.district, neighbourhood
    for district in districts:
        if _contains(district.boundary, lon, lat):
            return district, None
    return None, None


def centroid(boundary: dict | None) -> tuple[float, float] | None:
    """(lon, lat) of a GeoJSON geometry's centroid; None for no geometry."""
    if not boundary:
        return None
    import json

    c = _shape(json.dumps(boundary, sort_keys=True)).centroid
    return (c.x, c.y)


def prepared_shapes(areas) -> list[tuple[str, object]]:
    """[(name, prepared shapely geometry)] for areas with a boundary, for fast point tests."""
    from shapely import prepare

    out = []
    for area in areas:
        if area.boundary:
            geom = shape(area.boundary)
            prepare(geom)
            out.append((area.name, geom))
    return out
