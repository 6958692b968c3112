"""The weekly matrix: counts, highest rating, change from last week and last year."""

from datetime import date, timedelta

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from samverkan.est.selectors import iso_week_range, same_week_last_year

from .base import SODER_POINT, EstTestCase


class WeeklyMatrixTests(EstTestCase):
    def setUp(self) -> None:
        today = timezone.localdate()
        self.year, self.week, _ = (today - timedelta(days=7)).isocalendar()
        self.monday, _sunday = iso_week_range(self.year, self.week)
        ly = iso_week_range(*same_week_last_year(self.year, self.week))[0]
        plan = [
            # (day, category, rating, point)
            (self.monday, "graffiti", 1, None),
            (self.monday + timedelta(days=2), "graffiti", 3, None),
            (self.monday + timedelta(days=6), "littering", 2, None),
            (self.monday - timedelta(days=3), "graffiti", 1, None),  # last week
            (ly + timedelta(days=1), "graffiti", 2, None),  # same week last year
            (ly + timedelta(days=2), "graffiti", 2, None),
            (ly + timedelta(days=3), "graffiti", 2, None),
            (self.monday + timedelta(days=1), "graffiti", 2, SODER_POINT),  # other district
        ]
        self.plan = plan
        for day, category, rating, point in plan:
            if point:
                self.observe(
                    by=self.sara,
                    organisation=self.sodermalm_sdf,
                    point=point,
                    on=day,
                    category=category,
                    rating=rating,
                )
            else:
                self.observe(
                    on=day, category=category, rating=rating, point=None, neighbourhood=self.rinkeby
                )

    def get(self, user, **params):
        self.client.force_login(user)
        query = "&".join(f"{k}={v}" for k, v in params.items())
        return self.client.get(f"/est/weekly/?week={self.year}-W{self.week:02d}&{query}")

    def test_the_matrix_counts_this_week_and_compares(self) -> None:
        r = self.get(self.anna, district=self.rinkeby_kista.pk)
        self.assertEqual(r.status_code, 200)
        matrix = r.context["matrix"]
        row = next(row for row in matrix.rows if row.name == "Rinkeby")
        codes = [c.code for c in matrix.categories]
        graffiti = row.cells[codes.index("graffiti")]
        start, end = self.monday, self.monday + timedelta(days=6)
        expected_now = [
            p for p in self.plan if start <= p[0] <= end and p[1] == "graffiti" and not p[3]
        ]
        self.assertEqual(graffiti.count, len(expected_now))
        self.assertEqual(graffiti.max_rating, max(p[2] for p in expected_now))
        self.assertEqual(graffiti.last_week, 1)
        self.assertEqual(graffiti.change_week, len(expected_now) - 1)
        self.assertEqual(graffiti.last_year, 3)
        self.assertEqual(graffiti.change_year, len(expected_now) - 3)
        littering = row.cells[codes.index("littering")]
        self.assertEqual((littering.count, littering.max_rating), (1, 2))
        # Södermalm's report is not in Rinkeby-Kista's matrix.
        self.assertEqual(sum(r.total.count for r in matrix.rows), 3)
        self.assertContains(r, 'data-geojson="map-est-weekly"')
        self.assertContains(r, "<caption")

    @override_settings(LANGUAGE_CODE="en")
    def test_the_city_sees_every_district_and_a_reporter_only_theirs(self) -> None:
        r = self.get(self.anna)  # the city: one row per district
        totals = {row.name: row.total.count for row in r.context["matrix"].rows}
        self.assertEqual(totals, {"Rinkeby-Kista": 3, "Södermalm": 1})
        r = self.get(self.rut)  # one district: its neighbourhoods
        self.assertEqual({row.name for row in r.context["matrix"].rows}, {"Rinkeby"})

    def test_the_page_costs_the_same_number_of_queries_with_more_data(self) -> None:
        # Measured rather than pinned: the header and menu (other apps) add their own
        # queries; what this page promises is that its count does not grow with the data.
        self.client.force_login(self.anna)
        url = f"/est/weekly/?week={self.year}-W{self.week:02d}&district={self.rinkeby_kista.pk}"
        self.client.get(url)  # warm up content types and the like
        with CaptureQueriesContext(connection) as baseline:
            self.client.get(url)
        self.assertLess(len(baseline), 30)
        for i in range(10):
            self.observe(
                on=self.monday + timedelta(days=i % 7),
                category="drugs",
                point=None,
                neighbourhood=self.rinkeby,
            )
        with self.assertNumQueries(len(baseline)):
            self.client.get(url)

    def test_same_week_last_year_handles_week_53(self) -> None:
        # 2020 and 2026 have an ISO week 53; 2019 and 2025 do not.
        self.assertEqual(same_week_last_year(2020, 53), (2019, 52))
        self.assertEqual(same_week_last_year(2026, 53), (2025, 52))
        self.assertEqual(same_week_last_year(2026, 48), (2025, 48))
        self.assertEqual(iso_week_range(2026, 1)[0], date(2025, 12, 29))


