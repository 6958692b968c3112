"""The Police's vulnerable areas: EPSG:3006 boundaries reprojected to WGS84."""

import json
import math
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

from samverkan.places.models import VulnerableArea, VulnerableAreaTier
from samverkan.test import BaseTestCase

SOURCE = Path(settings.DATA_DIR) / "polisen-utsatta-omraden" / "uso_2025_sweref99tm.geojson"


def sweref99tm_to_wgs84(northing: float, easting: float) -> tuple[float, float]:
    """Lantmäteriet's Gauss–Krüger grid → geodetic formulas for SWEREF 99 TM (GRS80).

    Written from the published formulas, independently of pyproj; returns (lon, lat).
    """
    a, f = 6378137.0, 1 / 298.257222101
    lon0, k0, fn, fe = math.radians(15.0), 0.9996, 0.0, 500000.0
    e2 = f * (2 - f)
    n = f / (2 - f)
    a_hat = a / (1 + n) * (1 + n**2 / 4 + n**4 / 64)
    d1 = n / 2 - 2 * n**2 / 3 + 37 * n**3 / 96 - n**4 / 360
    d2 = n**2 / 48 + n**3 / 15 - 437 * n**4 / 1440
    d3 = 17 * n**3 / 480 - 37 * n**4 / 840
    d4 = 4397 * n**4 / 161280
    a_s = e2 + e2**2 + e2**3 + e2**4
    b_s = -(7 * e2**2 + 17 * e2**3 + 30 * e2**4) / 6
    c_s = (224 * e2**3 + 889 * e2**4) / 120
    d_s = -(4279 * e2**4) / 1260
    xi = (northing - fn) / (k0 * a_hat)
    eta = (easting - fe) / (k0 * a_hat)
    xi_p = xi - sum(
        d * math.sin(2 * k * xi) * math.cosh(2 * k * eta)
        for k, d in enumerate((d1, d2, d3, d4), start=1)
    )
    eta_p = eta - sum(
        d * math.cos(2 * k * xi) * math.sinh(2 * k * eta)
        for k, d in enumerate((d1, d2, d3, d4), start=1)
    )
    phi_s = math.asin(math.sin(xi_p) / math.cosh(eta_p))
    dlon = math.atan(math.sinh(eta_p) / math.cos(xi_p))
    s = math.sin(phi_s)
    phi = phi_s + s * math.cos(phi_s) * (a_s + b_s * s**2 + c_s * s**4 + d_s * s**6)
    return math.degrees(lon0 + dlon), math.degrees(phi)


class VulnerableAreaImportTests(BaseTestCase):
    def test_the_police_file_is_imported_and_reprojected(self) -> None:
        out = StringIO()
        call_command("import-vulnerable-areas", stdout=out)
        self.assertIn("65 created", out.getvalue())
        self.assertEqual(VulnerableArea.objects.count(), 65)
        self.assertEqual(
            VulnerableArea.objects.filter(tier=VulnerableAreaTier.PARTICULARLY_VULNERABLE).count(),
            19,
        )
        self.assertEqual(VulnerableArea.objects.filter(region="Stockholm").count(), 32)
        source = json.loads(SOURCE.read_text(encoding="utf-8"))
        by_id = {f["properties"]["OBJECTID"]: f for f in source["features"]}
        rinkeby = VulnerableArea.objects.get(name__icontains="Rinkeby")
        x, y = by_id[rinkeby.object_id]["geometry"]["coordinates"][0][0]  # easting, northing
        lon, lat = rinkeby.boundary["coordinates"][0][0]
        exp_lon, exp_lat = sweref99tm_to_wgs84(northing=y, easting=x)
        self.assertAlmostEqual(lon, exp_lon, delta=1e-6)
        self.assertAlmostEqual(lat, exp_lat, delta=1e-6)
        self.assertTrue(17.8 < lon < 18.0 and 59.3 < lat < 59.5)
        fisksatra = VulnerableArea.objects.get(object_id=51)
        self.assertEqual(fisksatra.boundary["type"], "MultiPolygon")
        # Importing the same file again writes nothing.
        out = StringIO()
        call_command("import-vulnerable-areas", stdout=out)
        self.assertIn("0 created, 0 updated, 65 unchanged", out.getvalue())

    def test_the_independent_formula_matches_a_known_point(self) -> None:
        # Lantmäteriet's SWEREF 99 TM origin column: E 500000 on the 15° meridian.
        lon, lat = sweref99tm_to_wgs84(northing=6_650_000.0, easting=500_000.0)
        self.assertAlmostEqual(lon, 15.0, delta=1e-9)
        self.assertTrue(59.9 < lat < 60.0)

    def test_the_list_page_shows_table_and_map_to_logged_in_users(self) -> None:
        call_command("import-vulnerable-areas", stdout=StringIO())
        self.client.force_login(self.karin)
        r = self.client.get("/places/vulnerable-areas/?region=Stockholm")
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "Rinkeby")
        self.assertContains(r, 'data-geojson="map-vulnerable-areas"')
        self.client.logout()
        self.assertEqual(self.client.get("/places/vulnerable-areas/").status_code, 302)
