"""The situation pages: index of areas and one page per area, for members only."""

import json
from datetime import date

from django.test import override_settings

from samverkan.accounts.models import User
from samverkan.police_events.models import PoliceEvent

from .helpers import SituationTestCase


class AreaIndexTests(SituationTestCase):
    def test_it_lists_the_county_municipalities_districts_and_neighbourhoods(self) -> None:
        self.client.force_login(self.anna)
        r = self.client.get("/situation/")
        self.assertEqual(r.status_code, 200)
        for url in [
            "/situation/municipality/0180/",
            "/situation/municipality/0184/",  # Solna, same county
            "/situation/district/80125/",
            "/situation/district/80127/",
            "/situation/neighbourhood/RINKEBY/",
        ]:
            self.assertContains(r, f'href="{url}"')
        self.assertNotContains(r, "/situation/municipality/9999/")  # Grannby, other county

    def test_each_tenant_sees_its_own_county(self) -> None:
        self.client.force_login(self.karin)
        r = self.client.get("/situation/")
        self.assertContains(r, 'href="/situation/municipality/9999/"')
        self.assertNotContains(r, "/situation/municipality/0180/")

    def test_it_requires_login(self) -> None:
        r = self.client.get("/situation/")
        self.assertEqual(r.status_code, 302)
        self.assertIn("/accounts/login/", r["Location"])

    def test_users_without_membership_see_no_areas(self) -> None:
        self.client.force_login(User.objects.create_user("ulf", "u@example.org", self.password))
        r = self.client.get("/situation/")
        self.assertEqual(r.status_code, 200)
        self.assertNotContains(r, "/situation/municipality/")


