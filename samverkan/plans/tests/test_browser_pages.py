"""Plans and problems pages in a real browser: CSP intact, no console errors, axe clean."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from samverkan.agreements.models import PartyRole
from samverkan.common.testing.browser import BrowserTestCase
from samverkan.plans import services
from samverkan.plans.models import Indicator
from samverkan.police_events.models import PoliceEvent
from samverkan.problems import services as problem_services


class PlansPagesBrowserTests(BrowserTestCase):
    def test_every_plans_and_problems_page_is_clean(self) -> None:
        self.load_cast()
        agreement = self.make_local_agreement(
            covers=["otrygga-platser"],
            parties=[(self.jarva_sdf, PartyRole.MUNICIPAL), (self.lpo_jarva, PartyRole.POLICE)],
        )
        area = agreement.priority_areas.get()
        problem = problem_services.create_problem(
            priority_area=area,
            title="Otrygghet vid torget",
            period_start_on=date(2025, 1, 1),
            period_end_on=date(2025, 12, 31),
            evidence=[{"kind": "police_events", "summary": "Rån kvällstid", "source": "Polisen"}],
            by=None,
        )
        analysis = problem_services.start_cause_analysis(
            problem=problem, analysed_on=date(2026, 1, 10), by=None
        )
        cause = problem_services.add_cause(
            analysis=analysis,
            branch="place",
            directness="direct",
            nature="situational",
            description="Mörkt",
            by=None,
        )
        problem_services.add_chain_step(analysis=analysis, situation="Samling", by=None)
        plan = services.create_plan(
            agreement=agreement,
            title="Plan 2026",
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 12, 31),
            by=None,
        )
        target = services.create_target(
            plan=plan, description="Minst 5 per vecka", quantity=5, frequency="per_week", by=None
        )
        activity = services.create_activity(
            plan=plan,
            title="Fotpatrull",
            owner_party="police",
            starts_on=date(2026, 3, 1),
            ends_on=date(2026, 12, 31),
            target=target,
            priority_areas=[area],
            causes=[cause],
            neighbourhoods=[self.rinkeby],
            by=None,
        )
        Indicator.objects.create(
            activity=activity, name="Rån", kind="police_events", direction="decrease"
        )
        services.record_follow_up(
            activity=activity,
            expected_previous_id=None,
            reported_on=date(2026, 4, 30),
            status="ongoing",
            done_count=40,
            by=None,
        )
        tz = ZoneInfo("Europe/Stockholm")
        for i in range(4):
            day = date(2026, 2, 1) + timedelta(days=20 * i)
            PoliceEvent.objects.create(
                event_id=i + 1,
                published_at=datetime.combine(day, time(12), tz),
                occurred_on=day,
                name="Rån",
                summary="x",
                url="/x",
                type="Rån",
                location_name="Stockholm",
                content_hash=str(i),
                neighbourhood=self.rinkeby if i % 2 else self.hornstull,
            )
        self.log_in(self.anna)
        paths = [
            "/plans/",
            f"/plans/{plan.pk}/?on=2026-05-01",
            f"/plans/activities/{activity.pk}/",
            f"/plans/activities/{activity.pk}/before-after/"
            f"?place={self.rinkeby.pk}&comparison={self.hornstull.pk}&window_days=60",
            f"/plans/areas/{area.pk}/trace/?on=2026-05-01",
            f"/plans/{plan.pk}/activities/new/",
            f"/plans/{plan.pk}/import/",
            "/problems/",
            f"/problems/{problem.pk}/",
            "/problems/new/",
        ]
        for path in paths:
            with self.subTest(path=path):
                page = self.visit(path)
                self.assertIn("govuk-heading-l", page.content())
                self.assertPageIsClean()
