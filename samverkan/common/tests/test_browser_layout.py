"""The base layout, charts and maps in a real browser (Debian Chromium via Playwright).

Two classes, one browser each: the test page with a chart and a map (test-only URLconf),
and the real site's layout (home, login, language switch, keyboard).
"""

from django.test import override_settings

from samverkan.common.navigation import nav_entries
from samverkan.common.testing.browser import BrowserTestCase
from samverkan.common.testing.views import FEATURES, WEEKS

WIDGETS = "/__test__/widgets/"
PHONE = {"width": 320, "height": 640}


def page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


@override_settings(ROOT_URLCONF="samverkan.common.testing.urls")
class ChartAndMapTests(BrowserTestCase):
    def test_the_chart_draws_one_bar_per_week_as_one_labelled_image(self) -> None:
        page = self.visit(WIDGETS)
        page.wait_for_selector("[data-vega-spec=chart-weeks][data-sv-rendered=done] svg")

        bars = page.locator("[data-vega-spec=chart-weeks] svg path[aria-roledescription=bar]")
        self.assertEqual(bars.count(), len(WEEKS))
        heights = bars.evaluate_all("bars => bars.map(b => b.getBBox().height)")
        # Bar heights are proportional to the counts (the zero week has no height).
        counts = [w["count"] for w in WEEKS]
        tallest = max(counts)
        for height, count in zip(heights, counts, strict=True):
            self.assertAlmostEqual(height / max(heights), count / tallest, places=2)
        canvas = page.locator("[data-vega-spec=chart-weeks]")
        self.assertEqual(canvas.get_attribute("role"), "img")
        self.assertEqual(
            canvas.get_attribute("aria-label"), "Polisens händelser per vecka (testdata)"
        )
        self.assertEqual(self.csp_violations(), [])
        self.assertEqual(self.console_errors, [])
        self.assertEqual(self.failed_requests, [])

    def test_the_map_shades_areas_by_value_and_draws_places_as_markers(self) -> None:
        page = self.visit(WIDGETS)
        page.wait_for_selector(".sv-map[data-geojson=map-areas][data-sv-rendered=done]")

        paths = page.locator(".sv-map[data-geojson=map-areas] path.leaflet-interactive")
        self.assertEqual(paths.count(), len(FEATURES["features"]))
        fills = dict(
            paths.evaluate_all(
                "ps => ps.map(p => [p.getAttribute('aria-label'), p.getAttribute('fill')])"
            )
        )
        # The highest value gets the darkest colour, the lowest area value a lighter
        # one, and the area without a value is grey and dashed.
        self.assertEqual(
            set(fills),
            {
                "Rinkeby: 30",
                "Kista: 12",
                "Husby: Värde saknas",
                "Rinkeby torg: 7",
                "Kista galleria: 3",
            },
        )
        self.assertNotEqual(fills["Rinkeby: 30"], fills["Kista: 12"])
        self.assertEqual(fills["Husby: Värde saknas"], "#bfc1c3")
        husby = page.locator(
            ".sv-map[data-geojson=map-areas] path[aria-label='Husby: Värde saknas']"
        )
        self.assertEqual(husby.get_attribute("stroke-dasharray"), "4 3")
        circles = paths.evaluate_all(
            "ps => ps.filter(p => /a8,8/.test(p.getAttribute('d'))).length"
        )
        self.assertEqual(circles, 2)
        legend = page.locator(".sv-map[data-geojson=map-areas] .sv-map__legend").inner_text()
        self.assertIn("Värde saknas", legend)
        self.assertIn("30", legend)
        self.assertEqual(self.csp_violations(), [])
        self.assertEqual(self.console_errors, [])

    def test_legend_limits_of_small_rates_stay_distinct(self) -> None:
        page = self.visit(WIDGETS)
        page.wait_for_selector(".sv-map[data-geojson=map-rates][data-sv-rendered=done]")
        items = page.locator(
            ".sv-map[data-geojson=map-rates] .sv-map__legend-item"
        ).all_inner_texts()
        self.assertEqual(len(items), 5)
        # Each class is "from–to"; with one decimal they all read "0,1–0,1".
        limits = [item.split("\u2013") for item in items]
        uppers = [pair[-1] for pair in limits]
        self.assertEqual(len(set(uppers)), len(uppers), items)
        self.assertEqual(items[0].split("\u2013")[0], "0,02")
        self.assertEqual(uppers[-1], "0,14")

    def test_map_features_are_keyboard_focusable_and_links_open_with_enter(self) -> None:
        page = self.visit(WIDGETS)
        page.wait_for_selector(".sv-map[data-geojson=map-areas][data-sv-rendered=done]")

        def focused_tooltip() -> str:
            # Leaflet links a feature to its open tooltip with aria-describedby.
            tooltip_id = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
            return page.locator(f"#{tooltip_id}").inner_text()

        page.locator(".sv-map[data-geojson=map-areas]").focus()
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
        self.assertEqual(focused, "Rinkeby: 30")
        self.assertEqual(page.evaluate("document.activeElement.getAttribute('role')"), "link")
        self.assertEqual(focused_tooltip(), "Rinkeby: 30")
        page.keyboard.press("Tab")
        self.assertEqual(focused_tooltip(), "Kista: 12")
        page.keyboard.press("Shift+Tab")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        self.assertTrue(page.url.endswith("/?area=rinkeby"), page.url)

    def test_the_test_page_passes_axe_and_reflows_at_320_pixels(self) -> None:
        page = self.visit(WIDGETS)
        page.wait_for_selector(".sv-chart__canvas[data-sv-rendered=done] svg")
        page.wait_for_selector(".sv-map[data-geojson=map-areas][data-sv-rendered=done]")
        self.assertPageIsClean()
        # Nothing overflows at desktop width, so nothing extra is in the tab order.
        self.assertEqual(page.locator("[data-sv-scroll]").count(), 0)

        phone = self.context.new_page()
        phone.set_viewport_size(PHONE)
        self.visit(WIDGETS, page=phone)
        phone.wait_for_selector("[data-vega-spec=chart-wide][data-sv-rendered=done] svg")
        self.assertLessEqual(page_width(phone), PHONE["width"])
        # The 640 px chart and the wide table scroll in their own boxes, which keyboard
        # users can reach (axe: scrollable-region-focusable).
        for selector in ["[data-vega-spec=chart-wide]", "#wide-table"]:
            box = phone.locator(selector)
            self.assertGreater(*box.evaluate("e => [e.scrollWidth, e.clientWidth]"))
            self.assertEqual(box.get_attribute("tabindex"), "0")
        self.assertEqual(
            phone.locator("#wide-table").get_attribute("aria-label"),
            "Händelser per vecka, veckor som kolumner",
        )
        self.assertEqual(self.axe_violations(phone), [])
        self.assertEqual(self.csp_violations(phone), [])

    def test_the_checks_catch_inline_styles_and_missing_alt_text(self) -> None:
        # The helpers must not pass vacuously: break the page and see them report it.
        page = self.visit(WIDGETS)
        self.assertEqual(self.csp_violations(), [])
        page.evaluate(
            """document.querySelector("main").insertAdjacentHTML("beforeend",
                '<p style="color: red">inline</p><img src="/static/images/favicon.svg">')"""
        )
        page.wait_for_function("window.__svCspViolations.length > 0")
        self.assertEqual(self.csp_violations()[0]["directive"], "style-src-attr")
        self.assertIn("image-alt", [v["id"] for v in self.axe_violations(include="main")])


