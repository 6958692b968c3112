"""Joint communication is stored, hashed, approved and published without identifiers.

An approval is of an exact version's digest, so the digest must be computed from the
scrubbed text the version stores; otherwise no approval could ever match (issue #8).
"""

import json

from samverkan.audit.models import AuditEntry
from samverkan.common.testing.scrub import STORED, TYPED, ScrubAssertions
from samverkan.communications import services
from samverkan.communications.models import (
    Comment,
    CommunicationPlan,
    CommunicationVersion,
    content_digest,
)

from .test_two_party_rule import TwoPartyCase


class CommunicationScrubbingTests(ScrubAssertions, TwoPartyCase):
    def test_a_new_press_text_is_scrubbed_hashed_as_stored_and_the_writer_told(self) -> None:
        self.client.force_login(self.anna)
        r = self.client.post(
            "/communication/new/",
            {
                "title": "Tryggare torg, ring 0701234567",
                "body": TYPED,
                "municipal_party": self.jarva_sdf.pk,
                "police_party": self.lpo_jarva.pk,
            },
            follow=True,
        )
        version = CommunicationVersion.objects.get()
        self.assertEqual(
            (version.title, version.body), ("Tryggare torg, ring [telefonnummer]", STORED)
        )
        self.assertEqual(version.digest, content_digest(version.title, version.body, {}))
        self.assertContains(
            r,
            "Platser, inte personer: vi tog bort 1 personnummer, 2 telefonnummer, "
            "1 e-postadress ur din text innan den sparades.",
        )

    def test_the_service_hashes_the_scrubbed_text_so_approvals_match_and_publish(self) -> None:
        c = services.start_communication(
            tenant=self.stockholm,
            kind="press_text",
            title="Tryggare Rinkeby centrum",
            body=TYPED,
            parties=[self.jarva_sdf, self.lpo_jarva],
            by=self.anna,
        )
        version = c.latest_version()
        version.refresh_from_db()
        self.assertEqual(version.body, STORED)
        self.assertEqual(version.digest, content_digest(version.title, STORED, {}))
        for org, user in ((self.lpo_jarva, self.per), (self.jarva_sdf, self.lena)):
            services.approve_version(communication=c, number=1, organisation=org, by=user)
        self.assertEqual(services.missing_approvals(version), [])
        publication = services.publish_communication(communication=c, by=self.per)
        self.assertEqual(publication.version.body, STORED)

    def test_a_revision_that_only_swaps_one_identifier_for_another_is_no_change(self) -> None:
        c = self.start()
        services.revise_communication(
            communication=c, title="Ring 0701234567", body="x", based_on=1, by=self.anna
        )
        # Stored as "Ring [telefonnummer]": another number typed is the same version.
        with self.assertRaisesMessage(services.CommunicationError, "Inget ändrades"):
            services.revise_communication(
                communication=c, title="Ring 08-123 456 78", body="x", based_on=2, by=self.anna
            )

    def test_revising_on_the_page_is_scrubbed_and_told(self) -> None:
        c = self.start()
        self.client.force_login(self.anna)
        r = self.client.post(
            f"/communication/{c.pk}/revise/",
            {"title": "Tryggare Rinkeby centrum", "body": TYPED, "based_on": 1},
            follow=True,
        )
        latest = c.latest_version()
        self.assertEqual((latest.number, latest.body), (2, STORED))
        self.assertEqual(latest.digest, content_digest(latest.title, STORED, latest.payload))
        self.assertWarnedAboutRemovals(r)

    def test_a_comment_is_scrubbed_and_told(self) -> None:
        c = self.start()
        self.client.force_login(self.anna)
        r = self.client.post(f"/communication/{c.pk}/comment/", {"text": TYPED}, follow=True)
        self.assertEqual(Comment.objects.get().text, STORED)
        self.assertWarnedAboutRemovals(r)

    def test_the_audit_log_holds_the_scrubbed_version(self) -> None:
        c = services.start_communication(
            tenant=self.stockholm,
            kind="press_text",
            title="Titel",
            body=TYPED,
            parties=[self.jarva_sdf, self.lpo_jarva],
            by=self.anna,
        )
        entry = AuditEntry.objects.get_for_object(c.latest_version()).get()
        logged = json.dumps(entry.changes, ensure_ascii=False)
        self.assertIn("[personnummer]", logged)
        self.assertNoIdentifiers(logged)

    def test_the_models_scrub_on_save_whatever_the_caller(self) -> None:
        agreement = self.make_local_agreement()
        plan = CommunicationPlan.objects.create(
            agreement=agreement,
            purpose=TYPED,
            main_message="Trygghet",
            target_groups="Boende",
            channels="Webb",
        )
        plan.refresh_from_db()
        self.assertEqual(plan.purpose, STORED)
        comment = Comment(
            communication=self.start(),
            text=TYPED,
            author=self.anna,
        )
        comment.save()
        comment.refresh_from_db()
        self.assertEqual(comment.text, STORED)


class CommunicationPlanScrubbingTests(ScrubAssertions, TwoPartyCase):
    PLAN = {
        "purpose": TYPED,
        "main_message": "Tryggare Järva",
        "target_groups": "Boende",
        "channels": "Webben",
    }

    def test_writing_a_plan_is_scrubbed_and_told(self) -> None:
        agreement = self.make_local_agreement()
        self.client.force_login(self.per)
        r = self.client.post(f"/communication/plans/new/{agreement.pk}/", self.PLAN, follow=True)
        plan = CommunicationPlan.objects.get(agreement=agreement)
        self.assertEqual(plan.purpose, STORED)
        self.assertWarnedAboutRemovals(r)

    def test_changing_a_plan_is_scrubbed_and_told(self) -> None:
        agreement = self.make_local_agreement()
        plan = CommunicationPlan.objects.create(
            agreement=agreement, **{**self.PLAN, "purpose": "Berätta om Järva"}
        )
        self.client.force_login(self.per)
        r = self.client.post(
            f"/communication/plans/{plan.pk}/edit/",
            {**self.PLAN, "channels": TYPED, "based_on": plan.updated_at.isoformat()},
            follow=True,
        )
        plan.refresh_from_db()
        self.assertEqual((plan.purpose, plan.channels), (STORED, STORED))
        self.assertContains(
            r,
            "Platser, inte personer: vi tog bort 2 personnummer, 2 telefonnummer, "
            "2 e-postadresser ur din text innan den sparades.",
        )
