"""Placement quality on the labelled sample of real events (labels by reading the text).

The thresholds are the issue's targets: district precision ≥ 0.97 and recall ≥ 0.80.
Precision matters more: a wrong district misleads a steering group.
"""

import csv

from django.test import SimpleTestCase

from samverkan.placement.evaluation import SAMPLE, evaluate


class LabelledSampleTests(SimpleTestCase):
    def test_the_sample_is_big_and_varied_enough(self) -> None:
        with SAMPLE.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        self.assertGreaterEqual(len(rows), 250)
        self.assertEqual(len({r["id"] for r in rows}), len(rows))
        _, evaluated = evaluate("all")
        locations = {row["placement"].municipality_method for row in evaluated}
        self.assertIn("location", locations)  # municipality rows
        self.assertTrue(any(m.startswith(("summary", "preamble", "body")) for m in locations))
        self.assertGreater(sum(1 for r in rows if r["district"]), 100)
        self.assertGreater(len({r["municipality"] for r in rows}), 15)

    def test_district_precision_is_at_least_097(self) -> None:
        result, _ = evaluate("all")
        self.assertGreaterEqual(result["district"]["precision"], 0.97)

    def test_district_recall_is_at_least_080(self) -> None:
        result, _ = evaluate("all")
        self.assertGreaterEqual(result["district"]["recall"], 0.80)

    def test_held_out_part_meets_the_precision_target_too(self) -> None:
        result, rows = evaluate("held-out")
        self.assertGreater(len(rows), 60)
        self.assertGreaterEqual(result["district"]["precision"], 0.97)

    def test_municipality_precision_on_county_rows(self) -> None:
        result, _ = evaluate("all")
        self.assertGreaterEqual(result["municipality"]["precision"], 0.97)
