"""The base layout through the test client: header, language switch, error pages, CSP
hygiene, and the vendored front-end files the templates rely on."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.test import override_settings

from samverkan.common.testing.views import FEATURES, WEEKS
from samverkan.test import BaseTestCase

ROOT = Path(settings.BASE_DIR)


class TagCollector(HTMLParser):
    """Collects (tag, attrs) for every start tag, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = TagCollector()
    parser.feed(html)
    return parser.tags


class HeaderTests(BaseTestCase):
    def test_visitors_see_the_default_tenants_name(self) -> None:
        r = self.client.get("/")
        self.assertContains(
            r,
            f'<span class="govuk-service-navigation__text sv-tenant-name">'
            f"{self.stockholm.name}</span>",
            html=True,
        )
        self.assertContains(r, 'href="/accounts/login/"')
        self.assertNotContains(r, "govuk-service-navigation__list")  # no menu for visitors

    def test_logged_in_users_see_their_own_tenant_their_name_and_log_out(self) -> None:
        self.client.force_login(self.karin)
        r = self.client.get("/")
        self.assertContains(r, self.grannby.name)
        self.assertNotContains(r, self.stockholm.name)
        self.assertContains(r, "Karin Karlsson")
        logout = [
            a
            for t, a in tags_of(r.content.decode())
            if t == "form" and a.get("action") == "/accounts/logout/"
        ]
        self.assertEqual(len(logout), 1)
        self.assertEqual(logout[0]["method"], "post")

    def test_the_menu_marks_the_current_page(self) -> None:
        self.client.force_login(self.anna)
        r = self.client.get("/agreements/")
        current = [a for t, a in tags_of(r.content.decode()) if a.get("aria-current") == "page"]
        self.assertEqual([a["href"] for a in current], ["/agreements/"])

    def test_the_skip_link_comes_first_and_points_at_main(self) -> None:
        tags = tags_of(self.client.get("/").content.decode())
        body = next(i for i, (t, _) in enumerate(tags) if t == "body")
        tag, attrs = tags[body + 1]
        self.assertEqual(
            (tag, attrs["class"], attrs["href"]), ("a", "govuk-skip-link", "#main-content")
        )
        mains = [a for t, a in tags if t == "main"]
        self.assertEqual([m["id"] for m in mains], ["main-content"])


class LanguageSwitchTests(BaseTestCase):
    def test_swedish_is_the_default_and_english_is_one_post_away(self) -> None:
        r = self.client.get("/accounts/login/")
        self.assertContains(r, '<html lang="sv"')
        self.assertContains(r, "Logga in")
        forms = [
            a
            for t, a in tags_of(r.content.decode())
            if t == "form" and a.get("action") == "/i18n/setlang/"
        ]
        self.assertEqual(len(forms), 1)
        self.assertEqual(forms[0]["method"], "post")
        self.assertContains(r, '<button type="submit" name="language" value="en" lang="en"')
        self.assertContains(r, 'aria-current="true">Svenska</span>')

        r = self.client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
        self.assertRedirects(r, "/accounts/login/", fetch_redirect_response=False)
        r = self.client.get("/accounts/login/")
        self.assertContains(r, '<html lang="en"')
        self.assertContains(r, '<h1 class="govuk-heading-l">Log in</h1>', html=True)
        self.assertContains(r, 'aria-current="true">English</span>')
        self.assertContains(r, '<button type="submit" name="language" value="sv" lang="sv"')

    def test_the_switch_returns_to_the_page_it_was_used_on(self) -> None:
        self.client.force_login(self.anna)
        r = self.client.get("/agreements/coverage/")
        self.assertContains(r, '<input name="next" type="hidden" value="/agreements/coverage/">')


class ErrorPageTests(BaseTestCase):
    def test_unknown_pages_get_a_404_in_the_layout_in_swedish(self) -> None:
        r = self.client.get("/no-such-page/")
        self.assertEqual(r.status_code, 404)
        self.assertContains(r, "Sidan hittades inte", status_code=404)
        self.assertContains(r, 'class="govuk-skip-link"', status_code=404)
        self.assertContains(r, self.stockholm.name, status_code=404)

    def test_the_500_page_renders_without_a_request_or_database(self) -> None:
        with self.assertNumQueries(0):
            html = render_to_string("500.html")
        self.assertIn('id="main-content"', html)
        self.assertIn("govuk-skip-link", html)
        self.assertNotIn("<form", html)  # no CSRF token without a request

    @override_settings(ROOT_URLCONF="samverkan.common.testing.urls")
    def test_a_failing_view_gets_the_500_page_in_the_layout(self) -> None:
        client = self.client_class(raise_request_exception=False)
        r = client.get("/__test__/error/")
        self.assertContains(r, "Tyvärr är det ett problem med tjänsten", status_code=500)
        self.assertContains(r, 'class="govuk-skip-link"', status_code=500)

    def test_the_csrf_failure_page_explains_what_happened(self) -> None:
        client = self.client_class(enforce_csrf_checks=True)
        r = client.post("/i18n/setlang/", {"language": "en"})
        self.assertContains(r, "Formuläret hade gått ut", status_code=403)


