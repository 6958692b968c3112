"""``samverkan place-events``: place police events from their text.

- ``--input EVENTS.json[.gz] [--pages PAGES.jsonl] --format csv`` writes one CSV row per
  event (``id,municipality,district,neighbourhood,confidence,method,phrase``) to stdout
  and never touches the database; the gazetteer comes from data/gazetteer/.
- ``--all`` re-places every PoliceEvent in the database and prints counts.
"""

import csv
import gzip
import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samverkan.placement.gazetteer import default_gazetteer
from samverkan.placement.placer import place

CSV_COLUMNS = ["id", "municipality", "district", "neighbourhood", "confidence", "method", "phrase"]


def read_json(path: Path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def read_pages(path: Path) -> dict[int, dict]:
    pages = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                page = json.loads(line)
                pages[int(page["id"])] = page
    return pages


class Command(BaseCommand):
    help = "Place police events in municipalities, districts and neighbourhoods from their text."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--input", type=Path, help="events JSON array (API shape), .gz ok")
        parser.add_argument("--pages", type=Path, help="page texts, JSON lines with html_* keys")
        parser.add_argument("--format", choices=["csv"], default="csv")
        parser.add_argument(
            "--all", action="store_true", help="re-place every PoliceEvent in the database"
        )

    def handle(self, *args, **options) -> None:
        if options["all"] == bool(options["input"]):
            raise CommandError("Give either --input EVENTS.json or --all.")
        if options["all"]:
            self.place_database()
        else:
            self.place_file(options["input"], options["pages"])

    def place_file(self, path: Path, pages_path: Path | None) -> None:
        try:
            events = read_json(path)
            pages = read_pages(pages_path) if pages_path else {}
        except (OSError, ValueError) as e:
            raise CommandError(f"Cannot read {path}: {e}") from e
        if not isinstance(events, list):
            raise CommandError("The input must be a JSON array of events.")
        gazetteer = default_gazetteer()
        writer = csv.writer(self.stdout, lineterminator="\n")
        try:
            self._write(writer, events, pages, gazetteer)
        except BrokenPipeError:
            # The reader stopped early (`… | head`): that is not an error.
            sys.stderr.close()

    def _write(self, writer, events, pages, gazetteer) -> None:
        writer.writerow(CSV_COLUMNS)
        for event in events:
            p = place(event, pages.get(int(event["id"])), gazetteer)
            confidence = f"{p.confidence:.2f}" if p.district else ""
            writer.writerow(
                [
                    event["id"],
                    p.municipality,
                    p.district,
                    p.neighbourhood,
                    confidence,
                    p.method,
                    p.phrase,
                ]
            )

    def place_database(self) -> None:
        from samverkan.placement.services import place_police_events

        counts = place_police_events()
        self.stdout.write(
            "{events} events placed: {municipality} with a municipality, {district} with a "
            "district, {neighbourhood} with a neighbourhood; {missing_area} placed in a "
            "district missing from the database; {changed} rows changed.".format(
                **{
                    k: counts.get(k, 0)
                    for k in (
                        "events",
                        "municipality",
                        "district",
                        "neighbourhood",
                        "missing_area",
                        "changed",
                    )
                }
            )
        )
