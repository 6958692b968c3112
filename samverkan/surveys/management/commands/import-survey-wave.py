"""Load one wave of a respondent-level survey from a CSV or XLSX file, all or nothing.

``samverkan import-survey-wave --survey CODE --year 2023 FILE [--tenant stockholm]
[--fieldwork-start 2023-02-01 --fieldwork-end 2023-04-30 --sample-size N
--response-rate 52.5 --source-url URL]``. On any problem the errors are printed (row and
column named) and nothing is stored. The file layout is documented in importers.py.
"""

from datetime import date
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from samverkan.surveys.importers import SurveyFileError
from samverkan.surveys.models import Survey
from samverkan.surveys.services import create_wave_from_file


class Command(BaseCommand):
    help = "Load a wave of respondent-level survey data from a CSV or XLSX file."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--survey", required=True, help="survey code")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--tenant", default=settings.DEFAULT_TENANT_SLUG)
        parser.add_argument("--fieldwork-start", type=date.fromisoformat)
        parser.add_argument("--fieldwork-end", type=date.fromisoformat)
        parser.add_argument("--sample-size", type=int)
        parser.add_argument("--response-rate", type=Decimal, help="percent, 0–100")
        parser.add_argument("--source-url", default="")

    def handle(self, *args, **o):
        try:
            survey = Survey.objects.get(tenant__slug=o["tenant"], code=o["survey"])
        except Survey.DoesNotExist as e:
            raise CommandError(f"No survey {o['survey']!r} for tenant {o['tenant']!r}.") from e
        path = Path(o["file"])
        try:
            wave = create_wave_from_file(
                survey=survey,
                year=o["year"],
                content=path.read_bytes(),
                file_name=path.name,
                fieldwork_start_on=o["fieldwork_start"],
                fieldwork_end_on=o["fieldwork_end"],
                sample_size=o["sample_size"],
                response_rate_percent=o["response_rate"],
                source_url=o["source_url"],
            )
        except SurveyFileError as e:
            raise CommandError("Nothing was loaded:\n" + "\n".join(e.errors)) from e
        self.stdout.write(f"{wave}: {wave.respondents} respondents loaded")
