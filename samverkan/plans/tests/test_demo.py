import contextlib
from io import StringIO

from django.core.management import call_command

from samverkan.plans.demo import PLAN_2025, PLAN_2026
from samverkan.plans.models import ActionPlan, Activity, FollowUp
from samverkan.problems.models import Problem
from samverkan.test import BaseTestCase


class DemoCommandTests(BaseTestCase):
    def test_it_loads_a_labelled_demo_once(self) -> None:
        out = StringIO()
        call_command("load-plans-demo", stdout=out)
        plan = ActionPlan.objects.get(title=PLAN_2026)
        self.assertTrue(plan.is_demo)
        self.assertEqual(plan.previous_plan.title, PLAN_2025)
        self.assertIn("DEMO", plan.agreement.title)
        self.assertEqual(plan.agreement.parent, self.city_agreement)
        # The unfinished patrol was carried over with its 2025 history linked.
        patrol = plan.activities.get(carried_from__isnull=False)
        self.assertEqual(len(patrol.history()), 3 + 1 + 1)
        self.assertTrue(Problem.objects.get().title.startswith("DEMO"))
        counts = (ActionPlan.objects.count(), Activity.objects.count(), FollowUp.objects.count())
        out = StringIO()
        call_command("load-plans-demo", stdout=out)
        self.assertIn("already loaded", out.getvalue())
        self.assertEqual(
            (ActionPlan.objects.count(), Activity.objects.count(), FollowUp.objects.count()), counts
        )

    def test_the_demo_covers_three_city_areas_in_the_coverage_check(self) -> None:
        call_command("load-plans-demo", stdout=StringIO())
        out = StringIO()
        with contextlib.suppress(SystemExit):
            call_command("check-coverage", stdout=out)
        text = out.getvalue()
        self.assertIn("«Systemhotande brottslighet» has no activity in any local plan", text)
        self.assertNotIn("«Otrygga och brottsutsatta platser» has no activity", text)
