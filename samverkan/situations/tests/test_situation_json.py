"""The situation picture's figures, through its JSON download, against independent counts."""

from collections import Counter
from datetime import date, timedelta

from .helpers import END, PREV_END, PREV_START, START, SituationTestCase


def in_period(event, start: date = START, end: date = END) -> bool:
    return start <= event.occurred_on <= end


def iso_week(day: date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"


class SituationJsonTests(SituationTestCase):
    def get_json(self, kind: str, code: str, query: str | None = None, user=None):
        self.client.force_login(user or self.anna)
        return self.client.get(
            f"/situation/{kind}/{code}/situation.json{query or self.period_query()}"
        )

    def test_municipality_figures_match_independent_counts(self) -> None:
        r = self.get_json("municipality", "0180")
        self.assertEqual(r.status_code, 200)
        self.assertIn("attachment", r["Content-Disposition"])
        data = r.json()

        mine = [e for e in self.events if e.municipality_id == self.stockholm_m.pk]
        current = [e for e in mine if in_period(e)]
        previous = [e for e in mine if in_period(e, PREV_START, PREV_END)]
        events = data["police_events"]

        self.assertEqual(data["area"]["name"], "Stockholm")
        self.assertEqual(data["area"]["kind"], "municipality")
        self.assertEqual(data["period"], {"from": "2025-02-01", "to": "2025-03-31", "days": 59})
        self.assertEqual(events["total"], len(current))
        self.assertEqual(
            {t["type"]: t["count"] for t in events["by_type"]},
            dict(Counter(e.type for e in current)),
        )
        self.assertEqual(events["previous_period"], {"from": "2024-12-04", "to": "2025-01-31"})
        self.assertEqual(events["previous_period_total"], len(previous))
        self.assertTrue(events["previous_period_covered"])
        self.assertEqual(events["unplaced"], sum(1 for e in current if e.district_id is None))
        # The county-level row resolved to Stockholm is in the total; the two that name no
        # municipality are counted separately, and the one before the period is not.
        self.assertEqual(events["county_level"]["attributed_to_municipality"], 1)
        self.assertEqual(
            events["county_level"]["not_attributed"],
            sum(1 for e in self.events if e.county_level and not e.municipality and in_period(e)),
        )
        self.assertEqual(events["county_level"]["not_attributed"], 2)
        self.assertEqual(
            {s["name"]: s["count"] for s in events["by_subarea"]},
            {
                "Rinkeby-Kista": sum(1 for e in current if e.district_id == self.rinkeby_kista.pk),
                "Södermalm": sum(1 for e in current if e.district_id == self.sodermalm.pk),
            },
        )
        self.assertEqual(
            data["population"],
            {"value": 984748, "year": 2024, "source": "SCB (test)", "sources": ["population"]},
        )

    def test_weeks_cover_the_period_and_label_partial_weeks(self) -> None:
        data = self.get_json("municipality", "0180").json()
        weeks = data["police_events"]["by_week"]
        current = [
            e for e in self.events if e.municipality_id == self.stockholm_m.pk and in_period(e)
        ]
        expected = Counter(iso_week(e.occurred_on) for e in current)
        days = [START + timedelta(days=i) for i in range((END - START).days + 1)]
        self.assertEqual([w["week"] for w in weeks], sorted({iso_week(d) for d in days}))
        self.assertEqual({w["week"]: w["count"] for w in weeks if w["count"]}, dict(expected))
        self.assertEqual(sum(w["count"] for w in weeks), data["police_events"]["total"])
        self.assertEqual(sum(w["days"] for w in weeks), 59)
        first, last = weeks[0], weeks[-1]
        self.assertEqual(
            (first["week"], first["from"], first["to"], first["days"], first["partial"]),
            ("2025-W05", "2025-02-01", "2025-02-02", 2, True),
        )
        self.assertEqual(
            (last["week"], last["from"], last["to"], last["days"], last["partial"]),
            ("2025-W14", "2025-03-31", "2025-03-31", 1, True),
        )
        self.assertTrue(all(not w["partial"] and w["days"] == 7 for w in weeks[1:-1]))

    def test_district_counts_placed_events_and_shows_the_municipality_as_context(self) -> None:
        data = self.get_json("district", "80125").json()
        stockholm = [
            e for e in self.events if e.municipality_id == self.stockholm_m.pk and in_period(e)
        ]
        placed = [e for e in stockholm if e.district_id == self.rinkeby_kista.pk]
        placed_prev = [
            e
            for e in self.events
            if e.district_id == self.rinkeby_kista.pk and in_period(e, PREV_START, PREV_END)
        ]
        events = data["police_events"]
        self.assertEqual(data["area"]["kind"], "district")
        self.assertEqual(data["area"]["municipality"], "Stockholm")
        self.assertEqual(events["total"], len(placed))
        self.assertEqual(events["previous_period_total"], len(placed_prev))
        self.assertEqual(
            {t["type"]: t["count"] for t in events["by_type"]},
            dict(Counter(e.type for e in placed)),
        )
        unplaced = sum(1 for e in stockholm if e.district_id is None)
        self.assertEqual(
            events["municipality_context"],
            {
                "municipality": "Stockholm",
                "total": len(stockholm),
                "unplaced": unplaced,
                "unplaced_share_percent": round(100 * unplaced / len(stockholm), 1),
            },
        )
        self.assertEqual(events["unplaced"], unplaced)
        self.assertEqual(
            {s["name"]: s["count"] for s in events["by_subarea"]},
            {"Rinkeby": sum(1 for e in placed if e.neighbourhood_id == self.rinkeby.pk)},
        )
        self.assertEqual(data["population"]["value"], 51387)

    def test_district_without_placed_events_shows_zero_and_the_context(self) -> None:
        from samverkan.police_events.models import PoliceEvent

        PoliceEvent.objects.update(district=None, neighbourhood=None)
        data = self.get_json("district", "80127").json()
        stockholm = [
            e for e in self.events if e.municipality_id == self.stockholm_m.pk and in_period(e)
        ]
        self.assertEqual(data["police_events"]["total"], 0)
        self.assertEqual(data["police_events"]["municipality_context"]["total"], len(stockholm))
        self.assertEqual(
            data["police_events"]["municipality_context"]["unplaced_share_percent"], 100.0
        )

    def test_neighbourhood_uses_the_neighbourhood_placement(self) -> None:
        data = self.get_json("neighbourhood", "RINKEBY").json()
        stockholm = [
            e for e in self.events if e.municipality_id == self.stockholm_m.pk and in_period(e)
        ]
        placed = [e for e in stockholm if e.neighbourhood_id == self.rinkeby.pk]
        self.assertEqual(
            data["area"],
            {
                "name": "Rinkeby",
                "kind": "neighbourhood",
                "code": "RINKEBY",
                "municipality": "Stockholm",
                "municipality_code": "0180",
                "district": "Rinkeby-Kista",
            },
        )
        self.assertEqual(data["police_events"]["total"], len(placed))
        self.assertEqual(
            data["police_events"]["municipality_context"]["unplaced"],
            sum(1 for e in stockholm if e.neighbourhood_id is None),
        )
        self.assertEqual(data["police_events"]["by_subarea"], [])
        self.assertIsNone(data["population"]["value"])

    def test_county_rate_is_total_counts_over_implied_populations(self) -> None:
        data = self.get_json("municipality", "0180").json()
        rows = {(r["year"], r["category"]): r for r in data["reported_crime"]}
        self.assertEqual(set(rows), {(2023, "total"), (2024, "total"), (2024, "burglary")})

        # By hand: population = count / per_100k × 100,000 per municipality of the county.
        # 2024 total: Stockholm 150000/15000 → 1,000,000; Solna 12000/14000 → 85,714.29;
        # Sundbyberg 9000/10000 → 90,000. Grannby (another county) is left out.
        total_2024 = (150000 + 12000 + 9000) / (1_000_000 + 12000 / 14000 * 100000 + 90_000)
        self.assertEqual(rows[(2024, "total")]["county_per_100k"], round(total_2024 * 1e5, 1))
        self.assertEqual(rows[(2024, "total")]["county_per_100k"], 14544.3)
        self.assertEqual(rows[(2024, "total")]["county_municipalities"], 3)
        # 2024 burglary: Sundbyberg's rate is 0, so it implies no population: left out.
        burglary = (1200 + 90) / (1200 / 120 * 100000 + 90 / 105 * 100000)
        self.assertEqual(rows[(2024, "burglary")]["county_per_100k"], round(burglary * 1e5, 1))
        self.assertEqual(rows[(2024, "burglary")]["county_municipalities"], 2)
        # 2023: only Stockholm has a figure, so the county rate is its own.
        self.assertEqual(rows[(2023, "total")]["county_per_100k"], 15100.0)
        self.assertEqual(
            (rows[(2024, "total")]["count"], rows[(2024, "total")]["per_100k"]), (150000, 15000.0)
        )

    def test_district_shows_its_municipalitys_bra_figures_labelled(self) -> None:
        data = self.get_json("district", "80125").json()
        self.assertEqual(
            [(r["category"], r["year"]) for r in data["reported_crime"]],
            [("total", 2023), ("total", 2024), ("burglary", 2024)],  # category order, then year
        )
        self.assertTrue(all(r["geography"] == "Stockholm" for r in data["reported_crime"]))
        bra = next(s for s in data["sources"] if s["id"] == "reported_crime")
        self.assertIn("Stockholm", bra["definition"])
        self.assertIn("Brå, anmälda brott (test)", bra["source"])

    def test_every_figure_names_a_source_with_a_definition(self) -> None:
        data = self.get_json("municipality", "0180").json()
        ids = {s["id"] for s in data["sources"]}
        for s in data["sources"]:
            self.assertTrue(s["source"] and s["definition"] and s["figure"], s)
        self.assertLessEqual(set(data["police_events"]["sources"]), ids)
        self.assertLessEqual(set(data["population"]["sources"]), ids)
        self.assertIn("county_per_100k", ids)
        # Only the problems section (no problems in this cast, but Anna may register one).
        self.assertEqual(data["sections"], {"problems": {"count": 0, "problems": []}})

    def test_previous_period_before_the_data_is_marked_not_covered(self) -> None:
        query = self.period_query(date(2024, 12, 5), date(2025, 1, 31))
        data = self.get_json("municipality", "0180", query).json()
        # The previous period starts 2024-11-08, before the first event (2024-12-03).
        self.assertFalse(data["police_events"]["previous_period_covered"])
        self.assertEqual(data["police_events"]["data_coverage"]["first"], "2024-12-03")

    def test_bad_dates_are_a_400_with_field_errors(self) -> None:
        for query, field in [
            ("?from=2025-13-01&to=2025-12-31", "from"),
            ("?from=2025-03-01&to=2025-02-01", "to"),
            ("?from=1.2.2025&to=2025-02-01", "from"),
            ("?from=2000-01-01&to=2025-02-01", "to"),
        ]:
            r = self.get_json("municipality", "0180", query)
            self.assertEqual(r.status_code, 400, query)
            self.assertIn(field, r.json()["fields"], query)

    def test_it_requires_login_and_membership(self) -> None:
        url = f"/situation/municipality/0180/situation.json{self.period_query()}"
        r = self.client.get(url)
        self.assertEqual(r.status_code, 302)
        self.assertIn("/accounts/login/", r["Location"])

        from samverkan.accounts.models import User

        outsider = User.objects.create_user("ulf", "ulf@example.org", self.password)
        self.client.force_login(outsider)
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_unknown_areas_and_kinds_are_404(self) -> None:
        self.assertEqual(self.get_json("municipality", "0000").status_code, 404)
        self.assertEqual(self.get_json("county", "01").status_code, 404)
        self.assertEqual(self.get_json("district", "0180").status_code, 404)

    def test_members_of_another_tenant_see_the_public_figures_too(self) -> None:
        # Karin works in Grannby; situation pictures v1 hold public data only.
        r = self.get_json("municipality", "0180", user=self.karin)
        self.assertEqual(r.status_code, 200)
