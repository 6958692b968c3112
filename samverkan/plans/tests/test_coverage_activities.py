from io import StringIO

from django.core.management import call_command

from samverkan.agreements.tests.test_coverage import ALL_FIVE
from samverkan.test import CITY_AREAS

from .helpers import PlansTestCase


class ActivityCoverageTests(PlansTestCase):
    """check-coverage also lists city-wide areas with no activity in any local plan."""

    def run_check(self) -> tuple[int, str]:
        out = StringIO()
        try:
            call_command("check-coverage", stdout=out)
        except SystemExit as e:
            return int(e.code), out.getvalue()
        return 0, out.getvalue()

    def setUp(self) -> None:
        super().setUp()
        # Järva's agreement (from PlansTestCase) addresses only two areas; add the rest.
        for code in ALL_FIVE[2:]:
            area = self.agreement.priority_areas.create(code=f"local-{code}", name=code)
            area.frame_areas.add(self.city_areas[code])

    def local(self, code: str):
        return self.agreement.priority_areas.get(code=f"local-{code}")

    def test_areas_without_local_activity_are_reported(self) -> None:
        for code in ALL_FIVE[:4]:
            self.make_activity(title=code, priority_areas=[self.local(code)])
        code, out = self.run_check()
        self.assertEqual(code, 1)
        self.assertIn("«Kriminella miljöer och livsstilar» has no activity in any local plan", out)
        self.assertNotIn("«Unga i riskzon för destruktivt beteende» has no activity", out)

    def test_an_activity_tagged_with_the_city_area_itself_counts(self) -> None:
        for code in ALL_FIVE[:4]:
            self.make_activity(title=code, priority_areas=[self.local(code)])
        self.make_activity(title="direct", priority_areas=[self.city_areas["kriminella-miljoer"]])
        code, out = self.run_check()
        self.assertEqual(code, 0, out)
        self.assertNotIn("has no activity", out)

    def test_activities_in_a_city_wide_plan_do_not_count(self) -> None:
        from datetime import date

        from samverkan.plans.services import create_plan

        city_plan = create_plan(
            agreement=self.city_agreement,
            title="Stadens plan",
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 12, 31),
            by=self.anna,
        )
        for code in ALL_FIVE:
            self.make_activity(plan=city_plan, title=code, priority_areas=[self.city_areas[code]])
        code, out = self.run_check()
        self.assertEqual(code, 1)
        self.assertEqual(out.count("has no activity in any local plan"), 5)

    def test_without_local_plans_nothing_is_judged(self) -> None:
        self.plan.delete()
        code, out = self.run_check()
        self.assertEqual(code, 0, out)
        self.assertIn("no local action plans yet", out)

    def test_the_coverage_page_lists_areas_without_activity(self) -> None:
        self.make_activity(title="x", priority_areas=[self.local("unga-i-riskzon")])
        self.client.force_login(self.anna)
        r = self.client.get("/agreements/coverage/", headers={"accept-language": "en"})
        self.assertContains(r, "Areas with no activity in any local plan")
        row = r.context["activity_report"][0]
        self.assertEqual(
            [a.name for a in row.without_activity],
            [name for code, name in CITY_AREAS if code != "unga-i-riskzon"],
        )
        self.client.force_login(self.karin)
        r = self.client.get("/agreements/coverage/")
        self.assertEqual(r.context["activity_report"], [])
