"""Load a table of published survey figures (area × group × indicator → share, n).

``samverkan import-survey-figures FILE [--indicators CSV] [--tenant stockholm]``.
FILE has the layout of data/trygghet-nyckeltal (survey, area, year, group, indicator_sv,
value_pct, source_url; optional n, source_type, note). ``--indicators`` (default
data/surveys/published_indicators.csv) gives each wording a code and its direction.
All or nothing: any error is printed with its row and column and nothing is stored.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from samverkan.organisations.models import Tenant
from samverkan.surveys.importers import SurveyFileError, read_catalogue
from samverkan.surveys.services import load_published_figures


class Command(BaseCommand):
    help = "Load published safety-survey figures (aggregate table) for a tenant."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--indicators", default=str(settings.DATA_DIR / "surveys/published_indicators.csv")
        )
        parser.add_argument("--tenant", default=settings.DEFAULT_TENANT_SLUG)

    def handle(self, *args, file, indicators, tenant, **options):
        try:
            tenant_obj = Tenant.objects.get(slug=tenant)
        except Tenant.DoesNotExist as e:
            raise CommandError(f"No tenant with slug {tenant!r}.") from e
        path = Path(file)
        try:
            counts = load_published_figures(
                tenant=tenant_obj,
                content=path.read_bytes(),
                file_name=path.name,
                catalogue=read_catalogue(Path(indicators)),
            )
        except SurveyFileError as e:
            raise CommandError("Nothing was loaded:\n" + "\n".join(e.errors)) from e
        self.stdout.write(f"Published figures loaded: {counts}")
