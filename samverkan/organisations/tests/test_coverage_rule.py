"""Issue #8 through the pages: an LPO's or district administration's member is limited by
what their organisation covers and the agreements it is party to (ADR 0096).

Per (coordinator at LPO Järva, no districts listed on his membership) opens Järva's local
material and gets 404 on Södermalm's; the city-wide material stays open to him; he
still edits the local agreements LPO Järva is party to.
"""

from datetime import date

from django.urls import reverse

from samverkan.agreements.models import AgreementParty, PartyRole
from samverkan.communications.models import CommunicationPlan
from samverkan.communications.services import start_communication
from samverkan.governance.models import Group, GroupKind, Meeting
from samverkan.plans import services as plans
from samverkan.plans.models import ActionPlan
from samverkan.plans.visibility import can_edit_agreement_work, editable_agreements
from samverkan.pledges.models import CitizenPledge
from samverkan.test import BaseTestCase


class CoverageLimitsPagesTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.objects = {}
        for key, district, municipal, police in [
            ("jarva", cls.rinkeby_kista, cls.jarva_sdf, cls.lpo_jarva),
            ("soder", cls.sodermalm, cls.sodermalm_sdf, cls.lpo_sodermalm),
        ]:
            agreement = BaseTestCase.make_local_agreement(
                cls,
                f"Lokal överenskommelse {district.name}",
                parties=[(municipal, PartyRole.MUNICIPAL), (police, PartyRole.POLICE)],
            )
            agreement.districts.add(district)
            pledge = CitizenPledge.objects.create(
                tenant=cls.stockholm,
                title=f"Medborgarlöfte {district.name}",
                municipal_party=municipal,
                police_party=police,
                valid_from=date(2026, 1, 1),
                valid_to=date(2026, 12, 31),
            )
            pledge.districts.set([district])
            group = Group.objects.create(
                tenant=cls.stockholm,
                name=f"Lokal styrgrupp {district.name}",
                kind=GroupKind.LOCAL_STEERING,
                agreement=agreement,
            )
            cls.objects[key] = {
                "plans-detail": plans.create_plan(
                    agreement=agreement,
                    title=f"Handlingsplan {district.name}",
                    starts_on=date(2026, 1, 1),
                    ends_on=date(2026, 12, 31),
                    by=cls.anna,
                ),
                "governance-group": group,
                "governance-meeting": Meeting.objects.create(group=group, held_on=date(2026, 3, 1)),
                "pledges-detail": pledge,
                "communications-detail": start_communication(
                    tenant=cls.stockholm,
                    kind="pledge",
                    title=f"Medborgarlöfte {district.name}",
                    body="Polis och kommun lovar tillsammans.",
                    parties=[municipal, police],
                    by=cls.anna,
                    subject=pledge,
                ),
                "communications-plan-detail": CommunicationPlan.objects.create(
                    agreement=agreement,
                    purpose="Syfte",
                    main_message="Budskap",
                    target_groups="Boende",
                    channels="Webb",
                ),
            }
        cls.jarva_agreement = cls.objects["jarva"]["plans-detail"].agreement
        cls.soder_agreement = cls.objects["soder"]["plans-detail"].agreement
        # Tenant-wide material: the preparatory group and a press text.
        cls.city_group = Group.objects.create(
            tenant=cls.stockholm,
            name="Beredningsgrupp",
            kind=GroupKind.CITY_PREPARATORY,
            agreement=cls.city_agreement,
        )
        cls.press_text = start_communication(
            tenant=cls.stockholm,
            kind="press_text",
            title="Gemensam text",
            body="Polis och kommun arbetar tillsammans.",
            parties=[cls.city, cls.police_region],
            by=cls.anna,
        )

    def status_of(self, user, url_name: str, obj) -> int:
        self.client.force_login(user)
        return self.client.get(reverse(url_name, kwargs={"pk": obj.pk})).status_code

    def test_an_lpo_member_sees_their_districts_material_and_not_anothers(self) -> None:
        for url_name in self.objects["jarva"]:
            with self.subTest(url_name):
                self.assertEqual(
                    self.status_of(self.per, url_name, self.objects["jarva"][url_name]), 200
                )
                self.assertEqual(
                    self.status_of(self.per, url_name, self.objects["soder"][url_name]), 404
                )

    def test_lists_leave_out_another_districts_material(self) -> None:
        self.client.force_login(self.per)
        pledges = self.client.get(reverse("pledges-list")).content.decode()
        self.assertIn("Medborgarlöfte Rinkeby-Kista", pledges)
        self.assertNotIn("Medborgarlöfte Södermalm", pledges)
        groups = self.client.get(reverse("governance-groups")).content.decode()
        self.assertIn("Lokal styrgrupp Rinkeby-Kista", groups)
        self.assertNotIn("Lokal styrgrupp Södermalm", groups)

    def test_tenant_wide_material_stays_open_to_an_lpo_member(self) -> None:
        self.assertEqual(self.status_of(self.per, "governance-group", self.city_group), 200)
        self.assertEqual(self.status_of(self.per, "communications-detail", self.press_text), 200)
        self.client.force_login(self.per)
        response = self.client.get(
            reverse("agreements-detail", kwargs={"pk": self.city_agreement.pk})
        )
        self.assertEqual(response.status_code, 200)

    def test_a_district_administration_member_without_listed_districts_has_its_coverage(
        self,
    ) -> None:
        soren = self.make_user("soren", "Sören", "Sdf", self.sodermalm_sdf, "reader")
        for url_name in self.objects["soder"]:
            with self.subTest(url_name):
                self.assertEqual(
                    self.status_of(soren, url_name, self.objects["soder"][url_name]), 200
                )
                self.assertEqual(
                    self.status_of(soren, url_name, self.objects["jarva"][url_name]), 404
                )

    def test_a_city_level_member_is_not_limited(self) -> None:
        rolf = self.make_user("rolf", "Rolf", "Region", self.police_region, "reader")
        for key in ("jarva", "soder"):
            for url_name, obj in self.objects[key].items():
                with self.subTest(url_name, key=key):
                    self.assertEqual(self.status_of(self.anna, url_name, obj), 200)
                    self.assertEqual(self.status_of(rolf, url_name, obj), 200)

    def test_an_lpo_coordinator_still_edits_the_agreements_the_lpo_is_party_to(self) -> None:
        self.assertTrue(can_edit_agreement_work(self.per, self.jarva_agreement))
        self.assertEqual(set(editable_agreements(self.per)), {self.jarva_agreement})
        self.client.force_login(self.per)
        response = self.client.post(
            reverse("plans-new"),
            {
                "agreement": self.jarva_agreement.pk,
                "title": "Handlingsplan 2027",
                "starts_on": "2027-01-01",
                "ends_on": "2027-12-31",
            },
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(ActionPlan.objects.filter(title="Handlingsplan 2027").exists())
        # A Södermalm agreement is offered once LPO Järva is party to it: the agreement
        # names Södermalm, so Per reaches it (and its plan) again.
        AgreementParty.objects.create(
            agreement=self.soder_agreement, organisation=self.lpo_jarva, role=PartyRole.POLICE
        )
        self.assertEqual(
            set(editable_agreements(self.per)), {self.jarva_agreement, self.soder_agreement}
        )
        soder_plan = self.objects["soder"]["plans-detail"]
        self.assertEqual(self.status_of(self.per, "plans-detail", soder_plan), 200)
