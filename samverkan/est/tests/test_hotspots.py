"""Getis-Ord Gi* on a planted cluster: the planted cells are hot and significant."""

import random
from datetime import timedelta

from django.utils import timezone
from pyproj import Transformer

from samverkan.est.hotspots import gi_star

from .base import EstTestCase

TO_SWEREF = Transformer.from_crs("EPSG:4326", "EPSG:3006", always_xy=True)


def planted(seed: int = 7) -> tuple[list[tuple[float, float]], tuple[float, float]]:
    """60 points spread over ~5 × 3 km around Rinkeby plus 40 in one ~150 m patch."""
    rng = random.Random(seed)
    background = [(17.85 + rng.random() * 0.09, 59.37 + rng.random() * 0.03) for _ in range(60)]
    centre = (17.905, 59.39)
    cluster = [
        (centre[0] + rng.uniform(-0.0012, 0.0012), centre[1] + rng.uniform(-0.0006, 0.0006))
        for _ in range(40)
    ]
    return background + cluster, centre


def test_planted_cluster_is_hot_and_far_cells_are_not() -> None:
    points, centre = planted()
    result = gi_star(points, cell_m=250)
    assert result is not None and result.points == 100
    cx, cy = TO_SWEREF.transform(*centre)
    hot = result.hot
    assert hot, "the planted cluster must give significant hot cells"
    for cell in result.cells:
        x, y = TO_SWEREF.transform(*cell.centre)
        distance = ((x - cx) ** 2 + (y - cy) ** 2) ** 0.5
        if distance < 200:
            assert cell.kind == "hot" and cell.p < 0.05 and cell.z > 2, cell
        if distance > 1500:
            assert cell.kind != "hot", cell
    # The hottest cell holds most of the planted points.
    assert max(c.count for c in hot) >= 15


def test_too_few_points_give_no_result() -> None:
    assert gi_star([(17.9, 59.39)] * 4) is None


class HotSpotPageTests(EstTestCase):
    def test_the_page_lists_significant_cells_and_draws_the_map(self) -> None:
        points, _centre = planted()
        day = timezone.localdate() - timedelta(days=5)
        for lon, lat in points:
            # all inside Rinkeby-Kista's test square only if in Rinkeby: keep those
            if 17.9 <= lon <= 17.92 and 59.38 <= lat <= 59.40:
                self.observe(point=(lon, lat), on=day)
        self.client.force_login(self.per)
        r = self.client.get("/est/hotspots/")
        self.assertEqual(r.status_code, 200)
        self.assertTrue(r.context["hot"])
        self.assertContains(r, 'id="hotspot-list"')
        self.assertContains(r, 'data-geojson="map-est-hotspots"')
        self.assertContains(r, "Rinkeby, ")
