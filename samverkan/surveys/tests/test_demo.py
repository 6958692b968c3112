"""The demo loader: published figures with their sources, and the SYNTHETIC survey whose
city-wide margins match the published figures it was generated from."""

import csv
import io
import json

from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from samverkan.geography.models import District
from samverkan.surveys.estimation import build_frame, estimate_share
from samverkan.surveys.models import PublishedFigure, Survey, SurveyKind

from .helpers import SurveyTestCase


class DemoLoaderTests(SurveyTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        path = (
            settings.DATA_DIR
            / "folkhalsokollen-omraden/stockholms_lan_kommuner_och_stadsdelsomraden.geojson"
        )
        for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
            code = str(feature["properties"]["omr_kod"])
            if code.startswith("801") and not District.objects.filter(code=code).exists():
                District.objects.create(
                    municipality=cls.stockholm_m,
                    code=code,
                    name=feature["properties"]["omr_namn"],
                    boundary=feature["geometry"],
                )
        call_command("load-survey-demo", tenant="stockholm", stdout=io.StringIO())

    def published(self):
        path = settings.DATA_DIR / "trygghet-nyckeltal/trygghet_nyckeltal_handtranskriberade.csv"
        with open(path, encoding="utf-8") as f:
            return list(csv.DictReader(f))

    def test_published_figures_keep_their_sources(self):
        rows = [r for r in self.published() if r["indicator_sv"] != "svarsfrekvens"]
        self.assertEqual(PublishedFigure.objects.count(), len(rows))
        for row in rows:
            fig = PublishedFigure.objects.get(
                wave__survey__name=row["survey"],
                wave__year=int(row["year"]),
                area_name=row["area"],
                group=row["group"],
                indicator__name=row["indicator_sv"],
            )
            self.assertEqual(float(fig.share_percent), float(row["value_pct"]))
            self.assertEqual(fig.source_url, row["source_url"])
        self.assertEqual(
            Survey.objects.filter(kind=SurveyKind.PUBLISHED).count(),
            len({r["survey"] for r in self.published()}),
        )
        rate = next(
            r
            for r in self.published()
            if r["indicator_sv"] == "svarsfrekvens" and r["year"] == "2017"
        )
        wave = Survey.objects.get(name=rate["survey"]).waves.get(year=2017)
        self.assertEqual(float(wave.response_rate_percent), float(rate["value_pct"]))

    def test_synthetic_margins_match_published_city_figures(self):
        survey = Survey.objects.get(code="stockholm-syntetisk")
        self.assertTrue(survey.is_synthetic)
        indicator = survey.indicators.get(code="often-worried")
        city = {
            int(r["year"]): float(r["value_pct"]) / 100
            for r in self.published()
            if r["area"] == "Stockholms stad" and r["indicator_sv"].startswith("oroliga")
        }
        for year in (2017, 2020):
            wave = survey.waves.get(year=year)
            self.assertEqual(wave.respondents, 13 * 380)
            (cell,) = estimate_share(build_frame(wave), indicator)
            self.assertLessEqual(cell.ci_low, city[year], year)
            self.assertGreaterEqual(cell.ci_high, city[year], year)

    def test_loader_is_idempotent_and_page_renders(self):
        call_command("load-survey-demo", tenant="stockholm", stdout=io.StringIO())
        survey = Survey.objects.get(code="stockholm-syntetisk")
        self.assertEqual(survey.waves.count(), 2)
        self.client.force_login(self.anna)
        indicator = survey.indicators.get(code="unsafe-night")
        response = self.client.get(reverse("surveys-indicator", args=[indicator.pk]))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(response.context["map"]["features"]), 13)
        published = survey.tenant.surveys.filter(kind=SurveyKind.PUBLISHED).first()
        ind = published.indicators.first()
        self.assertEqual(
            self.client.get(reverse("surveys-indicator", args=[ind.pk])).status_code, 200
        )
