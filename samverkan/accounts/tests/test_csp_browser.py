"""The Content-Security-Policy holds on the main pages: no violation in a real browser.

Chromium (Debian's /usr/bin/chromium) via Playwright; skipped when it is missing,
unless CI=true (then a missing browser is a failure).
"""

import os
import unittest
from pathlib import Path

from django.contrib.staticfiles.testing import StaticLiveServerTestCase

from samverkan.test import BaseTestCase, VerifiedClient

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


@unittest.skipIf(
    not CHROMIUM.exists() and os.environ.get("CI") != "true", "needs /usr/bin/chromium"
)
class ContentSecurityPolicyBrowserTests(StaticLiveServerTestCase):
    @classmethod
    def setUpClass(cls) -> None:
        os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        super().setUpClass()
        from playwright.sync_api import sync_playwright

        cls.playwright = sync_playwright().start()
        cls.browser = cls.playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )

    @classmethod
    def tearDownClass(cls) -> None:
        cls.browser.close()
        cls.playwright.stop()
        super().tearDownClass()

    # The shared cast, written for real in setUp (this test case commits, so that the
    # live server's thread sees the rows; the audit app's flush empties the tables after).
    password = BaseTestCase.password
    make_user = BaseTestCase.__dict__["make_user"]
    make_cast = BaseTestCase.__dict__["setUpTestData"]

    def setUp(self) -> None:
        self.make_cast()

    def violations_on(self, user, paths: list[str]) -> dict[str, list[str]]:
        context = self.browser.new_context()
        if user is not None:
            client = VerifiedClient()
            client.force_login(user)
            context.add_cookies(
                [
                    {
                        "name": "sessionid",
                        "value": client.cookies["sessionid"].value,
                        "url": self.live_server_url,
                    }
                ]
            )
        context.add_init_script(RECORD_VIOLATIONS)
        page = context.new_page()
        console: list[str] = []
        page.on("console", lambda m: console.append(m.text))
        found = {}
        for path in paths:
            console.clear()
            response = page.goto(self.live_server_url + path)
            self.assertLess(response.status, 400, path)
            page.wait_for_load_state("networkidle")
            events = page.evaluate("window.__cspViolations")
            csp_console = [t for t in console if "Content Security Policy" in t]
            if events or csp_console:
                found[path] = events + csp_console
        context.close()
        return found

    def test_no_violations_on_the_main_pages(self) -> None:
        pages = ["/", "/accounts/login/"]
        self.assertEqual(self.violations_on(None, pages), {})
        agreement = self.city_agreement
        pages = [
            "/",
            "/agreements/",
            f"/agreements/{agreement.pk}/",
            "/agreements/coverage/",
            "/situation/",
            "/accounts/security/",
            "/accounts/two-factor/setup/",
        ]
        self.assertEqual(self.violations_on(self.anna, pages), {})
        self.assertEqual(self.violations_on(self.admin, ["/audit/"]), {})

    def test_the_policy_is_strict(self) -> None:
        context = self.browser.new_context()
        page = context.new_page()
        response = page.goto(self.live_server_url + "/")
        policy = response.headers["content-security-policy"]
        # A nonce is added only on pages that use one (Django's lazy nonce).
        self.assertIn("script-src 'self'", policy)
        self.assertIn("style-src 'self';", policy)
        self.assertIn("frame-ancestors 'none'", policy)
        self.assertNotIn("unsafe-inline", policy)
        context.close()
