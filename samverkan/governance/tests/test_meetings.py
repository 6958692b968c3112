from datetime import date

from samverkan.governance import services
from samverkan.governance.models import Decision, Group, GroupKind, Meeting
from samverkan.test import BaseTestCase


class MeetingTests(BaseTestCase):
    def setUp(self) -> None:
        self.group = Group.objects.create(
            tenant=self.stockholm, name="Lokal styrgrupp Järva", kind=GroupKind.LOCAL_STEERING
        )
        self.meeting = Meeting.objects.create(
            group=self.group, held_on=date(2026, 3, 12), minutes="Genomgång av lägesbilden."
        )

    def test_adjusted_minutes_cannot_be_changed(self) -> None:
        self.client.force_login(self.anna)
        r = self.client.post(
            f"/governance/meetings/{self.meeting.pk}/adjust/", {"adjusted_on": "2026-03-19"}
        )
        self.assertEqual(r.status_code, 302)
        self.meeting.refresh_from_db()
        self.assertEqual(self.meeting.adjusted_on, date(2026, 3, 19))
        self.assertFalse(self.meeting.adjusted_immediately)

        self.client.post(
            f"/governance/meetings/{self.meeting.pk}/minutes/", {"minutes": "Ändrad i efterhand"}
        )
        self.meeting.refresh_from_db()
        self.assertEqual(self.meeting.minutes, "Genomgång av lägesbilden.")

    def test_no_decision_is_added_to_adjusted_minutes(self) -> None:
        services.adjust_minutes(meeting=self.meeting, on=date(2026, 3, 19))
        self.client.force_login(self.anna)
        r = self.client.post(
            f"/governance/meetings/{self.meeting.pk}/decisions/",
            {"text": "Beslut i efterhand", "responsible_organisation": self.jarva_sdf.pk},
            follow=True,
        )
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "Protokollet är justerat: ett beslut kan inte läggas till")
        self.assertFalse(Decision.objects.filter(meeting=self.meeting).exists())

    def test_immediate_adjustment_happens_on_the_meeting_day(self) -> None:
        with self.assertRaises(services.GovernanceError):
            services.adjust_minutes(meeting=self.meeting, on=date(2026, 3, 13), immediately=True)
        services.adjust_minutes(meeting=self.meeting, on=date(2026, 3, 12), immediately=True)
        self.meeting.refresh_from_db()
        self.assertTrue(self.meeting.adjusted_immediately)

    def test_readers_cannot_write_minutes_and_other_tenants_get_404(self) -> None:
        self.client.force_login(self.olle)
        r = self.client.post(f"/governance/meetings/{self.meeting.pk}/minutes/", {"minutes": "x"})
        self.assertEqual(r.status_code, 404)
        self.client.force_login(self.karin)
        self.assertEqual(
            self.client.get(f"/governance/meetings/{self.meeting.pk}/").status_code, 404
        )
        self.client.force_login(self.olle)
        self.assertEqual(
            self.client.get(f"/governance/meetings/{self.meeting.pk}/").status_code, 200
        )

    def test_a_decision_shows_in_the_responsible_organisations_list_until_done(self) -> None:
        self.client.force_login(self.anna)
        r = self.client.post(
            f"/governance/meetings/{self.meeting.pk}/decisions/",
            {
                "text": "Ta fram en orsaksanalys för Rinkeby centrum",
                "responsible_organisation": self.jarva_sdf.pk,
                "due_on": "2026-04-30",
            },
        )
        self.assertEqual(r.status_code, 302)
        decision = Decision.objects.get()

        self.client.force_login(self.olle)  # works at Järva stadsdelsförvaltning
        self.assertContains(self.client.get("/governance/decisions/"), "Rinkeby centrum")
        self.client.force_login(self.sara)  # Södermalm: not her organisation's decision
        self.assertNotContains(self.client.get("/governance/decisions/"), "Rinkeby centrum")

        self.client.force_login(self.olle)
        self.client.post(f"/governance/decisions/{decision.pk}/done/")
        decision.refresh_from_db()
        self.assertIsNotNone(decision.done_on)
        self.assertNotContains(self.client.get("/governance/decisions/"), "Rinkeby centrum")

    def test_decision_for_an_organisation_of_another_tenant_is_refused(self) -> None:
        self.client.force_login(self.anna)
        self.client.post(
            f"/governance/meetings/{self.meeting.pk}/decisions/",
            {"text": "x", "responsible_organisation": self.grannby_kommun.pk},
        )
        self.assertFalse(Decision.objects.exists())
