"""Browser tests: a live server, Debian's Chromium through Playwright, CSP and axe checks.

Usage (see README.md next to this file)::

    from samverkan.common.testing.browser import BrowserTestCase

    class SituationPageBrowserTests(BrowserTestCase):
        def test_it_draws_the_chart(self) -> None:
            self.load_cast()                     # the fixed cast of samverkan.test
            self.log_in(self.anna)
            page = self.visit("/situation/")
            page.wait_for_selector(".sv-chart__canvas svg")
            self.assertEqual(self.csp_violations(), [])
            self.assertEqual(self.axe_violations(), [])

One Chromium per test class (started in setUpClass), a fresh browser context and page
per test. The class is a StaticLiveServerTestCase, i.e. a TransactionTestCase: the
database is emptied after each test and ``setUpTestData`` does not run, so create data
in the test or in ``setUp`` (``load_cast()`` builds samverkan.test's cast there).

When /usr/bin/chromium is missing the tests are skipped, except under CI=true, where a
missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import types
import unittest
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles.testing import StaticLiveServerTestCase
from django.test import override_settings

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Flags that make Debian's Chromium start quickly and quietly in containers (STACK.md).
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
AXE_JS = Path(__file__).with_name("axe.min.js")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Runs before any page script (CDP init scripts are not subject to the page's CSP) and
# records every Content-Security-Policy violation the page reports.
_CSP_LISTENER = """
window.__svCspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__svCspViolations.push({
    directive: e.effectiveDirective || e.violatedDirective,
    blocked: e.blockedURI,
    source: e.sourceFile,
    line: e.lineNumber,
    sample: e.sample,
  });
});
"""


def chromium_available() -> bool:
    """Whether the Chromium binary exists and Playwright is importable."""
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        return False
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return True


def require_chromium() -> None:
    """Skip the calling test (class) when Chromium is missing; under CI=true, fail."""
    if chromium_available():
        return
    message = f"Chromium not found at {CHROMIUM} (or playwright not installed)"
    if os.environ.get("CI") == "true":
        raise RuntimeError(message + "; CI=true requires the browser tests to run")
    raise unittest.SkipTest(message)


# Argon2 costs ~0.3 s per password; the cast has seven. Browser tests don't test hashing.
@override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
class BrowserTestCase(StaticLiveServerTestCase):
    """A live server plus one headless Chromium for the whole class.

    Per test: ``self.context`` (a Playwright BrowserContext, Swedish locale) and
    ``self.page``; ``self.console_errors`` (console messages of type error and uncaught
    page errors) and ``self.failed_requests`` (responses with status >= 400) are
    collected from the start of the test.
    """

    browser_locale = "sv-SE"
    viewport = {"width": 1280, "height": 900}

    @classmethod
    def setUpClass(cls) -> None:
        require_chromium()
        super().setUpClass()
        from playwright.sync_api import sync_playwright

        cls._playwright = sync_playwright().start()
        try:
            cls.browser = cls._playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
        except Exception:
            cls._playwright.stop()
            super().tearDownClass()
            raise

    @classmethod
    def tearDownClass(cls) -> None:
        cls.browser.close()
        cls._playwright.stop()
        super().tearDownClass()

    def setUp(self) -> None:
        super().setUp()
        self.console_errors: list[str] = []
        self.failed_requests: list[str] = []
        self.context = self.new_context()
        self.page = self.context.new_page()

    def tearDown(self) -> None:
        self.context.close()
        super().tearDown()

    # -- pages ------------------------------------------------------------------------

    def new_context(self, **options: Any):
        """A fresh browser context that records CSP violations, console errors and
        failed requests into this test. ``options`` go to ``browser.new_context`` (e.g.
        ``java_script_enabled=False``, ``viewport={...}``)."""
        options.setdefault("locale", self.browser_locale)
        options.setdefault("viewport", self.viewport)
        context = self.browser.new_context(**options)
        context.set_default_timeout(10_000)
        context.add_init_script(script=_CSP_LISTENER)

        def on_console(message) -> None:
            if message.type == "error":
                self.console_errors.append(message.text)

        def on_response(response) -> None:
            if response.status >= 400:
                self.failed_requests.append(f"{response.status} {response.url}")

        def on_page(page) -> None:
            page.on("console", on_console)
            page.on("pageerror", lambda error: self.console_errors.append(str(error)))
            page.on("response", on_response)

        context.on("page", on_page)
        return context

    def url(self, path: str) -> str:
        return self.live_server_url + path

    def visit(self, path: str, *, page=None):
        """Open ``path`` (e.g. "/situation/") and wait until the network is idle, so
        deferred scripts have run. Returns the page."""
        page = page or self.page
        page.goto(self.url(path), wait_until="networkidle")
        return page

    # -- people -----------------------------------------------------------------------

    def load_cast(self) -> None:
        """Create samverkan.test.BaseTestCase's cast and geography for this test.

        Sets the same attributes (self.anna, self.stockholm, self.rinkeby_kista …) and
        binds ``self.make_local_agreement``.
        """
        from samverkan.test import BaseTestCase

        cast = type("Cast", (BaseTestCase,), {})
        cast.setUpTestData()
        for name, value in vars(cast).items():
            if not name.startswith("__"):
                setattr(self, name, value)
        self.password = BaseTestCase.password
        self.make_local_agreement = types.MethodType(BaseTestCase.make_local_agreement, self)

    def log_in(self, user, *, context=None) -> None:
        """Log ``user`` in for the browser context (default: self.context) without the
        login form: a test-client session cookie copied into the browser. The session is
        also verified with a second factor (roles above reporter require one)."""
        from samverkan.test import VerifiedClient

        client = VerifiedClient()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        (context or self.context).add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": self.url("/")}]
        )

    # -- checks -----------------------------------------------------------------------

    def csp_violations(self, page=None) -> list[dict]:
        """CSP violations reported by the current document since it loaded:
        [{"directive", "blocked", "source", "line", "sample"}]."""
        return (page or self.page).evaluate("window.__svCspViolations || []")

    def axe_violations(self, page=None, *, include: str | None = None) -> list[dict]:
        """Run axe-core (WCAG 2.0/2.1 A and AA rules) on the current document.

        Returns axe's violations, simplified to
        [{"id", "impact", "help", "nodes": [css selector, …]}] (empty when clean).
        ``include`` limits the check to a CSS selector. axe is evaluated through the
        DevTools protocol, so the page's CSP stays enforced and nothing is reported as a
        CSP violation.
        """
        page = page or self.page
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.evaluate(AXE_JS.read_text(encoding="utf-8"))
        result = page.evaluate(
            """async ([include, tags]) => {
                const context = include ? {include: [include]} : document;
                const r = await axe.run(context, {runOnly: {type: "tag", values: tags}});
                return r.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => n.target.join(" ")),
                }));
            }""",
            [include, AXE_TAGS],
        )
        return result

    def assertPageIsClean(self, page=None) -> None:
        """No CSP violations, console errors, failed requests or axe violations."""
        page = page or self.page
        self.assertEqual(self.csp_violations(page), [], "CSP violations")
        self.assertEqual(self.console_errors, [], "console errors")
        self.assertEqual(self.failed_requests, [], "failed requests")
        self.assertEqual(self.axe_violations(page), [], "axe violations")
