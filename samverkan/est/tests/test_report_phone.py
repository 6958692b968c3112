"""A reporter reports from a phone-sized window (375 × 740 px), with Chromium via Playwright.

Skipped when /usr/bin/chromium is missing, unless CI=true (then it must run).
"""

import os
import unittest
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.testing import StaticLiveServerTestCase
from django.test import Client
from django.utils import timezone

from samverkan.est.models import Observation
from samverkan.est.seed import seed_tenant
from samverkan.test import BaseTestCase

CHROMIUM = "/usr/bin/chromium"
HAVE_BROWSER = Path(CHROMIUM).exists() or os.environ.get("CI") == "true"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@unittest.skipUnless(HAVE_BROWSER, "Chromium is not installed")
class PhoneReportTests(StaticLiveServerTestCase):
    password = BaseTestCase.password
    make_user = classmethod(BaseTestCase.make_user.__func__)

    def setUp(self) -> None:
        # The shared cast, created per test (live-server tests cannot share a transaction).
        BaseTestCase.setUpTestData.__func__(type(self))
        seed_tenant(self.stockholm)

    def test_a_reporter_reports_at_375_px_without_horizontal_scrolling(self) -> None:
        from playwright.sync_api import sync_playwright

        client = Client()
        client.force_login(self.rut)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            context = browser.new_context(
                viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True
            )
            context.add_cookies(
                [
                    {
                        "name": settings.SESSION_COOKIE_NAME,
                        "value": session,
                        "url": self.live_server_url,
                    }
                ]
            )
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(f"{self.live_server_url}/est/report/")
            width = page.evaluate("document.documentElement.scrollWidth")
            self.assertLessEqual(width, 375)
            page.select_option("#id_category", label="Klotter")
            page.check("input[name=rating][value='2']")
            page.select_option("#id_neighbourhood", label="Rinkeby")
            page.fill("#id_observed_on", yesterday)
            page.select_option("#id_part_of_day", value="evening")
            page.fill("#id_text", "Klotter på gångtunneln, ring 070-123 45 67")
            page.click("button[type=submit].govuk-button")
            page.wait_for_url("**/est/observations/*/")
            self.assertIn("[telefonnummer]", page.content())
            self.assertLessEqual(page.evaluate("document.documentElement.scrollWidth"), 375)
            self.assertEqual(errors, [])
            browser.close()
        obs = Observation.objects.get()
        self.assertEqual((obs.neighbourhood, obs.rating), (self.rinkeby, 2))
