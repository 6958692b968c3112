"""``place-events``: the CSV check on real events (no database) and ``--all`` on rows."""

import csv
import io
import json
import tempfile
from datetime import date, datetime
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import SimpleTestCase
from django.utils import timezone

from samverkan.placement.evaluation import EVENTS, PAGES, SAMPLE
from samverkan.placement.services import place_police_events
from samverkan.police_events.models import PoliceEvent
from samverkan.test import BaseTestCase

# Real events (ids from the labelled sample) and their labels, decided by reading.
REAL_IDS = [409636, 446453, 598424, 604439, 520957, 562630, 559478, 426692]


def write_real_events(folder: Path, ids: list[int] = REAL_IDS) -> tuple[Path, Path]:
    events = [e for e in json.loads(EVENTS.read_text(encoding="utf-8")) if e["id"] in ids]
    pages = []
    with PAGES.open(encoding="utf-8") as f:
        for line in f:
            page = json.loads(line)
            if page["id"] in ids:
                pages.append(line)
    events_path = folder / "events.json"
    pages_path = folder / "pages.jsonl"
    events_path.write_text(json.dumps(events, ensure_ascii=False), encoding="utf-8")
    pages_path.write_text("".join(pages), encoding="utf-8")
    return events_path, pages_path


def labels() -> dict[int, dict[str, str]]:
    with SAMPLE.open(encoding="utf-8", newline="") as f:
        return {int(r["id"]): r for r in csv.DictReader(f)}


