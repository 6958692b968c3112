"""The shared district rule (organisations/visibility.py, ADR 0095)."""

from django.contrib.auth.models import AnonymousUser

from samverkan.agreements.models import Agreement
from samverkan.organisations.models import Membership
from samverkan.organisations.visibility import (
    district_scope,
    district_scope_q,
    visible_agreements,
)
from samverkan.test import BaseTestCase


class DistrictScopeTests(BaseTestCase):
    def setUp(self) -> None:
        self.jarva = self.make_local_agreement("Lokal Järva")
        self.jarva.districts.add(self.rinkeby_kista)
        self.soder = self.make_local_agreement("Lokal Södermalm")
        self.soder.districts.add(self.sodermalm)
        self.both = self.make_local_agreement("Lokal båda")
        self.both.districts.add(self.sodermalm, self.rinkeby_kista)
        self.make_local_agreement("Lokal utan stadsdel")

    def visible_titles(self, user) -> set[str]:
        return set(visible_agreements(user).values_list("title", flat=True))

    def test_who_is_limited_where(self) -> None:
        self.assertEqual(
            district_scope(self.sara).district_ids(self.stockholm.pk), {self.sodermalm.pk}
        )
        self.assertEqual(
            district_scope(self.olle).district_ids(self.stockholm.pk), {self.rinkeby_kista.pk}
        )
        # Not limited: the city's coordinator, the LPO's (no districts on the membership).
        self.assertIsNone(district_scope(self.anna).district_ids(self.stockholm.pk))
        self.assertIsNone(district_scope(self.per).district_ids(self.stockholm.pk))
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
        self.assertEqual(self.visible_titles(self.per), every)
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
