"""Issue #8: governance follows the district rule (ADR 0095).

Järva's local steering group belongs to Järva's local agreement (Rinkeby-Kista): Sara
(Södermalm only) must get 404 on it, its meetings and decisions, and not find them in
lists or the calendar; Anna (city hall, not limited) and Olle (Rinkeby-Kista) still do.
The city-wide preparatory group stays visible to Sara.
"""

from datetime import date

from samverkan.governance.models import (
    CalendarEntry,
    CalendarEntryKind,
    Decision,
    Group,
    GroupKind,
    Meeting,
    Referral,
    ReferralRecipient,
    Statement,
)
from samverkan.test import BaseTestCase


class GovernanceDistrictScopeTests(BaseTestCase):
    def setUp(self) -> None:
        self.jarva = self.make_local_agreement()
        self.jarva.districts.add(self.rinkeby_kista)
        self.local = Group.objects.create(
            tenant=self.stockholm,
            name="Lokal styrgrupp Järva",
            kind=GroupKind.LOCAL_STEERING,
            agreement=self.jarva,
        )
        self.city_group = Group.objects.create(
            tenant=self.stockholm,
            name="Beredningsgrupp",
            kind=GroupKind.CITY_PREPARATORY,
            agreement=self.city_agreement,
        )
        self.meeting = Meeting.objects.create(
            group=self.local, held_on=date(2026, 3, 12), minutes="Järvas lägesbild."
        )
        self.city_meeting = Meeting.objects.create(group=self.city_group, held_on=date(2026, 2, 5))
        self.decision = Decision.objects.create(
            meeting=self.meeting,
            text="Järvas orsaksanalys",
            responsible_organisation=self.jarva_sdf,
        )
        CalendarEntry.objects.create(
            tenant=self.stockholm,
            title="Järvas styrgrupp",
            kind=CalendarEntryKind.MEETING,
            group=self.local,
            first_on=date(2026, 3, 12),
        )
        CalendarEntry.objects.create(
            tenant=self.stockholm,
            title="Beredningsgruppen",
            kind=CalendarEntryKind.MEETING,
            group=self.city_group,
            first_on=date(2026, 2, 5),
        )

    def test_a_district_limited_member_gets_404_on_another_districts_group_and_meeting(
        self,
    ) -> None:
        self.client.force_login(self.sara)
        self.assertEqual(self.client.get(f"/governance/groups/{self.local.pk}/").status_code, 404)
        self.assertEqual(
            self.client.get(f"/governance/meetings/{self.meeting.pk}/").status_code, 404
        )
        # Sara is a coordinator: she may keep meetings, but not ones she cannot see.
        r = self.client.post(
            f"/governance/meetings/{self.meeting.pk}/minutes/", {"minutes": "Ändrad"}
        )
        self.assertEqual(r.status_code, 404)
        r = self.client.post(f"/governance/decisions/{self.decision.pk}/done/")
        self.assertEqual(r.status_code, 404)
        self.meeting.refresh_from_db()
        self.decision.refresh_from_db()
        self.assertEqual(self.meeting.minutes, "Järvas lägesbild.")
        self.assertIsNone(self.decision.done_on)

    def test_lists_and_calendar_leave_out_another_districts_group(self) -> None:
        self.client.force_login(self.sara)
        groups = self.client.get("/governance/groups/")
        self.assertNotContains(groups, "Lokal styrgrupp Järva")
        self.assertContains(groups, "Beredningsgrupp")
        calendar = self.client.get("/governance/calendar/?year=2026")
        self.assertNotContains(calendar, "Järvas styrgrupp")
        self.assertContains(calendar, "Beredningsgruppen")

    def test_the_city_wide_group_and_its_meeting_stay_visible_to_a_district_member(
        self,
    ) -> None:
        self.client.force_login(self.sara)
        self.assertEqual(
            self.client.get(f"/governance/groups/{self.city_group.pk}/").status_code, 200
        )
        self.assertEqual(
            self.client.get(f"/governance/meetings/{self.city_meeting.pk}/").status_code, 200
        )

    def test_tenant_wide_and_same_district_members_still_see_the_local_group(self) -> None:
        for user in (self.anna, self.per, self.olle):
            self.client.force_login(user)
            self.assertEqual(
                self.client.get(f"/governance/groups/{self.local.pk}/").status_code, 200, user
            )
            self.assertEqual(
                self.client.get(f"/governance/meetings/{self.meeting.pk}/").status_code, 200, user
            )
            self.assertContains(self.client.get("/governance/groups/"), "Lokal styrgrupp Järva")

    def test_a_group_of_no_agreement_is_tenant_wide(self) -> None:
        group = Group.objects.create(
            tenant=self.stockholm, name="Arbetsgrupp", kind=GroupKind.WORKING
        )
        self.assertIn(group, Group.objects.visible_to(self.sara))
        self.assertNotIn(group, Group.objects.visible_to(self.karin))

    def test_a_responsible_organisation_finds_its_decision_of_another_districts_meeting(
        self,
    ) -> None:
        Decision.objects.create(
            meeting=self.meeting,
            text="Södermalm delar sin metod",
            responsible_organisation=self.sodermalm_sdf,
        )
        self.client.force_login(self.sara)
        page = self.client.get("/governance/decisions/")
        self.assertContains(page, "Södermalm delar sin metod")
        self.assertNotContains(page, "Järvas orsaksanalys")

    def test_a_referral_of_a_local_agreement_follows_it_except_for_the_bodies_asked(
        self,
    ) -> None:
        referral = Referral.objects.create(
            tenant=self.stockholm,
            title="Reviderad lokal överenskommelse Järva",
            case_number="JA 2026/1",
            owner=self.jarva_sdf,
            draft_agreement=self.jarva,
        )
        asked = ReferralRecipient.objects.create(referral=referral, organisation=self.lpo_jarva)
        statement = Statement.objects.create(recipient=asked, summary="Tillstyrker.")
        self.client.force_login(self.sara)
        self.assertEqual(self.client.get(f"/governance/referrals/{referral.pk}/").status_code, 404)
        self.assertEqual(
            self.client.get(f"/governance/statements/{statement.pk}/").status_code, 404
        )
        self.assertNotContains(self.client.get("/governance/referrals/"), "JA 2026/1")
        # Once Södermalm's administration is asked to answer, Sara reads the round.
        ReferralRecipient.objects.create(referral=referral, organisation=self.sodermalm_sdf)
        self.assertEqual(self.client.get(f"/governance/referrals/{referral.pk}/").status_code, 200)
        self.assertEqual(
            self.client.get(f"/governance/statements/{statement.pk}/").status_code, 200
        )
        self.client.force_login(self.anna)
        self.assertContains(self.client.get("/governance/referrals/"), "JA 2026/1")
