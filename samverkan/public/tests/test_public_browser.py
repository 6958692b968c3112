"""The public index and a published situation summary in a real browser: the map is
drawn, the suppressed districts say "fewer than 50", and neither page has CSP
violations, console errors, failed requests or axe (WCAG 2.1 A/AA) violations."""

from samverkan.common.testing.browser import BrowserTestCase
from samverkan.communications.tests.test_situation_summary import (
    add_summary_world,
    publish_summary,
)
from samverkan.organisations.models import Membership, Role


class PublicSummaryBrowserTests(BrowserTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.load_cast()
        add_summary_world(self)
        approver = Role.objects.create(
            code="approver", name="Approver", capabilities=["view", "approve_communication"]
        )
        Membership.objects.create(user=self.anna, organisation=self.jarva_sdf, role=approver)
        Membership.objects.create(user=self.per, organisation=self.lpo_jarva, role=approver)
        self.publication = publish_summary(
            self,
            drafter=self.anna,
            approvers=[(self.per, self.lpo_jarva), (self.anna, self.jarva_sdf)],
        )

    def test_the_public_index_and_the_summary_are_clean_and_the_map_is_drawn(self) -> None:
        page = self.visit("/public/stockholm/")
        link = page.get_by_role("link", name="Lägesbild våren 2025")
        self.assertEqual(link.count(), 1)
        self.assertPageIsClean()

        link.click()
        page.wait_for_selector(".sv-map[data-sv-rendered=done]")
        self.assertEqual(page.url, self.url(f"/public/stockholm/{self.publication.pk}/"))
        areas = page.locator(".sv-map path.leaflet-interactive")
        self.assertEqual(areas.count(), 3)
        labels = sorted(areas.evaluate_all("ps => ps.map(p => p.getAttribute('aria-label'))"))
        self.assertEqual(
            labels,
            [
                "Norrmalm: 1,29",
                "Rinkeby-Kista: färre än 50 händelser",
                "Södermalm: färre än 50 händelser",
            ],
        )
        self.assertIn("Färre än 50 händelser", page.locator(".sv-map__legend").inner_text())
        cells = page.locator("table.govuk-table td").all_inner_texts()
        self.assertEqual(cells.count("färre än 50"), 2)
        self.assertPageIsClean()
