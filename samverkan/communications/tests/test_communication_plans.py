"""Communication plans: one per agreement, read by whoever sees the agreement, written by
whoever may change it; every write in the audit log; other tenants get 404."""

from django.contrib.contenttypes.models import ContentType

from samverkan.agreements.models import PartyRole
from samverkan.audit.models import AuditEntry
from samverkan.communications import services
from samverkan.communications.models import CommunicationPlan
from samverkan.test import BaseTestCase

PLAN = {
    "purpose": "Berätta för boende vad parterna gör i Järva.",
    "main_message": "Tryggare Järva tillsammans.",
    "target_groups": "Boende, näringsidkare, skolor.",
    "channels": "Den publika sidan, polisen.se, dialogmöten.",
}


class CommunicationPlanTests(BaseTestCase):
    def setUp(self) -> None:
        self.jarva = self.make_local_agreement(
            parties=[(self.jarva_sdf, PartyRole.MUNICIPAL), (self.lpo_jarva, PartyRole.POLICE)]
        )

    def write_plan(self, user=None) -> CommunicationPlan:
        return services.create_communication_plan(agreement=self.jarva, by=user or self.per, **PLAN)

    def test_a_party_writes_the_plan_through_the_pages_and_it_is_audited(self) -> None:
        self.client.force_login(self.per)
        listing = self.client.get("/communication/plans/")
        self.assertContains(listing, f'href="/communication/plans/new/{self.jarva.pk}/"')
        self.assertContains(self.client.get(f"/communication/plans/new/{self.jarva.pk}/"), "Syfte")
        response = self.client.post(f"/communication/plans/new/{self.jarva.pk}/", PLAN)
        plan = CommunicationPlan.objects.get(agreement=self.jarva)
        self.assertRedirects(response, f"/communication/plans/{plan.pk}/")
        detail = self.client.get(f"/communication/plans/{plan.pk}/")
        for text in PLAN.values():
            self.assertContains(detail, text)
        self.assertContains(detail, "Ändra planen")
        self.assertContains(
            self.client.get("/communication/plans/"), f'href="/communication/plans/{plan.pk}/"'
        )
        entry = AuditEntry.objects.get(
            content_type=ContentType.objects.get_for_model(CommunicationPlan),
            object_pk=str(plan.pk),
            action=AuditEntry.Action.CREATE,
        )
        self.assertEqual((entry.actor, entry.tenant_id), (self.per, self.stockholm.pk))
        # A second plan for the same agreement: the page sends the writer to the first.
        self.assertRedirects(
            self.client.get(f"/communication/plans/new/{self.jarva.pk}/"),
            f"/communication/plans/{plan.pk}/",
        )
        with self.assertRaises(services.CommunicationError):
            self.write_plan()

    def test_editing_is_audited_and_refuses_to_overwrite_a_newer_save(self) -> None:
        plan = self.write_plan()
        self.client.force_login(self.anna)  # the city's coordinator may change it too
        form = self.client.get(f"/communication/plans/{plan.pk}/edit/")
        based_on = form.context["form"]["based_on"].value()
        changed = {
            **PLAN,
            "main_message": "Tillsammans för ett tryggare Järva.",
            "based_on": based_on,
        }
        response = self.client.post(f"/communication/plans/{plan.pk}/edit/", changed)
        self.assertRedirects(response, f"/communication/plans/{plan.pk}/")
        plan.refresh_from_db()
        self.assertEqual(plan.main_message, "Tillsammans för ett tryggare Järva.")
        update = AuditEntry.objects.filter(
            object_pk=str(plan.pk), action=AuditEntry.Action.UPDATE
        ).latest("pk")
        self.assertEqual(update.actor, self.anna)
        self.assertIn("main_message", update.changes_dict)
        # Per opened the old version; his save is refused and his text kept.
        stale = {**PLAN, "channels": "Bara affischer.", "based_on": based_on}
        self.client.force_login(self.per)
        refused = self.client.post(f"/communication/plans/{plan.pk}/edit/", stale)
        self.assertContains(refused, "Någon sparade planen medan du skrev")
        self.assertContains(refused, "Bara affischer.")
        self.assertContains(refused, "Tillsammans för ett tryggare Järva.")  # the saved plan
        plan.refresh_from_db()
        self.assertEqual(plan.channels, PLAN["channels"])
        # Saving again (now on top of the version he has seen) wins.
        again = self.client.post(
            f"/communication/plans/{plan.pk}/edit/",
            {**stale, "based_on": refused.context["form"]["based_on"].value()},
        )
        self.assertRedirects(again, f"/communication/plans/{plan.pk}/")
        plan.refresh_from_db()
        self.assertEqual(plan.channels, "Bara affischer.")

    def test_readers_read_and_non_parties_may_not_write(self) -> None:
        plan = self.write_plan()
        for user in (self.olle, self.sara):
            self.client.force_login(user)
            detail = self.client.get(f"/communication/plans/{plan.pk}/")
            self.assertContains(detail, PLAN["main_message"])
            self.assertNotContains(detail, "Ändra planen")
            self.assertEqual(
                self.client.get(f"/communication/plans/{plan.pk}/edit/").status_code, 403
            )
            self.assertEqual(
                self.client.post(f"/communication/plans/{plan.pk}/edit/", PLAN).status_code, 403
            )
        self.assertEqual(
            self.client.get(f"/communication/plans/new/{self.city_agreement.pk}/").status_code, 403
        )
        with self.assertRaises(services.CommunicationError):
            services.update_communication_plan(
                plan=plan, by=self.sara, based_on=plan.updated_at.isoformat(), **PLAN
            )

    def test_other_tenants_get_not_found(self) -> None:
        plan = self.write_plan()
        self.client.force_login(self.karin)
        for url in (
            f"/communication/plans/{plan.pk}/",
            f"/communication/plans/{plan.pk}/edit/",
            f"/communication/plans/new/{self.jarva.pk}/",
            f"/communication/plans/new/{self.city_agreement.pk}/",
        ):
            self.assertEqual(self.client.get(url).status_code, 404, url)
        self.assertEqual(
            self.client.post(f"/communication/plans/{plan.pk}/edit/", PLAN).status_code, 404
        )
        self.assertNotContains(self.client.get("/communication/plans/"), self.jarva.title)
        self.assertEqual(CommunicationPlan.objects.visible_to(self.karin).count(), 0)
        self.assertEqual(list(CommunicationPlan.objects.visible_to(self.olle)), [plan])
