"""Tertial/quarterly ranking of areas by need, with its inputs, and by ability."""

from datetime import date, datetime

from django.utils import timezone

from samverkan.est.models import AbilityAssessment
from samverkan.est.selectors import period_of, period_range
from samverkan.geography.models import Neighbourhood
from samverkan.police_events.models import PoliceEvent
from samverkan.test import square

from .base import EstTestCase


class RankingTests(EstTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.kista = Neighbourhood.objects.create(
            district=cls.rinkeby_kista,
            code="KISTA",
            name="Kista",
            boundary=square(17.92, 59.38, 0.02),
        )
        cls.husby = Neighbourhood.objects.create(
            district=cls.rinkeby_kista,
            code="HUSBY",
            name="Husby",
            boundary=square(17.92, 59.40, 0.02),
        )
        cls.stockholm.options = {"report_cadence": "quarterly"}
        cls.stockholm.save()

    def setUp(self) -> None:
        # Q2 2026 (April–June) and the previous quarter Q1.
        self.start, self.end = period_range(2026, 2, "quarterly")
        self.prev_start, _ = period_range(2026, 1, "quarterly")
        # (neighbourhood, ratings this quarter, observations last quarter, police events)
        self.inputs = {
            self.rinkeby: ([3, 3, 2, 2, 1], 2, 4),
            self.kista: ([1, 1, 0], 5, 1),
            self.husby: ([2, 3, 3, 3], 0, 0),
        }
        for hood, (ratings, previous, events) in self.inputs.items():
            for i, rating in enumerate(ratings):
                self.observe(neighbourhood=hood, point=None, rating=rating, on=date(2026, 4, 1 + i))
            for i in range(previous):
                self.observe(neighbourhood=hood, point=None, rating=1, on=date(2026, 2, 1 + i))
            for i in range(events):
                PoliceEvent.objects.create(
                    event_id=hash((hood.code, i)) % 10**9,
                    published_at=timezone.make_aware(datetime(2026, 5, 1, 12)),
                    occurred_on=date(2026, 5, 1 + i),
                    name="1 maj, Rån, Stockholm",
                    summary="x",
                    url="/x",
                    type="Rån",
                    location_name="Stockholm",
                    content_hash="x",
                    district=hood.district,
                    neighbourhood=hood,
                )

    def expected_order(self) -> list[tuple[str, float]]:
        rows = {}
        for hood, (ratings, previous, events) in self.inputs.items():
            rows[hood.name] = {
                "volume": len(ratings),
                "severity": sum(r / 3 for r in ratings) / len(ratings),
                "police_events": events,
                "trend": len(ratings) - previous,
            }
        scores = {name: 0.0 for name in rows}
        for key in ("volume", "severity", "police_events", "trend"):
            values = [rows[n][key] for n in rows]
            lo, hi = min(values), max(values)
            for name in rows:
                scores[name] += (rows[name][key] - lo) / (hi - lo) / 4
        return sorted(scores.items(), key=lambda kv: -kv[1])

    def get(self, user):
        self.client.force_login(user)
        return self.client.get(f"/est/ranking/?district={self.rinkeby_kista.pk}&year=2026&part=2")

    def test_areas_are_ranked_by_need_with_their_inputs(self) -> None:
        r = self.get(self.per)
        self.assertEqual(r.status_code, 200)
        rows = r.context["rows"]
        expected = self.expected_order()
        self.assertEqual([row.name for row in rows], [name for name, _ in expected])
        for row, (_name, score) in zip(rows, expected, strict=True):
            self.assertAlmostEqual(row.need_score, score)
        rinkeby = next(row for row in rows if row.name == "Rinkeby")
        self.assertEqual((rinkeby.volume, rinkeby.police_events, rinkeby.trend), (5, 4, 3))
        self.assertContains(r, 'id="ranking-need"')

    def test_the_group_enters_ability_and_the_second_list_follows_it(self) -> None:
        self.client.force_login(self.per)
        url = f"/est/ranking/?district={self.rinkeby_kista.pk}&year=2026&part=2"
        for hood, ability in [(self.kista, 3), (self.rinkeby, 1)]:
            r = self.client.post(
                url, {"area": f"n-{hood.pk}", "ability": ability, "rationale": "Bra samarbete"}
            )
            self.assertEqual(r.status_code, 302)
        a = AbilityAssessment.objects.get(neighbourhood=self.kista)
        self.assertEqual(
            (a.period_start_on, a.period_end_on, a.entered_by), (self.start, self.end, self.per)
        )
        r = self.client.get(url)
        self.assertEqual([row.name for row in r.context["by_ability"]][:2], ["Kista", "Rinkeby"])
        self.assertEqual(r.context["by_ability"][2].ability, None)

    def test_reporters_see_the_ranking_but_cannot_assess(self) -> None:
        self.assertEqual(self.get(self.rut).status_code, 200)
        r = self.client.post(
            f"/est/ranking/?district={self.rinkeby_kista.pk}&year=2026&part=2",
            {"area": f"n-{self.kista.pk}", "ability": 3},
        )
        self.assertEqual(r.status_code, 404)
        self.assertFalse(AbilityAssessment.objects.exists())

    def test_tertials_are_the_default_cadence(self) -> None:
        self.assertEqual(period_range(2026, 2, "tertial"), (date(2026, 5, 1), date(2026, 8, 31)))
        self.assertEqual(
            period_range(2026, 4, "quarterly"), (date(2026, 10, 1), date(2026, 12, 31))
        )
        self.client.force_login(self.per)
        bad = self.client.get(f"/est/ranking/?district={self.rinkeby_kista.pk}&year=2026&part=5")
        self.assertEqual(bad.status_code, 404)


class DefaultRankingPeriodTests(EstTestCase):
    """Without ?year/&part the ranking opens on the latest period with observations."""

    def test_it_opens_on_the_period_of_the_latest_observation(self) -> None:
        self.observe(neighbourhood=self.rinkeby, point=None, rating=2, on=date(2025, 11, 30))
        self.client.force_login(self.per)
        r = self.client.get(f"/est/ranking/?district={self.rinkeby_kista.pk}")
        cadence = self.stockholm.option("report_cadence", "tertial")
        expected = period_of(date(2025, 11, 30), cadence)
        self.assertEqual((r.context["year"], r.context["part"]), (2025, expected))
        self.assertContains(r, 'id="period-shown"')
        self.assertContains(r, "Visar den senaste perioden med iakttagelser")

    def test_an_explicit_choice_is_kept(self) -> None:
        self.observe(neighbourhood=self.rinkeby, point=None, rating=2, on=date(2025, 11, 30))
        self.client.force_login(self.per)
        r = self.client.get(f"/est/ranking/?district={self.rinkeby_kista.pk}&year=2024&part=1")
        self.assertEqual((r.context["year"], r.context["part"]), (2024, 1))
        self.assertNotContains(r, 'id="period-shown"')

    def test_without_observations_it_shows_the_current_period(self) -> None:
        self.client.force_login(self.per)
        r = self.client.get(f"/est/ranking/?district={self.rinkeby_kista.pk}")
        self.assertEqual(r.context["year"], timezone.localdate().year)
        self.assertEqual(r.context["why"], "current")
