"""The shared district rule (organisations/visibility.py, ADR 0095, ADR 0096)."""

from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from samverkan.agreements.models import Agreement, AgreementParty, PartyRole
from samverkan.organisations.models import (
    AdministrativeCoverage,
    Membership,
    Organisation,
    OrganisationKind,
)
from samverkan.organisations.permissions import visible_district_ids
from samverkan.organisations.visibility import (
    district_scope,
    district_scope_q,
    visible_agreements,
)
from samverkan.test import BaseTestCase


class FourLocalAgreements(BaseTestCase):
    """Local agreements for Järva, Södermalm (their own parties), both districts (the
    city and the police region) and none."""

    def setUp(self) -> None:
        self.jarva = self.make_local_agreement("Lokal Järva")
        self.jarva.districts.add(self.rinkeby_kista)
        self.soder = self.make_local_agreement(
            "Lokal Södermalm",
            parties=[
                (self.sodermalm_sdf, PartyRole.MUNICIPAL),
                (self.lpo_sodermalm, PartyRole.POLICE),
            ],
        )
        self.soder.districts.add(self.sodermalm)
        self.both = self.make_local_agreement(
            "Lokal båda",
            parties=[(self.city, PartyRole.MUNICIPAL), (self.police_region, PartyRole.POLICE)],
        )
        self.both.districts.add(self.sodermalm, self.rinkeby_kista)
        self.make_local_agreement("Lokal utan stadsdel")

    def visible_titles(self, user) -> set[str]:
        return set(visible_agreements(user).values_list("title", flat=True))


class DistrictScopeTests(FourLocalAgreements):
    def test_who_is_limited_where(self) -> None:
        self.assertEqual(
            district_scope(self.sara).district_ids(self.stockholm.pk), {self.sodermalm.pk}
        )
        self.assertEqual(
            district_scope(self.olle).district_ids(self.stockholm.pk), {self.rinkeby_kista.pk}
        )
        # Per (LPO Järva, no districts on the membership): what LPO Järva covers and the
        # agreements it is party to name (issue #8).
        self.assertEqual(
            district_scope(self.per).district_ids(self.stockholm.pk), {self.rinkeby_kista.pk}
        )
        # Not limited: the city's coordinator (a city-level organisation).
        self.assertIsNone(district_scope(self.anna).district_ids(self.stockholm.pk))
        self.assertTrue(district_scope(self.admin).everything)
        self.assertFalse(district_scope(AnonymousUser()).open_tenants)

    def test_a_limited_member_sees_their_districts_city_wide_and_districtless_agreements(
        self,
    ) -> None:
        city = self.city_agreement.title
        self.assertEqual(
            self.visible_titles(self.sara),
            {city, "Lokal Södermalm", "Lokal båda", "Lokal utan stadsdel"},
        )
        self.assertEqual(
            self.visible_titles(self.olle),
            {city, "Lokal Järva", "Lokal båda", "Lokal utan stadsdel"},
        )

    def test_members_not_limited_see_every_agreement_of_their_tenant_only(self) -> None:
        every = set(Agreement.objects.filter(tenant=self.stockholm).values_list("title", flat=True))
        self.assertEqual(self.visible_titles(self.anna), every)
        police_region_reader = self.make_user(
            "rolf", "Rolf", "Region", self.police_region, "reader"
        )
        self.assertIsNone(district_scope(police_region_reader).district_ids(self.stockholm.pk))
        self.assertEqual(self.visible_titles(police_region_reader), every)
        self.assertEqual(self.visible_titles(self.karin), set())
        self.assertEqual(self.visible_titles(AnonymousUser()), set())

    def test_one_membership_without_districts_lifts_the_limit_in_that_tenant(self) -> None:
        Membership.objects.create(user=self.sara, organisation=self.city, role=self.roles["reader"])
        self.assertIn("Lokal Järva", self.visible_titles(self.sara))

    def test_the_limit_is_per_tenant(self) -> None:
        # Sara also reads for Grannby without a limit: Stockholm's limit stays.
        Membership.objects.create(
            user=self.sara, organisation=self.grannby_kommun, role=self.roles["reader"]
        )
        self.assertNotIn("Lokal Järva", self.visible_titles(self.sara))

    def test_the_q_gives_no_duplicate_rows_for_an_object_in_several_districts(self) -> None:
        Membership.objects.filter(user=self.sara).get().districts.add(self.rinkeby_kista)
        rows = Agreement.objects.filter(district_scope_q(self.sara, model=Agreement))
        self.assertEqual(list(rows).count(self.both), 1)