class LayoutTests(BrowserTestCase):
    def test_home_and_login_pages_are_clean_and_reflow_at_320_pixels(self) -> None:
        for path in ["/", "/accounts/login/"]:
            with self.subTest(path=path):
                page = self.visit(path)
                self.assertPageIsClean(page)
                page.set_viewport_size(PHONE)
                self.assertLessEqual(page_width(page), PHONE["width"])

    def test_a_failed_login_shows_an_accessible_error_summary(self) -> None:
        self.load_cast()
        page = self.visit("/accounts/login/")
        page.fill("#id_username", "anna")
        page.fill("#id_password", "wrong password")
        with page.expect_navigation():
            page.click("button.govuk-button")
        self.assertEqual(page.locator(".govuk-error-summary").count(), 1)
        # GOV.UK Frontend's JavaScript moves focus to the summary.
        self.assertEqual(
            page.evaluate("document.activeElement.classList.contains('govuk-error-summary')"),
            True,
        )
        self.assertPageIsClean(page)

    def test_the_logged_in_home_page_shows_the_tenant_and_the_menu(self) -> None:
        self.load_cast()
        self.log_in(self.anna)
        page = self.visit("/")
        self.assertEqual(page.locator(".sv-tenant-name").inner_text(), self.stockholm.name)
        self.assertEqual(page.locator("#navigation .sv-nav__summary").count(), 5)  # sections
        self.assertIn("Anna Andersson", page.locator(".sv-header__account").inner_text())
        self.assertPageIsClean(page)

    def test_the_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(self) -> None:
        page = self.visit("/")
        page.keyboard.press("Tab")
        self.assertEqual(page.evaluate("document.activeElement.className"), "govuk-skip-link")
        self.assertTrue(page.locator(".govuk-skip-link").is_visible())
        page.keyboard.press("Enter")
        self.assertEqual(page.evaluate("document.activeElement.id"), "main-content")

    def test_the_language_switch_works_without_javascript(self) -> None:
        context = self.new_context(java_script_enabled=False)
        page = context.new_page()
        self.visit("/accounts/login/", page=page)
        self.assertEqual(page.locator("html").get_attribute("lang"), "sv")

        with page.expect_navigation():
            page.click("button[name=language][value=en]")
        self.assertEqual(page.locator("html").get_attribute("lang"), "en")
        self.assertTrue(page.url.endswith("/accounts/login/"), page.url)
        self.assertEqual(page.locator("h1").inner_text(), "Log in")

        with page.expect_navigation():
            page.click("button[name=language][value=sv]")
        self.assertEqual(page.locator("html").get_attribute("lang"), "sv")
        context.close()


class MenuPagesTests(BrowserTestCase):
    def test_every_menu_page_keeps_the_csp_and_passes_axe(self) -> None:
        # Every app's menu entries the city coordinator sees: a page that
        # breaks the CSP or WCAG 2.1 AA (as far as axe can tell) fails here, whoever
        # wrote it. Phone-width reflow is checked per page by its own app.
        self.load_cast()
        self.log_in(self.anna)
        entries = nav_entries(self.anna)
        self.assertGreater(len(entries), 10)
        for entry in entries:
            with self.subTest(url=entry["url"]):
                self.console_errors.clear()
                self.failed_requests.clear()
                page = self.visit(entry["url"])
                page.wait_for_function(
                    "[...document.querySelectorAll('[data-vega-spec], .sv-map')]"
                    ".every(e => e.getAttribute('data-sv-rendered') !== 'pending')"
                )
                self.assertPageIsClean(page)
