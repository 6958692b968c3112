"""``samverkan import polisen-events``: real files, quirks, versions and broken input."""

import gzip
import json
import tempfile
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from samverkan.datasets.models import ImportRun
from samverkan.datasets.testing import DATA, CaptureWrites, run_command
from samverkan.geography.importers import import_geojson
from samverkan.geography.models import Municipality
from samverkan.police_events.models import PoliceEvent, PoliceEventVersion
from samverkan.test import BaseTestCase

EVENTS = DATA / "polisen-events" / "events_stockholms_lan_2022-09_2025-11.json"
PAGES = DATA / "polisen-events" / "events_stockholms_lan_2022-09_2025-11_html_text.jsonl"
VERSIONS = DATA / "polisen-events" / "events_stockholms_lan_2022-09_2025-11_versions.jsonl"
STOCKHOLM_TZ = ZoneInfo("Europe/Stockholm")


def event(event_id: int = 1, **changes) -> dict:
    """An API object in the feed's shape; ``changes`` override top-level keys."""
    raw = {
        "id": event_id,
        "datetime": "2025-11-30 18:05:27 +01:00",
        "name": "30 november 15.00, Rån, Stockholm",
        "summary": "Rån vid en tunnelbanestation.",
        "url": "/aktuellt/handelser/2025/november/30/30-november-15.00-ran-stockholm/",
        "type": "Rån",
        "location": {"name": "Stockholm", "gps": "59.329324,18.068581"},
    }
    raw.update(changes)
    return raw


class PoliceEventImportTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        import_geojson(DATA / "sweden-kommuner/swedish_municipalities.geojson", kind="municipality")

    def setUp(self) -> None:
        self.tmp = Path(tempfile.mkdtemp())

    def write(self, events, name: str = "events.json") -> Path:
        path = self.tmp / name
        if name.endswith(".gz"):
            with gzip.open(path, "wt", encoding="utf-8") as handle:
                json.dump(events, handle)
        else:
            path.write_text(json.dumps(events, ensure_ascii=False), encoding="utf-8")
        return path

    def import_(self, path, *extra) -> tuple[int, str, str]:
        return run_command("import", "polisen-events", str(path), *extra)

    # --- real files -------------------------------------------------------------------
    def test_real_county_file_with_pages_imports_every_event(self) -> None:
        raw = json.loads(EVENTS.read_text(encoding="utf-8"))
        pages = [json.loads(line) for line in PAGES.read_text(encoding="utf-8").splitlines()]
        code, out, err = self.import_(EVENTS, "--pages", str(PAGES))
        self.assertEqual(code, 0, err)
        ids = {item["id"] for item in raw}
        self.assertEqual(PoliceEvent.objects.count(), len(ids))
        self.assertIn(f"{len(ids)} new, 0 changed, 0 unchanged", out)
        with_body = next(p for p in pages if p["html_body"] and p["id"] in ids)
        self.assertIn(
            with_body["html_body"].strip(),
            PoliceEvent.objects.get(event_id=with_body["id"]).page_text,
        )
        stockholm_rows = sum(1 for item in raw if item["location"]["name"] == "Stockholm")
        self.assertEqual(
            PoliceEvent.objects.filter(municipality__code="0180", county_level=False).count(),
            stockholm_rows,
        )
        self.assertEqual(ImportRun.objects.filter(kind="polisen-events").count(), 1)
        # Placement from text (samverkan.placement) runs on import: only Stockholm events
        # get a district, each with the phrase and method it was placed by.
        placed = PoliceEvent.objects.exclude(district=None)
        self.assertTrue(placed.exists())
        self.assertFalse(placed.exclude(district__municipality__code="0180").exists())
        self.assertFalse(placed.filter(placement_phrase="").exists())
        self.assertFalse(placed.filter(placement_method="").exists())

    def test_reimporting_the_same_file_writes_nothing(self) -> None:
        self.import_(EVENTS, "--pages", str(PAGES))
        with CaptureWrites() as capture:
            code, out, _ = self.import_(EVENTS, "--pages", str(PAGES))
        self.assertEqual(code, 0)
        self.assertEqual(capture.writes, [])
        self.assertIn("0 new, 0 changed", out)
        self.assertIn("nothing written", out)
        self.assertEqual(ImportRun.objects.filter(kind="polisen-events").count(), 1)

    def test_gzipped_national_shape_is_read(self) -> None:
        path = self.write(
            [
                event(1),
                event(
                    2, name="30 november 16.00, Stöld, Nacka", location={"name": "Nacka", "gps": ""}
                ),
            ],
            "e.json.gz",
        )
        code, out, err = self.import_(path)
        self.assertEqual(code, 0, err)
        self.assertEqual(PoliceEvent.objects.get(event_id=2).municipality.code, "0182")

    # --- versions ---------------------------------------------------------------------
    def test_a_changed_event_replaces_the_row_and_keeps_the_earlier_text(self) -> None:
        first = event(
            7, type="Misshandel, grov", name="30 november 15.00, Misshandel, grov, Stockholm"
        )
        self.import_(self.write([first]))
        second = event(
            7, type="Mord/dråp, försök", name="30 november 15.00, Mord/dråp, försök, Stockholm"
        )
        code, out, _ = self.import_(self.write([second], "later.json"))
        self.assertEqual(code, 0)
        self.assertIn("0 new, 1 changed, 0 unchanged", out)
        row = PoliceEvent.objects.get(event_id=7)
        self.assertEqual(row.type, "Mord/dråp, försök")
        self.assertEqual(row.version_count, 2)
        [old] = PoliceEventVersion.objects.filter(event=row)
        self.assertEqual(old.raw, first)

    def test_versions_file_is_replayed_in_order_and_twice_changes_nothing(self) -> None:
        versions = Counter()
        last = {}
        for line in VERSIONS.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            versions[row["id"]] += 1
            if row["id"] not in last or row["seen_at_utc"] >= last[row["id"]]["seen_at_utc"]:
                last[row["id"]] = row
        code, _, err = self.import_(VERSIONS)
        self.assertEqual(code, 0, err)
        self.assertEqual(PoliceEventVersion.objects.count(), sum(n - 1 for n in versions.values()))
        event_id, count = versions.most_common(1)[0]
        stored = PoliceEvent.objects.get(event_id=event_id)
        self.assertEqual(stored.versions.count(), count - 1)
        self.assertEqual(stored.raw, last[event_id]["event"])
        with CaptureWrites() as capture:
            self.import_(VERSIONS)
            self.import_(EVENTS)  # the main file holds the last version of each event
        self.assertEqual(
            [sql for sql in capture.writes if "police_events_policeeventversion" in sql], []
        )

    # --- quirks -----------------------------------------------------------------------
    def test_unpadded_hours_and_both_clock_styles(self) -> None:
        path = self.write(
            [
                event(
                    1, datetime="2023-03-25 9:43:15 +01:00", name="25 mars 08:30, Stöld, Stockholm"
                ),
                event(
                    2,
                    datetime="2023-11-25 9:43:15 +01:00",
                    name="25 november 08.30, Stöld, Stockholm",
                ),
                event(
                    3, datetime="2024-07-01 12:00:00 +02:00", name="1 juli 11.05, Brand, Stockholm"
                ),
            ]
        )
        self.assertEqual(self.import_(path)[0], 0)
        one, two, three = (PoliceEvent.objects.get(event_id=i) for i in (1, 2, 3))
        self.assertEqual(one.published_at, datetime(2023, 3, 25, 8, 43, 15, tzinfo=UTC))
        self.assertEqual(one.occurred_at, datetime(2023, 3, 25, 8, 30, tzinfo=STOCKHOLM_TZ))
        self.assertEqual(two.occurred_at, datetime(2023, 11, 25, 8, 30, tzinfo=STOCKHOLM_TZ))
        self.assertEqual(three.published_at, datetime(2024, 7, 1, 10, 0, tzinfo=UTC))
        self.assertEqual(three.occurred_on, date(2024, 7, 1))

    def test_an_event_of_31_december_published_on_new_years_day_keeps_the_old_year(self) -> None:
        path = self.write(
            [
                event(
                    9,
                    datetime="2024-01-01 0:40:16 +01:00",
                    name="31 december 00.07, Brand, Nacka",
                    location={"name": "Nacka", "gps": ""},
                )
            ]
        )
        self.import_(path)
        self.assertEqual(PoliceEvent.objects.get(event_id=9).occurred_on, date(2023, 12, 31))

    def test_api_spellings_that_differ_from_scb(self) -> None:
        path = self.write(
            [
                event(1, location={"name": "Upplands väsby", "gps": ""}),
                event(2, location={"name": "Upplands-bro", "gps": ""}),
            ]
        )
        self.assertEqual(self.import_(path)[0], 0)
        self.assertEqual(PoliceEvent.objects.get(event_id=1).municipality.name, "Upplands Väsby")
        self.assertEqual(PoliceEvent.objects.get(event_id=2).municipality.name, "Upplands-Bro")

    def test_county_level_rows_get_their_municipality_from_name_or_url(self) -> None:
        county = {"name": "Stockholms län", "gps": "59.3,18.0"}
        path = self.write(
            [
                event(1, location=county, name="30 november 15.00, Rån, Nacka"),
                event(
                    2,
                    location=county,
                    name="30 november 15.00, Trafikkontroll, ",
                    url="/aktuellt/handelser/2025/november/30/30-november-15.00-trafikkontroll-upplands-vasby/",
                ),
                event(
                    3,
                    location=county,
                    name="30 november 15.00, Sammanfattning natt, Stockholms län",
                    url="/aktuellt/handelser/2025/november/30/sammanfattning-natt-stockholms-lan/",
                ),
            ]
        )
        self.assertEqual(self.import_(path)[0], 0)
        rows = {row.event_id: row for row in PoliceEvent.objects.all()}
        self.assertTrue(all(row.county_level for row in rows.values()))
        self.assertEqual(rows[1].municipality.code, "0182")
        self.assertEqual(rows[2].municipality.code, "0114")
        self.assertIsNone(rows[3].municipality)

    def test_county_level_rows_of_the_real_file_resolve_their_last_name_part(self) -> None:
        raw = json.loads(EVENTS.read_text(encoding="utf-8"))
        names = {m.name.casefold(): m.code for m in Municipality.objects.all()}
        expected = {
            item["id"]: names.get(item["name"].rsplit(",", 1)[-1].strip().casefold())
            for item in raw
            if item["location"]["name"].endswith(" län")
        }
        self.import_(EVENTS)
        stored = dict(
            PoliceEvent.objects.filter(county_level=True).values_list(
                "event_id", "municipality__code"
            )
        )
        self.assertGreater(len(expected), 0)
        for event_id, code in expected.items():
            if code is not None:
                self.assertEqual(stored[event_id], code, event_id)

    # --- broken input: non-zero exit, message with file/id/field, nothing written -------
    def assert_rejected(self, path, *fragments: str) -> None:
        code, out, err = self.import_(path)
        self.assertEqual(code, 1)
        self.assertIn(path.name, err)
        for fragment in fragments:
            self.assertIn(fragment, err)
        self.assertEqual(PoliceEvent.objects.count(), 0)
        self.assertFalse(ImportRun.objects.filter(kind="polisen-events").exists())

    def test_truncated_json(self) -> None:
        path = self.tmp / "truncated.json"
        path.write_text(EVENTS.read_text(encoding="utf-8")[:5000], encoding="utf-8")
        self.assert_rejected(path, "not valid JSON", "line")

    def test_truncated_gzip(self) -> None:
        whole = self.write([event(i) for i in range(1, 50)], "whole.json.gz").read_bytes()
        path = self.tmp / "cut.json.gz"
        path.write_bytes(whole[: len(whole) // 2])
        self.assert_rejected(path, "cannot be read")

    def test_missing_file(self) -> None:
        self.assert_rejected(self.tmp / "nowhere.json", "no such file")

    def test_bad_date_after_many_good_events(self) -> None:
        events = [event(i) for i in range(1, 200)] + [
            event(615459, datetime="2025-13-40 25:00:00 +01:00")
        ]
        self.assert_rejected(self.write(events), "event id 615459", "'datetime'")

    def test_bad_incident_date_in_name(self) -> None:
        self.assert_rejected(
            self.write([event(5, name="31 februari 10.00, Rån, Stockholm")]), "event id 5", "'name'"
        )

    def test_unknown_municipality(self) -> None:
        path = self.write([event(1), event(42, location={"name": "Atlantis", "gps": ""})])
        self.assert_rejected(path, "event id 42", "'location.name'", "Atlantis")

    def test_missing_field(self) -> None:
        broken = event(43)
        del broken["type"]
        self.assert_rejected(self.write([event(1), broken]), "event id 43", "'type'")


class PoliceEventPageTextTests(BaseTestCase):
    def test_page_text_fills_in_without_a_version_and_survives_a_later_change(self) -> None:
        tmp = Path(tempfile.mkdtemp())
        first, second = tmp / "first.json", tmp / "second.json"
        first.write_text(json.dumps([event(3)]), encoding="utf-8")
        changed = event(3, summary="Rån vid en tunnelbanestation. Två personer gripna.")
        second.write_text(json.dumps([changed]), encoding="utf-8")
        pages = tmp / "pages.jsonl"
        pages.write_text(
            json.dumps({"id": 3, "html_preamble": "Ingress.", "html_body": "Brödtext i Rinkeby."})
            + "\n",
            encoding="utf-8",
        )
        run_command("import", "polisen-events", str(first))
        code, out, _ = run_command("import", "polisen-events", str(first), "--pages", str(pages))
        self.assertIn("0 new, 1 changed", out)
        row = PoliceEvent.objects.get(event_id=3)
        self.assertEqual(row.page_text, "Ingress.\n\nBrödtext i Rinkeby.")
        self.assertEqual(row.versions.count(), 0)
        run_command("import", "polisen-events", str(second))
        row.refresh_from_db()
        self.assertEqual(row.summary, changed["summary"])
        self.assertEqual(row.page_text, "Ingress.\n\nBrödtext i Rinkeby.")
        [old] = row.versions.all()
        self.assertEqual((old.raw, old.page_text), (event(3), row.page_text))
