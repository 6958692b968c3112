"""Estimates from svy checked against independent computations to 1e-9.

Two independent routes on a small hand-made stratified, clustered design: a vectorised
numpy implementation of the linearised domain variance, and a plain-Python loop of the
textbook formula  v(p̂) = Σ_h n_h/(n_h−1) Σ_i (z_hi − z̄_h)²,  z_hi = Σ_k∈PSU w_k d_k
(y_k − p̂)/Ŵ_d.  Interval: logit, with df = PSUs − strata among those holding the domain.
"""

import math
import random

import numpy as np
from scipy import stats

from samverkan.surveys.estimation import (
    build_frame,
    estimate_index,
    estimate_share,
)
from samverkan.surveys.models import IndexDefinition

from .helpers import SurveyTestCase


def make_rows(seed: int = 5) -> list[list]:
    rng = random.Random(seed)
    rows = []
    for area in ("80125", "80127"):
        for cluster in range(3):
            for _ in range(6):
                rows.append(
                    [
                        round(rng.uniform(0.5, 4.0), 3),
                        rng.choice(["kvinna", "man"]),
                        rng.randint(16, 84),
                        area,
                        area,
                        f"{area}-{cluster}",
                        rng.choice([1, 1, 2, 3, 4, ""]),
                        rng.choice([1, 2, 3]),
                        rng.choice([1, 2, 3, 4, ""]),
                    ]
                )
    return rows


def numpy_route(rows, domain, y_of):
    """(p, se, n, n_eff, df) with numpy; ``domain(row)``/``y_of(row)`` -> bool/float|None."""
    w = np.array([r[0] for r in rows], dtype=float)
    d = np.array([1.0 if domain(r) and y_of(r) is not None else 0.0 for r in rows])
    y = np.array([y_of(r) if y_of(r) is not None else 0.0 for r in rows], dtype=float)
    strata = np.array([r[4] for r in rows])
    psus = np.array([r[5] for r in rows])
    total = (w * d).sum()
    p = (w * d * y).sum() / total
    z = w * d * (y - p) / total
    var = 0.0
    for h in np.unique(strata):
        in_h = strata == h
        labels = np.unique(psus[in_h])
        zc = np.array([z[psus == c].sum() for c in labels])
        var += len(labels) / (len(labels) - 1) * ((zc - zc.mean()) ** 2).sum()
    n = int(d.sum())
    n_eff = (w * d).sum() ** 2 / ((w * d) ** 2).sum()
    held = {(s, c) for s, c, k in zip(strata, psus, d, strict=True) if k}
    df = len({c for _s, c in held}) - len({s for s, _c in held})
    return p, math.sqrt(var), n, n_eff, df


def python_route(rows, domain, y_of):
    """The same quantities in plain Python loops (no numpy): the second route."""
    used = [(r, y_of(r)) for r in rows if domain(r) and y_of(r) is not None]
    total = sum(r[0] for r, _y in used)
    p = sum(r[0] * y for r, y in used) / total
    by_stratum: dict = {}
    for r in rows:
        z = r[0] * (y_of(r) - p) / total if (domain(r) and y_of(r) is not None) else 0.0
        psu_totals = by_stratum.setdefault(r[4], {})
        psu_totals[r[5]] = psu_totals.get(r[5], 0.0) + z
    var = 0.0
    for psu_totals in by_stratum.values():
        values = list(psu_totals.values())
        mean = sum(values) / len(values)
        var += len(values) / (len(values) - 1) * sum((v - mean) ** 2 for v in values)
    return p, math.sqrt(var)


def logit_interval(p, se, df):
    t = stats.t.ppf(0.975, df)
    centre = math.log(p / (1 - p))
    half = t * se / (p * (1 - p))
    expit = lambda x: 1 / (1 + math.exp(-x))  # noqa: E731
    return expit(centre - half), expit(centre + half)


AGE_BANDS = [(16, 24, "16-24"), (25, 44, "25-44"), (45, 64, "45-64"), (65, 84, "65-84")]


def band(age):
    return next(b for lo, hi, b in AGE_BANDS if lo <= age <= hi)


SEX = {"kvinna": "female", "man": "male"}


