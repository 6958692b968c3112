"""Writes that matter in EST: reporting, duplicate checks, scale versions, CSV import."""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from samverkan.common.scrubbing import ScrubResult, scrub
from samverkan.geography.models import District, Neighbourhood
from samverkan.organisations.models import Organisation, Tenant
from samverkan.places.models import Place

from .geo import centroid, distance_m, locate
from .models import (
    AbilityAssessment,
    Observation,
    ObservationCategory,
    ObservationSource,
    ObservationStatus,
    PartOfDay,
    RatingLevel,
    RatingScale,
    part_of_day_for_hour,
)

# Duplicate window: an open report of the same category within this distance and this
# many days either side is "nearby" (docs/decisions/0073-duplicate-check.md).
DUPLICATE_RADIUS_M = 300.0
DUPLICATE_WINDOW_DAYS = 7


class ObservationInvalid(ValueError):
    """A report that cannot be stored; ``field`` names the offending input."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def tenant_districts(tenant: Tenant):
    return District.objects.filter(municipality__tenants=tenant)


@dataclass
class Where:
    """A resolved location: district always; neighbourhood/place/point when known."""

    district: District
    neighbourhood: Neighbourhood | None = None
    place: Place | None = None
    point: tuple[float, float] | None = None  # (lon, lat)

    def reference_point(self) -> tuple[float, float] | None:
        """The best single point for distances: the map point, the place, or the area centre."""
        if self.point:
            return self.point
        if self.place is not None and self.place.point:
            return self.place.point
        if self.neighbourhood is not None:
            return centroid(self.neighbourhood.boundary)
        return None


def resolve_where(
    *,
    tenant: Tenant,
    neighbourhood: Neighbourhood | None = None,
    place: Place | None = None,
    point: tuple[float, float] | None = None,
) -> Where:
    """Turn the reporter's answer (any of the three) into a Where inside the tenant.

    Raises ObservationInvalid("where", …) when nothing is given or the location lies
    outside the tenant's districts.
    """
    districts = list(tenant_districts(tenant))
    ids = {d.id for d in districts}
    if place is not None:
        if place.tenant_id != tenant.id:
            raise ObservationInvalid("place", "unknown place")
        return Where(place.district, place.neighbourhood, place, point)
    if neighbourhood is not None:
        if neighbourhood.district_id not in ids:
            raise ObservationInvalid("neighbourhood", "outside the tenant's area")
        return Where(neighbourhood.district, neighbourhood, None, point)
    if point is not None:
        district, found = locate(point[0], point[1], districts)
        if district is None:
            raise ObservationInvalid("point", "the point is outside the tenant's area")
        return Where(district, found, None, point)
    raise ObservationInvalid("where", "give a neighbourhood, a place or a point on the map")


def find_nearby_open(
    *,
    tenant: Tenant,
    category: ObservationCategory,
    where: Where,
    observed_on: date,
    radius_m: float = DUPLICATE_RADIUS_M,
    window_days: int = DUPLICATE_WINDOW_DAYS,
    exclude_pk: int | None = None,
) -> list[Observation]:
    """Open reports of the same category near ``where`` within ±window_days of the date.

    "Near" is within ``radius_m`` metres when both have a point (map point, place or
    neighbourhood centre), else the same place, else the same neighbourhood. Sorted
    nearest first. Only for warning the reporter: the caller shows category, date,
    where and rating, never another reporter's text.
    """
    candidates = (
        Observation.objects.open()
        .filter(
            tenant=tenant,
            category=category,
            district=where.district,
            observed_on__gte=observed_on - timedelta(days=window_days),
            observed_on__lte=observed_on + timedelta(days=window_days),
        )
        .select_related("place", "neighbourhood", "district", "scale")
        .prefetch_related("scale__levels")
    )
    if exclude_pk:
        candidates = candidates.exclude(pk=exclude_pk)
    here = where.reference_point()
    found: list[tuple[float, Observation]] = []
    for obs in candidates:
        there = _reference_point(obs)
        if here and there:
            d = distance_m(here, there)
            if d <= radius_m:
                found.append((d, obs))
        elif where.place is not None and obs.place_id == where.place.pk:
            found.append((0.0, obs))
        elif where.neighbourhood is not None and obs.neighbourhood_id == where.neighbourhood.pk:
            found.append((radius_m, obs))
    found.sort(key=lambda pair: (pair[0], -pair[1].pk))
    return [obs for _d, obs in found]


def _reference_point(obs: Observation) -> tuple[float, float] | None:
    if obs.longitude is not None:
        return (obs.longitude, obs.latitude)
    if obs.place_id and obs.place.point:
        return obs.place.point
    if obs.neighbourhood_id:
        return centroid(obs.neighbourhood.boundary)
    return None


def _check_when(observed_on: date, observed_at: datetime | None, part_of_day: str) -> str:
    if observed_at is not None:
        local = timezone.localtime(observed_at)
        if local.date() != observed_on:
            raise ObservationInvalid("observed_at", "the time is not on the date")
        return part_of_day or part_of_day_for_hour(local.hour)
    if part_of_day not in PartOfDay.values:
        raise ObservationInvalid("part_of_day", "give a time or a part of the day")
    return part_of_day


def _check_rating(scale: RatingScale, rating: int) -> None:
    if not RatingLevel.objects.filter(scale=scale, value=rating).exists():
        raise ObservationInvalid("rating", "not a level of the scale")


def report_observation(
    *,
    reporter,
    organisation: Organisation,
    category: ObservationCategory,
    rating: int,
    where: Where,
    observed_on: date,
    observed_at: datetime | None = None,
    part_of_day: str = "",
    text: str = "",
    scale: RatingScale | None = None,
    nearby_confirmed: int = 0,
    source: str = ObservationSource.FORM,
    is_demo: bool = False,
    external_id: str = "",
) -> tuple[Observation, ScrubResult]:
    """Store one observation with its free text scrubbed; return it and what was removed.

    ``scale`` defaults to the tenant's version in force on ``observed_on``; the
    observation keeps that version for good. ``nearby_confirmed`` is how many nearby
    open reports the reporter was shown and chose to report beside. Raises
    ObservationInvalid for a rating not on the scale, a time off the date, no time and
    no part of day, a category of another tenant, an "other" category without text,
    or a date in the future. Permission checks are the caller's job.
    """
    tenant = organisation.tenant
    if category.tenant_id != tenant.id:
        raise ObservationInvalid("category", "unknown category")
    if observed_on > timezone.localdate():
        raise ObservationInvalid("observed_on", "the date is in the future")
    scale = scale or RatingScale.objects.current_for(tenant, observed_on)
    if scale is None or scale.tenant_id != tenant.id:
        raise ObservationInvalid("rating", "the tenant has no rating scale for the date")
    _check_rating(scale, rating)
    part = _check_when(observed_on, observed_at, part_of_day)
    cleaned = scrub(text.strip())
    if category.requires_text and not cleaned.text:
        raise ObservationInvalid("text", "describe what you saw")
    point = where.point
    with transaction.atomic():
        observation = Observation.objects.create(
            tenant=tenant,
            category=category,
            scale=scale,
            rating=rating,
            district=where.district,
            neighbourhood=where.neighbourhood,
            place=where.place,
            longitude=point[0] if point else None,
            latitude=point[1] if point else None,
            observed_on=observed_on,
            observed_at=observed_at,
            part_of_day=part,
            text=cleaned.text,
            removed_identifiers=cleaned.counts(),
            source=source,
            is_demo=is_demo,
            external_id=external_id,
            reported_by=reporter,
            reporting_organisation=organisation,
            nearby_open_when_reported=nearby_confirmed,
        )
    return observation, cleaned


def update_observation(
    *,
    observation: Observation,
    by,
    rating: int,
    text: str,
    status: str,
) -> ScrubResult:
    """Change a report's rating, text or status (on its own scale version); scrub the text.

    The row is locked while it changes. Raises ObservationInvalid for a rating not on
    the observation's scale version or an unknown status.
    """
    if status not in ObservationStatus.values:
        raise ObservationInvalid("status", "unknown status")
    cleaned = scrub(text.strip())
    with transaction.atomic():
        current = Observation.objects.select_for_update().get(pk=observation.pk)
        _check_rating(current.scale, rating)
        if current.category.requires_text and not cleaned.text:
            raise ObservationInvalid("text", "describe what you saw")
        current.rating = rating
        current.text = cleaned.text
        current.status = status
        merged = dict(current.removed_identifiers or {})
        for kind, n in cleaned.counts().items():
            merged[kind] = merged.get(kind, 0) + n
        current.removed_identifiers = merged
        current.save(
            update_fields=["rating", "text", "status", "removed_identifiers", "updated_at"]
        )
    observation.refresh_from_db()
    return cleaned


def publish_rating_scale(
    *,
    tenant: Tenant,
    name: str,
    levels: list[tuple[int, str, str]],
    valid_from: date,
    note: str = "",
) -> RatingScale:
    """Publish the next version of the tenant's scale; levels are (value, label, description).

    Earlier versions and the observations made on them are untouched. Raises ValueError
    when levels are empty, values repeat, or values do not start at 0 without gaps.
    """
    values = sorted(v for v, _label, _d in levels)
    if not values or values != list(range(len(values))):
        raise ValueError("levels must be 0, 1, … without gaps")
    with transaction.atomic():
        # Lock the tenant row so two publishers cannot take the same version number.
        Tenant.objects.select_for_update().get(pk=tenant.pk)
        last = RatingScale.objects.filter(tenant=tenant).aggregate(v=Max("version"))["v"] or 0
        scale = RatingScale.objects.create(
            tenant=tenant, version=last + 1, name=name, valid_from=valid_from, note=note
        )
        RatingLevel.objects.bulk_create(
            RatingLevel(scale=scale, value=v, label=label, description=d) for v, label, d in levels
        )
    return scale


def record_ability(
    *,
    tenant: Tenant,
    district: District,
    neighbourhood: Neighbourhood | None,
    period_start_on: date,
    period_end_on: date,
    ability: int,
    rationale: str,
    by,
) -> AbilityAssessment:
    """Append the group's judgement (0–3) of the partners' ability to influence an area."""
    if not 0 <= ability <= 3:
        raise ObservationInvalid("ability", "0–3")
    return AbilityAssessment.objects.create(
        tenant=tenant,
        district=district,
        neighbourhood=neighbourhood,
        period_start_on=period_start_on,
        period_end_on=period_end_on,
        ability=ability,
        rationale=rationale,  # scrubbed by the field
        entered_by=by,
    )


# --- CSV import -------------------------------------------------------------------------

CSV_COLUMNS = [
    "external_id",
    "date",
    "time",
    "part_of_day",
    "category",
    "rating",
    "neighbourhood",
    "place",
    "latitude",
    "longitude",
    "text",
]
REQUIRED_COLUMNS = {"date", "category", "rating"}


@dataclass
class RowError:
    row: int  # 1-based line number in the file, the header being line 1
    field: str
    message: str


@dataclass
class ImportOutcome:
    created: int = 0
    skipped_existing: int = 0
    removed_identifiers: dict[str, int] = field(default_factory=dict)


class ImportRejected(Exception):
    """The file had errors; nothing was written. ``errors`` lists every one found."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__(f"{len(errors)} error(s)")
        self.errors = errors


