"""Import Polisen's public events feed (polisen.se/api/events) into PoliceEvent rows.

Input is a JSON array of API objects (``.json`` or ``.json.gz``) — see data/PROVENANCE.md
for the shape — or a versions file (``*_versions.jsonl``: one ``{"id", "seen_at_utc",
"event"}`` per line) whose versions are replayed in the order they were seen.

Rules:

- Upsert by ``id``. A changed event replaces the row and the replaced version (the
  object as published, plus its page text) is appended as a PoliceEventVersion; an
  unchanged event writes nothing. When replaying versions, a version seen no later than
  the stored one is skipped, so replaying a versions file twice changes nothing.
- ``published_at`` from ``datetime`` ("2023-03-25 9:43:15 +01:00": hours not always
  zero-padded, offset +01:00/+02:00).
- ``occurred_on``/``occurred_at`` from ``name`` ("30 november 15.00, Rån, Stockholm":
  clock as ``15.00`` or ``15:00``), Europe/Stockholm; the year is the one that puts the
  incident closest to the publication date (an event of 31 December published on
  1 January belongs to the old year). Without a date in ``name`` the date in ``url`` is used.
- Municipality from ``location.name`` (SCB names and Polisen's spellings such as
  "Upplands väsby" are both accepted, case-insensitively). County-level rows
  (``location.name`` "… län") get ``county_level`` and the municipality named by the
  last comma-separated part of ``name`` or, failing that, the end of ``url``; a row
  about the whole county keeps no municipality.
- ``pages``: the html_text.jsonl export; ``html_preamble`` and ``html_body`` become
  ``page_text``. A page-text change updates the row without a version (the page is the
  first archived version, a supplement to the feed, not a new publication).
"""

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import timezone as dt_timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from django.db import connection, models, transaction

from samverkan.datasets.base import (
    ImportFailed,
    ImportResult,
    batched,
    now,
    read_json,
    read_jsonl,
    record_run,
)
from samverkan.geography.models import Municipality
from samverkan.police_events.models import PoliceEvent, PoliceEventVersion

STOCKHOLM_TZ = ZoneInfo("Europe/Stockholm")
MONTHS = {
    name: number
    for number, name in enumerate(
        [
            "januari",
            "februari",
            "mars",
            "april",
            "maj",
            "juni",
            "juli",
            "augusti",
            "september",
            "oktober",
            "november",
            "december",
        ],
        start=1,
    )
}
DATETIME_RE = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{2}):(\d{2}) ?([+-])(\d{2}):?(\d{2})$"
)
NAME_DATE_RE = re.compile(r"^\s*(\d{1,2}) ([a-zåäö]+)\b(?: (\d{1,2})[.:](\d{2}))?", re.IGNORECASE)
URL_DATE_RE = re.compile(r"/(\d{4})/([a-zåäö]+)/(\d{1,2})/", re.IGNORECASE)
SLUG_TABLE = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", " ": "-"})
WRITE_FIELDS = [
    "published_at",
    "occurred_on",
    "occurred_at",
    "name",
    "summary",
    "url",
    "type",
    "location_name",
    "gps",
    "county_level",
    "municipality_id",
    "raw",
    "content_hash",
]


def content_hash(raw: dict) -> str:
    """SHA-256 of the API object in canonical JSON (sorted keys): equal objects, equal hash."""
    text = json.dumps(raw, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9-]", "", text.lower().translate(SLUG_TABLE))


class MunicipalityResolver:
    """Finds the Municipality for an API location name, a name suffix or a URL."""

    def __init__(self) -> None:
        self.by_name: dict[str, int] = {}
        self.by_slug: dict[str, int] = {}
        for pk, name, api_name in Municipality.objects.values_list("pk", "name", "police_api_name"):
            for spelling in (name, api_name):
                if spelling:
                    self.by_name[spelling.casefold()] = pk
                    self.by_slug[slug(spelling)] = pk
        self.slugs_longest_first = sorted(self.by_slug, key=len, reverse=True)

    def name(self, text: str) -> int | None:
        return self.by_name.get(text.strip().casefold())

    def url(self, url: str) -> int | None:
        last = url.rstrip("/").rsplit("/", 1)[-1].lower()
        for candidate in self.slugs_longest_first:
            if last.endswith("-" + candidate):
                return self.by_slug[candidate]
        return None


