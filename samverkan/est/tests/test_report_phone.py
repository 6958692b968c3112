"""EST and places pages in a real browser at phone width (375 px): report, picture, walks.

Uses the shared BrowserTestCase (Debian Chromium via Playwright; skipped without
Chromium unless CI=true).
"""

from datetime import date, timedelta

from django.utils import timezone

from samverkan.common.testing.browser import BrowserTestCase
from samverkan.est.models import Observation
from samverkan.est.seed import seed_tenant

PHONE = {"width": 375, "height": 740}


def page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


class PhoneReportTests(BrowserTestCase):
    viewport = PHONE

    def setUp(self) -> None:
        super().setUp()
        self.load_cast()
        seed_tenant(self.stockholm)

    def test_a_reporter_reports_at_375_px_without_horizontal_scrolling(self) -> None:
        self.log_in(self.rut)
        yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
        page = self.visit("/est/report/")
        self.assertLessEqual(page_width(page), PHONE["width"])
        self.assertPageIsClean(page)
        page.select_option("#id_category", label="Klotter")
        page.check("input[name=rating][value='2']")
        page.select_option("#id_neighbourhood", label="Rinkeby")
        page.fill("#id_observed_on", yesterday)
        page.select_option("#id_part_of_day", value="evening")
        page.fill("#id_text", "Klotter på gångtunneln, ring 070-123 45 67")
        page.click("button[type=submit].govuk-button")
        page.wait_for_url("**/est/observations/*/")
        self.assertIn("[telefonnummer]", page.content())
        self.assertLessEqual(page_width(page), PHONE["width"])
        obs = Observation.objects.get()
        self.assertEqual((obs.neighbourhood, obs.rating), (self.rinkeby, 2))

    def test_the_map_picker_fills_the_point(self) -> None:
        self.log_in(self.rut)
        page = self.visit("/est/report/")
        page.click("#est-point-details summary")
        page.wait_for_selector("#est-map-picker.leaflet-container")
        box = page.locator("#est-map-picker").bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        lat = float(page.input_value("#id_latitude"))
        lon = float(page.input_value("#id_longitude"))
        self.assertTrue(59.0 < lat < 60.0 and 17.5 < lon < 18.5, (lat, lon))
        self.assertEqual(self.csp_violations(), [])
        self.assertEqual(self.console_errors, [])

    def test_the_form_works_without_javascript(self) -> None:
        context = self.new_context(java_script_enabled=False)
        self.log_in(self.rut, context=context)
        page = context.new_page()
        page.goto(self.url("/est/report/"))
        page.select_option("#id_category", label="Nedskräpning")
        page.check("input[name=rating][value='1']")
        page.select_option("#id_neighbourhood", label="Rinkeby")
        page.select_option("#id_part_of_day", value="morning")
        page.click("button[type=submit].govuk-button")
        page.wait_for_url("**/est/observations/*/")
        self.assertEqual(Observation.objects.get().category.code, "littering")
        context.close()

    def test_the_picture_and_walk_pages_are_clean_at_phone_width(self) -> None:
        from samverkan.est.demo import load_demo
        from samverkan.places.models import SafetyWalk, SafetyWalkPoint

        load_demo(tenant=self.stockholm, until=date(2026, 11, 22), weeks=30, seed=3)
        walk = SafetyWalk.objects.create(
            tenant=self.stockholm,
            title="Kvällsvandring",
            walked_on=date(2026, 10, 14),
            district=self.rinkeby_kista,
            created_by=self.per,
        )
        SafetyWalkPoint.objects.create(walk=walk, order=1, location="Torget", observation="Mörkt")
        self.log_in(self.per)
        for url in [
            "/est/weekly/?week=2026-W47",
            "/est/ranking/?year=2026&part=3",
            "/est/hotspots/?from=2026-06-01&to=2026-11-22",
            "/est/yearly/?year=2026",
            "/est/mine/",
            "/places/",
            "/places/walks/",
            f"/places/walks/{walk.pk}/",
        ]:
            with self.subTest(url=url):
                self.console_errors.clear()
                self.failed_requests.clear()
                page = self.visit(url)
                page.wait_for_function(
                    "[...document.querySelectorAll('[data-vega-spec], .sv-map')]"
                    ".every(e => e.getAttribute('data-sv-rendered') !== 'pending')"
                )
                self.assertPageIsClean(page)
                self.assertLessEqual(page_width(page), PHONE["width"])
