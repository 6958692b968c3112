from datetime import date

from samverkan.plans.models import ActionPlan, FollowUpStatus
from samverkan.plans.services import create_target
from samverkan.reporting import services

from .base import ReportingCase


class CompilationTests(ReportingCase):
    def setUp(self) -> None:
        super().setUp()
        jarva_plan = self.make_plan(self.jarva)
        soder_plan = self.make_plan(self.soder)
        target = create_target(
            plan=jarva_plan,
            by=None,
            description="Minst 5 per vecka",
            comparator="at_least",
            quantity=5,
            unit="occurrences",
            frequency="per_week",
        )
        self.patrol = self.make_activity(
            jarva_plan, "Fotpatrull Rinkeby", "otrygga-platser", target=target
        )
        self.light = self.make_activity(jarva_plan, "Belysning", "otrygga-platser")
        self.school = self.make_activity(soder_plan, "Skolinformation", "unga-i-riskzon")
        self.unfollowed = self.make_activity(soder_plan, "SSPF", "unga-i-riskzon")
        self.follow_up(self.patrol, FollowUpStatus.ONGOING, date(2026, 6, 30), count=120)
        self.follow_up(self.patrol, FollowUpStatus.DONE, date(2026, 12, 31), count=261)
        self.follow_up(
            self.light, FollowUpStatus.NOT_DONE, date(2026, 12, 1), note="Leverantören hann inte"
        )
        self.follow_up(self.school, FollowUpStatus.PARTLY_DONE, date(2026, 11, 1), count=3)
        # An entry after the year does not count for the year.
        self.follow_up(self.school, FollowUpStatus.DONE, date(2027, 1, 10), count=6)

    def test_figures_match_the_underlying_plans(self) -> None:
        c = services.compile_year(frame=self.city_agreement, year=2026, by=self.anna)
        areas = {a["code"]: a for a in c.figures["areas"]}
        places = areas["otrygga-platser"]
        self.assertEqual(places["activities"], 2)
        self.assertEqual(places["by_status"], {"done": 1, "not_done": 1})
        self.assertEqual(places["not_done"][0]["note"], "Leverantören hann inte")
        # 5 per week over 2026 (365 days) = 5 × 365 / 7 = 260.7 → 261 required.
        self.assertEqual(
            places["targets"],
            [{"description": "Minst 5 per vecka", "required": 261, "achieved": 261, "met": True}],
        )
        youth = areas["unga-i-riskzon"]
        self.assertEqual(youth["by_status"], {"no_follow_up": 1, "partly_done": 1})
        self.assertEqual(areas["systemhotande"]["activities"], 0)

    def test_decided_compilations_are_final_and_next_year_takes_unfinished_work(self) -> None:
        c = services.compile_year(frame=self.city_agreement, year=2026, by=self.anna)
        services.decide_compilation(compilation=c, on=date(2027, 1, 20))
        with self.assertRaises(services.ReportingError):
            services.compile_year(frame=self.city_agreement, year=2026, by=self.anna)
        created = services.draft_next_year_plans(compilation=c, by=self.anna)
        self.assertEqual(len(created), 2)
        carried = {a.title for p in created for a in p.activities.all()}
        # Partly done and never followed up go along; done and not done stay behind.
        self.assertEqual(carried, {"Skolinformation", "SSPF"})
        self.assertEqual(services.draft_next_year_plans(compilation=c, by=self.anna), [])
        self.assertEqual(ActionPlan.objects.filter(starts_on=date(2027, 1, 1)).count(), 2)
