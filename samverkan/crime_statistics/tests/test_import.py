"""``samverkan import bra``: the real Brå file, re-import, a changed figure, broken rows."""

import csv
import tempfile
from pathlib import Path

from samverkan.crime_statistics.models import ReportedCrime
from samverkan.datasets.models import ImportRun
from samverkan.datasets.testing import DATA, CaptureWrites, run_command
from samverkan.geography.importers import import_geojson
from samverkan.test import BaseTestCase

BRA = DATA / "bra-anmalda-brott" / "bra_anmalda_brott_stockholms_lan_2010-2025.csv"
HEADER = "kommun;period;key;count;per100k;preliminary\n"


class BraImportTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        import_geojson(DATA / "sweden-kommuner/swedish_municipalities.geojson", kind="municipality")

    def write(self, text: str) -> Path:
        path = Path(tempfile.mkdtemp()) / "bra.csv"
        path.write_text(text, encoding="utf-8")
        return path

    def test_real_file(self) -> None:
        with BRA.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle, delimiter=";"))
        code, out, err = run_command("import", "bra", str(BRA))
        self.assertEqual(code, 0, err)
        self.assertEqual(ReportedCrime.objects.count(), len(rows))
        self.assertIn(f"{len(rows)} new", out)
        stockholm_2024 = [r for r in rows if r["kommun"] == "0180" and r["period"] == "2024"]
        for row in stockholm_2024:
            stored = ReportedCrime.objects.get(
                municipality__code="0180", year=2024, category=row["key"]
            )
            self.assertEqual(stored.count, int(row["count"]))
            self.assertEqual(stored.per_100k, float(row["per100k"]))
            self.assertIn("Brå", stored.source)

    def test_reimport_writes_nothing_and_a_changed_figure_is_updated(self) -> None:
        run_command("import", "bra", str(BRA))
        with CaptureWrites() as capture:
            code, out, _ = run_command("import", "bra", str(BRA))
        self.assertEqual((code, capture.writes), (0, []))
        self.assertIn("nothing written", out)
        path = self.write(HEADER + "0180;2024;total;1;2.0;1\n")
        code, out, _ = run_command("import", "bra", str(path))
        self.assertIn("0 new, 1 changed", out)
        stored = ReportedCrime.objects.get(municipality__code="0180", year=2024, category="total")
        self.assertEqual((stored.count, stored.per_100k, stored.preliminary), (1, 2.0, True))

    def assert_rejected(self, text: str, *fragments: str) -> None:
        path = self.write(text)
        code, _, err = run_command("import", "bra", str(path))
        self.assertEqual(code, 1)
        self.assertIn(str(path), err)
        for fragment in fragments:
            self.assertIn(fragment, err)
        self.assertEqual(ReportedCrime.objects.count(), 0)
        self.assertFalse(ImportRun.objects.filter(kind="bra").exists())

    def test_wrong_column(self) -> None:
        self.assert_rejected(
            "kommun;year;key;count;per100k;preliminary\n0180;2024;total;1;1;\n", "row 1"
        )

    def test_unknown_municipality(self) -> None:
        self.assert_rejected(
            HEADER + "0180;2024;total;1;1;\n0999;2024;total;1;1;\n", "row 3", "'kommun'", "0999"
        )

    def test_bad_year_count_category(self) -> None:
        self.assert_rejected(HEADER + "0180;20x4;total;1;1;\n", "row 2", "'period'")
        self.assert_rejected(HEADER + "0180;2024;murder;1;1;\n", "row 2", "'key'")
        self.assert_rejected(HEADER + "0180;2024;total;-1;1;\n", "row 2", "'count'")
        self.assert_rejected(HEADER + "0180;2024;total;1;1\n", "row 2", "columns")
