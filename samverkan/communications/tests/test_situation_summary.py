"""Drafting a public situation summary: preview, freeze, two-party approval, publication.

The world: Stockholm publishes counts of at least 50 (tenant option ``public_min_count``).
Between 2025-01-01 and 2025-06-30 Rinkeby-Kista has 37 placed police events (too few: hidden),
Södermalm 64 (hidden too, or 37 could be worked out from the total) and Norrmalm, a third
district added here, 90 (published). 37, 64 and the total 191 must never be published.
"""

import re
from datetime import date

from samverkan.common.testing.scrub import STORED, TYPED, ScrubAssertions
from samverkan.communications import services
from samverkan.communications.models import CommunicationKind, JointCommunication, Publication
from samverkan.communications.summaries import figures_digest, situation_summary_payload
from samverkan.communications.tests.test_two_party_rule import TwoPartyCase
from samverkan.geography.models import District
from samverkan.police_events.models import PoliceEvent
from samverkan.test import square

START, END = date(2025, 1, 1), date(2025, 6, 30)
EVENT_TEXT = "Hemlig händelsetext om en person på Rinkebytorget"
HIDDEN_COUNTS = (37, 64, 191)  # Rinkeby-Kista, Södermalm, the total
HIDDEN_RATES = (f"{37 / 51387 * 1000:.2f}", f"{64 / 130814 * 1000:.2f}")  # 0.72, 0.49
SUPPRESSED_CELL = '<td class="govuk-table__cell govuk-table__cell--numeric">färre än 50</td>'
DISTRICT_KEYS = {
    "name",
    "code",
    "count",
    "population",
    "population_year",
    "population_source",
    "per_1000",
}


def add_summary_world(w) -> None:
    """Stockholm's threshold of 50, the district Norrmalm and the events (on the cast
    ``w``: a test case class, or a BrowserTestCase after load_cast())."""
    w.stockholm.options = {**(w.stockholm.options or {}), "public_min_count": 50}
    w.stockholm.save()
    w.norrmalm = District.objects.create(
        municipality=w.stockholm_m,
        code="80101",
        name="Norrmalm",
        boundary=square(18.03, 59.34, 0.04),
        population=70000,
        population_year=2023,
        population_source="Folkhälsokollen (test)",
    )
    events = []
    for district, n in ((w.rinkeby_kista, 37), (w.sodermalm, 64), (w.norrmalm, 90)):
        for _ in range(n):
            i = len(events)
            events.append(
                PoliceEvent(
                    event_id=500_000 + i,
                    published_at="2025-03-01T10:00:00+01:00",
                    occurred_on="2025-03-01",
                    name="1 mars 09.00, Stöld, Stockholm",
                    summary=EVENT_TEXT,
                    url=f"/e/{i}",
                    type="Stöld",
                    location_name="Stockholm",
                    municipality=w.stockholm_m,
                    district=district,
                    content_hash=str(i),
                )
            )
    PoliceEvent.objects.bulk_create(events)


def publish_summary(w, *, drafter, approvers) -> Publication:
    """Draft, approve (``approvers``: [(user, organisation)]) and publish through services."""
    c = services.draft_situation_summary(
        tenant=w.stockholm,
        start=START,
        end=END,
        title="Lägesbild våren 2025",
        body="Kommunen och polisen redovisar händelser per stadsdelsområde.",
        parties=[w.jarva_sdf, w.lpo_jarva],
        by=drafter,
    )
    for user, organisation in approvers:
        services.approve_version(communication=c, number=1, organisation=organisation, by=user)
    return services.publish_communication(communication=c, by=approvers[0][0])


