"""Suppression, direction-aware change verdicts, refusal across surveys, pages, section."""

import csv
import io
import json
from datetime import date

from django.template.loader import render_to_string
from django.urls import reverse

from samverkan.surveys.estimation import (
    Cell,
    IncomparableSurveys,
    Verdict,
    check_same_survey,
    compare,
)
from samverkan.surveys.models import Better, IndexDefinition
from samverkan.surveys.selectors import measure_report
from samverkan.surveys.situation import section
from samverkan.surveys.suppression import round_count, suppress

from .helpers import SurveyTestCase


def rows_for(area, women, men, worried_women, worried_men):
    """Respondent rows: ``women``/``men`` counts in ``area``, the first k of each worried."""
    rows = []
    for i in range(women):
        rows.append(
            [1.0 + (i % 3), "kvinna", 30, area, area, "", 1 if i < worried_women else 4, 1, 1]
        )
    for i in range(men):
        rows.append([1.0 + (i % 2), "man", 50, area, area, "", 1 if i < worried_men else 4, 1, 1])
    return rows


class SuppressionTests(SurveyTestCase):
    def test_primary_and_complementary(self):
        cells = [
            Cell(keys={"sex": "female"}, n=40, estimate=0.2, se=0.05),
            Cell(keys={"sex": "male"}, n=12, estimate=0.1, se=0.05),
        ]
        out = suppress(cells, 30, ["sex"])
        self.assertEqual([c.suppressed for c in out], ["complementary", "small"])
        self.assertFalse(any(c.is_shown for c in out))
        three = cells + [Cell(keys={"sex": "x"}, n=50, estimate=0.3, se=0.05)]
        out = suppress(three, 30, ["sex"])  # smallest other cell is hidden, the third stays
        self.assertEqual([c.suppressed for c in out], ["complementary", "small", ""])

    def test_complementary_along_every_dimension(self):
        cells = [
            Cell(keys={"sex": s, "age_band": a}, n=n, estimate=0.1, se=0.01)
            for (s, a), n in {
                ("f", "y"): 10,
                ("f", "o"): 80,
                ("m", "y"): 60,
                ("m", "o"): 90,
            }.items()
        ]
        out = {
            tuple(c.keys.values()): c.suppressed for c in suppress(cells, 30, ["sex", "age_band"])
        }
        # (f,y) small → (f,o) hidden in its row and (m,y) in its column → (m,o) too.
        self.assertEqual(
            out,
            {
                ("f", "y"): "small",
                ("f", "o"): "complementary",
                ("m", "y"): "complementary",
                ("m", "o"): "complementary",
            },
        )

    def test_stockholm_rounding(self):
        self.assertEqual([round_count(n, "stockholm") for n in range(7)], [0, 0, 0, 5, 5, 5, 6])
        self.assertEqual(round_count(2, None), 2)

    def test_page_never_shows_a_suppressed_number(self):
        # Södermalm: 40 women (10 worried = 25 %), 12 men (6 worried = 50 %).
        self.load(rows_for("80127", 40, 12, 10, 6) + rows_for("80125", 60, 60, 6, 3))
        report = measure_report(
            self.worried,
            self.survey.waves.get(),
            tenant=self.stockholm,
            district=self.sodermalm,
            districts=[self.rinkeby_kista, self.sodermalm],
        )
        by_sex = {r.key: r.cell for r in report["by_sex"]}
        self.assertEqual(by_sex["male"].suppressed, "small")
        self.assertEqual(by_sex["female"].suppressed, "complementary")
        # All of Södermalm's women are 30 and all its men 50: the crossed cells equal the
        # margins, so they (and the age margins) must be hidden too, not only by_sex.
        self.assertEqual([r.cell.suppressed for r in report["crossed"]], ["complementary", "small"])
        self.assertFalse(any(r.cell.is_shown for r in report["by_age"]))
        self.assertTrue(report["overall"].is_shown)
        self.client.force_login(self.anna)
        url = reverse("surveys-indicator", args=[self.worried.pk]) + "?district=80127"
        response = self.client.get(url)
        self.assertContains(response, "sv-suppressed")
        women_share = sum((1.0 + i % 3) for i in range(10)) / sum(1.0 + i % 3 for i in range(40))
        self.assertNotContains(response, f"{women_share * 100:.1f}".replace(".", ","))
        self.assertNotContains(response, "50,0")

    def test_map_and_charts_leave_suppressed_cells_out(self):
        # Södermalm has 25 respondents (suppressed); Rinkeby-Kista is then the only other
        # district, so it is suppressed too (else city total minus it gives Södermalm).
        self.load(rows_for("80127", 15, 10, 10, 6) + rows_for("80125", 60, 60, 6, 3))
        self.client.force_login(self.anna)
        url = reverse("surveys-indicator", args=[self.worried.pk])
        response = self.client.get(url)
        features = response.context["map"]["features"]
        self.assertEqual([f["properties"]["value"] for f in features], [None, None])
        self.assertTrue(response.context["report"]["overall"].is_shown)
        response = self.client.get(url + "?district=80127")
        self.assertEqual(response.context["chart_sex"]["data"]["values"], [])
        self.assertEqual(response.context["chart_age"]["data"]["values"], [])

    def test_csv_export_is_suppressed_too(self):
        self.load(rows_for("80127", 40, 12, 10, 6) + rows_for("80125", 60, 60, 6, 3))
        url = reverse("surveys-indicator-csv", args=[self.worried.pk]) + "?district=80127"
        self.assertEqual(self.client.get(url).status_code, 302)
        self.client.force_login(self.karin)
        self.assertEqual(self.client.get(url).status_code, 404)
        self.client.force_login(self.anna)
        response = self.client.get(url)
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertTrue(response.content.startswith("\ufeff".encode()))
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
        by_sex = [r for r in rows if len(r) == 9 and r[1] in ("kvinnor", "män", "women", "men")]
        self.assertEqual([(r[2], r[7]) for r in by_sex], [("", "complementary"), ("", "small")])
        # Rinkeby-Kista (120 answers, 9 worried) is shown: its share computed here.
        rk = rows_for("80125", 60, 60, 6, 3)
        share = sum(r[0] for r in rk if r[6] == 1) / sum(r[0] for r in rk) * 100
        (district_row,) = [r for r in rows if len(r) == 9 and r[1] == "Rinkeby-Kista"]
        self.assertEqual(district_row[2], f"{share:.1f}".replace(".", ","))

    def test_index_answers_hidden_with_the_index(self):
        # Södermalm 25 respondents: its index is suppressed, so are the answers behind it.
        self.load(rows_for("80127", 15, 10, 10, 6) + rows_for("80125", 60, 60, 6, 3))
        index = IndexDefinition.objects.get(survey=self.survey)
        self.client.force_login(self.anna)
        response = self.client.get(reverse("surveys-index", args=[index.pk]) + "?district=80127")
        self.assertFalse(response.context["report"]["overall"].is_shown)
        self.assertTrue(all(item["suppressed"] for item in response.context["items"]))
        response = self.client.get(reverse("surveys-index", args=[index.pk]))
        self.assertFalse(any(item["suppressed"] for item in response.context["items"]))

    def test_stockholm_rounding_on_the_page(self):
        self.load(rows_for("80127", 40, 3, 10, 1) + rows_for("80125", 60, 60, 6, 3))
        cell = '<td class="govuk-table__cell govuk-table__cell--numeric">{}</td>'
        url = reverse("surveys-indicator", args=[self.worried.pk]) + "?district=80127"
        self.client.force_login(self.anna)
        self.assertContains(self.client.get(url), cell.format(3), html=False)
        self.stockholm.options = {"count_rounding": "stockholm"}
        self.stockholm.save()
        response = self.client.get(url)
        self.assertNotContains(response, cell.format(3))
        self.assertContains(response, cell.format(5))

    def test_tenant_limit_and_rounding_apply(self):
        self.load(rows_for("80127", 40, 40, 10, 6) + rows_for("80125", 60, 60, 6, 3))
        self.stockholm.options = {"suppression_min_n": 100, "count_rounding": "stockholm"}
        self.stockholm.save()
        report = measure_report(
            self.worried,
            self.survey.waves.get(),
            tenant=self.stockholm,
            districts=[self.rinkeby_kista, self.sodermalm],
        )
        self.assertEqual(
            [r.cell.suppressed for r in report["by_district"]], ["complementary", "small"]
        )
        self.assertTrue(report["overall"].is_shown)