@dataclass
class ParsedEvent:
    event_id: int
    values: dict
    seen_at: datetime | None = None


def parse_published(text, path, where: str) -> datetime:
    match = DATETIME_RE.match(text.strip()) if isinstance(text, str) else None
    if not match:
        raise ImportFailed(
            path,
            f"cannot read {text!r} (expected YYYY-MM-DD H:MM:SS +HH:MM)",
            where=where,
            field="datetime",
        )
    y, mo, d, h, mi, s, sign, oh, om = match.groups()
    offset = timedelta(hours=int(oh), minutes=int(om)) * (1 if sign == "+" else -1)
    try:
        return datetime(
            int(y), int(mo), int(d), int(h), int(mi), int(s), tzinfo=dt_timezone(offset)
        )
    except ValueError as error:
        raise ImportFailed(
            path, f"bad date {text!r} ({error})", where=where, field="datetime"
        ) from None


def parse_occurred(name: str, url: str, published: datetime, path, where: str):
    """(occurred_on, occurred_at or None) from ``name`` (or ``url``), near ``published``."""
    match = NAME_DATE_RE.match(name)
    field = "name"
    clock = None
    if match and match.group(2).lower() in MONTHS:
        day, month = int(match.group(1)), MONTHS[match.group(2).lower()]
        if match.group(3) is not None:
            clock = (int(match.group(3)), int(match.group(4)))
    else:
        url_match = URL_DATE_RE.search(url or "")
        if not url_match or url_match.group(2).lower() not in MONTHS:
            raise ImportFailed(path, f"no incident date in {name!r}", where=where, field="name")
        day, month, field = int(url_match.group(3)), MONTHS[url_match.group(2).lower()], "url"
    published_on = published.astimezone(STOCKHOLM_TZ).date()
    candidates = []
    for year in (published_on.year - 1, published_on.year, published_on.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        raise ImportFailed(path, f"bad date {day} {month} in {name!r}", where=where, field=field)
    occurred_on = min(candidates, key=lambda day_: abs((day_ - published_on).days))
    occurred_at = None
    if clock is not None:
        hour, minute = clock
        if hour == 24 and minute == 0:
            hour, minute = 23, 59
        if not (0 <= hour <= 23 and 0 <= minute <= 59):
            raise ImportFailed(path, f"bad clock time in {name!r}", where=where, field="name")
        occurred_at = datetime(
            occurred_on.year, occurred_on.month, occurred_on.day, hour, minute, tzinfo=STOCKHOLM_TZ
        )
    return occurred_on, occurred_at


def parse_event(raw, path, where: str, resolver: MunicipalityResolver) -> ParsedEvent:
    """Validate one API object; ImportFailed names ``where`` (event id or index) and the field."""
    if not isinstance(raw, dict):
        raise ImportFailed(path, "not a JSON object", where=where)
    event_id = raw.get("id")
    if isinstance(event_id, bool) or not isinstance(event_id, int):
        raise ImportFailed(path, f"not an integer: {event_id!r}", where=where, field="id")
    where = f"event id {event_id}"
    for key in ("name", "type", "url"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise ImportFailed(path, "missing or empty", where=where, field=key)
    summary = raw.get("summary", "")
    if not isinstance(summary, str):
        raise ImportFailed(path, "not a string", where=where, field="summary")
    location = raw.get("location")
    if not isinstance(location, dict) or not isinstance(location.get("name"), str):
        raise ImportFailed(path, "missing", where=where, field="location.name")
    location_name = location["name"].strip()
    published = parse_published(raw.get("datetime"), path, where)
    occurred_on, occurred_at = parse_occurred(raw["name"], raw["url"], published, path, where)
    county_level = location_name.casefold().endswith(" län")
    if county_level:
        last_part = raw["name"].rsplit(",", 1)[-1]
        municipality = resolver.name(last_part) or resolver.url(raw["url"])
    else:
        municipality = resolver.name(location_name)
        if municipality is None:
            raise ImportFailed(
                path, f"unknown municipality {location_name!r}", where=where, field="location.name"
            )
    gps = location.get("gps") or ""
    return ParsedEvent(
        event_id,
        {
            "published_at": published,
            "occurred_on": occurred_on,
            "occurred_at": occurred_at,
            "name": raw["name"][:300],
            "summary": summary,
            "url": raw["url"][:400],
            "type": raw["type"][:120],
            "location_name": location_name[:120],
            "gps": gps[:60] if isinstance(gps, str) else "",
            "county_level": county_level,
            "municipality_id": municipality,
            "raw": raw,
            "content_hash": content_hash(raw),
        },
    )


def read_pages(path) -> dict[int, str]:
    """event id → page text (preamble, blank line, body) from an html_text.jsonl export."""
    pages = {}
    for number, row in read_jsonl(path):
        event_id = row.get("id") if isinstance(row, dict) else None
        if isinstance(event_id, bool) or not isinstance(event_id, int):
            raise ImportFailed(
                path, f"not an integer: {event_id!r}", where=f"line {number}", field="id"
            )
        parts = [row.get("html_preamble"), row.get("html_body")]
        for key, part in zip(("html_preamble", "html_body"), parts, strict=True):
            if part is not None and not isinstance(part, str):
                raise ImportFailed(path, "not a string", where=f"line {number}", field=key)
        pages[event_id] = "\n\n".join(part.strip() for part in parts if part and part.strip())
    return pages


def _read_plain(path, resolver) -> list[ParsedEvent]:
    document = read_json(path)
    if not isinstance(document, list):
        raise ImportFailed(path, "expected a JSON array of events")
    events: dict[int, ParsedEvent] = {}
    for index, raw in enumerate(document, start=1):
        event = parse_event(raw, path, f"event {index}", resolver)
        earlier = events.get(event.event_id)
        if earlier and earlier.values["content_hash"] != event.values["content_hash"]:
            raise ImportFailed(
                path, "appears twice with different content", where=f"event id {event.event_id}"
            )
        events[event.event_id] = event
    return list(events.values())


def _read_versions(path, resolver) -> list[list[ParsedEvent]]:
    """Generations: the first seen version of every event, then the second, and so on."""
    by_id: dict[int, list[ParsedEvent]] = {}
    for number, row in read_jsonl(path):
        where = f"line {number}"
        if not isinstance(row, dict) or "event" not in row:
            raise ImportFailed(path, "missing", where=where, field="event")
        seen = row.get("seen_at_utc")
        try:
            seen_at = datetime.fromisoformat(seen.replace("Z", "+00:00"))
        except (AttributeError, ValueError):
            raise ImportFailed(
                path, f"bad time {seen!r}", where=where, field="seen_at_utc"
            ) from None
        event = parse_event(row["event"], path, where, resolver)
        if row.get("id") not in (None, event.event_id):
            raise ImportFailed(path, "differs from event.id", where=where, field="id")
        event.seen_at = seen_at
        by_id.setdefault(event.event_id, []).append(event)
    generations: list[list[ParsedEvent]] = []
    for versions in by_id.values():
        versions.sort(key=lambda version: version.seen_at)
        for index, version in enumerate(versions):
            if index == len(generations):
                generations.append([])
            generations[index].append(version)
    return generations


def import_police_events(
    path: Path | str, *, pages: Path | str | None = None, user=None
) -> ImportResult:
    """Validate ``path`` (and ``pages``) completely, then upsert in one transaction.

    Returns counts new/changed/unchanged (+ ``versions_kept``). Raises ImportFailed,
    with nothing written, on any invalid event or page row.
    """
    started = now()
    path = Path(path)
    resolver = MunicipalityResolver()
    page_texts = read_pages(pages) if pages else {}
    replay = path.name.endswith((".jsonl", ".jsonl.gz"))
    generations = _read_versions(path, resolver) if replay else [_read_plain(path, resolver)]
    result = ImportResult(kind="polisen-events", path=str(path), extra={"versions_kept": 0})
    with transaction.atomic():
        for generation in generations:
            _write(generation, page_texts, result, started=started, replay=replay)
        # Place the rows this import wrote (new or changed all carry updated_at=started);
        # a re-import that changed nothing places nothing and writes nothing.
        # Imported here: placement builds on police_events, not the other way round.
        from samverkan.placement.services import place_police_events

        placed = place_police_events(PoliceEvent.objects.filter(updated_at=started))
        result.extra["placed_in_district"] = placed.get("district", 0)
        record_run(result, started_at=started, user=user)
    return result


def _write(
    events: list[ParsedEvent],
    page_texts: dict[int, str],
    result: ImportResult,
    *,
    started,
    replay: bool,
) -> None:
    """Compare ``events`` with the stored rows and write the differences (see module doc)."""
    # event_id → (pk, content_hash, seen_at, version_count, page_text or None)
    existing: dict[int, tuple] = {}
    columns = ["event_id", "pk", "content_hash", "seen_at", "version_count"]
    if page_texts:
        columns.append("page_text")
    for chunk in batched([event.event_id for event in events], 5000):
        for event_id, *stored in PoliceEvent.objects.filter(event_id__in=chunk).values_list(
            *columns
        ):
            existing[event_id] = (*stored, None) if not page_texts else tuple(stored)
    new_rows, content_rows, page_rows, versions = [], [], [], []
    for event in events:
        seen_at = event.seen_at or started
        page_text = page_texts.get(event.event_id)
        stored = existing.get(event.event_id)
        if stored is None:
            new_rows.append(
                PoliceEvent(
                    event_id=event.event_id,
                    page_text=page_text or "",
                    seen_at=seen_at,
                    imported_at=started,
                    updated_at=started,
                    **event.values,
                )
            )
            continue
        pk, stored_hash, stored_seen_at, version_count, stored_page = stored
        if replay and stored_seen_at is not None and event.seen_at <= stored_seen_at:
            result.unchanged += 1
            continue
        content_changed = stored_hash != event.values["content_hash"]
        page_changed = page_text is not None and page_text != stored_page
        if not content_changed and not page_changed:
            result.unchanged += 1
            continue
        row = PoliceEvent(pk=pk, event_id=event.event_id, updated_at=started)
        if content_changed:
            versions.append(
                PoliceEventVersion(event_id=pk, content_hash=stored_hash, seen_at=stored_seen_at)
            )
            for key, value in event.values.items():
                setattr(row, key, value)
            row.version_count = version_count + 1
            row.seen_at = seen_at
            # A page text that did not change is written back as it was.
            row.page_text = page_text
            content_rows.append(row)
        else:
            row.page_text = page_text
            page_rows.append(row)
    # The replaced versions' exact text, read only for the rows that changed.
    previous = {}
    for chunk in batched([version.event_id for version in versions], 5000):
        for pk, raw, page_text in PoliceEvent.objects.filter(pk__in=chunk).values_list(
            "pk", "raw", "page_text"
        ):
            previous[pk] = (raw, page_text)
    for version in versions:
        version.raw, version.page_text = previous[version.event_id]
    for row in content_rows:
        if row.page_text is None:
            row.page_text = previous[row.pk][1]
    insert_events(new_rows)
    content_fields = WRITE_FIELDS + ["version_count", "seen_at", "page_text", "updated_at"]
    for chunk in batched(content_rows):
        PoliceEvent.objects.bulk_update(chunk, content_fields)
    for chunk in batched(page_rows):
        PoliceEvent.objects.bulk_update(chunk, ["page_text", "updated_at"])
    for chunk in batched(versions):
        PoliceEventVersion.objects.bulk_create(chunk)
    result.new += len(new_rows)
    result.changed += len(content_rows) + len(page_rows)
    result.extra["versions_kept"] += len(versions)


def insert_events(rows: list[PoliceEvent]) -> None:
    """INSERT new PoliceEvent rows with ``executemany``, in batches.

    Equivalent to ``bulk_create`` for this model (no signals either way) but about five
    times faster: the ORM's per-value SQL compilation dominated the national import.
    Every column is written, with ``imported_at``/``updated_at`` set by the caller.
    """
    if not rows:
        return
    fields = [f for f in PoliceEvent._meta.concrete_fields if not f.primary_key]
    converters = []
    for field in fields:
        if isinstance(field, models.DateTimeField):
            converters.append(connection.ops.adapt_datetimefield_value)
        elif isinstance(field, models.DateField):
            converters.append(connection.ops.adapt_datefield_value)
        elif isinstance(field, models.JSONField):
            converters.append(lambda value: json.dumps(value, ensure_ascii=False))
        else:
            converters.append(None)
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(PoliceEvent._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    attnames = [field.attname for field in fields]
    with connection.cursor() as cursor:
        for chunk in batched(rows):
            params = []
            for row in chunk:
                values = []
                for attname, convert in zip(attnames, converters, strict=True):
                    value = getattr(row, attname)
                    values.append(convert(value) if convert and value is not None else value)
                params.append(values)
            cursor.executemany(sql, params)
