"""Survey pages in a real browser: charts and map drawn, no CSP/console/axe problems,
readable at 320 px. Skipped without /usr/bin/chromium (an error under CI=true)."""

from samverkan.common.testing.browser import BrowserTestCase
from samverkan.surveys.models import IndexDefinition, Survey, SurveyWave
from samverkan.surveys.services import create_wave_from_file

from .helpers import SurveyTestCase, csv_bytes
from .test_results import rows_for

PHONE = {"width": 320, "height": 640}


class SurveyBrowserTests(BrowserTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.load_cast()
        self.survey = SurveyTestCase.make_survey(self.stockholm, "trygg")
        Survey.objects.filter(pk=self.survey.pk).update(is_synthetic=True)
        for year, worried in ((2017, 5), (2020, 40)):
            create_wave_from_file(
                survey=self.survey,
                year=year,
                content=csv_bytes(
                    rows_for("80125", 60, 60, worried, 5) + rows_for("80127", 40, 10, 5, 2)
                ),
                file_name=f"{year}.csv",
            )
        self.log_in(self.anna)

    def test_indicator_page_draws_and_is_clean(self) -> None:
        indicator = self.survey.indicators.get(code="often-worried")
        page = self.visit(f"/surveys/indicators/{indicator.pk}/")
        for chart in ("chart-sex", "chart-age", "chart-series"):
            page.wait_for_selector(f"[data-vega-spec={chart}][data-sv-rendered=done] svg")
        page.wait_for_selector(".sv-map[data-sv-rendered=done]")
        self.assertEqual(page.locator(".sv-map path.leaflet-interactive").count(), 2)
        self.assertPageIsClean()
        page.set_viewport_size(PHONE)
        page = self.visit(f"/surveys/indicators/{indicator.pk}/?district=80127")
        self.assertLessEqual(page.evaluate("document.documentElement.scrollWidth"), 320)
        self.assertPageIsClean()

    def test_index_list_detail_and_upload_pages_are_clean(self) -> None:
        index = IndexDefinition.objects.get(survey=self.survey)
        for path in (
            "/surveys/",
            f"/surveys/{self.survey.pk}/",
            f"/surveys/indexes/{index.pk}/",
            f"/surveys/{self.survey.pk}/waves/new/",
        ):
            self.visit(path)
            self.assertPageIsClean()
        self.assertEqual(SurveyWave.objects.count(), 2)
