from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from samverkan.places.services import import_vulnerable_areas

DEFAULT = "polisen-utsatta-omraden/uso_2025_sweref99tm.geojson"


class Command(BaseCommand):
    help = "Import the Police's vulnerable areas (GeoJSON in EPSG:3006), reprojected to WGS84."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", nargs="?", help=f"default: DATA_DIR/{DEFAULT}")
        parser.add_argument("--year", type=int, default=2025, help="list year")

    def handle(self, *args, file: str | None, year: int, **options) -> None:
        path = Path(file) if file else Path(settings.DATA_DIR) / DEFAULT
        if not path.exists():
            raise CommandError(f"no such file: {path}")
        try:
            counts = import_vulnerable_areas(path, list_year=year)
        except ValueError as e:
            raise CommandError(str(e)) from e
        self.stdout.write(
            f"vulnerable areas {year}: {counts['created']} created, {counts['updated']} updated, "
            f"{counts['unchanged']} unchanged "
            f"(sha256 {counts['sha256'][:12]}…)"
        )
