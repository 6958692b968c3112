"""``samverkan import geojson`` and SCB population on the bundled files, EPSG:3006, errors."""

import csv
import json
import tempfile
from pathlib import Path

from pyproj import Transformer

from samverkan.datasets.models import ImportRun
from samverkan.datasets.testing import DATA, CaptureWrites, run_command
from samverkan.geography.models import District, Municipality, Neighbourhood
from samverkan.test import BaseTestCase

KOMMUNER = DATA / "sweden-kommuner" / "swedish_municipalities.geojson"
SDO = DATA / "folkhalsokollen-omraden" / "stockholms_lan_kommuner_och_stadsdelsomraden.geojson"
STADSDELAR = DATA / "stockholm-stadsdelar" / "stadsdelar_utan_vatten_simplified.geo.json"
DERIVED = DATA / "stockholm-stadsdelar" / "stadsdel_to_stadsdelsomrade_derived.csv"
SCB = DATA / "scb-befolkning" / "SCB_alderkon_2019.csv"


def to_sweref(coords, transformer):
    if isinstance(coords[0], int | float):
        return list(transformer.transform(coords[0], coords[1]))
    return [to_sweref(part, transformer) for part in coords]


def max_difference(a, b) -> float:
    if isinstance(a, int | float):
        return abs(a - b)
    return max(max_difference(x, y) for x, y in zip(a, b, strict=True))


