"""Before/after comparison of event counts in a place against a comparison area.

Pure functions on whole counts. The model: the four counts (place before, place after,
comparison before, comparison after, over windows of equal length) are independent
Poisson counts. The question "did the place change more than the comparison area?" is
whether the ratio of the two rate ratios is 1; conditional on the table's margins that
is Fisher's exact test on the 2×2 table (an exact rate-ratio test). See
docs/decisions/0083-before-after-honesty.md.

Honesty rule: when any of the four counts is below MIN_EVENTS (10) the result is
labelled "too few events to conclude anything", whatever the p-value; otherwise a
difference is claimed only when the exact two-sided p-value is below 0.05.
"""

from dataclasses import dataclass
from math import comb, exp, log, sqrt

MIN_EVENTS = 10
ALPHA = 0.05


@dataclass(frozen=True)
class BeforeAfter:
    """Result of ``compare``.

    ``ratio_of_ratios``: (place after / place before) / (comparison after / comparison
    before); below 1 means the place fell relative to the comparison area. None when a
    count is 0. ``ci_low``/``ci_high``: approximate 95 % interval (log scale, Wald); None
    when a count is 0. ``p_value``: exact two-sided (Fisher) p-value. ``verdict``: one of
    "too_few", "no_difference", "fell_more", "rose_more".
    """

    place_before: int
    place_after: int
    comparison_before: int
    comparison_after: int
    ratio_of_ratios: float | None
    ci_low: float | None
    ci_high: float | None
    p_value: float
    verdict: str

    @property
    def too_few(self) -> bool:
        return self.verdict == "too_few"


def _hypergeom_pmf(k: int, row1: int, col1: int, total: int) -> float:
    return comb(col1, k) * comb(total - col1, row1 - k) / comb(total, row1)


def fisher_exact_two_sided(a: int, b: int, c: int, d: int) -> float:
    """Two-sided p-value of Fisher's exact test for the table [[a, b], [c, d]].

    Sums the probabilities of all tables with the same margins that are no more likely
    than the observed one (with a 1e-7 relative tolerance for ties).
    """
    row1, col1, total = a + b, a + c, a + b + c + d
    if total == 0:
        return 1.0
    low, high = max(0, row1 + col1 - total), min(row1, col1)
    observed = _hypergeom_pmf(a, row1, col1, total)
    p = 0.0
    for k in range(low, high + 1):
        pk = _hypergeom_pmf(k, row1, col1, total)
        if pk <= observed * (1 + 1e-7):
            p += pk
    return min(p, 1.0)


def compare(
    *, place_before: int, place_after: int, comparison_before: int, comparison_after: int
) -> BeforeAfter:
    """Compare the change in a place with the change in a comparison area.

    Counts must be whole and ≥ 0 (ValueError otherwise) and come from windows of equal
    length before and after the start date.
    """
    counts = (place_before, place_after, comparison_before, comparison_after)
    if any(n < 0 for n in counts):
        raise ValueError("counts cannot be negative")
    p_value = fisher_exact_two_sided(place_after, place_before, comparison_after, comparison_before)
    ratio = low = high = None
    if all(n > 0 for n in counts):
        ratio = (place_after / place_before) / (comparison_after / comparison_before)
        se = sqrt(sum(1 / n for n in counts))
        low, high = exp(log(ratio) - 1.96 * se), exp(log(ratio) + 1.96 * se)
    if min(counts) < MIN_EVENTS:
        verdict = "too_few"
    elif p_value >= ALPHA or ratio is None:
        verdict = "no_difference"
    else:
        verdict = "fell_more" if ratio < 1 else "rose_more"
    return BeforeAfter(
        place_before=place_before,
        place_after=place_after,
        comparison_before=comparison_before,
        comparison_after=comparison_after,
        ratio_of_ratios=ratio,
        ci_low=low,
        ci_high=high,
        p_value=p_value,
        verdict=verdict,
    )
