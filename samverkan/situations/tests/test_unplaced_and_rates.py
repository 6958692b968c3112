from datetime import date

from samverkan.police_events.models import PoliceEvent
from samverkan.test import BaseTestCase


class UnplacedAndRatesTests(BaseTestCase):
    def event(self, n: int, *, district=None, reason: str = "") -> PoliceEvent:
        return PoliceEvent.objects.create(
            event_id=9000 + n,
            published_at="2025-03-02T10:00:00+01:00",
            occurred_on=date(2025, 3, 1),
            name=f"1 mars 09.00, Rån, Stockholm ({n})",
            summary="x",
            url="/x",
            type="Rån",
            location_name="Stockholm",
            municipality=self.stockholm_m,
            district=district,
            placement_reason=reason,
            content_hash=str(n),
        )

    def test_the_unplaced_events_are_listed_with_their_reason(self) -> None:
        self.event(1, district=self.rinkeby_kista)
        self.event(2, reason="names places in two districts: Rinkeby, Södermalm")
        self.event(3, reason="no place named")
        self.client.force_login(self.anna)
        r = self.client.get("/situation/district/80125/unplaced/?from=2025-01-01&to=2025-12-31")
        self.assertEqual([e.event_id for e in r.context["page"]], [9003, 9002])
        self.assertContains(r, "names places in two districts: Rinkeby, Södermalm")
        self.client.logout()
        r = self.client.get("/situation/district/80125/unplaced/?from=2025-01-01&to=2025-12-31")
        self.assertEqual(r.status_code, 302)

    def test_districts_get_a_rate_per_1000_inhabitants(self) -> None:
        for n in range(4):
            self.event(n, district=self.rinkeby_kista)
        self.client.force_login(self.anna)
        r = self.client.get(
            "/situation/municipality/0180/situation.json?from=2025-01-01&to=2025-12-31"
        )
        rows = {s["name"]: s for s in r.json()["police_events"]["by_subarea"]}
        self.assertEqual(rows["Rinkeby-Kista"]["per_1000"], round(4 / 51387 * 1000, 2))
        self.assertEqual(rows["Södermalm"]["per_1000"], 0.0)
        page = self.client.get("/situation/municipality/0180/?from=2025-01-01&to=2025-12-31")
        self.assertContains(page, 'data-value="per_1000"')