class EstimateTests(SurveyTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.rows = make_rows()
        cls.wave = cls.load_rows(cls.rows)

    @classmethod
    def load_rows(cls, rows):
        from samverkan.surveys.services import create_wave_from_file

        from .helpers import csv_bytes

        return create_wave_from_file(
            survey=cls.survey, year=2020, content=csv_bytes(rows), file_name="hand.csv"
        )

    def worried_y(self, r):
        return None if r[6] == "" else (1.0 if r[6] == 1 else 0.0)

    def assert_cell(self, cell, rows, domain, y_of):
        p, se, n, n_eff, df = numpy_route(rows, domain, y_of)
        p2, se2 = python_route(rows, domain, y_of)
        self.assertAlmostEqual(p, p2, delta=1e-12)
        self.assertAlmostEqual(se, se2, delta=1e-12)
        self.assertAlmostEqual(cell.estimate, p, delta=1e-9)
        self.assertAlmostEqual(cell.se, se, delta=1e-9)
        self.assertEqual(cell.n, n)
        self.assertAlmostEqual(cell.n_effective, n_eff, delta=1e-9)
        self.assertEqual(cell.df, df)
        low, high = logit_interval(p, se, df)
        self.assertAlmostEqual(cell.ci_low, low, delta=1e-9)
        self.assertAlmostEqual(cell.ci_high, high, delta=1e-9)

    def test_overall_share_matches_direct_formula(self):
        (cell,) = estimate_share(build_frame(self.wave), self.worried_indicator())
        self.assert_cell(cell, self.rows, lambda r: True, self.worried_y)

    def test_domains_by_district_sex_age_and_crossed(self):
        frame = build_frame(self.wave)
        indicator = self.worried_indicator()
        for cell in estimate_share(frame, indicator, ["district"]):
            code = cell.keys["district"]
            self.assert_cell(cell, self.rows, lambda r, c=code: r[3] == c, self.worried_y)
        for cell in estimate_share(frame, indicator, ["sex"]):
            sex = cell.keys["sex"]
            self.assert_cell(cell, self.rows, lambda r, s=sex: SEX[r[1]] == s, self.worried_y)
        crossed = estimate_share(frame, indicator, ["district", "sex", "age_band"])
        self.assertGreater(len(crossed), 4)
        for cell in crossed:
            k = cell.keys

            def domain(r, k=k):
                return (
                    r[3] == k["district"] and SEX[r[1]] == k["sex"] and band(r[2]) == k["age_band"]
                )

            p, se, n, _n_eff, _df = numpy_route(self.rows, domain, self.worried_y)
            self.assertAlmostEqual(cell.estimate, p, delta=1e-9)
            self.assertAlmostEqual(cell.se, se, delta=1e-9)
            self.assertEqual(cell.n, n)

    def test_multi_answer_indicator(self):
        (cell,) = estimate_share(build_frame(self.wave), self.safe)
        self.assert_cell(cell, self.rows, lambda r: True, lambda r: 1.0 if r[7] in (1, 2) else 0.0)

    def test_index_recomputed_from_raw_answers(self):
        definition = IndexDefinition.objects.get(survey=self.survey, code="problem")
        litter = {1: 0, 2: 3, 3: 6}
        worry = {1: 6, 2: 4, 3: 2, 4: 0}

        def score(r):
            points = []
            if r[8] != "" and r[8] in litter:
                points.append(litter[r[8]])
            if r[6] != "":
                points.append(worry[r[6]])
            return sum(points) / len(points) if points else None

        (cell,) = estimate_index(build_frame(self.wave), definition)
        p, se, n, n_eff, _df = numpy_route(self.rows, lambda r: True, score)
        self.assertAlmostEqual(cell.estimate, p, delta=1e-9)
        self.assertAlmostEqual(cell.se, se, delta=1e-9)
        self.assertEqual(cell.n, n)
        self.assertAlmostEqual(cell.n_effective, n_eff, delta=1e-9)

    def worried_indicator(self):
        return self.survey.indicators.get(code="often-worried")


class IndexVersionTests(SurveyTestCase):
    def test_new_version_leaves_the_old_one(self):
        from samverkan.surveys.services import add_index_version

        v1 = IndexDefinition.objects.get(survey=self.survey, code="problem")
        formula = {
            "method": "mean_item_score",
            "items": [{"question": "litter", "scores": {"1": 0, "2": 6}}],
        }
        v2 = add_index_version(
            survey=self.survey, code="problem", name="Problemindex", formula=formula
        )
        self.assertEqual((v1.version, v2.version), (1, 2))
        v1.refresh_from_db()
        self.assertEqual(len(v1.items), 2)
        with self.assertRaises(ValueError):
            add_index_version(
                survey=self.survey,
                code="problem",
                name="x",
                formula={"items": [{"question": "not-a-question", "scores": {}}]},
            )
        self.assertEqual(self.survey.index_definitions.filter(code="problem").count(), 2)
