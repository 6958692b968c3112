from datetime import date
from unittest import mock

from django.apps import apps

from samverkan.plans.tests.helpers import PlansTestCase

QUERY = "?from=2025-06-01&to=2025-08-31"


class SituationSectionTests(PlansTestCase):
    def setUp(self) -> None:
        super().setUp()
        patcher = mock.patch.object(
            apps.get_app_config("problems"),
            "situation_sections",
            ["samverkan.problems.situation.section"],
            create=True,
        )
        patcher.start()
        self.addCleanup(patcher.stop)
        self.problem, self.analysis, self.cause = self.make_problem()
        self.make_activity(causes=[self.cause])
        self.make_activity(title="Andra", causes=[self.cause])

    def test_the_district_picture_lists_problems_and_offers_a_new_one(self) -> None:
        self.client.force_login(self.per)
        r = self.client.get(f"/situation/district/80125/situation.json{QUERY}")
        self.assertEqual(
            r.json()["sections"]["problems"],
            {
                "count": 1,
                "problems": [
                    {
                        "title": self.problem.title,
                        "priority_area": self.local_area.name,
                        "period_from": "2025-01-01",
                        "period_to": "2025-12-31",
                        "has_cause_analysis": True,
                        "activities": 2,
                    }
                ],
            },
        )
        page = self.client.get(f"/situation/district/80125/{QUERY}")
        self.assertContains(
            page,
            f"/problems/new/?start=2025-06-01&amp;end=2025-08-31&amp;district={self.rinkeby_kista.pk}",
        )

    def test_the_neighbourhood_picture_finds_the_problem_too(self) -> None:
        self.client.force_login(self.olle)
        r = self.client.get(f"/situation/neighbourhood/RINKEBY/situation.json{QUERY}")
        self.assertEqual(r.json()["sections"]["problems"]["count"], 1)

    def test_other_periods_and_tenants_see_nothing(self) -> None:
        self.client.force_login(self.olle)
        r = self.client.get(
            "/situation/district/80125/situation.json?from=2024-01-01&to=2024-03-31"
        )
        self.assertNotIn("problems", r.json()["sections"])
        self.client.force_login(self.karin)
        r = self.client.get(f"/situation/district/80125/situation.json{QUERY}")
        self.assertNotIn("problems", r.json().get("sections", {}))
        self.assertEqual(date(2025, 6, 1).year, 2025)
