"""Pledge texts, promises, follow-ups and dialogue outcomes are stored scrubbed (issue #8)."""

from samverkan.common.testing.scrub import STORED, TYPED, ScrubAssertions
from samverkan.pledges.models import CitizenDialogue, CitizenPledge, PromiseFollowUp

from . import test_pledge_flow  # the module, so pytest does not collect its tests twice


class PledgeScrubbingTests(ScrubAssertions, test_pledge_flow.PledgeFlowTests):
    # Reuse the flow's pledge and promises, not its tests.
    test_draft_approve_publish_follow_up_publish_again = None
    test_next_period_keeps_each_promise_history = None
    test_other_tenants_cannot_see_or_follow_up = None

    def test_a_new_pledge_is_scrubbed_and_the_writer_told(self) -> None:
        self.client.force_login(self.anna)
        r = self.client.post(
            "/pledges/new/",
            {
                "title": "Medborgarlöfte Tensta 2027",
                "municipal_party": self.jarva_sdf.pk,
                "police_party": self.lpo_jarva.pk,
                "valid_from": "2027-01-01",
                "valid_to": "2027-12-31",
                "situation": TYPED,
                "problems": "Otrygghet vid torget",
                "expected_effect": "Kontakt: 08-123 456 78",
            },
            follow=True,
        )
        pledge = CitizenPledge.objects.get(title="Medborgarlöfte Tensta 2027")
        self.assertEqual(pledge.situation, STORED)
        self.assertEqual(pledge.expected_effect, "Kontakt: [telefonnummer]")
        self.assertContains(
            r,
            "Platser, inte personer: vi tog bort 1 personnummer, 2 telefonnummer, "
            "1 e-postadress ur din text innan den sparades.",
        )

    def test_a_promise_a_follow_up_and_a_dialogue_are_scrubbed(self) -> None:
        self.client.force_login(self.anna)
        r = self.client.post(
            f"/pledges/{self.pledge.pk}/promises/",
            {"party": "police", "text": TYPED, "place_name": "Torget"},
            follow=True,
        )
        self.assertEqual(self.pledge.promises.get(party="police", order=3).text, STORED)
        self.assertWarnedAboutRemovals(r)

        r = self.client.post(
            f"/pledges/promises/{self.together.pk}/follow-up/",
            {"reported_on": "2026-06-30", "outcome_count": "1", "text": TYPED},
            follow=True,
        )
        self.assertEqual(PromiseFollowUp.objects.get().text, STORED)
        self.assertWarnedAboutRemovals(r)

        r = self.client.post(
            f"/pledges/{self.pledge.pk}/dialogues/",
            {"held_on": "2026-05-01", "method": "meeting", "participants": "40", "outcome": TYPED},
            follow=True,
        )
        self.assertEqual(CitizenDialogue.objects.get().outcome, STORED)
        self.assertWarnedAboutRemovals(r)

    def test_the_models_scrub_on_save_whatever_the_caller(self) -> None:
        self.pledge.problems = TYPED
        self.pledge.title = "Löfte ABC 123"
        self.pledge.save()
        self.together.text = TYPED
        self.together.save()
        self.pledge.refresh_from_db()
        self.together.refresh_from_db()
        self.assertEqual(
            (self.pledge.problems, self.pledge.title, self.together.text),
            (STORED, "Löfte [registreringsnummer]", STORED),
        )
