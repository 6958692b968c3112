"""Suppression of small groups and rounding of small counts, applied to every output.

Primary suppression: a cell with fewer respondents than the tenant's limit
(``Tenant.options["suppression_min_n"]``, default 30) is shown as suppressed, never as a
number. Complementary suppression: where the cells of one breakdown together make up a
shown total (the districts make up the city, women and men make up all), a single
suppressed cell could be derived from the total and the others; so when a group has exactly
one suppressed cell, the smallest other cell is suppressed too, and this is repeated
along every dimension until nothing changes.

Count rounding (``Tenant.options["count_rounding"]``): "stockholm" applies the rule of
Stockholm's statistics office for small counts: 1–2 → 0, 3–4 → 5, other counts unchanged.
"""

from __future__ import annotations

from collections import defaultdict

from .estimation import Cell

DEFAULT_MIN_N = 30
SMALL = "small"
COMPLEMENTARY = "complementary"


def min_n_for(tenant) -> int:
    """The tenant's smallest number of respondents for a shown cell (default 30)."""
    value = tenant.option("suppression_min_n", DEFAULT_MIN_N) if tenant else DEFAULT_MIN_N
    return int(value)


def round_count(n: int | None, rule: str | None) -> int | None:
    """A count as it may be shown under ``rule`` ("stockholm" or "none"/None)."""
    if n is None or rule != "stockholm":
        return n
    if 1 <= n <= 2:
        return 0
    if 3 <= n <= 4:
        return 5
    return n


def suppress(cells: list[Cell], min_n: int, dimensions: list[str] | tuple = ()) -> list[Cell]:
    """Apply primary and complementary suppression; returns new cells in the same order.

    ``dimensions``: the keys along which the cells add up to a shown total. For a table by
    district only, ["district"]; for the crossed table, ["district", "sex", "age_band"].
    """
    out = [c.suppress(SMALL) if c.n < min_n else c for c in cells]
    changed = True
    while changed:
        changed = False
        for dim in dimensions:
            groups: dict[tuple, list[int]] = defaultdict(list)
            for i, cell in enumerate(out):
                if dim in cell.keys:
                    other = tuple(sorted((k, v) for k, v in cell.keys.items() if k != dim))
                    groups[other].append(i)
            for indices in groups.values():
                hidden = [i for i in indices if out[i].suppressed]
                shown = [i for i in indices if not out[i].suppressed]
                if len(hidden) == 1 and shown:
                    victim = min(shown, key=lambda i: (out[i].n, i))
                    out[victim] = out[victim].suppress(COMPLEMENTARY)
                    changed = True
    return out
