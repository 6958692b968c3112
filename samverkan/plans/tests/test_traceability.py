from datetime import date
from decimal import Decimal

from samverkan.plans.models import Indicator
from samverkan.plans.services import record_indicator_value
from samverkan.problems import services as problem_services

from .helpers import PlansTestCase


class TraceabilityGapTests(PlansTestCase):
    """One analysed problem with two causes, one unanalysed problem, four activities."""

    def setUp(self) -> None:
        super().setUp()
        self.problem, analysis, self.c0, self.c1 = self.make_problem(causes=2)
        self.unanalysed = problem_services.create_problem(
            priority_area=self.local_area,
            title="Nedskräpning i parken",
            period_start_on=date(2025, 1, 1),
            period_end_on=date(2025, 12, 31),
            by=self.per,
        )
        self.a = self.make_activity(title="Med färskt värde", causes=[self.c0])
        fresh = Indicator.objects.create(
            activity=self.a, name="Andel trygga", kind="manual", direction="increase"
        )
        record_indicator_value(
            indicator=fresh,
            period_start_on=date(2026, 1, 1),
            period_end_on=date(2026, 4, 30),
            value=Decimal("61.5"),
            by=self.per,
        )
        self.b = self.make_activity(title="Utan indikator", causes=[self.c0])
        self.c = self.make_activity(title="Med gammalt värde", causes=[self.c0])
        stale = Indicator.objects.create(
            activity=self.c, name="Anmälda brott", kind="manual", direction="decrease"
        )
        record_indicator_value(
            indicator=stale,
            period_start_on=date(2025, 1, 1),
            period_end_on=date(2025, 6, 30),
            value=Decimal("12"),
            by=self.per,
        )
        self.d = self.make_activity(title="Utan orsak")
        Indicator.objects.create(
            activity=self.d, name="Antal pass", kind="activity_count", direction="increase"
        )
        self.follow(self.d, date(2026, 6, 1), "ongoing", done_count=7)
        self.client.force_login(self.per)

    def expected(self) -> dict[str, int]:
        return {
            "problem_without_analysis": 1,  # the litter problem
            "cause_without_activity": 1,  # c1
            "activity_without_indicator": 1,  # b
            "indicator_without_recent_value": 1,  # c's value ended 2025-06-30
            "activity_without_cause": 1,  # d
        }

    def test_the_local_area_view_highlights_each_gap(self) -> None:
        r = self.client.get(f"/plans/areas/{self.local_area.pk}/trace/", {"on": "2026-06-30"})
        self.assertEqual(r.status_code, 200)
        self.assertEqual(r.context["trace"].gap_counts, self.expected())
        self.assertContains(r, "Nedskräpning i parken")
        self.assertContains(r, "Andel trygga: 61,50")

    def test_the_city_area_view_includes_local_areas_addressing_it(self) -> None:
        city_area = self.city_areas["otrygga-platser"]
        r = self.client.get(f"/plans/areas/{city_area.pk}/trace/", {"on": "2026-06-30"})
        self.assertEqual(r.context["trace"].gap_counts, self.expected())

    def test_recent_is_relative_to_the_date_shown(self) -> None:
        r = self.client.get(f"/plans/areas/{self.local_area.pk}/trace/", {"on": "2025-08-01"})
        gaps = r.context["trace"].gap_counts
        # On 2025-08-01 c's value is recent, a's is in the future, d has no count yet.
        self.assertEqual(gaps["indicator_without_recent_value"], 2)

    def test_a_fully_linked_problem_has_no_gaps(self) -> None:
        problem, analysis, cause = self.make_problem(causes=1)
        activity = self.make_activity(title="Ny belysning", causes=[cause])
        Indicator.objects.create(
            activity=activity, name="Antal lampor", kind="activity_count", direction="increase"
        )
        self.follow(activity, date(2026, 6, 1), "done", done_count=12)
        r = self.client.get(f"/problems/{problem.pk}/trace/", {"on": "2026-06-30"})
        self.assertEqual(r.status_code, 200)
        self.assertEqual(r.context["trace"].gap_counts, {})

    def test_problem_trace_counts_its_own_gaps(self) -> None:
        r = self.client.get(f"/problems/{self.problem.pk}/trace/", {"on": "2026-06-30"})
        self.assertEqual(
            r.context["trace"].gap_counts,
            {
                "cause_without_activity": 1,
                "activity_without_indicator": 1,
                "indicator_without_recent_value": 1,
            },
        )

    def test_karin_gets_404(self) -> None:
        self.client.force_login(self.karin)
        self.assertEqual(
            self.client.get(f"/plans/areas/{self.local_area.pk}/trace/").status_code, 404
        )
        self.assertEqual(self.client.get(f"/problems/{self.problem.pk}/trace/").status_code, 404)