class ChangeTests(SurveyTestCase):
    def cell(self, p, se=0.01, n=500):
        return Cell(n=n, estimate=p, se=se)

    def test_verdicts_respect_direction(self):
        up = compare(self.cell(0.10), self.cell(0.20), Better.LOWER)
        self.assertEqual((up.verdict, up.assessment, up.arrow), (Verdict.INCREASE, "worse", "↑"))
        self.assertAlmostEqual(up.difference, 0.10)
        self.assertAlmostEqual(up.ci_low, 0.10 - 1.959963984540054 * (2 * 0.01**2) ** 0.5)
        up_good = compare(self.cell(0.10), self.cell(0.20), Better.HIGHER)
        self.assertEqual((up_good.verdict, up_good.assessment), (Verdict.INCREASE, "better"))
        down = compare(self.cell(0.20), self.cell(0.10), Better.LOWER)
        self.assertEqual(
            (down.verdict, down.assessment, down.arrow), (Verdict.DECREASE, "better", "↓")
        )
        same = compare(self.cell(0.10, 0.05), self.cell(0.12, 0.05), Better.LOWER)
        self.assertEqual((same.verdict, same.assessment), (Verdict.NO_CHANGE, "unchanged"))
        hidden = compare(self.cell(0.1).suppress("small"), self.cell(0.2), Better.LOWER)
        self.assertEqual(hidden.verdict, Verdict.NOT_AVAILABLE)
        self.assertIsNone(hidden.difference)

    def test_change_on_page(self):
        self.load(rows_for("80125", 100, 100, 5, 5), year=2017)
        self.load(rows_for("80125", 100, 100, 60, 60), year=2020)
        self.client.force_login(self.olle)
        response = self.client.get(reverse("surveys-indicator", args=[self.worried.pk]))
        self.assertContains(response, "sv-change--worse")
        self.assertContains(response, "↑")

    def test_surveys_are_never_compared(self):
        other = self.make_survey(self.stockholm, "polisen")
        wave = self.load(rows_for("80125", 40, 40, 5, 5), year=2020, survey=other)
        with self.assertRaises(IncomparableSurveys):
            check_same_survey(self.worried, wave)
        with self.assertRaises(IncomparableSurveys):
            measure_report(self.worried, wave, tenant=self.stockholm)
        index = IndexDefinition.objects.get(survey=self.survey)
        with self.assertRaises(IncomparableSurveys):
            measure_report(index, wave, tenant=self.stockholm)
        # Each survey's series holds only its own waves.
        self.load(rows_for("80125", 40, 40, 5, 5), year=2017)
        self.client.force_login(self.anna)
        response = self.client.get(reverse("surveys-indicator", args=[self.worried.pk]))
        self.assertEqual([w.year for w in response.context["waves"]], [2017])


