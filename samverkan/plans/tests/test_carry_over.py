from datetime import date

from samverkan.plans.models import ActionPlan, Activity, FollowUpStatus, Indicator
from samverkan.plans.services import create_target

from .helpers import PlansTestCase


class CarryOverTests(PlansTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.target = create_target(
            plan=self.plan,
            description="Minst 5 per vecka",
            quantity=5,
            frequency="per_week",
            by=self.per,
        )
        self.done = self.make_activity(title="Klar")
        self.ongoing = self.make_activity(title="Pågår", target=self.target)
        self.partly = self.make_activity(title="Delvis")
        self.silent = self.make_activity(title="Ingen uppföljning")
        self.dropped = self.make_activity(title="Ej genomförd")
        self.follow(self.done, date(2026, 6, 1), FollowUpStatus.DONE)
        self.follow(self.ongoing, date(2026, 3, 1), FollowUpStatus.PLANNED)
        self.follow(self.ongoing, date(2026, 11, 1), FollowUpStatus.ONGOING, done_count=120)
        self.follow(self.partly, date(2026, 12, 1), FollowUpStatus.PARTLY_DONE, progress_percent=60)
        self.follow(self.dropped, date(2026, 12, 1), FollowUpStatus.NOT_DONE)
        Indicator.objects.create(
            activity=self.ongoing, name="Antal pass", kind="activity_count", direction="increase"
        )
        self.url = f"/plans/{self.plan.pk}/carry-over/"

    def carry(self):
        self.client.force_login(self.per)
        return self.client.post(
            self.url,
            {
                "title": "Handlingsplan Järva 2027",
                "starts_on": "2027-01-01",
                "ends_on": "2027-12-31",
            },
        )

    def test_unfinished_activities_move_with_their_history(self) -> None:
        r = self.carry()
        new_plan = ActionPlan.objects.get(title="Handlingsplan Järva 2027")
        self.assertRedirects(r, f"/plans/{new_plan.pk}/")
        self.assertEqual(new_plan.previous_plan, self.plan)
        carried = {a.carried_from_id: a for a in new_plan.activities.all()}
        self.assertEqual(set(carried), {self.ongoing.pk, self.partly.pk, self.silent.pk})
        new = carried[self.ongoing.pk]
        self.assertEqual(
            (new.code, new.starts_on, new.ends_on),
            (self.ongoing.code, date(2027, 1, 1), date(2027, 12, 31)),
        )
        self.assertEqual(list(new.priority_areas.all()), [self.local_area])
        self.assertEqual(new.indicators.get().name, "Antal pass")
        self.assertEqual(new.target.plan, new_plan)
        self.assertEqual(new.target.description, "Minst 5 per vecka")
        # History is linked, not copied: old entries stay on the old activity.
        history = new.history()
        self.assertEqual(
            [(e.activity_id, e.status) for e in history],
            [
                (self.ongoing.pk, "planned"),
                (self.ongoing.pk, "ongoing"),
                (new.pk, "ongoing"),
            ],
        )
        self.assertEqual(self.ongoing.follow_ups.count(), 2)
        self.assertEqual(new.follow_ups.get().done_count, 0)  # counts restart per period
        # The old plan is untouched.
        self.assertEqual(self.plan.activities.count(), 5)

    def test_the_new_activity_page_shows_last_years_entries(self) -> None:
        self.carry()
        new = Activity.objects.get(carried_from=self.partly)
        r = self.client.get(f"/plans/activities/{new.pk}/")
        self.assertContains(r, "Handlingsplan Järva 2026")
        self.assertEqual(len(r.context["history"]), 2)

    def test_an_activity_is_carried_only_once(self) -> None:
        self.carry()
        r = self.carry()
        self.assertEqual(r.status_code, 400)
        self.assertEqual(Activity.objects.filter(carried_from=self.ongoing).count(), 1)
        self.assertEqual(ActionPlan.objects.filter(title="Handlingsplan Järva 2027").count(), 1)

    def test_readers_cannot_carry_over(self) -> None:
        self.client.force_login(self.olle)
        self.assertEqual(self.client.get(self.url).status_code, 404)
