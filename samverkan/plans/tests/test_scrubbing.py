"""Plan, target, activity, indicator and follow-up texts are stored scrubbed (issue #8).

The activity's code (the key of the Excel round-trip) and sources are exempt, with their
reasons in common/tests/test_free_text_fields.py.
"""

from datetime import date

from samverkan.common.testing.scrub import STORED, TYPED, ScrubAssertions
from samverkan.plans.models import ActionPlan, Activity, FollowUp, Indicator, Target

from .helpers import PlansTestCase


class PlanScrubbingTests(ScrubAssertions, PlansTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.client.force_login(self.per)

    def test_a_new_plan_title_is_scrubbed(self) -> None:
        r = self.client.post(
            "/plans/new/",
            {
                "agreement": self.agreement.pk,
                "title": "Plan, frågor till 0701234567",
                "starts_on": "2027-01-01",
                "ends_on": "2027-12-31",
            },
            follow=True,
        )
        self.assertTrue(ActionPlan.objects.filter(title="Plan, frågor till [telefonnummer]"))
        self.assertContains(
            r,
            "Platser, inte personer: vi tog bort 1 telefonnummer ur din text innan den sparades.",
        )

    def test_an_activity_and_its_target_are_scrubbed_and_the_writer_told(self) -> None:
        r = self.client.post(
            f"/plans/{self.plan.pk}/targets/new/",
            {
                "description": "Minst 2 vandringar, anmäl till 08-123 456 78",
                "comparator": "at_least",
                "quantity": "2",
                "unit": "occurrences",
                "frequency": "per_week",
            },
            follow=True,
        )
        self.assertEqual(
            Target.objects.get().description, "Minst 2 vandringar, anmäl till [telefonnummer]"
        )
        self.assertContains(r, "vi tog bort 1 telefonnummer ur din text")
        r = self.client.post(
            f"/plans/{self.plan.pk}/activities/new/",
            {
                "code": "B7",
                "title": "Kvällsvandringar",
                "description": TYPED,
                "activity_type": "field_work",
                "priority_areas": [self.local_area.pk],
                "owner_party": "municipality",
                "responsible_organisation": self.jarva_sdf.pk,
                "starts_on": "2026-02-01",
                "ends_on": "2026-12-31",
                "expected_effect": "short_term",
                "place_note": "Torget",
            },
            follow=True,
        )
        activity = Activity.objects.get(code="B7")
        self.assertEqual(activity.description, STORED)
        self.assertWarnedAboutRemovals(r)

    def test_editing_an_activity_is_scrubbed(self) -> None:
        activity = self.make_activity()
        r = self.client.post(
            f"/plans/activities/{activity.pk}/edit/",
            {
                "title": activity.title,
                "description": TYPED,
                "activity_type": activity.activity_type,
                "priority_areas": [self.local_area.pk],
                "owner_party": activity.owner_party,
                "starts_on": "2026-01-01",
                "ends_on": "2026-12-31",
                "expected_effect": "short_term",
                "version": activity.version,
            },
            follow=True,
        )
        activity.refresh_from_db()
        self.assertEqual(activity.description, STORED)
        self.assertWarnedAboutRemovals(r)

    def test_a_follow_up_note_and_an_indicator_are_scrubbed(self) -> None:
        activity = self.make_activity()
        r = self.client.post(
            f"/plans/activities/{activity.pk}/follow-up/",
            {"reported_on": "2026-03-01", "status": "ongoing", "note": TYPED},
            follow=True,
        )
        self.assertEqual(FollowUp.objects.get().note, STORED)
        self.assertWarnedAboutRemovals(r)
        r = self.client.post(
            f"/plans/activities/{activity.pk}/indicators/new/",
            {"name": "Samtal via 0701234567", "kind": "activity_count", "direction": "increase"},
            follow=True,
        )
        self.assertEqual(Indicator.objects.get().name, "Samtal via [telefonnummer]")
        self.assertContains(r, "vi tog bort 1 telefonnummer ur din text")

    def test_the_models_scrub_on_save_whatever_the_caller(self) -> None:
        activity = self.make_activity(description=TYPED, place_note="Bil ABC 123")
        follow_up = self.follow(activity, date(2026, 2, 1), "ongoing", note=TYPED)
        activity.refresh_from_db()
        follow_up.refresh_from_db()
        self.assertEqual(
            (activity.description, activity.place_note, follow_up.note),
            (STORED, "Bil [registreringsnummer]", STORED),
        )
