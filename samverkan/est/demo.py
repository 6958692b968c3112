"""Reproducible demo observations for a tenant's real neighbourhoods (clearly labelled).

Every row has ``is_demo=True``, ``source="demo"``, no reporter, and a text starting with
"[DEMO]"; pages show a "demo data" tag wherever such rows are counted. The same seed,
tenant, neighbourhoods and end date give the same rows (random.Random(seed) only).

Shape of the data: for each neighbourhood and ISO week in the window, a Poisson count
whose mean depends on the neighbourhood's (seeded) base level, the season (more in
summer and around new year for fires), and a small upward trend for a few areas; plus
one planted cluster around a registered demo place so that the hot-spot page has
something to find. Points are uniform inside the neighbourhood boundary.
"""

import json
import math
import random
from datetime import date, datetime, time, timedelta

from auditlog.context import disable_auditlog
from django.db import transaction
from django.utils import timezone
from shapely import contains_xy, prepare
from shapely.geometry import shape

from samverkan.geography.models import Neighbourhood
from samverkan.organisations.models import Organisation, OrganisationKind, Tenant
from samverkan.places.models import Place, PlaceKind

from .models import (
    Observation,
    ObservationCategory,
    ObservationSource,
    RatingScale,
    part_of_day_for_hour,
)
from .seed import seed_tenant

DEFAULT_SEED = 20251130

# Category code → relative weight (how often it is reported) and typical texts (places,
# never persons).
CATEGORY_MIX: dict[str, tuple[float, list[str]]] = {
    "littering": (3.0, ["Mycket skräp vid entrén", "Dumpat avfall bakom återvinningen"]),
    "graffiti": (2.0, ["Nytt klotter på gångtunneln", "Tags på busskuren"]),
    "vandalism": (1.5, ["Krossad ruta i busskur", "Trasig belysning vid gångvägen"]),
    "gathering": (1.5, ["Grupp vid centrumentrén kvällstid", "Samling vid lekplatsen sent"]),
    "vehicles": (1.2, ["Mopeder kör på gångvägen", "A-traktorer i hög fart runt torget"]),
    "disorder": (1.0, ["Högljutt bråk vid torget", "Störningar vid tunnelbaneuppgången"]),
    "drugs": (0.8, ["Misstänkt försäljning vid parkeringen", "Sprutor funna i parken"]),
    "semi_public": (0.8, ["Uppbrutet garage", "Obehöriga i källarförråd"]),
    "fire": (0.5, ["Brand i papperskorg", "Containerbrand natt"]),
    "social_media": (0.3, ["Rykten i sociala medier om bråk i helgen"]),
    "other": (0.2, ["Trasigt staket vid skolgården"]),
}


_SHAPES: dict[str, object] = {}


def _random_point(rng: random.Random, boundary: dict) -> tuple[float, float] | None:
    key = json.dumps(boundary, sort_keys=True)
    if key not in _SHAPES:
        geom = shape(boundary)
        prepare(geom)
        _SHAPES[key] = geom
    geom = _SHAPES[key]
    minx, miny, maxx, maxy = geom.bounds
    for _ in range(50):
        lon, lat = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        if contains_xy(geom, lon, lat):
            return (round(lon, 6), round(lat, 6))
    return None


def _poisson(rng: random.Random, mean: float) -> int:
    # Knuth's method; means here are small (< 10).
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def _reporting_organisation(tenant: Tenant, neighbourhood: Neighbourhood) -> Organisation:
    covering = Organisation.objects.filter(
        tenant=tenant,
        coverages__district=neighbourhood.district,
        kind=OrganisationKind.DISTRICT_ADMINISTRATION,
    ).first()
    return covering or Organisation.objects.filter(tenant=tenant).order_by("pk").first()


