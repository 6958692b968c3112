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

    ``dimensions``: the keys along which cells add up. Along each dimension, the cells that
    differ only in that key form a group together with their total when the list holds it
    (the cell without that key): e.g. women and men with all, or the 13 districts with the
    city. Any single hidden member of a group could be worked out from the others, so a
    group never keeps exactly one hidden member: the shown member with the smallest n is
    hidden too, repeated until no group changes. Passing every table of one breakdown
    together (the total, the margins and the crossed cells) keeps the tables consistent:
    a margin hidden in one table cannot be read off another.
    """
    out = [c.suppress(SMALL) if c.n < min_n else c for c in cells]
    position = {frozenset(c.keys.items()): i for i, c in enumerate(out)}
    groups: list[list[int]] = []
    for dim in dimensions:
        by_total: dict[frozenset, list[int]] = defaultdict(list)
        for i, cell in enumerate(out):
            if dim in cell.keys:
                by_total[frozenset((k, v) for k, v in cell.keys.items() if k != dim)].append(i)
        for total_key, members in by_total.items():
            if total_key in position:
                members = [*members, position[total_key]]
            groups.append(members)
    changed = True
    while changed:
        changed = False
        for members in groups:
            hidden = [i for i in members if out[i].suppressed]
            shown = [i for i in members if not out[i].suppressed]
            if len(hidden) == 1 and shown:
                victim = min(shown, key=lambda i: (out[i].n, i))
                out[victim] = out[victim].suppress(COMPLEMENTARY)
                changed = True
    return out
