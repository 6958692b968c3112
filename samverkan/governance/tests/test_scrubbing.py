"""Minutes, decisions and statements are stored without personal identifiers (issue #8)."""

from datetime import date

from samverkan.common.testing.scrub import STORED, TYPED, ScrubAssertions
from samverkan.governance import services
from samverkan.governance.models import (
    AgendaItem,
    CalendarEntry,
    Decision,
    Group,
    GroupKind,
    Meeting,
    Referral,
    ReferralRecipient,
    Statement,
)
from samverkan.test import BaseTestCase


class GovernanceScrubbingTests(ScrubAssertions, BaseTestCase):
    def setUp(self) -> None:
        self.group = Group.objects.create(
            tenant=self.stockholm, name="Lokal styrgrupp Järva", kind=GroupKind.LOCAL_STEERING
        )
        self.meeting = Meeting.objects.create(group=self.group, held_on=date(2026, 3, 12))

    def test_minutes_typed_on_the_meeting_page_are_scrubbed_and_the_writer_told(self) -> None:
        self.client.force_login(self.anna)
        r = self.client.post(
            f"/governance/meetings/{self.meeting.pk}/minutes/", {"minutes": TYPED}, follow=True
        )
        self.meeting.refresh_from_db()
        self.assertEqual(self.meeting.minutes, STORED)
        self.assertWarnedAboutRemovals(r)

    def test_a_decision_is_scrubbed(self) -> None:
        self.client.force_login(self.anna)
        r = self.client.post(
            f"/governance/meetings/{self.meeting.pk}/decisions/",
            {"text": TYPED, "responsible_organisation": self.jarva_sdf.pk},
            follow=True,
        )
        self.assertEqual(Decision.objects.get().text, STORED)
        self.assertWarnedAboutRemovals(r)

    def test_a_statement_answering_a_referral_is_scrubbed(self) -> None:
        referral = Referral.objects.create(
            tenant=self.stockholm,
            title="Reviderad överenskommelse",
            case_number="KS 2023/740",
            owner=self.city,
            draft_agreement=self.city_agreement,
            deadline_on=date(2023, 10, 31),
        )
        recipient = ReferralRecipient.objects.create(
            referral=referral, organisation=self.sodermalm_sdf
        )
        services.send_referral(referral=referral, on=date(2023, 9, 1))
        self.client.force_login(self.sara)
        r = self.client.post(
            f"/governance/referrals/{referral.pk}/answer/{recipient.pk}/",
            {"summary": "Tillstyrker.", "views": TYPED, "decided_on": "2023-10-26"},
            follow=True,
        )
        statement = Statement.objects.get(recipient=recipient)
        self.assertEqual((statement.summary, statement.views), ("Tillstyrker.", STORED))
        self.assertWarnedAboutRemovals(r)

    def test_clean_text_gives_no_warning(self) -> None:
        self.client.force_login(self.anna)
        r = self.client.post(
            f"/governance/meetings/{self.meeting.pk}/minutes/",
            {"minutes": "Beslut enligt KS 2023/740, möte 2026-03-12 kl. 18.30."},
            follow=True,
        )
        self.assertNotContains(r, "vi tog bort")

    def test_the_models_scrub_on_save_whatever_the_caller(self) -> None:
        """The admin, imports and demo loaders save models directly."""
        item = AgendaItem.objects.create(meeting=self.meeting, title="Punkt", notes=TYPED)
        entry = CalendarEntry.objects.create(
            tenant=self.stockholm, title="Möte 0701234567", kind="other", first_on=date.today()
        )
        self.group.description = TYPED
        self.group.save()
        for obj, field in ((item, "notes"), (entry, "title"), (self.group, "description")):
            obj.refresh_from_db()
            self.assertNoIdentifiers(getattr(obj, field))
        self.assertEqual(entry.title, "Möte [telefonnummer]")