class PageTests(SurveyTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.survey.is_synthetic = True
        cls.survey.save()

    def setUp(self):
        self.load(rows_for("80125", 50, 50, 10, 5) + rows_for("80127", 50, 50, 5, 5))

    def urls(self):
        index = IndexDefinition.objects.get(survey=self.survey)
        return [
            reverse("surveys-list"),
            reverse("surveys-detail", args=[self.survey.pk]),
            reverse("surveys-indicator", args=[self.worried.pk]),
            reverse("surveys-indicator", args=[self.worried.pk]) + "?district=80125&wave=2020",
            reverse("surveys-index", args=[index.pk]),
        ]

    def test_login_required(self):
        for url in self.urls():
            response = self.client.get(url)
            self.assertEqual(response.status_code, 302, url)

    def test_pages_for_members(self):
        self.client.force_login(self.sara)
        for url in self.urls():
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200, url)
        response = self.client.get(self.urls()[2])
        self.assertContains(response, self.worried.question.wording)
        self.assertContains(response, 'data-vega-spec="chart-sex"')
        self.assertContains(response, 'data-geojson="map-districts"')
        self.assertEqual(len(response.context["map"]["features"]), 2)
        self.assertContains(response, "govuk-warning-text")  # synthetic label

    def test_index_page_shows_raw_distribution(self):
        self.client.force_login(self.anna)
        response = self.client.get(self.urls()[4])
        self.assertContains(response, "Hur stort problem är nedskräpning?")
        items = response.context["items"]
        litter = items[0]["answers"]
        self.assertEqual([a["count"] for a in litter], [200, 0, 0, 0])
        # index from the distribution: litter all "Inget" (0 points), worry 25 of 200 "Ofta"
        # (6 points) else "Aldrig" (0 points), mean of two items per respondent.
        overall = response.context["report"]["overall"]
        rows = rows_for("80125", 50, 50, 10, 5) + rows_for("80127", 50, 50, 5, 5)
        expected = sum(r[0] * (6 if r[6] == 1 else 0) / 2 for r in rows) / sum(r[0] for r in rows)
        self.assertAlmostEqual(overall.estimate, expected, delta=1e-9)

    def test_other_tenant_gets_404(self):
        self.client.force_login(self.karin)
        response = self.client.get(reverse("surveys-list"))
        self.assertNotContains(response, self.survey.name)
        for url in self.urls()[1:]:
            self.assertEqual(self.client.get(url).status_code, 404, url)
        self.assertEqual(self.client.get(self.urls()[2] + "?district=00000").status_code, 404)

    def test_situation_section(self):
        result = section(
            area=self.rinkeby_kista, start=date(2020, 1, 1), end=date(2020, 12, 31), user=self.olle
        )
        self.assertEqual(result["key"], "surveys")
        figures = result["data"][self.survey.code]["indicators"]["often-worried"]
        rows = rows_for("80125", 50, 50, 10, 5)
        expected = sum(r[0] for r in rows if r[6] == 1) / sum(r[0] for r in rows)
        self.assertEqual(figures["share_percent"], round(expected * 100, 1))
        self.assertTrue(result["data"][self.survey.code]["synthetic"])
        json.dumps(result["data"])  # JSON-serialisable
        html = render_to_string(result["template"], result["context"])
        self.assertIn(self.worried.name, html)
        self.assertIn("govuk-warning-text", html)  # synthetic label travels with the figures
        self.assertIsNone(
            section(
                area=self.rinkeby_kista,
                start=date(2020, 1, 1),
                end=date(2020, 12, 31),
                user=self.karin,
            )
        )
        self.assertIsNone(
            section(
                area=self.rinkeby, start=date(2020, 1, 1), end=date(2020, 12, 31), user=self.olle
            )
        )
        self.assertIsNone(
            section(
                area=self.rinkeby_kista,
                start=date(2015, 1, 1),
                end=date(2015, 12, 31),
                user=self.olle,
            )
        )


class SituationPageTests(SurveyTestCase):
    """The section through the situation app's registry, page and JSON."""

    def setUp(self):
        self.load(rows_for("80125", 50, 50, 10, 5) + rows_for("80127", 50, 50, 5, 5))

    def test_section_on_situation_page_and_json(self):
        self.client.force_login(self.olle)
        query = "?from=2020-01-01&to=2020-12-31"
        url = reverse("situations-detail", args=["district", "80125"])
        response = self.client.get(url + query)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, self.worried.name)
        data = self.client.get(
            reverse("situations-json", args=["district", "80125"]) + query
        ).json()
        figures = data["sections"]["surveys"][self.survey.code]["indicators"]
        rows = rows_for("80125", 50, 50, 10, 5)
        expected = sum(r[0] for r in rows if r[6] == 1) / sum(r[0] for r in rows)
        self.assertEqual(figures["often-worried"]["share_percent"], round(expected * 100, 1))
