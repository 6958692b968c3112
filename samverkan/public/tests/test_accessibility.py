"""The accessibility statement (DOS-lagen): public, per tenant, in Swedish and English,
linked from every page's footer."""

import tomllib
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

from samverkan.common.tests.test_layout import tags_of
from samverkan.organisations.models import Tenant
from samverkan.public.accessibility import GAPS, contact_for
from samverkan.test import BaseTestCase

STATEMENT = "/public/stockholm/accessibility/"


def footer_links(html: str) -> list[str]:
    return [a["href"] for t, a in tags_of(html) if "govuk-footer__link" in (a.get("class") or "")]


class StatementTests(BaseTestCase):
    def setUp(self) -> None:
        self.stockholm.options = {
            **self.stockholm.options,
            "accessibility_contact": {
                "name": "Stockholms stad",
                "email": "tillganglighet@example.se",
                "phone": "08-508 29 000",
            },
        }
        self.stockholm.save(update_fields=["options"])

    def test_anyone_can_read_it_in_swedish_without_logging_in(self) -> None:
        r = self.client.get(STATEMENT)
        self.assertEqual(r.status_code, 200)
        self.assertContains(
            r,
            '<h1 class="govuk-heading-xl">Tillgänglighetsredogörelse för Samverkan</h1>',
            html=True,
        )
        self.assertContains(r, f"{self.stockholm.name} står bakom Samverkan")
        # Conformance target, the law, the gaps, how it was tested, the dates.
        self.assertContains(r, "nivå AA i Web Content Accessibility Guidelines (WCAG) version 2.1")
        self.assertContains(r, "Lag (2018:1937) om tillgänglighet till digital offentlig service")
        self.assertContains(r, "Ingen varning före automatisk utloggning")
        self.assertContains(r, "WCAG 2.1 framgångskriterium 2.2.1")
        self.assertContains(r, "Kartor lägger varje område i tabbordningen")
        self.assertEqual(r.content.decode().count("<li><strong>"), len(GAPS))
        self.assertContains(r, "självskattning")
        self.assertContains(r, "axe-cores regler för WCAG 2.1 A och AA")
        self.assertContains(r, "Tjänsten bedömdes senast den 30 november 2026.")
        # The tenant's contact and the supervisory authority with its report page.
        self.assertContains(
            r,
            '<a class="govuk-link" href="mailto:tillganglighet@example.se">'
            "tillganglighet@example.se</a>",
            html=True,
        )
        self.assertContains(r, "Telefon: 08-508 29 000")
        self.assertContains(
            r, "Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn"
        )
        self.assertContains(r, 'href="https://www.digg.se/tdosanmalan"')

    def test_it_reads_in_english_when_english_is_chosen(self) -> None:
        self.client.post("/i18n/setlang/", {"language": "en", "next": STATEMENT})
        r = self.client.get(STATEMENT)
        self.assertContains(r, "Accessibility statement for Samverkan")
        self.assertContains(r, "Our target is level AA of the Web Content Accessibility Guidelines")
        self.assertContains(r, "No warning before automatic log-out")
        self.assertContains(r, "Report inadequate accessibility to DIGG")
        self.assertContains(r, "The service was last assessed on 30 November 2026.")

    def test_a_tenant_without_a_contact_gets_an_honest_fallback(self) -> None:
        r = self.client.get("/public/grannby/accessibility/")
        self.assertContains(r, f"{self.grannby.name} har ännu inte angett vart brister")
        self.assertContains(r, 'href="https://www.digg.se/tdosanmalan"')
        self.assertEqual(self.client.get("/public/nowhere/accessibility/").status_code, 404)

    def test_the_contact_option_keeps_only_what_is_filled_in(self) -> None:
        tenant = Tenant(options={"accessibility_contact": {"phone": " 123 ", "email": ""}})
        self.assertEqual(contact_for(tenant), {"phone": "123"})
        self.assertEqual(contact_for(Tenant(options={"accessibility_contact": "x"})), {})
        self.assertEqual(contact_for(None), {})

    def test_the_bundled_stockholm_tenant_names_a_contact(self) -> None:
        path = Path(settings.BASE_DIR) / "data/tenants/stockholm/tenant.toml"
        options = tomllib.loads(path.read_text(encoding="utf-8"))["tenant"]["options"]
        contact = contact_for(Tenant(options=options))
        self.assertEqual(contact["name"], "Stockholms stad")
        self.assertTrue(contact.get("email") or contact.get("phone") or contact.get("url"))
        self.assertEqual(options["report_cadence"], "tertial")  # the other options stay


class FooterLinkTests(BaseTestCase):
    def test_every_page_links_to_the_statement_of_its_tenant(self) -> None:
        own = "/public/stockholm/accessibility/"
        for path in ["/", "/accounts/login/", "/public/stockholm/", own]:
            with self.subTest(path=path):
                self.assertEqual(footer_links(self.client.get(path).content.decode()), [own])
        r = self.client.get("/no-such-page/")
        self.assertEqual(footer_links(r.content.decode()), [own])
        # A public page of another tenant links to that tenant's statement.
        r = self.client.get("/public/grannby/")
        self.assertEqual(footer_links(r.content.decode()), ["/public/grannby/accessibility/"])
        # Logged in: the user's own tenant.
        self.client.force_login(self.karin)
        r = self.client.get("/agreements/")
        self.assertEqual(footer_links(r.content.decode()), ["/public/grannby/accessibility/"])
        # The 500 page knows no tenant: the link goes through /accessibility/.
        self.assertEqual(footer_links(render_to_string("500.html")), ["/accessibility/"])

    def test_the_short_address_goes_to_the_statement_of_the_tenant_in_the_header(self) -> None:
        r = self.client.get("/accessibility/")
        self.assertRedirects(r, "/public/stockholm/accessibility/")
        self.client.force_login(self.karin)
        r = self.client.get("/accessibility/")
        self.assertRedirects(r, "/public/grannby/accessibility/")
