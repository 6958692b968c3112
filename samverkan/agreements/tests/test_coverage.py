from io import StringIO

from django.core.management import call_command

from samverkan.agreements.models import PartyRole
from samverkan.test import BaseTestCase

ALL_FIVE = [
    "unga-i-riskzon",
    "otrygga-platser",
    "systemhotande",
    "sarskilt-utsatta-brottsoffer",
    "kriminella-miljoer",
]


class CoverageCheckTests(BaseTestCase):
    def run_check(self) -> tuple[int, str]:
        out = StringIO()
        try:
            call_command("check-coverage", stdout=out)
        except SystemExit as e:
            return int(e.code), out.getvalue()
        return 0, out.getvalue()

    def test_a_local_agreement_missing_an_area_is_reported_with_exit_1(self) -> None:
        self.make_local_agreement(covers=ALL_FIVE[:4])
        code, out = self.run_check()
        self.assertEqual(code, 1)
        self.assertIn("does not address «Kriminella miljöer och livsstilar»", out)
        self.assertNotIn("«Unga i riskzon", out)

    def test_complete_local_agreements_exit_0(self) -> None:
        self.make_local_agreement(covers=ALL_FIVE)
        code, out = self.run_check()
        self.assertEqual(code, 0)
        self.assertIn("all 5 areas addressed", out)

    def test_one_local_area_may_address_several_city_areas(self) -> None:
        agreement = self.make_local_agreement(covers=ALL_FIVE[:3])
        combined = agreement.priority_areas.first()
        combined.frame_areas.add(
            self.city_areas["sarskilt-utsatta-brottsoffer"], self.city_areas["kriminella-miljoer"]
        )
        self.assertEqual(self.run_check()[0], 0)

    def test_the_page_lists_missing_areas_for_the_tenant_only(self) -> None:
        self.make_local_agreement(covers=ALL_FIVE[:4])
        self.client.force_login(self.anna)
        r = self.client.get("/agreements/coverage/")
        self.assertContains(r, "Kriminella miljöer och livsstilar")
        self.client.force_login(self.karin)
        r = self.client.get("/agreements/coverage/")
        self.assertNotContains(r, "Lokal överenskommelse Järva")


class PartiesTests(BaseTestCase):
    """Real local agreements are N:M between district administrations and police areas."""

    def test_one_police_area_with_two_district_administrations(self) -> None:
        a = self.make_local_agreement(
            parties=[
                (self.jarva_sdf, PartyRole.MUNICIPAL),
                (self.sodermalm_sdf, PartyRole.MUNICIPAL),
                (self.lpo_jarva, PartyRole.POLICE),
            ]
        )
        self.assertEqual(a.parties.count(), 3)
        self.assertEqual(a.party_links.filter(role=PartyRole.MUNICIPAL).count(), 2)

    def test_one_district_administration_with_two_police_areas(self) -> None:
        a = self.make_local_agreement(
            parties=[
                (self.jarva_sdf, PartyRole.MUNICIPAL),
                (self.lpo_jarva, PartyRole.POLICE),
                (self.lpo_sodermalm, PartyRole.POLICE),
            ]
        )
        self.assertEqual(a.party_links.filter(role=PartyRole.POLICE).count(), 2)

    def test_a_police_area_is_party_to_several_agreements(self) -> None:
        self.make_local_agreement(
            "A", parties=[(self.jarva_sdf, PartyRole.MUNICIPAL), (self.lpo_jarva, PartyRole.POLICE)]
        )
        self.make_local_agreement(
            "B",
            parties=[(self.sodermalm_sdf, PartyRole.MUNICIPAL), (self.lpo_jarva, PartyRole.POLICE)],
        )
        self.assertEqual(self.lpo_jarva.agreements.count(), 2)

    def test_other_tenants_agreements_look_missing(self) -> None:
        a = self.make_local_agreement()
        self.client.force_login(self.karin)
        self.assertEqual(self.client.get(f"/agreements/{a.pk}/").status_code, 404)
        self.client.force_login(self.per)
        self.assertEqual(self.client.get(f"/agreements/{a.pk}/").status_code, 200)
