from datetime import date

from samverkan.communications import services as comms
from samverkan.communications.models import CommunicationKind
from samverkan.communications.summaries import situation_summary_payload, suppress_counts
from samverkan.communications.tests.test_two_party_rule import TwoPartyCase
from samverkan.police_events.models import PoliceEvent


class PublicPageTests(TwoPartyCase):
    def publish(self, title: str):
        c = comms.start_communication(
            tenant=self.stockholm,
            kind=CommunicationKind.PRESS_TEXT,
            title=title,
            body="Text " + title,
            parties=[self.jarva_sdf, self.lpo_jarva],
            by=self.anna,
        )
        comms.approve_version(communication=c, number=1, organisation=self.lpo_jarva, by=self.per)
        comms.approve_version(communication=c, number=1, organisation=self.jarva_sdf, by=self.lena)
        return c, comms.publish_communication(communication=c, by=self.per)

    def test_the_public_side_shows_exactly_the_published_set(self) -> None:
        _, published = self.publish("Publicerad")
        draft = comms.start_communication(
            tenant=self.stockholm,
            kind=CommunicationKind.PRESS_TEXT,
            title="Hemligt utkast",
            body="Ej klart",
            parties=[self.jarva_sdf, self.lpo_jarva],
            by=self.anna,
        )
        changed, old = self.publish("Ändrad efter publicering")
        comms.revise_communication(
            communication=changed,
            title="Ny osäker rubrik",
            body="Ny text",
            based_on=1,
            by=self.anna,
        )

        index = self.client.get("/public/stockholm/")
        self.assertContains(index, "Publicerad")
        self.assertContains(index, "Ändrad efter publicering")
        self.assertNotContains(index, "Hemligt utkast")
        self.assertNotContains(index, "Ny osäker rubrik")
        feed = self.client.get("/public/stockholm/feed.json").json()
        self.assertEqual(sorted(i["id"] for i in feed["items"]), sorted([published.pk, old.pk]))
        for url in ("/public/stockholm/feed.csv", "/public/stockholm/feed.atom"):
            body = self.client.get(url).content.decode()
            self.assertIn("Publicerad", body)
            self.assertNotIn("Hemligt utkast", body)
        # Reaching unpublished things by id or filter gives nothing.
        self.assertEqual(self.client.get(f"/public/stockholm/{draft.pk + 1000}/").status_code, 404)
        self.assertEqual(self.client.get(f"/public/grannby/{published.pk}/").status_code, 404)
        self.assertNotContains(
            self.client.get("/public/stockholm/?kind=press_text&draft=1"), "Hemligt utkast"
        )

    def test_both_languages(self) -> None:
        self.publish("Publicerad")
        sv = self.client.get("/public/stockholm/", headers={"accept-language": "sv"})
        en = self.client.get("/public/stockholm/", headers={"accept-language": "en"})
        self.assertContains(sv, 'lang="sv"')
        self.assertContains(en, 'lang="en"')
        self.assertContains(en, "Safer together")
        self.assertContains(sv, "Tryggare tillsammans")


class SuppressionTests(TwoPartyCase):
    def test_small_counts_and_their_complement_are_hidden(self) -> None:
        self.assertEqual(
            suppress_counts({"A": 3, "B": 7, "C": 20, "D": 0}, min_count=5),
            {"A": None, "B": None, "C": 20, "D": 0},
        )
        self.assertEqual(
            suppress_counts({"A": 3, "B": 4, "C": 20}, min_count=5), {"A": None, "B": None, "C": 20}
        )
        self.assertEqual(suppress_counts({"A": 5, "B": 9}, min_count=5), {"A": 5, "B": 9})

    def test_public_summary_suppresses_district_counts(self) -> None:
        self.stockholm.municipalities.add(self.stockholm_m)
        for i in range(3):
            self.make_event(i, self.rinkeby_kista)
        for i in range(3, 15):
            self.make_event(i, self.sodermalm)
        payload = situation_summary_payload(
            tenant=self.stockholm, start=date(2025, 1, 1), end=date(2025, 12, 31)
        )
        rows = {d["name"]: d for d in payload["municipalities"][0]["districts"]}
        self.assertIsNone(rows["Rinkeby-Kista"]["count"])
        # Only two districts: the other one would reveal the hidden one from the total.
        self.assertIsNone(rows["Södermalm"]["count"])
        # The total would give away the sum of the hidden counts: not published.
        self.assertIsNone(payload["municipalities"][0]["total"])

    def make_event(self, i: int, district) -> None:
        PoliceEvent.objects.create(
            event_id=1000 + i,
            published_at="2025-03-01T10:00:00+01:00",
            occurred_on="2025-03-01",
            name="1 mars 09.00, Stöld, Stockholm",
            summary="x",
            url="/x",
            type="Stöld",
            location_name="Stockholm",
            municipality=self.stockholm_m,
            district=district,
            content_hash=str(i),
        )
