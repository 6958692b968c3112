"""Issue #8: joint communications follow their subject (ADR 0095).

A draft about the Järva pledge (Rinkeby-Kista) or about Järva's local agreement is not
Sara's (Södermalm only): 404 on the page and the actions, absent from the list, and the
services refuse her even with the rights in the tenant. A press text about no agreement or
pledge stays tenant-wide; Anna (not limited) and Olle (Rinkeby-Kista) still see it all.
"""

from datetime import date

from samverkan.communications import services
from samverkan.communications.models import CommunicationKind, CommunicationPlan
from samverkan.communications.permissions import can_approve_for, can_draft
from samverkan.communications.tests.test_two_party_rule import TwoPartyCase
from samverkan.organisations.models import Membership
from samverkan.pledges.models import CitizenPledge


class CommunicationDistrictScopeTests(TwoPartyCase):
    def setUp(self) -> None:
        self.jarva = self.make_local_agreement()
        self.jarva.districts.add(self.rinkeby_kista)
        self.pledge = CitizenPledge.objects.create(
            tenant=self.stockholm,
            title="Medborgarlöfte Järva 2026",
            municipal_party=self.jarva_sdf,
            police_party=self.lpo_jarva,
            valid_from=date(2026, 1, 1),
            valid_to=date(2026, 12, 31),
        )
        self.pledge.districts.add(self.rinkeby_kista)
        self.about_pledge = self.draft("Löftet för Järva", subject=self.pledge)
        self.about_agreement = self.draft("Järvas överenskommelse", agreement=self.jarva)
        self.press_text = self.draft("Hela staden tillsammans")

    def draft(self, title: str, **about):
        return services.start_communication(
            tenant=self.stockholm,
            kind=CommunicationKind.PRESS_TEXT,
            title=title,
            body="Polis och kommun …",
            parties=[self.jarva_sdf, self.lpo_jarva],
            by=self.anna,
            **about,
        )

    def test_a_district_limited_member_gets_404_on_another_districts_communication(
        self,
    ) -> None:
        self.client.force_login(self.sara)
        for c in (self.about_pledge, self.about_agreement):
            self.assertEqual(self.client.get(f"/communication/{c.pk}/").status_code, 404)
            r = self.client.post(f"/communication/{c.pk}/comment/", {"text": "Synpunkt"})
            self.assertEqual(r.status_code, 404)
            self.assertFalse(c.comments.exists())
        listing = self.client.get("/communication/")
        self.assertNotContains(listing, "Löftet för Järva")
        self.assertNotContains(listing, "Järvas överenskommelse")

    def test_a_communication_about_no_agreement_or_pledge_stays_tenant_wide(self) -> None:
        self.client.force_login(self.sara)
        self.assertEqual(self.client.get(f"/communication/{self.press_text.pk}/").status_code, 200)
        self.assertContains(self.client.get("/communication/"), "Hela staden tillsammans")

    def test_tenant_wide_and_same_district_members_still_see_them(self) -> None:
        for user in (self.anna, self.per, self.olle):
            self.client.force_login(user)
            for c in (self.about_pledge, self.about_agreement, self.press_text):
                self.assertEqual(self.client.get(f"/communication/{c.pk}/").status_code, 200)

    def test_rights_in_the_tenant_do_not_reach_a_communication_one_cannot_see(self) -> None:
        # Sara approves for Södermalm's administration, made a party for the test.
        Membership.objects.create(
            user=self.sara, organisation=self.sodermalm_sdf, role=self.approver
        ).districts.add(self.sodermalm)
        self.about_pledge.parties.add(self.sodermalm_sdf)
        self.assertTrue(can_draft(self.sara, self.stockholm))
        self.assertFalse(can_draft(self.sara, self.stockholm, about=self.about_pledge))
        self.assertTrue(can_draft(self.sara, self.stockholm, about=self.press_text))
        self.assertFalse(
            can_approve_for(self.sara, self.sodermalm_sdf, communication=self.about_pledge)
        )
        with self.assertRaises(services.CommunicationError):
            services.revise_communication(
                communication=self.about_pledge, title="Ny", body="Ny", based_on=1, by=self.sara
            )
        with self.assertRaises(services.CommunicationError):
            services.approve_version(
                communication=self.about_pledge,
                number=1,
                organisation=self.sodermalm_sdf,
                by=self.sara,
            )
        with self.assertRaises(services.CommunicationError):
            services.start_communication(
                tenant=self.stockholm,
                kind=CommunicationKind.PLEDGE,
                title="Järva",
                body="…",
                parties=[self.sodermalm_sdf, self.lpo_jarva],
                by=self.sara,
                subject=self.pledge,
            )
        self.assertEqual(self.about_pledge.versions.count(), 1)

    def test_the_communication_plan_of_a_local_agreement_follows_it(self) -> None:
        plan = CommunicationPlan.objects.create(
            agreement=self.jarva,
            purpose="Berätta om Järva",
            main_message="Tryggare Järva",
            target_groups="Boende",
            channels="Webben",
        )
        self.client.force_login(self.sara)
        self.assertEqual(self.client.get(f"/communication/plans/{plan.pk}/").status_code, 404)
        self.assertEqual(
            self.client.get(f"/communication/plans/new/{self.jarva.pk}/").status_code, 404
        )
        self.assertNotContains(self.client.get("/communication/plans/"), self.jarva.title)
        self.client.force_login(self.olle)
        self.assertEqual(self.client.get(f"/communication/plans/{plan.pk}/").status_code, 200)
