"""Issue #8: pledges follow their districts (ADR 0095).

The draft Järva pledge covers Rinkeby-Kista: Sara (Södermalm only) gets 404 on it and its
promises and cannot change it; Anna (not limited) and Olle (Rinkeby-Kista) still read it.
A pledge without districts is tenant-wide.
"""

from datetime import date

from samverkan.pledges.models import CitizenDialogue, CitizenPledge, Promise, PromiseParty
from samverkan.test import BaseTestCase


class PledgeDistrictScopeTests(BaseTestCase):
    def setUp(self) -> None:
        self.jarva = self.pledge("Medborgarlöfte Järva 2026", [self.rinkeby_kista])
        self.promise = Promise.objects.create(
            pledge=self.jarva, party=PromiseParty.POLICE, text="Fotpatrullera Rinkeby torg"
        )
        self.citywide = self.pledge("Medborgarlöfte hela staden 2026", [])

    def pledge(self, title: str, districts) -> CitizenPledge:
        pledge = CitizenPledge.objects.create(
            tenant=self.stockholm,
            title=title,
            municipal_party=self.jarva_sdf,
            police_party=self.lpo_jarva,
            valid_from=date(2026, 1, 1),
            valid_to=date(2026, 12, 31),
        )
        pledge.districts.set(districts)
        return pledge

    def test_a_district_limited_member_gets_404_on_another_districts_pledge(self) -> None:
        self.client.force_login(self.sara)
        self.assertEqual(self.client.get(f"/pledges/{self.jarva.pk}/").status_code, 404)
        self.assertEqual(self.client.get(f"/pledges/promises/{self.promise.pk}/").status_code, 404)
        self.assertNotContains(self.client.get("/pledges/"), "Medborgarlöfte Järva 2026")

    def test_a_coordinator_cannot_change_a_pledge_they_cannot_see(self) -> None:
        self.client.force_login(self.sara)  # coordinator: may draft, but not here
        r = self.client.post(
            f"/pledges/{self.jarva.pk}/promises/", {"party": "police", "text": "Nytt löfte"}
        )
        self.assertEqual(r.status_code, 404)
        r = self.client.post(f"/pledges/{self.jarva.pk}/publish/")
        self.assertEqual(r.status_code, 404)
        r = self.client.post(
            f"/pledges/promises/{self.promise.pk}/follow-up/",
            {"reported_on": "2026-03-31", "outcome_count": 4},
        )
        self.assertEqual(r.status_code, 404)
        self.assertEqual(self.jarva.promises.count(), 1)
        self.assertFalse(self.promise.follow_ups.exists())

    def test_tenant_wide_and_same_district_members_still_see_it(self) -> None:
        for user in (self.anna, self.per, self.olle):
            self.client.force_login(user)
            self.assertEqual(self.client.get(f"/pledges/{self.jarva.pk}/").status_code, 200)
            self.assertContains(self.client.get("/pledges/"), "Medborgarlöfte Järva 2026")

    def test_a_pledge_without_districts_is_visible_to_every_member(self) -> None:
        self.client.force_login(self.sara)
        self.assertEqual(self.client.get(f"/pledges/{self.citywide.pk}/").status_code, 200)
        self.assertContains(self.client.get("/pledges/"), "Medborgarlöfte hela staden 2026")
        self.client.force_login(self.karin)
        self.assertEqual(self.client.get(f"/pledges/{self.citywide.pk}/").status_code, 404)

    def test_dialogues_follow_their_pledge(self) -> None:
        dialogue = CitizenDialogue.objects.create(
            tenant=self.stockholm,
            pledge=self.jarva,
            held_on=date(2026, 2, 1),
            method="walk",
            participants=12,
            outcome="Mörkt vid torget",
        )
        self.assertNotIn(dialogue, CitizenDialogue.objects.visible_to(self.sara))
        self.assertIn(dialogue, CitizenDialogue.objects.visible_to(self.olle))

    def test_a_district_limited_writer_is_offered_only_their_districts(self) -> None:
        self.client.force_login(self.sara)
        page = self.client.get("/pledges/new/")
        self.assertContains(page, "Södermalm")
        self.assertNotContains(page, "Rinkeby-Kista")
        self.client.force_login(self.anna)
        self.assertContains(self.client.get("/pledges/new/"), "Rinkeby-Kista")