class GeographyImportTests(BaseTestCase):
    def geojson(self, path, kind, *extra) -> tuple[int, str, str]:
        return run_command("import", "geojson", str(path), "--kind", kind, *extra)

    def write(self, document: dict, name: str = "areas.geojson") -> Path:
        path = Path(tempfile.mkdtemp()) / name
        path.write_text(json.dumps(document), encoding="utf-8")
        return path

    def test_municipalities_population_districts_and_neighbourhoods(self) -> None:
        features = json.loads(KOMMUNER.read_text(encoding="utf-8"))["features"]
        code, out, err = self.geojson(KOMMUNER, "municipality")
        self.assertEqual(code, 0, err)
        self.assertEqual(Municipality.objects.exclude(code="9999").count(), len(features))
        self.assertEqual(Municipality.objects.filter(county_code="01").count(), 26)
        vasby = Municipality.objects.get(code="0114")
        self.assertEqual((vasby.name, vasby.police_api_name), ("Upplands Väsby", "Upplands väsby"))

        with SCB.open(encoding="utf-8") as handle:
            stockholm = sum(
                int(r["X2019"]) for r in csv.DictReader(handle) if r["region"] == "Stockholm"
            )
        self.assertEqual(run_command("import", "scb-population", str(SCB))[0], 0)
        m = Municipality.objects.get(code="0180")
        self.assertEqual((m.population, m.population_year), (stockholm, 2019))
        self.assertIn("SCB", m.population_source)

        sdo = [f["properties"] for f in json.loads(SDO.read_text(encoding="utf-8"))["features"]]
        districts = {str(p["omr_kod"]): p for p in sdo if p["omr_kod"] > 80000}
        self.assertEqual(self.geojson(SDO, "district")[0], 0)
        self.assertEqual(District.objects.count(), len(districts))
        for code, props in districts.items():
            district = District.objects.get(code=code)
            self.assertEqual(district.name, props["omr_namn"])
            self.assertEqual(district.population, int(props["population"]))
            self.assertIsNone(district.population_year)
            self.assertIn("källan anger inte befolkningsåret", district.population_source)

        code, out, err = self.geojson(STADSDELAR, "neighbourhood")
        self.assertEqual(code, 0, err)
        with DERIVED.open(encoding="utf-8") as handle:
            derived = {
                row["stadsdel"]: row["stadsdelsomrade_omr_kod"] for row in csv.DictReader(handle)
            }
        self.assertEqual(Neighbourhood.objects.count(), len(derived))
        stored = dict(Neighbourhood.objects.values_list("code", "district__code"))
        self.assertEqual(stored, derived)
        self.assertEqual(Neighbourhood.objects.get(code="HÄSSELBY GÅRD").name, "Hässelby gård")
        self.assertEqual(
            Neighbourhood.objects.get(code="NORRA DJURGÅRDEN").name, "Norra Djurgården"
        )
        self.assertIsNone(Neighbourhood.objects.get(code="RINKEBY").population)

        with CaptureWrites() as capture:
            for path, kind in (
                (KOMMUNER, "municipality"),
                (SDO, "district"),
                (STADSDELAR, "neighbourhood"),
            ):
                self.assertEqual(self.geojson(path, kind)[0], 0)
            run_command("import", "scb-population", str(SCB))
        self.assertEqual(capture.writes, [])

    def test_folkhalsokollen_file_as_municipalities(self) -> None:
        self.geojson(KOMMUNER, "municipality")
        features = json.loads(SDO.read_text(encoding="utf-8"))["features"]
        codes = {
            f"{f['properties']['omr_kod']:04d}"
            for f in features
            if f["properties"]["omr_kod"] < 1000
        }
        code, out, err = self.geojson(SDO, "municipality", "--source", "Folkhälsokollen")
        self.assertEqual(code, 0, err)
        self.assertIn(f"0 new, {len(codes)} changed", out)
        self.assertIn(f"{len(features) - len(codes)} skipped", out)
        self.assertEqual(
            set(
                Municipality.objects.filter(boundary_source="Folkhälsokollen").values_list(
                    "code", flat=True
                )
            ),
            codes,
        )

    def test_epsg_3006_input_is_reprojected(self) -> None:
        self.geojson(KOMMUNER, "municipality")
        document = json.loads(SDO.read_text(encoding="utf-8"))
        self.geojson(SDO, "district")
        wgs84 = {d.code: d.boundary for d in District.objects.all()}
        transformer = Transformer.from_crs("EPSG:4326", "EPSG:3006", always_xy=True)
        for feature in document["features"]:
            geometry = feature["geometry"]
            geometry["coordinates"] = to_sweref(geometry["coordinates"], transformer)
        District.objects.update(boundary=None)
        code, out, err = self.geojson(self.write(document), "district", "--crs", "EPSG:3006")
        self.assertEqual(code, 0, err)
        for district in District.objects.all():
            self.assertLess(
                max_difference(
                    district.boundary["coordinates"], wgs84[district.code]["coordinates"]
                ),
                1e-6,
            )
        # Declared in the file instead of on the command line: the same result.
        document["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3006"}}
        self.assertEqual(self.geojson(self.write(document), "district")[0], 0)

    def assert_rejected(self, path, kind, *fragments: str) -> None:
        before = list(Municipality.objects.values_list("code", "boundary"))
        code, _, err = self.geojson(path, kind)
        self.assertEqual(code, 1)
        self.assertIn(path.name, err)
        for fragment in fragments:
            self.assertIn(fragment, err)
        self.assertEqual(list(Municipality.objects.values_list("code", "boundary")), before)
        self.assertFalse(ImportRun.objects.exists())

    def test_broken_files(self) -> None:
        document = json.loads(KOMMUNER.read_text(encoding="utf-8"))
        document["features"][-1]["properties"]["id"] = "0000"
        self.assert_rejected(self.write(document), "municipality", "feature 290", "'id'", "0000")
        truncated = Path(tempfile.mkdtemp()) / "cut.geojson"
        truncated.write_text(KOMMUNER.read_text(encoding="utf-8")[:3000], encoding="utf-8")
        self.assert_rejected(truncated, "municipality", "not valid JSON")
        sweref = json.loads(KOMMUNER.read_text(encoding="utf-8"))
        sweref["features"][0]["geometry"]["coordinates"] = [
            [[674000, 6580000], [675000, 6580000], [675000, 6581000], [674000, 6580000]]
        ]
        self.assert_rejected(
            self.write(sweref), "municipality", "feature 1", "'geometry'", "EPSG:3006"
        )
        unnamed = {
            "type": "FeatureCollection",
            "features": [{"type": "Feature", "properties": {}, "geometry": None}],
        }
        self.assert_rejected(self.write(unnamed), "neighbourhood", "feature 1", "'name'")