class CoverageRuleTests(FourLocalAgreements):
    """Issue #8: members of police areas and district administrations are limited by what
    their organisation covers and the agreements it is party to (ADR 0096)."""

    def test_an_lpo_member_sees_the_agreements_of_their_coverage_not_another_district(
        self,
    ) -> None:
        self.assertEqual(
            self.visible_titles(self.per),
            {self.city_agreement.title, "Lokal Järva", "Lokal båda", "Lokal utan stadsdel"},
        )

    def test_an_agreement_the_lpo_is_party_to_adds_its_districts(self) -> None:
        AgreementParty.objects.create(
            agreement=self.soder, organisation=self.lpo_jarva, role=PartyRole.POLICE
        )
        self.assertEqual(
            district_scope(self.per).district_ids(self.stockholm.pk),
            {self.rinkeby_kista.pk, self.sodermalm.pk},
        )
        self.assertIn("Lokal Södermalm", self.visible_titles(self.per))

    def test_a_district_administration_member_without_listed_districts_has_its_coverage(
        self,
    ) -> None:
        soren = self.make_user("soren", "Sören", "Sdf", self.sodermalm_sdf, "reader")
        self.assertEqual(district_scope(soren).district_ids(self.stockholm.pk), {self.sodermalm.pk})
        self.assertNotIn("Lokal Järva", self.visible_titles(soren))
        self.assertIn("Lokal Södermalm", self.visible_titles(soren))

    def test_coverage_no_longer_in_force_does_not_count(self) -> None:
        AdministrativeCoverage.objects.filter(organisation=self.lpo_jarva).update(
            valid_to=timezone.localdate() - timedelta(days=1)
        )
        # LPO Järva is still party to Järva's agreement, which names Rinkeby-Kista.
        self.assertEqual(
            district_scope(self.per).district_ids(self.stockholm.pk), {self.rinkeby_kista.pk}
        )
        AgreementParty.objects.filter(organisation=self.lpo_jarva).delete()
        self.assertEqual(district_scope(self.per).district_ids(self.stockholm.pk), frozenset())
        # Limited to no district: city-wide and district-less material only.
        self.assertEqual(
            self.visible_titles(self.per), {self.city_agreement.title, "Lokal utan stadsdel"}
        )

    def test_a_partner_without_coverage_or_agreements_sees_only_tenant_wide_material(
        self,
    ) -> None:
        partner = Organisation.objects.create(
            tenant=self.stockholm, name="Bostadsbolaget", kind=OrganisationKind.OTHER
        )
        pia = self.make_user("pia", "Pia", "Partner", partner, "reader")
        self.assertEqual(
            self.visible_titles(pia), {self.city_agreement.title, "Lokal utan stadsdel"}
        )

    def test_a_city_level_membership_lifts_the_coverage_limit_in_that_tenant(self) -> None:
        Membership.objects.create(user=self.per, organisation=self.city, role=self.roles["reader"])
        self.assertIsNone(district_scope(self.per).district_ids(self.stockholm.pk))

    def test_the_scope_and_visible_districts_agree_for_every_limited_member(self) -> None:
        for user in (self.per, self.olle, self.rut, self.sara):
            with self.subTest(user=user.username):
                self.assertEqual(
                    district_scope(user).district_ids(self.stockholm.pk),
                    visible_district_ids(user),
                )

    def test_the_scope_costs_the_same_few_queries_for_many_memberships(self) -> None:
        for organisation in (self.jarva_sdf, self.lpo_sodermalm, self.sodermalm_sdf):
            Membership.objects.create(
                user=self.per, organisation=organisation, role=self.roles["reader"]
            )
        # memberships, listed districts, coverage in force with agreement districts
        with self.assertNumQueries(3):
            scope = district_scope(self.per)
        self.assertEqual(
            scope.district_ids(self.stockholm.pk), {self.rinkeby_kista.pk, self.sodermalm.pk}
        )
