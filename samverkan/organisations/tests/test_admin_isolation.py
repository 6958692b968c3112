from django.urls import reverse

from samverkan.organisations.models import Membership, Organisation, OrganisationKind
from samverkan.test import BaseTestCase


class AdminTenantIsolationTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.adam = cls.make_user("adam", "Adam", "Admin", cls.city, "administrator")
        cls.gunnar = cls.make_user("gunnar", "Gunnar", "Admin", cls.grannby_kommun, "administrator")
        for user in (cls.adam, cls.gunnar):
            user.is_staff = True
            user.save(update_fields=["is_staff"])
        cls.grannby_polis = Organisation.objects.create(
            tenant=cls.grannby, name="Grannby polisområde", kind=OrganisationKind.POLICE_AREA
        )

    def test_a_tenant_administrator_lists_only_their_tenants_organisations(self) -> None:
        self.client.force_login(self.adam)
        r = self.client.get(reverse("admin:organisations_organisation_changelist"))
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "LPO Järva")
        self.assertNotContains(r, "Grannby")

    def test_another_tenants_row_looks_missing(self) -> None:
        self.client.force_login(self.adam)
        url = reverse("admin:organisations_organisation_change", args=[self.grannby_polis.pk])
        r = self.client.get(url)
        self.assertRedirects(r, reverse("admin:index"), fetch_redirect_response=False)
        r = self.client.post(
            url, {"name": "Hacked", "tenant": self.grannby.pk, "kind": "police_area"}
        )
        self.grannby_polis.refresh_from_db()
        self.assertEqual(self.grannby_polis.name, "Grannby polisområde")

    def test_users_and_memberships_are_scoped_too(self) -> None:
        self.client.force_login(self.gunnar)
        r = self.client.get(reverse("admin:accounts_user_changelist"))
        self.assertContains(r, "karin")
        self.assertNotContains(r, "anna")
        r = self.client.get(reverse("admin:organisations_membership_changelist"))
        self.assertContains(r, "Grannby kommun")
        self.assertNotContains(r, "Stockholms stad")

    def test_a_membership_cannot_be_put_in_another_tenants_organisation(self) -> None:
        self.client.force_login(self.gunnar)
        r = self.client.post(
            reverse("admin:organisations_membership_add"),
            {
                "user": self.gunnar.pk,
                "organisation": self.city.pk,
                "role": self.roles["coordinator"].pk,
            },
        )
        self.assertEqual(r.status_code, 200)  # the form refuses the choice
        self.assertFalse(Membership.objects.filter(user=self.gunnar, organisation=self.city))

    def test_shared_and_other_apps_pages_are_for_platform_operators(self) -> None:
        self.client.force_login(self.adam)
        self.assertEqual(
            self.client.get(reverse("admin:organisations_role_changelist")).status_code, 403
        )
        self.assertEqual(
            self.client.get(reverse("admin:agreements_agreement_changelist")).status_code, 403
        )
        self.assertEqual(
            self.client.get(reverse("admin:audit_auditentry_changelist")).status_code, 403
        )

    def test_a_tenant_administrator_cannot_make_a_superuser(self) -> None:
        self.client.force_login(self.adam)
        r = self.client.get(reverse("admin:accounts_user_change", args=[self.anna.pk]))
        self.assertEqual(r.status_code, 200)
        self.assertNotContains(r, 'name="is_superuser"')

    def test_admin_login_goes_through_the_two_factor_login(self) -> None:
        r = self.client.get(reverse("admin:login"))
        self.assertTrue(r["Location"].startswith(reverse("accounts-login")))