class PlaceEventsCsvTests(SimpleTestCase):
    # SimpleTestCase forbids database queries: the CSV mode must not touch the database.
    def run_command(self, *args: str) -> list[dict[str, str]]:
        out = io.StringIO()
        call_command("place-events", *args, stdout=out)
        return list(csv.DictReader(io.StringIO(out.getvalue())))

    def test_csv_on_a_small_real_file_matches_the_labels(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            events_path, pages_path = write_real_events(Path(tmp))
            rows = self.run_command(
                "--input", str(events_path), "--pages", str(pages_path), "--format", "csv"
            )
        self.assertEqual(
            list(rows[0]),
            ["id", "municipality", "district", "neighbourhood", "confidence", "method", "phrase"],
        )
        self.assertEqual(sorted(int(r["id"]) for r in rows), sorted(REAL_IDS))
        expected = labels()
        for row in rows:
            want = expected[int(row["id"])]
            with self.subTest(event=row["id"]):
                self.assertEqual(row["municipality"], want["municipality"])
                self.assertEqual(row["district"], want["district"])
                self.assertEqual(row["neighbourhood"], want["neighbourhood"])
                if row["district"]:
                    self.assertTrue(row["phrase"])
                    self.assertGreater(float(row["confidence"]), 0.5)
                else:
                    self.assertEqual(row["confidence"], "")

    def test_without_pages_the_body_is_not_read(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            events_path, _ = write_real_events(Path(tmp))
            rows = {int(r["id"]): r for r in self.run_command("--input", str(events_path))}
        # 559478: "Skadegörelse med softairgun" – only the page body says "i Husby".
        self.assertEqual(rows[559478]["district"], "")
        self.assertEqual(rows[409636]["neighbourhood"], "Vårberg")

    def test_bad_arguments(self) -> None:
        with self.assertRaises(CommandError):
            call_command("place-events", stdout=io.StringIO())
        with self.assertRaises(CommandError):
            call_command("place-events", "--input", "/nonexistent.json", stdout=io.StringIO())
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "x.json"
            path.write_text('{"not": "a list"}', encoding="utf-8")
            with self.assertRaises(CommandError):
                call_command("place-events", "--input", str(path), stdout=io.StringIO())


class PlaceEventsInDatabaseTests(BaseTestCase):
    def make_event(self, event_id: int, summary: str, location: str = "Stockholm", **extra):
        return PoliceEvent.objects.create(
            event_id=event_id,
            published_at=timezone.make_aware(datetime(2025, 5, 1, 12)),
            occurred_on=date(2025, 5, 1),
            name=f"01 maj 12.00, Rån, {location}",
            summary=summary,
            url=f"/aktuellt/handelser/2025/maj/1/{event_id}/",
            type="Rån",
            location_name=location,
            content_hash=str(event_id),
            **extra,
        )

    def test_all_replaces_every_event_and_links_geography_rows(self) -> None:
        rinkeby = self.make_event(1, "Skottlossning i Rinkeby.", municipality=self.stockholm_m)
        soder = self.make_event(2, "Bråk på Medborgarplatsen.")
        farsta = self.make_event(3, "Rån i Farsta.")  # Farsta is not in the test geography
        nothing = self.make_event(4, "Bedrägeri mot äldre kvinna.", district=self.sodermalm)
        body = self.make_event(5, "Brand.", page_text="Brand i lägenhet.\n\nDet brann i Husby.")
        out = io.StringIO()
        call_command("place-events", "--all", stdout=out)
        self.assertIn("5 events placed", out.getvalue())
        self.assertIn("3 with a district", out.getvalue())
        self.assertIn("1 placed in a district missing from the database", out.getvalue())
        for event in (rinkeby, soder, farsta, nothing, body):
            event.refresh_from_db()
        self.assertEqual(
            (rinkeby.district, rinkeby.neighbourhood), (self.rinkeby_kista, self.rinkeby)
        )
        self.assertEqual(rinkeby.placement_method, "summary:preposition")
        self.assertEqual(rinkeby.placement_phrase, "Rinkeby")
        self.assertGreater(rinkeby.placement_confidence, 0.9)
        self.assertEqual(soder.district, self.sodermalm)
        self.assertEqual(soder.municipality, self.stockholm_m)
        self.assertIsNone(farsta.district)
        self.assertIn("not in the database", farsta.placement_reason)
        # A stale placement is cleared when the text no longer supports it.
        self.assertIsNone(nothing.district)
        self.assertIsNone(nothing.placement_confidence)
        self.assertEqual(
            nothing.placement_reason, "the text names no place inside the municipality"
        )
        self.assertEqual(body.district, self.rinkeby_kista)
        self.assertEqual(body.placement_method, "body:preposition")

    def test_the_importer_places_what_it_imports(self) -> None:
        from samverkan.police_events.importers import import_police_events

        with tempfile.TemporaryDirectory() as tmp:
            # The test geography has Stockholm only: leave out the Haninge event.
            ids = [i for i in REAL_IDS if i != 426692]
            events_path, pages_path = write_real_events(Path(tmp), ids)
            first = import_police_events(events_path, pages=pages_path)
            again = import_police_events(events_path, pages=pages_path)
        # 559478: only the page body says "i Husby"; Rinkeby-Kista is the only district of
        # the labelled ones that exists in the test geography.
        event = PoliceEvent.objects.get(event_id=559478)
        self.assertEqual((event.district, event.neighbourhood), (self.rinkeby_kista, None))
        self.assertEqual(event.placement_method, "body:preposition")
        self.assertEqual(first.extra["placed_in_district"], 1)
        self.assertEqual(again.extra["placed_in_district"], 0)
        skarholmen = PoliceEvent.objects.get(event_id=409636)
        self.assertIsNone(skarholmen.district)
        self.assertIn("Skärholmen is not in the database", skarholmen.placement_reason)

    def test_a_second_run_writes_nothing(self) -> None:
        self.make_event(1, "Skottlossning i Rinkeby.")
        self.make_event(2, "Bedrägeri.")
        self.assertEqual(place_police_events()["changed"], 2)
        with self.assertNumQueries(6):  # savepoint, 4 geography tables, the events; no UPDATE
            counts = place_police_events()
        self.assertEqual((counts["events"], counts["changed"]), (2, 0))

    def test_service_places_only_the_given_queryset(self) -> None:
        first = self.make_event(1, "Skottlossning i Rinkeby.")
        second = self.make_event(2, "Skottlossning i Rinkeby.")
        counts = place_police_events(PoliceEvent.objects.filter(pk=first.pk))
        self.assertEqual(counts["events"], 1)
        first.refresh_from_db()
        second.refresh_from_db()
        self.assertEqual(first.district, self.rinkeby_kista)
        self.assertIsNone(second.district)

    def test_county_row_gets_its_municipality(self) -> None:
        event = self.make_event(1, "En man i Husby kontrollerades.", location="Stockholms län")
        place_police_events()
        event.refresh_from_db()
        self.assertEqual(event.municipality, self.stockholm_m)
        self.assertEqual(event.district, self.rinkeby_kista)