class AreaPageTests(SituationTestCase):
    def test_the_municipality_page_shows_figures_tables_charts_and_map(self) -> None:
        self.client.force_login(self.anna)
        r = self.client.get(f"/situation/municipality/0180/{self.period_query()}")
        self.assertEqual(r.status_code, 200)
        picture = r.context["picture"]
        total = picture["police_events"]["total"]
        self.assertEqual(
            total,
            PoliceEvent.objects.filter(
                municipality=self.stockholm_m,
                occurred_on__gte=date(2025, 2, 1),
                occurred_on__lte=date(2025, 3, 31),
            ).count(),
        )
        self.assertContains(r, '<h1 class="govuk-heading-l">Stockholm</h1>', html=True)
        for chart in ("chart-weeks", "chart-types", "chart-crime"):
            self.assertContains(r, f'id="{chart}"')
            self.assertContains(r, f'data-vega-spec="{chart}"')
        self.assertContains(r, 'data-geojson="map-area"')
        # districts, weeks, types, Brå, and the problems section's (empty) list
        self.assertContains(r, "<caption", count=5)
        self.assertContains(r, 'scope="col"')
        self.assertContains(
            r, "/situation/municipality/0180/situation.json?from=2025-02-01&amp;to=2025-03-31"
        )
        # The map: districts shaded by placed events, linking to their pages.
        feature_collection = json.loads(
            r.content.decode()
            .split('<script id="map-area" type="application/json">')[1]
            .split("</script>")[0]
        )
        self.assertEqual(
            {
                f["properties"]["name"]: f["properties"]["events"]
                for f in feature_collection["features"]
            },
            {s["name"]: s["count"] for s in picture["police_events"]["by_subarea"]},
        )
        self.assertEqual(
            {f["properties"]["href"] for f in feature_collection["features"]},
            {"/situation/district/80125/", "/situation/district/80127/"},
        )
        # Sources and definitions under the figures.
        self.assertContains(r, "Polisen, händelser (polisen.se/api/events)")
        self.assertContains(r, "Brå, anmälda brott (test)")

    def test_the_district_page_labels_the_municipality_context(self) -> None:
        self.client.force_login(self.olle)
        r = self.client.get(
            f"/situation/district/80125/{self.period_query()}", headers={"accept-language": "en"}
        )
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "Context: all of Stockholm (not figures for this area)")
        self.assertContains(r, "Brå publishes no figures below municipality level")
        self.assertContains(r, 'href="/situation/municipality/0180/"')  # breadcrumb

    def test_a_municipality_without_districts_shows_no_placement_row(self) -> None:
        self.client.force_login(self.anna)
        r = self.client.get(
            f"/situation/municipality/0184/{self.period_query()}",
            headers={"accept-language": "en"},
        )
        self.assertEqual(r.status_code, 200)
        self.assertEqual(r.context["picture"]["police_events"]["total"], 1)
        self.assertNotContains(r, "Not placed in any district")
        self.assertContains(r, "No boundary is stored for this area")

    def test_the_neighbourhood_page_renders(self) -> None:
        self.client.force_login(self.sara)
        r = self.client.get(f"/situation/neighbourhood/SÖDERMALM/{self.period_query()}")
        self.assertEqual(r.status_code, 200)
        self.assertEqual(r.context["picture"]["area"]["kind"], "neighbourhood")
        self.assertContains(r, 'href="/situation/district/80127/"')

    def test_default_period_is_the_last_twelve_full_months_of_data(self) -> None:
        # Latest Stockholm incident: 2025-04-01, so March 2025 is the last full month.
        self.client.force_login(self.anna)
        r = self.client.get("/situation/municipality/0180/")
        self.assertEqual(r.context["picture"]["period"]["from"], "2024-04-01")
        self.assertEqual(r.context["picture"]["period"]["to"], "2025-03-31")
        self.assertContains(r, 'value="2024-04-01"')

    def test_default_period_ends_on_the_latest_day_when_it_ends_a_month(self) -> None:
        self.make_event(date(2025, 4, 30), "Rån", municipality=self.stockholm_m)
        self.client.force_login(self.anna)
        r = self.client.get("/situation/municipality/0180/")
        self.assertEqual(
            (r.context["picture"]["period"]["from"], r.context["picture"]["period"]["to"]),
            ("2024-05-01", "2025-04-30"),
        )

    def test_bad_dates_show_an_error_summary(self) -> None:
        self.client.force_login(self.anna)
        r = self.client.get("/situation/municipality/0180/?from=2025-03-01&to=2025-02-01")
        self.assertEqual(r.status_code, 400)
        self.assertContains(r, "govuk-error-summary", status_code=400)
        self.assertContains(r, 'href="#id_to"', status_code=400)
        self.assertNotIn("picture", r.context)

    def test_it_requires_login_and_hides_areas_from_non_members(self) -> None:
        url = f"/situation/district/80125/{self.period_query()}"
        r = self.client.get(url)
        self.assertEqual(r.status_code, 302)
        self.client.force_login(User.objects.create_user("ulf", "u@example.org", self.password))
        self.assertEqual(self.client.get(url).status_code, 404)
        self.client.force_login(self.anna)
        self.assertEqual(self.client.get("/situation/district/99999/").status_code, 404)
        self.assertEqual(self.client.get("/situation/county/01/").status_code, 404)

    def test_the_page_uses_a_fixed_number_of_queries(self) -> None:
        self.client.force_login(self.anna)
        url = f"/situation/municipality/0180/{self.period_query()}"
        self.client.get(url)  # warm up content types and the like
        # session, user, membership gate, area, Brå county rates, Brå rows, events by
        # day/type, previous period, data coverage, municipality context, county level,
        # per-district counts, districts, district boundaries, the header's tenant, and
        # the session save (savepoint, update, release), the surveys section's lookup, the
        # EST section's check for observations in the area and period, and the
        # second-factor device that verified the session (django-otp), and the problems
        # section (visible problems with their analyses and activities: 1; whether the user
        # may register one: memberships, organisations and agreements, 9); the header and
        # main menu, once per request: memberships (which give the tenant too), may the
        # user report EST observations, is there an EST picture.
        with self.assertNumQueries(32):
            self.client.get(url)
        for i in range(5):
            self.make_event(date(2025, 2, 10 + i), f"Typ {i}", municipality=self.stockholm_m)
        with self.assertNumQueries(32):
            self.client.get(url)

    @override_settings(LANGUAGE_CODE="sv")
    def test_the_page_speaks_swedish_by_default(self) -> None:
        self.client.force_login(self.anna)
        r = self.client.get(f"/situation/municipality/0180/{self.period_query()}")
        self.assertContains(r, "Lägesbild")