class SummaryCase(TwoPartyCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        add_summary_world(cls)

    def form_data(self, **overrides) -> dict:
        data = {
            "start": START.isoformat(),
            "end": END.isoformat(),
            "title": "Lägesbild våren 2025",
            "body": "Kommunen och polisen redovisar händelser per stadsdelsområde.",
            "municipal_party": self.jarva_sdf.pk,
            "police_party": self.lpo_jarva.pk,
        }
        data.update(overrides)
        return data

    def draft_and_publish(self) -> Publication:
        """Draft through the page as Anna, approve as Per and Lena, publish as Per."""
        self.client.force_login(self.anna)
        preview = self.client.post("/communication/summary/new/", self.form_data(action="preview"))
        saved = self.client.post(
            "/communication/summary/new/",
            self.form_data(action="save", figures=preview.context["preview_digest"]),
        )
        c = JointCommunication.objects.get(kind=CommunicationKind.SITUATION_SUMMARY)
        self.assertRedirects(saved, f"/communication/{c.pk}/")
        for user, party in ((self.per, self.lpo_jarva), (self.lena, self.jarva_sdf)):
            self.client.force_login(user)
            self.client.post(
                f"/communication/{c.pk}/approve/", {"number": 1, "organisation": party.pk}
            )
        self.client.force_login(self.per)
        self.client.post(f"/communication/{c.pk}/publish/")
        self.client.logout()
        return Publication.objects.get(communication=c)


def hidden_values_in(text: str) -> list[str]:
    """The hidden counts (as whole numbers) and rates that occur anywhere in ``text``.

    Random tokens (CSRF, CSP nonces) and timestamps are removed first; a count is found
    only as a number of its own (not inside 2025, 59.38 or a coordinate).
    """
    text = re.sub(r'(csrfmiddlewaretoken" value|nonce)="[^"]*"', "", text)
    text = re.sub(r"\d{4}-\d\d-\d\dT[\d:.+]+", "", text)
    found = [str(n) for n in HIDDEN_COUNTS if re.search(rf"(?<![\d.,]){n}(?![\d.,])", text)]
    for rate in HIDDEN_RATES:
        found += [r for r in (rate, rate.replace(".", ",")) if r in text]
    return found


class SummaryPayloadTests(SummaryCase):
    def test_the_payload_hides_small_counts_their_complement_and_the_total(self) -> None:
        payload = situation_summary_payload(tenant=self.stockholm, start=START, end=END)
        self.assertEqual(payload["min_count"], 50)
        (stockholm,) = payload["municipalities"]
        rows = {d["name"]: d for d in stockholm["districts"]}
        self.assertEqual(rows["Rinkeby-Kista"]["count"], None)
        self.assertEqual(rows["Södermalm"]["count"], None)
        self.assertEqual(rows["Norrmalm"]["count"], 90)
        self.assertEqual(rows["Norrmalm"]["per_1000"], round(90 / 70000 * 1000, 2))
        self.assertEqual(
            (rows["Norrmalm"]["population_year"], rows["Norrmalm"]["population_source"]),
            (2023, "Folkhälsokollen (test)"),
        )
        self.assertIsNone(rows["Rinkeby-Kista"]["per_1000"])
        self.assertIsNone(stockholm["total"])
        self.assertEqual(payload["events_through"], "2025-03-01")
        # Counts and reference data only: no event's (or anybody's) text.
        for row in stockholm["districts"]:
            self.assertEqual(set(row), DISTRICT_KEYS)
        self.assertEqual(hidden_values_in(str(payload)), [])
        self.assertNotIn(EVENT_TEXT, str(payload))

    def test_source_and_definition_are_frozen_in_both_languages(self) -> None:
        payload = situation_summary_payload(tenant=self.stockholm, start=START, end=END)
        self.assertIn("Polisen", payload["source"])
        self.assertIn("The Swedish Police", payload["source_en"])
        self.assertIn("händelser", payload["definition"].lower())
        self.assertIn("incident date", payload["definition_en"])


class DraftSummaryTests(SummaryCase):
    def test_preview_shows_the_suppressed_table_and_saves_nothing(self) -> None:
        self.client.force_login(self.anna)
        page = self.client.get("/communication/summary/new/")
        self.assertContains(page, "Förhandsgranska")
        preview = self.client.post("/communication/summary/new/", self.form_data(action="preview"))
        self.assertInHTML(SUPPRESSED_CELL, preview.content.decode(), count=2)
        self.assertContains(preview, '<td class="govuk-table__cell govuk-table__cell--numeric">90<')
        self.assertEqual(hidden_values_in(preview.content.decode()), [])
        self.assertFalse(JointCommunication.objects.exists())

    def test_the_draft_freezes_the_previewed_figures_and_needs_both_parties(self) -> None:
        self.client.force_login(self.anna)
        preview = self.client.post("/communication/summary/new/", self.form_data(action="preview"))
        self.client.post(
            "/communication/summary/new/",
            self.form_data(action="save", figures=preview.context["preview_digest"]),
        )
        c = JointCommunication.objects.get()
        self.assertEqual(c.kind, CommunicationKind.SITUATION_SUMMARY)
        self.assertEqual(set(c.parties.all()), {self.jarva_sdf, self.lpo_jarva})
        version = c.latest_version()
        self.assertEqual(figures_digest(version.payload), preview.context["preview_digest"])
        # New events after the draft do not change what was frozen.
        PoliceEvent.objects.filter(district=self.rinkeby_kista).update(district=self.norrmalm)
        c.refresh_from_db()
        self.assertEqual(
            figures_digest(c.latest_version().payload), figures_digest(version.payload)
        )
        # The approvers see the frozen table on the draft.
        self.client.force_login(self.per)
        detail = self.client.get(f"/communication/{c.pk}/")
        self.assertInHTML(SUPPRESSED_CELL, detail.content.decode(), count=2)
        self.assertContains(detail, "Godkänn version 1")
        # One party is not enough.
        services.approve_version(
            communication=c, number=1, organisation=self.lpo_jarva, by=self.per
        )
        with self.assertRaises(services.CommunicationError):
            services.publish_communication(communication=c, by=self.per)

    def test_figures_that_changed_after_the_preview_are_not_saved(self) -> None:
        self.client.force_login(self.anna)
        preview = self.client.post("/communication/summary/new/", self.form_data(action="preview"))
        PoliceEvent.objects.filter(district=self.rinkeby_kista).update(district=self.norrmalm)
        again = self.client.post(
            "/communication/summary/new/",
            self.form_data(action="save", figures=preview.context["preview_digest"]),
        )
        self.assertContains(again, "Siffrorna ändrades efter din förhandsgranskning")
        self.assertFalse(JointCommunication.objects.exists())
        # The page now shows the new figures (nothing hidden any more) and saving works.
        self.assertContains(again, '<td class="govuk-table__cell govuk-table__cell--numeric">127<')
        self.assertContains(again, '<td class="govuk-table__cell govuk-table__cell--numeric">64<')
        self.client.post(
            "/communication/summary/new/",
            self.form_data(action="save", figures=again.context["preview_digest"]),
        )
        self.assertTrue(JointCommunication.objects.exists())

    def test_saving_needs_a_preview_first(self) -> None:
        self.client.force_login(self.anna)
        response = self.client.post("/communication/summary/new/", self.form_data(action="save"))
        self.assertEqual(response.status_code, 200)
        self.assertFalse(JointCommunication.objects.exists())

    def test_bad_periods_are_refused(self) -> None:
        self.client.force_login(self.anna)
        response = self.client.post(
            "/communication/summary/new/",
            self.form_data(action="preview", start="2025-07-01", end="2025-06-30"),
        )
        self.assertContains(response, "Slutdatumet måste vara samma som eller efter")
        self.assertIsNone(response.context["preview"])

    def test_readers_cannot_draft_and_other_tenants_draft_only_their_own(self) -> None:
        self.client.force_login(self.olle)
        self.assertEqual(self.client.get("/communication/summary/new/").status_code, 404)
        # Karin drafts for Grannby: Stockholm's parties are not on offer.
        self.client.force_login(self.karin)
        page = self.client.get("/communication/summary/new/")
        self.assertContains(page, "Grannby kommun")
        self.assertNotContains(page, "LPO Järva")
        refused = self.client.post("/communication/summary/new/", self.form_data(action="preview"))
        self.assertIsNone(refused.context["preview"])
        with self.assertRaises(services.CommunicationError):
            services.draft_situation_summary(
                tenant=self.stockholm,
                start=START,
                end=END,
                title="x",
                body="y",
                parties=[self.jarva_sdf, self.lpo_jarva],
                by=self.olle,
            )


class SummaryPeriodTests(ScrubAssertions, SummaryCase):
    """The data end on 2025-03-01 (the events' incident date)."""

    def save(self, **overrides):
        """Preview, then save the previewed figures; the response followed to its page."""
        preview = self.client.post(
            "/communication/summary/new/", self.form_data(action="preview", **overrides)
        )
        return self.client.post(
            "/communication/summary/new/",
            self.form_data(action="save", figures=preview.context["preview_digest"], **overrides),
            follow=True,
        )

    def test_a_period_after_the_data_is_refused_naming_the_last_day(self) -> None:
        self.client.force_login(self.anna)
        for action in ("preview", "save"):
            response = self.client.post(
                "/communication/summary/new/",
                self.form_data(action=action, start="2030-01-01", end="2030-02-01"),
            )
            self.assertContains(
                response,
                "Uppgifterna sträcker sig till 2025-03-01. Välj en period som börjar senast "
                "den dagen.",
            )
            self.assertIsNone(response.context["preview"])
        with self.assertRaisesMessage(services.CommunicationError, "2025-03-01"):
            services.draft_situation_summary(
                tenant=self.stockholm,
                start=date(2025, 3, 2),
                end=date(2025, 4, 1),
                title="x",
                body="y",
                parties=[self.jarva_sdf, self.lpo_jarva],
                by=self.anna,
            )
        self.assertFalse(JointCommunication.objects.exists())

    def test_a_period_ending_after_the_data_is_drafted_with_a_warning(self) -> None:
        warning = (
            "Uppgifterna sträcker sig till 2025-03-01. Siffrorna täcker perioden bara fram "
            "till den dagen."
        )
        self.client.force_login(self.anna)
        preview = self.client.post("/communication/summary/new/", self.form_data(action="preview"))
        self.assertContains(preview, warning)
        self.assertContains(self.save(), warning)
        self.assertTrue(JointCommunication.objects.exists())
        # A period inside the data: no warning.
        self.assertNotContains(self.save(end="2025-03-01"), "Uppgifterna sträcker sig")

    def test_the_summary_text_is_scrubbed_and_the_writer_told(self) -> None:
        self.client.force_login(self.anna)
        response = self.save(body=TYPED)
        self.assertEqual(JointCommunication.objects.get().latest_version().body, STORED)
        self.assertWarnedAboutRemovals(response)

    def test_the_kind_label_starts_with_a_capital_letter(self) -> None:
        self.client.force_login(self.anna)
        detail = self.save()
        self.assertContains(detail, "Offentlig sammanfattning av en lägesbild · version 1")
        self.assertContains(
            self.client.get("/communication/"),
            '<td class="govuk-table__cell">Offentlig sammanfattning av en lägesbild</td>',
            html=True,
        )


class PublishedSummaryTests(SummaryCase):
    def test_end_to_end_the_public_item_has_map_and_table_and_never_the_hidden_counts(
        self,
    ) -> None:
        publication = self.draft_and_publish()
        self.assertEqual(publication.version.number, 1)
        item = self.client.get(f"/public/stockholm/{publication.pk}/")
        self.assertEqual(item.status_code, 200)
        html = item.content.decode()
        # The map: its container, its GeoJSON (with Norrmalm's rate) and the script.
        self.assertIn(
            'class="sv-map" data-geojson="map-municipality-0" data-value="per_1000"', html
        )
        self.assertIn('data-null-label="Färre än 50 händelser"', html)
        fc = item.context["summary"]["municipalities"][0]["map"]
        props = {f["properties"]["name"]: f["properties"] for f in fc["features"]}
        self.assertEqual(props["Norrmalm"]["per_1000"], 1.29)
        self.assertEqual(props["Rinkeby-Kista"]["per_1000"], None)
        self.assertEqual(props["Rinkeby-Kista"]["value_label"], "färre än 50 händelser")
        self.assertIn("js/maps.js", html)
        # The table: same figures, suppressed cells as "fewer than 50", with caption,
        # source, the population's source and year, and the dates.
        self.assertInHTML(SUPPRESSED_CELL, html, count=2)
        self.assertIn("<caption", html)
        self.assertIn("Polisen", html)
        self.assertIn("Folkhälsokollen (test) (2023)", html)
        self.assertIn("70\xa0000 (2023)", html)
        self.assertIn("1,29", html)
        self.assertIn(publication.published_at.strftime("%Y-%m-%d"), html)
        self.assertIn("2025-01-01 – 2025-06-30", html)
        self.assertEqual(hidden_values_in(html), [])
        self.assertNotIn(EVENT_TEXT, html)

    def test_the_feeds_keep_the_suppression(self) -> None:
        publication = self.draft_and_publish()
        feed = self.client.get("/public/stockholm/feed.json")
        (item,) = feed.json()["items"]
        self.assertEqual(item["id"], publication.pk)
        rows = {d["name"]: d for d in item["data"]["municipalities"][0]["districts"]}
        self.assertEqual(
            [rows[n]["count"] for n in ("Norrmalm", "Rinkeby-Kista", "Södermalm")],
            [90, None, None],
        )
        csv = self.client.get("/public/stockholm/feed.csv").content.decode("utf-8-sig")
        atom = self.client.get("/public/stockholm/feed.atom").content.decode()
        for body in (feed.content.decode(), csv, atom):
            self.assertEqual(hidden_values_in(body), [])
            self.assertNotIn(EVENT_TEXT, body)
        self.assertIn('""count"": 90', csv)