class LoginPageTests(BaseTestCase):
    def test_a_wrong_password_gives_an_error_summary_linked_to_the_field(self) -> None:
        r = self.client.post("/accounts/login/", {"username": "anna", "password": "nope"})
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, 'class="govuk-error-summary"')
        self.assertContains(r, '<a href="#id_username">')
        self.assertContains(r, "<title>Fel: Logga in")
        self.assertContains(r, "govuk-input--error")

    def test_an_empty_form_names_each_missing_field(self) -> None:
        r = self.client.post("/accounts/login/", {"username": "", "password": ""})
        self.assertContains(r, '<a href="#id_username">')
        self.assertContains(r, '<a href="#id_password">')
        self.assertContains(r, 'aria-describedby="password-error"')

    def test_the_right_password_logs_in(self) -> None:
        r = self.client.post("/accounts/login/", {"username": "anna", "password": self.password})
        self.assertRedirects(r, "/", fetch_redirect_response=False)


class ContentSecurityPolicyTests(BaseTestCase):
    """Pages keep to the strict CSP: scripts only from files, no style attributes."""

    def assertNoInlineCode(self, html: str) -> None:
        for tag, attrs in tags_of(html):
            if tag == "script" and attrs.get("type") != "application/json":
                self.assertIn("src", attrs, f"inline <script> {attrs}")
            self.assertNotIn("style", attrs, f"style attribute on <{tag}>")
            self.assertFalse([a for a in attrs if a.startswith("on")], f"handler on <{tag}>")
        self.assertNotIn("<style", html)

    def test_layout_pages_have_no_inline_scripts_styles_or_handlers(self) -> None:
        self.client.force_login(self.anna)
        for path in ["/", "/agreements/", "/accounts/login/", "/no-such-page/"]:
            with self.subTest(path=path):
                r = self.client.get(path)
                self.assertNoInlineCode(r.content.decode())
                policy = r.headers["Content-Security-Policy"]
                self.assertIn("style-src 'self'", policy)
                self.assertNotIn("unsafe", policy)

    @override_settings(ROOT_URLCONF="samverkan.common.testing.urls")
    def test_the_chart_and_map_page_carries_its_data_as_json_script(self) -> None:
        r = self.client.get("/__test__/widgets/")
        html = r.content.decode()
        self.assertNoInlineCode(html)
        chart = re.search(r'<script id="chart-weeks" type="application/json">(.*?)</script>', html)
        spec = json.loads(chart.group(1))
        self.assertEqual(spec["data"]["values"], WEEKS)
        self.assertEqual(spec["mark"]["type"], "bar")
        features = re.search(r'<script id="map-areas" type="application/json">(.*?)</script>', html)
        self.assertEqual(json.loads(features.group(1)), FEATURES)
        self.assertContains(r, 'data-vega-spec="chart-weeks"')
        self.assertContains(r, 'data-geojson="map-areas" data-value="events" data-label="name"')


class VendoredAssetTests(BaseTestCase):
    """The vendored files are present, match the pinned npm packages, and are ours."""

    def test_every_static_file_the_layout_and_includes_name_exists(self) -> None:
        names = set()
        for template in [
            "base.html",
            "includes/chart_scripts.html",
            "includes/map_scripts.html",
            "includes/htmx_scripts.html",
        ]:
            text = (ROOT / "templates" / template).read_text(encoding="utf-8")
            names |= set(re.findall(r"{% static '([^']+)' %}", text))
        self.assertGreaterEqual(len(names), 10)
        for name in sorted(names):
            with self.subTest(name=name):
                self.assertIsNotNone(finders.find(name), name)
        self.assertTrue((ROOT / "samverkan/common/testing/axe.min.js").is_file())
        for image in ["marker-icon.png", "marker-icon-2x.png", "marker-shadow.png"]:
            self.assertTrue((ROOT / "static/vendor/leaflet/images" / image).is_file())

    def test_vendored_versions_are_the_pinned_ones(self) -> None:
        pinned = json.loads((ROOT / "frontend/package.json").read_text())["devDependencies"]
        vendored = json.loads((ROOT / "static/vendor/VERSIONS.json").read_text())
        for package, version in vendored.items():
            self.assertEqual(pinned[package], version, package)
        self.assertEqual(vendored["leaflet"], "1.9.4")
        self.assertTrue(vendored["govuk-frontend"].startswith("6."))
        self.assertTrue(vendored["htmx.org"].startswith("4."))

    def test_the_design_system_is_rebranded(self) -> None:
        css = (ROOT / "static/vendor/govuk/govuk-frontend.min.css").read_text()
        self.assertNotIn("GDS Transport", css)
        self.assertNotIn("@font-face", css)
        self.assertIn("#00616e", css)
        self.assertIn("system-ui", css)
        html = self.client.get("/").content.decode()
        self.assertNotIn("GOV.UK", html)
        self.assertNotIn("govuk-header__logotype", html)

    def test_the_brand_colours_meet_wcag_aa_contrast(self) -> None:
        def luminance(hex_colour: str) -> float:
            channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
            linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
            return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

        def contrast(a: str, b: str) -> float:
            high, low = sorted([luminance(a), luminance(b)], reverse=True)
            return (high + 0.05) / (low + 0.05)

        scss = (ROOT / "frontend/src/govuk-brand.scss").read_text()
        colours = dict(re.findall(r"^\s+([a-z-]+): (#[0-9a-f]{6})", scss, re.MULTILINE))
        for text_colour in ["brand", "link", "link-hover"]:
            for background in ["#ffffff", colours["template-background"]]:
                with self.subTest(text=text_colour, background=background):
                    self.assertGreaterEqual(contrast(colours[text_colour], background), 4.5)
