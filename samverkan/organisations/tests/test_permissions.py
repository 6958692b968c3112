from datetime import date, timedelta

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from samverkan.geography.models import District
from samverkan.organisations.models import AdministrativeCoverage, Membership
from samverkan.organisations.permissions import (
    can_administer,
    can_audit,
    can_edit_agreement,
    can_edit_plans,
    can_report_observation,
    can_view,
    requires_two_factor,
    visible_districts,
    visible_tenants,
)
from samverkan.test import BaseTestCase


class VisibleDistrictsTests(BaseTestCase):
    def names(self, user) -> set[str]:
        return set(visible_districts(user).values_list("name", flat=True))

    def test_a_city_level_member_sees_the_whole_municipality(self) -> None:
        self.assertEqual(self.names(self.anna), {"Rinkeby-Kista", "Södermalm"})

    def test_a_police_member_sees_what_coverage_and_agreements_name(self) -> None:
        self.assertEqual(self.names(self.per), {"Rinkeby-Kista"})  # LPO Järva's coverage
        agreement = self.make_local_agreement(
            parties=[(self.sodermalm_sdf, "municipal"), (self.lpo_jarva, "police")]
        )
        agreement.districts.add(self.sodermalm)
        self.assertEqual(self.names(self.per), {"Rinkeby-Kista", "Södermalm"})

    def test_a_district_member_sees_the_districts_on_their_membership(self) -> None:
        self.assertEqual(self.names(self.olle), {"Rinkeby-Kista"})
        self.assertEqual(self.names(self.sara), {"Södermalm"})

    def test_a_district_administration_member_sees_coverage_in_force_only(self) -> None:
        membership = Membership.objects.get(user=self.olle)
        membership.districts.clear()  # no limit: the administration's coverage decides
        self.assertEqual(self.names(self.olle), {"Rinkeby-Kista"})
        AdministrativeCoverage.objects.filter(organisation=self.jarva_sdf).update(
            valid_to=timezone.localdate() - timedelta(days=1)
        )
        self.assertEqual(self.names(self.olle), set())

    def test_another_tenant_and_anonymous_see_no_stockholm_district(self) -> None:
        self.assertEqual(self.names(self.karin), set())
        self.assertEqual(self.names(AnonymousUser()), set())

    def test_a_listed_district_of_another_tenant_is_ignored(self) -> None:
        elsewhere = District.objects.create(
            municipality=self.grannby_m, code="99991", name="Grannby centrum"
        )
        Membership.objects.get(user=self.olle).districts.add(elsewhere)
        self.assertEqual(self.names(self.olle), {"Rinkeby-Kista"})

    def test_an_ended_membership_sees_nothing(self) -> None:
        Membership.objects.filter(user=self.anna).update(valid_to=date(2020, 1, 1))
        self.assertEqual(self.names(self.anna), set())
        self.assertFalse(visible_tenants(self.anna).exists())


class PredicateTests(BaseTestCase):
    def test_viewing_follows_tenant_and_district(self) -> None:
        self.assertTrue(can_view(self.olle, tenant=self.stockholm, district=self.rinkeby_kista))
        self.assertFalse(can_view(self.olle, tenant=self.stockholm, district=self.sodermalm))
        self.assertFalse(can_view(self.karin, tenant=self.stockholm))
        self.assertFalse(can_view(AnonymousUser(), tenant=self.stockholm))

    def test_reporting_needs_the_capability_in_the_district(self) -> None:
        self.assertTrue(can_report_observation(self.rut, district=self.rinkeby_kista))
        self.assertFalse(can_report_observation(self.rut, district=self.sodermalm))
        self.assertFalse(can_report_observation(self.olle, district=self.rinkeby_kista))

    def test_plans_and_agreements(self) -> None:
        self.assertTrue(can_edit_plans(self.sara, tenant=self.stockholm, district=self.sodermalm))
        self.assertFalse(
            can_edit_plans(self.sara, tenant=self.stockholm, district=self.rinkeby_kista)
        )
        local = self.make_local_agreement()
        self.assertTrue(can_edit_agreement(self.per, local))  # LPO Järva is a party
        self.assertTrue(can_edit_agreement(self.anna, local))  # city hall
        self.assertFalse(can_edit_agreement(self.sara, local))  # Södermalm is not a party
        self.assertFalse(can_edit_agreement(self.olle, local))  # a reader
        self.assertFalse(can_edit_agreement(self.karin, local))  # another tenant

    def test_administration_and_audit_are_capabilities_of_roles(self) -> None:
        self.assertFalse(can_administer(self.anna, tenant=self.stockholm))
        self.assertFalse(can_audit(self.anna))
        self.roles["coordinator"].capabilities.append("audit")
        self.roles["coordinator"].save()
        self.assertTrue(can_audit(self.anna, tenant=self.stockholm))
        self.assertFalse(can_audit(self.anna, tenant=self.grannby))
        self.assertTrue(can_administer(self.admin, tenant=self.grannby))  # superuser

    def test_two_factor_is_required_by_role_and_for_staff(self) -> None:
        self.assertTrue(requires_two_factor(self.anna))
        self.assertFalse(requires_two_factor(self.rut))
        self.assertTrue(requires_two_factor(self.admin))
        self.assertFalse(requires_two_factor(AnonymousUser()))
