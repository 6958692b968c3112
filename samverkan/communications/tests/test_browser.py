"""The drafting page of a situation summary and the communication plan pages in a real
browser: no CSP violations, console errors, failed requests or axe violations."""

from samverkan.common.testing.browser import BrowserTestCase
from samverkan.communications.tests.test_situation_summary import END, START, add_summary_world


class DraftingPagesBrowserTests(BrowserTestCase):
    def test_the_summary_preview_and_the_plan_pages_are_clean(self) -> None:
        self.load_cast()
        add_summary_world(self)
        self.log_in(self.anna)

        page = self.visit("/communication/summary/new/")
        page.fill("#id_start", START.isoformat())
        page.fill("#id_end", END.isoformat())
        page.fill("#id_title", "Lägesbild våren 2025")
        page.fill("#id_body", "Kommunen och polisen redovisar händelser per stadsdelsområde.")
        page.select_option("#id_municipal_party", label="Järva stadsdelsförvaltning")
        page.select_option("#id_police_party", label="LPO Järva")
        page.get_by_role("button", name="Förhandsgranska siffrorna").click()
        page.wait_for_load_state("networkidle")
        self.assertEqual(page.locator("td", has_text="färre än 50").count(), 2)
        self.assertEqual(
            page.get_by_role("button", name="Spara utkast med dessa siffror").count(), 1
        )
        self.assertPageIsClean()

        self.visit("/communication/plans/")
        self.assertPageIsClean()
        page = self.visit(f"/communication/plans/new/{self.city_agreement.pk}/")
        page.get_by_role("button", name="Spara").click()  # empty: the error summary
        page.wait_for_load_state("networkidle")
        self.assertGreater(page.locator(".govuk-error-summary li").count(), 0)
        self.assertPageIsClean()
