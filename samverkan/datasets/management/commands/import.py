"""``samverkan import KIND FILE …``: the command-line importers (one command, sub-commands).

- ``import polisen-events FILE [--pages FILE]`` — Polisen's events API (JSON array,
  ``.json``/``.json.gz``) or a ``*_versions.jsonl`` file to replay.
- ``import bra FILE`` — Brå reported crime, ``kommun;period;key;count;per100k;preliminary``.
- ``import geojson FILE --kind municipality|district|neighbourhood [--crs EPSG:4326|EPSG:3006]``
- ``import scb-population FILE`` — SCB population by municipality, age and sex.

Each validates the whole file first and then writes in one transaction. On bad input it
prints the file, row or event id and field to stderr, exits with status 1 and writes
nothing. It prints how many rows were new, changed and unchanged.
"""

from django.core.management.base import BaseCommand, CommandError

from samverkan.crime_statistics.importers import import_bra
from samverkan.datasets.base import ImportFailed
from samverkan.geography.importers import CRS_CHOICES, KINDS, import_geojson, import_scb_population
from samverkan.police_events.importers import import_police_events


class Command(BaseCommand):
    help = "Import a data file: polisen-events, bra, geojson or scb-population."

    def add_arguments(self, parser) -> None:
        sub = parser.add_subparsers(dest="what", required=True, metavar="KIND")
        events = sub.add_parser(
            "polisen-events", help="Polisen events API JSON (.json, .json.gz, _versions.jsonl)"
        )
        events.add_argument("file")
        events.add_argument("--pages", help="html_text.jsonl with the event pages' text")
        bra = sub.add_parser("bra", help="Brå reported crime CSV (;-separated)")
        bra.add_argument("file")
        geojson = sub.add_parser("geojson", help="GeoJSON boundaries")
        geojson.add_argument("file")
        geojson.add_argument("--kind", required=True, choices=KINDS)
        geojson.add_argument(
            "--crs",
            choices=CRS_CHOICES,
            help="coordinate system (default: the file's, else EPSG:4326)",
        )
        geojson.add_argument(
            "--source", default="", help="boundary source text (default: file name)"
        )
        population = sub.add_parser(
            "scb-population", help="SCB population by municipality, age and sex"
        )
        population.add_argument("file")

    def handle(self, *args, **options) -> None:
        what = options["what"]
        try:
            if what == "polisen-events":
                result = import_police_events(options["file"], pages=options.get("pages"))
            elif what == "bra":
                result = import_bra(options["file"])
            elif what == "geojson":
                result = import_geojson(
                    options["file"],
                    kind=options["kind"],
                    crs=options["crs"],
                    source=options["source"],
                )
            else:
                result = import_scb_population(options["file"])
        except ImportFailed as error:
            raise CommandError(str(error)) from None
        self.stdout.write(result.summary())
