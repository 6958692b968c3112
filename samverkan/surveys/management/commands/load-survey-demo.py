"""Load the survey demo: the published figures series and the SYNTHETIC Stockholm survey.

``samverkan load-survey-demo [--tenant stockholm]``. Safe to run again (loaded waves are
skipped). The synthetic survey needs Stockholm's districts (codes 80103…80129) loaded.
"""

import json
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from samverkan.organisations.models import Tenant
from samverkan.surveys.importers import SurveyFileError, read_catalogue
from samverkan.surveys.services import (
    create_survey_from_instrument,
    create_wave_from_file,
    load_published_figures,
    tenant_districts,
)

PUBLISHED_FILE = "trygghet-nyckeltal/trygghet_nyckeltal_handtranskriberade.csv"


class Command(BaseCommand):
    help = "Load published safety-survey figures and the SYNTHETIC demo survey for a tenant."

    def add_arguments(self, parser):
        parser.add_argument("--tenant", default=settings.DEFAULT_TENANT_SLUG)
        parser.add_argument("--data-dir", default=str(settings.DATA_DIR))

    def handle(self, *args, tenant, data_dir, **options):
        from pathlib import Path

        data = Path(data_dir)
        try:
            tenant_obj = Tenant.objects.get(slug=tenant)
        except Tenant.DoesNotExist as e:
            raise CommandError(f"No tenant with slug {tenant!r}.") from e
        try:
            self.load(tenant_obj, data)
        except SurveyFileError as e:
            raise CommandError("\n".join(e.errors)) from e

    def load(self, tenant, data):
        catalogue = read_catalogue(data / "surveys/published_indicators.csv")
        path = data / PUBLISHED_FILE
        counts = load_published_figures(
            tenant=tenant, content=path.read_bytes(), file_name=path.name, catalogue=catalogue
        )
        self.stdout.write(f"Published figures: {counts}")

        codes = {d.code for d in tenant_districts(tenant)}
        spec = json.loads((data / "surveys/synthetic_instrument.json").read_text(encoding="utf-8"))
        if not codes:
            raise CommandError(
                "The tenant has no districts: load the geography first (load-bundled-data)."
            )
        survey = create_survey_from_instrument(tenant=tenant, spec=spec, is_synthetic=True)
        for wave in spec["waves"]:
            if survey.waves.filter(year=wave["year"]).exists():
                self.stdout.write(f"{survey} {wave['year']}: already loaded")
                continue
            path = data / "surveys" / wave["file"]
            rate = wave.get("response_rate_percent")
            loaded = create_wave_from_file(
                survey=survey,
                year=wave["year"],
                content=path.read_bytes(),
                file_name=path.name,
                fieldwork_start_on=date.fromisoformat(wave["fieldwork_start_on"]),
                fieldwork_end_on=date.fromisoformat(wave["fieldwork_end_on"]),
                sample_size=wave.get("sample_size"),
                response_rate_percent=Decimal(rate) if rate else None,
                source_url=spec.get("source_url", ""),
                note=wave.get("note", ""),
            )
            self.stdout.write(f"{loaded}: {loaded.respondents} SYNTHETIC respondents")
