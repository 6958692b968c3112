"""Hot spots: Getis-Ord Gi* on a square grid over observation points (esda).

Method (docs/decisions/0075-hot-spots-gi-star.md): points are projected to SWEREF 99 TM
(EPSG:3006, metres); a grid of ``cell_m`` × ``cell_m`` cells covers their bounding box
(plus one empty ring, so edge cells have neighbours); y = observations per cell, zeros
included; weights are queen contiguity, binary, with the cell itself (Gi*, star=True).
Significance is by conditional permutation (999, fixed seed, so a page shows the same
result twice; one-sided pseudo p-values, "greater"): a cell is **hot** when z > 0 and
the pseudo p-value < ``alpha``. Cold spots are not reported: on a sparse count grid
"significantly few" mostly marks empty fields and water. Only observations with a real
point (a map point or a registered place) count: a neighbourhood's centre would be an
artificial cluster.
"""

from dataclasses import dataclass

from pyproj import Transformer

WGS84_TO_SWEREF = Transformer.from_crs("EPSG:4326", "EPSG:3006", always_xy=True)
SWEREF_TO_WGS84 = Transformer.from_crs("EPSG:3006", "EPSG:4326", always_xy=True)

DEFAULT_CELL_M = 250.0
DEFAULT_ALPHA = 0.05
PERMUTATIONS = 999
SEED = 20251130
MIN_POINTS = 5


@dataclass
class Cell:
    row: int
    col: int
    count: int
    z: float
    p: float
    kind: str  # "hot" | "" (not significant)
    polygon: list[tuple[float, float]]  # lon/lat ring, closed
    centre: tuple[float, float]  # lon/lat


@dataclass
class HotSpotResult:
    cells: list[Cell]
    cell_m: float
    alpha: float
    points: int

    @property
    def hot(self) -> list[Cell]:
        return sorted((c for c in self.cells if c.kind == "hot"), key=lambda c: -c.z)

    def feature_collection(self, label) -> dict:
        """GeoJSON of the cells with counts or a significant result (value: ``z``)."""
        features = []
        for c in self.cells:
            if not c.count and not c.kind:
                continue
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Polygon", "coordinates": [[list(p) for p in c.polygon]]},
                    "properties": {
                        "name": label(c),
                        "z": round(c.z, 2),
                        "count": c.count,
                        "kind": c.kind,
                    },
                }
            )
        return {"type": "FeatureCollection", "features": features}


def gi_star(
    points: list[tuple[float, float]],
    *,
    cell_m: float = DEFAULT_CELL_M,
    alpha: float = DEFAULT_ALPHA,
    permutations: int = PERMUTATIONS,
) -> HotSpotResult | None:
    """Run Gi* over (lon, lat) points; None when there are fewer than MIN_POINTS points."""
    if len(points) < MIN_POINTS:
        return None
    import numpy as np
    from esda.getisord import G_Local
    from libpysal.weights import lat2W

    xs, ys = WGS84_TO_SWEREF.transform([p[0] for p in points], [p[1] for p in points])
    x0 = (min(xs) // cell_m - 1) * cell_m
    y0 = (min(ys) // cell_m - 1) * cell_m
    ncols = int((max(xs) - x0) // cell_m) + 2
    nrows = int((max(ys) - y0) // cell_m) + 2
    counts = np.zeros((nrows, ncols))
    for x, y in zip(xs, ys, strict=True):
        counts[int((y - y0) // cell_m), int((x - x0) // cell_m)] += 1
    # lat2W numbers cells row by row, row 0 first: the same order as counts.ravel().
    w = lat2W(nrows, ncols, rook=False)
    g = G_Local(
        counts.ravel(),
        w,
        transform="B",
        star=True,
        permutations=permutations,
        seed=SEED,
        n_jobs=1,
        keep_simulations=False,
        # A one-sided test decided beforehand: is the local sum *higher* than chance?
        # (esda's "directed" default picks the side after looking at the data.)
        alternative="greater",
    )
    cells = []
    for i, (z, p) in enumerate(zip(g.Zs, g.p_sim, strict=True)):
        row, col = divmod(i, ncols)
        kind = ""
        if p < alpha and z > 0:
            kind = "hot"
        cx0, cy0 = x0 + col * cell_m, y0 + row * cell_m
        corners = [
            (cx0, cy0),
            (cx0 + cell_m, cy0),
            (cx0 + cell_m, cy0 + cell_m),
            (cx0, cy0 + cell_m),
        ]
        lons, lats = SWEREF_TO_WGS84.transform([c[0] for c in corners], [c[1] for c in corners])
        ring = [(round(lo, 6), round(la, 6)) for lo, la in zip(lons, lats, strict=True)]
        ring.append(ring[0])
        clon, clat = SWEREF_TO_WGS84.transform(cx0 + cell_m / 2, cy0 + cell_m / 2)
        cells.append(
            Cell(
                row=row,
                col=col,
                count=int(counts[row, col]),
                z=float(z),
                p=float(p),
                kind=kind,
                polygon=ring,
                centre=(round(clon, 6), round(clat, 6)),
            )
        )
    return HotSpotResult(cells=cells, cell_m=cell_m, alpha=alpha, points=len(points))