class DefaultWeekTests(EstTestCase):
    """Without ?week the picture opens on the latest week with observations in scope."""

    def open(self, user, query: str = ""):
        self.client.force_login(user)
        r = self.client.get(f"/est/weekly/{query}")
        self.assertEqual(r.status_code, 200)
        return r, (r.context["matrix"].iso_year, r.context["matrix"].iso_week)

    def test_it_opens_on_the_latest_week_with_observations_like_the_demo_data(self) -> None:
        # As in the bundled demo: the observations end a year before today.
        end = timezone.localdate() - timedelta(days=365)
        self.observe(on=end - timedelta(days=30))
        self.observe(on=end)
        r, week = self.open(self.anna)
        self.assertEqual(week, end.isocalendar()[:2])
        self.assertEqual(r.context["why"], "latest")
        self.assertContains(
            r, f"Visar vecka {week[1]} {week[0]}: den senaste hela veckan med iakttagelser här."
        )
        self.assertContains(r, f'name="week" type="text" value="{week[0]}-W{week[1]:02d}"')
        self.assertEqual(sum(row.total.count for row in r.context["matrix"].rows), 1)

    def test_the_latest_week_is_the_users_own_scope(self) -> None:
        today = timezone.localdate()
        rinkeby_day = today - timedelta(weeks=10)
        soder_day = today - timedelta(weeks=20)
        self.observe(on=rinkeby_day)
        self.observe(by=self.sara, organisation=self.sodermalm_sdf, point=SODER_POINT, on=soder_day)
        _r, week = self.open(self.sara)  # Södermalm only
        self.assertEqual(week, soder_day.isocalendar()[:2])
        _r, week = self.open(self.anna, f"?district={self.sodermalm.pk}")
        self.assertEqual(week, soder_day.isocalendar()[:2])
        _r, week = self.open(self.anna)  # the whole city
        self.assertEqual(week, rinkeby_day.isocalendar()[:2])

    def test_a_chosen_week_is_kept(self) -> None:
        self.observe(on=timezone.localdate() - timedelta(weeks=3))
        r, week = self.open(self.anna, "?week=2025-W40")
        self.assertEqual(week, (2025, 40))
        self.assertEqual(r.context["why"], "chosen")
        self.assertNotContains(r, 'id="week-shown"')

    def test_this_week_only_when_no_earlier_week_has_observations(self) -> None:
        today = timezone.localdate()
        self.observe(on=today)
        r, week = self.open(self.anna)
        self.assertEqual((week, r.context["why"]), (today.isocalendar()[:2], "current"))
        # With an earlier week as well, the complete week wins over the partial one.
        earlier = today - timedelta(weeks=2)
        self.observe(on=earlier)
        r, week = self.open(self.anna)
        self.assertEqual((week, r.context["why"]), (earlier.isocalendar()[:2], "latest"))

    def test_without_any_observations_it_shows_last_week_and_says_so(self) -> None:
        r, week = self.open(self.anna)
        self.assertEqual(week, (timezone.localdate() - timedelta(days=7)).isocalendar()[:2])
        self.assertContains(r, "Här finns inga iakttagelser ännu; visar förra veckan.")