def load_demo(
    *,
    tenant: Tenant,
    until: date | None = None,
    weeks: int = 110,
    seed: int = DEFAULT_SEED,
    neighbourhoods: list[Neighbourhood] | None = None,
) -> dict[str, int]:
    """Replace the tenant's demo observations with freshly generated ones; return counts.

    ``until`` (default: yesterday) is the last day; ``weeks`` back from it are covered
    (110 weeks gives this year, last year and the same weeks a year earlier for the
    weekly comparison). Raises ValueError when the tenant has no organisation or no
    neighbourhoods with boundaries.
    """
    seed_tenant(tenant)
    until = until or timezone.localdate() - timedelta(days=1)
    rng = random.Random(seed)
    hoods = neighbourhoods or list(
        Neighbourhood.objects.filter(district__municipality__tenants=tenant)
        .filter(boundary__isnull=False)
        .select_related("district")
        .order_by("code")
    )
    if not hoods:
        raise ValueError("the tenant has no neighbourhoods with boundaries (load geography first)")
    categories = {c.code: c for c in ObservationCategory.objects.filter(tenant=tenant)}
    mix = [
        (categories[code], w, texts)
        for code, (w, texts) in CATEGORY_MIX.items()
        if code in categories
    ]
    total_weight = sum(w for _c, w, _t in mix)
    start = until - timedelta(weeks=weeks)
    scales = list(RatingScale.objects.filter(tenant=tenant).prefetch_related("levels"))

    def scale_on(day: date) -> RatingScale:
        valid = [s for s in scales if s.valid_from <= day] or scales
        return max(valid, key=lambda s: (s.valid_from, s.version))

    base = {n.pk: rng.choice([0.2, 0.4, 0.6, 1.0, 1.6]) for n in hoods}
    rising = {n.pk for n in rng.sample(hoods, k=max(1, len(hoods) // 8))}
    organisations = {n.pk: _reporting_organisation(tenant, n) for n in hoods}
    if any(o is None for o in organisations.values()):
        raise ValueError("the tenant has no organisation to report for")

    # The planted cluster: a demo place in the busiest neighbourhood.
    hot = max(hoods, key=lambda n: (base[n.pk], n.code))
    hot_point = _random_point(rng, hot.boundary)
    rows: list[Observation] = []
    with transaction.atomic():
        # Demo rows are replaced wholesale; logging thousands of deletions of generated
        # rows would only bury the real audit trail (and take minutes).
        with disable_auditlog():
            Observation.objects.filter(tenant=tenant, is_demo=True).delete()
        place = None
        if hot_point:
            place, _created = Place.objects.update_or_create(
                tenant=tenant,
                district=hot.district,
                name=f"{hot.name} centrum (demo)",
                defaults={
                    "kind": PlaceKind.SQUARE,
                    "neighbourhood": hot,
                    "geometry": {"type": "Point", "coordinates": list(hot_point)},
                    "description": "Demoplats för exempeldata",
                    "is_demo": True,
                },
            )
        day = start
        while day <= until:
            week_end = min(day + timedelta(days=6), until)
            season = 1.0 + 0.4 * math.sin((day.timetuple().tm_yday - 80) / 365 * 2 * math.pi)
            for n in hoods:
                trend = 1.0 + (
                    0.6 * (day - start).days / max((until - start).days, 1)
                    if n.pk in rising
                    else 0.0
                )
                count = _poisson(rng, base[n.pk] * season * trend)
                for _ in range(count):
                    rows.append(
                        _demo_row(
                            rng,
                            tenant,
                            n,
                            organisations[n.pk],
                            mix,
                            total_weight,
                            day,
                            week_end,
                            scale_on,
                        )
                    )
            if place is not None and (until - day).days < 120:
                for _ in range(_poisson(rng, 3.0)):
                    lon = hot_point[0] + rng.uniform(-0.0015, 0.0015)
                    lat = hot_point[1] + rng.uniform(-0.0008, 0.0008)
                    row = _demo_row(
                        rng,
                        tenant,
                        hot,
                        organisations[hot.pk],
                        mix,
                        total_weight,
                        day,
                        week_end,
                        scale_on,
                    )
                    row.place = place
                    row.longitude, row.latitude = round(lon, 6), round(lat, 6)
                    rows.append(row)
            day += timedelta(days=7)
        Observation.objects.bulk_create(rows, batch_size=1000)
    return {"observations": len(rows), "neighbourhoods": len(hoods)}


def _demo_row(
    rng, tenant, n, organisation, mix, total_weight, day, week_end, scale_on
) -> Observation:
    pick = rng.uniform(0, total_weight)
    category, _weight, texts = mix[-1]
    for candidate in mix:
        pick -= candidate[1]
        if pick <= 0:
            category, _weight, texts = candidate
            break
    observed_on = day + timedelta(days=rng.randint(0, (week_end - day).days))
    hour = rng.choice([8, 12, 15, 17, 19, 20, 21, 22, 23, 0, 1])
    scale = scale_on(observed_on)
    top = max(lvl.value for lvl in scale.levels.all())
    rating = min(top, max(0, int(rng.triangular(0, top + 1, 1))))
    point = _random_point(rng, n.boundary) if rng.random() < 0.7 else None
    observed_at = timezone.make_aware(datetime.combine(observed_on, time(hour, rng.randint(0, 59))))
    return Observation(
        tenant=tenant,
        category=category,
        scale=scale,
        rating=rating,
        district=n.district,
        neighbourhood=n,
        longitude=point[0] if point else None,
        latitude=point[1] if point else None,
        observed_on=observed_on,
        observed_at=observed_at,
        part_of_day=part_of_day_for_hour(hour),
        text="[DEMO] " + rng.choice(texts),
        source=ObservationSource.DEMO,
        is_demo=True,
        reporting_organisation=organisation,
    )
