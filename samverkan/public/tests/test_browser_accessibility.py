"""The accessibility statement in a real browser: axe (WCAG 2.1 A/AA), CSP, 320 px."""

from samverkan.common.testing.browser import BrowserTestCase

PHONE = {"width": 320, "height": 640}


class StatementBrowserTests(BrowserTestCase):
    def test_the_statement_passes_axe_in_both_languages_and_reflows(self) -> None:
        self.load_cast()
        page = self.visit("/")
        with page.expect_navigation():
            page.click("footer a.govuk-footer__link")
        self.assertTrue(page.url.endswith("/public/stockholm/accessibility/"), page.url)
        self.assertEqual(
            page.locator("h1").inner_text(), "Tillgänglighetsredogörelse för Samverkan"
        )
        self.assertPageIsClean(page)

        with page.expect_navigation():
            page.click("button[name=language][value=en]")
        self.assertEqual(page.locator("h1").inner_text(), "Accessibility statement for Samverkan")
        self.assertPageIsClean(page)

        page.set_viewport_size(PHONE)
        self.assertLessEqual(page.evaluate("document.documentElement.scrollWidth"), PHONE["width"])
