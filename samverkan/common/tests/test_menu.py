"""The main menu: grouped into sections, and showing each user only what they may open."""

from django.urls import reverse

from samverkan.common.navigation import SECTIONS, nav_entries
from samverkan.organisations.matrix import ACTORS
from samverkan.organisations.tests.test_authorization_matrix import MatrixTestCase
from samverkan.test import BaseTestCase

from .test_layout import tags_of


def menu_of(response) -> dict[str, list[str]]:
    """{section key: [hrefs in the section]} as rendered in the page's main menu."""
    menu: dict[str, list[str]] = {}
    section = None
    in_menu = False
    for tag, attrs in tags_of(response.content.decode()):
        if tag == "ul" and attrs.get("id") == "navigation":
            in_menu = True
        elif in_menu and tag == "li" and "data-nav-section" in attrs:
            section = attrs["data-nav-section"]
            menu[section] = []
        elif in_menu and tag == "a" and section:
            menu[section].append(attrs["href"])
        elif tag == "main":
            break
    return menu


class GroupedMenuTests(BaseTestCase):
    def test_a_coordinator_sees_every_module_in_five_sections(self) -> None:
        self.client.force_login(self.anna)
        r = self.client.get("/")
        self.assertEqual(
            menu_of(r),
            {
                "situation": [
                    "/situation/",
                    "/est/report/",
                    "/est/weekly/",
                    "/places/",
                    "/places/walks/",
                    "/surveys/",
                ],
                "planning": ["/agreements/", "/agreements/coverage/", "/problems/", "/plans/"],
                "follow_up": ["/reporting/", "/reporting/overview/", "/reporting/compilations/"],
                "governance": [
                    "/governance/groups/",
                    "/governance/calendar/",
                    "/governance/referrals/",
                ],
                "communication": ["/pledges/", "/communication/"],
            },
        )
        # Each section is a disclosure with a translated heading, not 17 links in a row.
        self.assertContains(r, '<summary class="sv-nav__summary">Lägesbild</summary>', html=True)
        self.assertContains(r, "<details", count=5)
        self.assertContains(
            r, '<a class="govuk-link sv-nav__link" href="/plans/">Handlingsplaner</a>', html=True
        )

    def test_the_menu_speaks_english_when_chosen(self) -> None:
        self.client.force_login(self.anna)
        self.client.post("/i18n/setlang/", {"language": "en", "next": "/"})
        r = self.client.get("/")
        for label in ["Situation picture", "Planning", "Follow-up", "Governance", "Communication"]:
            self.assertContains(r, f'<summary class="sv-nav__summary">{label}</summary>', html=True)

    def test_a_reader_sees_no_reporting_form_audit_log_or_admin_site(self) -> None:
        self.client.force_login(self.olle)  # reader, Rinkeby-Kista
        menu = menu_of(self.client.get("/"))
        links = [href for hrefs in menu.values() for href in hrefs]
        self.assertNotIn("/est/report/", links)
        self.assertIn("/est/weekly/", links)
        self.assertNotIn(reverse("audit-list"), links)
        self.assertNotIn(reverse("admin:index"), links)
        self.assertNotIn("administration", menu)

    def test_the_section_of_the_current_page_is_marked(self) -> None:
        self.client.force_login(self.anna)
        r = self.client.get("/plans/")
        active = [
            a["data-nav-section"]
            for t, a in tags_of(r.content.decode())
            if "govuk-service-navigation__item--active" in (a.get("class") or "")
        ]
        self.assertEqual(active, ["planning"])
        self.assertContains(
            r,
            '<summary class="sv-nav__summary"><strong'
            ' class="govuk-service-navigation__active-fallback">Planering</strong></summary>',
            html=True,
        )

    def test_the_home_page_lists_the_menu_as_headed_lists(self) -> None:
        self.client.force_login(self.olle)
        r = self.client.get("/")
        self.assertContains(r, '<h2 class="govuk-heading-m">Uppföljning</h2>', html=True)
        self.assertContains(r, '<a class="govuk-link" href="/reporting/overview/">', count=1)

    def test_without_a_user_every_entry_is_listed(self) -> None:
        names = [e["name"] for e in nav_entries()]
        self.assertIn("audit-list", names)
        self.assertIn("admin:index", names)
        self.assertEqual(
            [e["section"] for e in nav_entries()],
            sorted(
                (e["section"] for e in nav_entries()),
                key=[k for k, _label in SECTIONS].index,
            ),
        )


class MenuMatchesAccessTests(MatrixTestCase):
    def test_every_actor_sees_exactly_the_entries_they_may_open(self) -> None:
        # Every menu entry of the full menu, opened by every logged-in actor of the
        # authorization matrix: in the actor's menu if and only if it answers 200.
        everything = {e["url"] for e in nav_entries()}
        for actor in ACTORS:
            if actor.name == "anonymous":
                continue
            with self.subTest(actor=actor.name):
                client = self.client_class()
                client.force_login(getattr(self, actor.name))
                shown = {h for hrefs in menu_of(client.get("/")).values() for h in hrefs}
                opens = {url for url in everything if client.get(url).status_code == 200}
                self.assertEqual(shown, opens)
