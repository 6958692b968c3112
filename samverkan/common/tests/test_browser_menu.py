"""The grouped main menu in a real browser: one row, keyboard, no JavaScript, phone width."""

from samverkan.common.testing.browser import BrowserTestCase

WIDE = {"width": 1024, "height": 768}
PHONE = {"width": 320, "height": 640}
TOP_ITEMS = "#navigation > .govuk-service-navigation__item"


class MenuBrowserTests(BrowserTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.load_cast()
        # Anna sees every module; make her auditor and staff too, so the menu is the
        # longest it gets (Administration with the audit log and the admin site).
        self.anna.is_staff = True
        self.anna.save(update_fields=["is_staff"])
        self.roles["coordinator"].capabilities += ["audit"]
        self.roles["coordinator"].save(update_fields=["capabilities"])
        self.log_in(self.anna)

    def tops(self, page) -> list[float]:
        return page.locator(TOP_ITEMS).evaluate_all(
            "items => items.map(i => Math.round(i.getBoundingClientRect().top))"
        )

    def test_every_section_fits_on_one_row_and_opens_with_the_keyboard(self) -> None:
        from playwright.sync_api import expect

        page = self.page
        page.set_viewport_size(WIDE)
        self.visit("/agreements/")
        tops = self.tops(page)
        self.assertEqual(len(tops), 6)  # Lägesbild … Administration
        self.assertEqual(len(set(tops)), 1, tops)  # one row, not several
        self.assertLessEqual(page.evaluate("document.documentElement.scrollWidth"), 1024)

        # The section holding the current page is marked, the page itself too.
        active = page.locator(".govuk-service-navigation__item--active")
        self.assertEqual(active.get_attribute("data-nav-section"), "planning")
        current = page.locator("#navigation [aria-current=page]")
        self.assertEqual(current.text_content(), "Överenskommelser")

        situation = page.locator("[data-nav-section=situation] summary")
        situation.focus()
        page.keyboard.press("Enter")
        links = page.locator("[data-nav-section=situation] .sv-nav__link")
        self.assertTrue(links.first.is_visible())
        self.assertEqual(links.first.inner_text(), "Lägesbilder")
        self.assertPageIsClean(page)  # axe with the drop-down open
        page.keyboard.press("Tab")
        self.assertEqual(page.evaluate("document.activeElement.textContent"), "Lägesbilder")
        # Escape closes the section and puts focus back on its heading.
        page.keyboard.press("Escape")
        expect(links.first).to_be_hidden()
        self.assertEqual(page.evaluate("document.activeElement.tagName"), "SUMMARY")
        # Opening one section closes the one that was open.
        page.keyboard.press("Enter")
        page.locator("[data-nav-section=follow_up] summary").click()
        # The other section closes on the asynchronous "toggle" event: wait for it.
        expect(links.first).to_be_hidden()
        expect(page.locator("[data-nav-section=follow_up] .sv-nav__link").first).to_be_visible()
        with page.expect_navigation():
            page.locator("[data-nav-section=follow_up] .sv-nav__link").first.click()
        self.assertTrue(page.url.endswith("/reporting/"), page.url)

    def test_the_menu_works_without_javascript(self) -> None:
        context = self.new_context(java_script_enabled=False, viewport=WIDE)
        self.log_in(self.anna, context=context)
        page = context.new_page()
        self.visit("/", page=page)
        self.assertEqual(len(set(self.tops(page))), 1)
        page.locator("[data-nav-section=communication] summary").click()
        link = page.locator("[data-nav-section=communication] .sv-nav__link").first
        with page.expect_navigation():
            link.click()
        self.assertTrue(page.url.endswith("/pledges/"), page.url)
        context.close()

    def test_at_phone_width_the_menu_opens_behind_the_toggle_without_overflow(self) -> None:
        page = self.page
        page.set_viewport_size(PHONE)
        self.visit("/")
        toggle = page.locator(".govuk-service-navigation__toggle")
        self.assertTrue(toggle.is_visible())
        toggle.click()
        page.locator("[data-nav-section=planning] summary").click()
        self.assertTrue(
            page.locator("[data-nav-section=planning] .sv-nav__link").first.is_visible()
        )
        self.assertLessEqual(page.evaluate("document.documentElement.scrollWidth"), 320)
        self.assertPageIsClean(page)