def _parse_rows(data: str) -> tuple[list[str], list[dict[str, str]]]:
    sample = data[:2048]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(data), delimiter=delimiter)
    rows = [{(k or "").strip().lower(): (v or "").strip() for k, v in r.items()} for r in reader]
    return [(h or "").strip().lower() for h in (reader.fieldnames or [])], rows


def import_observations_csv(
    *, data: bytes | str, organisation: Organisation, imported_by
) -> ImportOutcome:
    """Import observations from another EST tool's CSV; all rows or none.

    Columns (header names, any order, ``;`` or ``,``; UTF-8 with or without BOM) are in
    CSV_COLUMNS and documented in the est README. Every row is validated before anything
    is written; any error raises ImportRejected with (line, column, message) for every
    bad cell. Rows whose ``external_id`` already exists for the tenant are skipped, so a
    file can be imported twice. Free text is scrubbed; the counts come back.
    """
    text = data.decode("utf-8-sig") if isinstance(data, bytes) else data.lstrip("\ufeff")
    header, rows = _parse_rows(text)
    tenant = organisation.tenant
    missing = REQUIRED_COLUMNS - set(header)
    if missing:
        raise ImportRejected([RowError(1, c, "missing column") for c in sorted(missing)])
    unknown = set(header) - set(CSV_COLUMNS)
    if unknown:
        raise ImportRejected([RowError(1, c, "unknown column") for c in sorted(unknown)])
    categories = {c.code: c for c in ObservationCategory.objects.filter(tenant=tenant)}
    districts = list(tenant_districts(tenant))
    neighbourhoods: dict[str, Neighbourhood] = {}
    for n in Neighbourhood.objects.filter(district__in=districts).select_related("district"):
        neighbourhoods[n.code.lower()] = n
        neighbourhoods[n.name.lower()] = n
    places = {
        p.name.lower(): p
        for p in Place.objects.filter(tenant=tenant).select_related("district", "neighbourhood")
    }
    existing = set(
        Observation.objects.filter(tenant=tenant)
        .exclude(external_id="")
        .values_list("external_id", flat=True)
    )
    errors: list[RowError] = []
    prepared: list[dict] = []
    seen_ids: set[str] = set()
    today = timezone.localdate()
    for line, row in enumerate(rows, start=2):
        row_errors: list[RowError] = []

        def bad(column: str, message: str, line: int = line, row_errors=row_errors) -> None:
            row_errors.append(RowError(line, column, message))

        ext = row.get("external_id", "")
        if ext and ext in seen_ids:
            bad("external_id", "repeated in the file")
        seen_ids.add(ext)
        try:
            observed_on = date.fromisoformat(row.get("date", ""))
            if observed_on > today:
                bad("date", "in the future")
        except ValueError:
            observed_on = None
            bad("date", "not a date (YYYY-MM-DD)")
        observed_at = None
        if row.get("time"):
            try:
                clock = time.fromisoformat(row["time"])
                if observed_on:
                    observed_at = timezone.make_aware(datetime.combine(observed_on, clock))
            except ValueError:
                bad("time", "not a time (HH:MM)")
        part = row.get("part_of_day", "")
        if part and part not in PartOfDay.values:
            bad("part_of_day", "one of " + ", ".join(PartOfDay.values))
        if not part and not row.get("time"):
            bad("part_of_day", "give a time or a part of the day")
        category = categories.get(row.get("category", ""))
        if category is None:
            bad("category", "unknown category code")
        scale = RatingScale.objects.current_for(tenant, observed_on) if observed_on else None
        try:
            rating = int(row.get("rating", ""))
            if observed_on and (
                scale is None or not any(lvl.value == rating for lvl in scale.levels.all())
            ):
                bad("rating", "not a level of the scale in force on the date")
        except ValueError:
            rating = None
            bad("rating", "not a whole number")
        neighbourhood = place = point = None
        if row.get("neighbourhood"):
            neighbourhood = neighbourhoods.get(row["neighbourhood"].lower())
            if neighbourhood is None:
                bad("neighbourhood", "unknown neighbourhood")
        if row.get("place"):
            place = places.get(row["place"].lower())
            if place is None:
                bad("place", "unknown place")
        if row.get("latitude") or row.get("longitude"):
            try:
                point = (float(row["longitude"]), float(row["latitude"]))
            except (KeyError, ValueError):
                bad("latitude", "latitude and longitude must both be decimal degrees")
        where = None
        if not row_errors or all(
            e.field not in ("neighbourhood", "place", "latitude") for e in row_errors
        ):
            try:
                where = resolve_where(
                    tenant=tenant, neighbourhood=neighbourhood, place=place, point=point
                )
            except ObservationInvalid as e:
                bad("neighbourhood" if e.field == "where" else e.field, e.message)
        if category is not None and category.requires_text and not row.get("text"):
            bad("text", "this category needs a description")
        errors.extend(row_errors)
        if not row_errors and not (ext and ext in existing):
            prepared.append(
                dict(
                    category=category,
                    rating=rating,
                    where=where,
                    observed_on=observed_on,
                    observed_at=observed_at,
                    part_of_day=part,
                    text=row.get("text", ""),
                    scale=scale,
                    external_id=ext,
                )
            )
    if errors:
        raise ImportRejected(errors)
    outcome = ImportOutcome(skipped_existing=len(rows) - len(prepared))
    with transaction.atomic():
        for item in prepared:
            _obs, cleaned = report_observation(
                reporter=imported_by,
                organisation=organisation,
                source=ObservationSource.IMPORT,
                **item,
            )
            for kind, n in cleaned.counts().items():
                outcome.removed_identifiers[kind] = outcome.removed_identifiers.get(kind, 0) + n
            outcome.created += 1
    return outcome
