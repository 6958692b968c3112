"""Design-based estimates from respondent-level data, computed with svy.

Shares: weighted proportion of respondents who answered the indicator's question and gave
one of its counted answers. Variance by Taylor linearisation over the design (strata and
clusters when the file gives them; otherwise each respondent is its own unit in a single
stratum), domains estimated as domains (the whole sample stays in the variance). 95 %
intervals are **logit** intervals with the design's degrees of freedom (see
docs/decisions/0060-survey-estimation.md). Index values: weighted mean of the respondents'
index scores with a t interval.

Every cell carries the unweighted n (respondents who answered) and Kish's effective n,
``(Σw)² / Σw²``. Comparisons across surveys are refused (``IncomparableSurveys``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import polars as pl
import svy

from .models import Better, IndexDefinition, Indicator, Question, Respondent, SurveyWave

Z_95 = 1.959963984540054
DIMENSIONS = ("district", "sex", "age_band")


class IncomparableSurveys(ValueError):
    """Raised when two things from different surveys are combined or compared."""


def check_same_survey(*objects) -> None:
    """Raise IncomparableSurveys unless all waves/indicators/indexes share one survey.

    Different surveys ask different questions with different scales, samples and modes:
    putting their figures side by side as one series would mislead (the Police warn
    against comparing their survey with NTU; DOCUMENTS.md §5.6).
    """
    survey_ids = {obj.survey_id for obj in objects}
    if len(survey_ids) > 1:
        names = ", ".join(sorted({str(obj.survey) for obj in objects}))
        raise IncomparableSurveys(
            f"Figures from different surveys cannot be merged or compared: {names}."
        )


@dataclass(frozen=True)
class Cell:
    """One estimate for a domain. ``estimate`` is a share 0–1 or an index value.

    ``keys`` names the domain, e.g. {"district": "80125", "sex": "female"} ({} = all).
    ``n``: respondents in the domain who answered; ``n_effective``: Kish's effective n.
    ``ci_low``/``ci_high``: 95 % interval (None when the design gives no interval).
    ``suppressed``: "" (shown), "small" (n below the limit) or "complementary".
    """

    keys: dict = field(default_factory=dict)
    n: int = 0
    n_effective: float = 0.0
    estimate: float | None = None
    se: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    df: int | None = None
    suppressed: str = ""

    @property
    def is_shown(self) -> bool:
        return not self.suppressed and self.estimate is not None

    def key(self, dim: str) -> str | None:
        return self.keys.get(dim)

    def suppress(self, reason: str) -> Cell:
        return replace(self, suppressed=reason)


def _num(value) -> float | None:
    if value is None:
        return None
    value = float(value)
    return None if math.isnan(value) or math.isinf(value) else value


def build_frame(wave: SurveyWave) -> pl.DataFrame:
    """The wave's respondents as a polars frame: one row each, answers as ``q_<code>``.

    Columns: weight, stratum, psu, district, sex, age_band, and one nullable Int64
    column per question of the survey.
    """
    codes = list(wave.survey.questions.values_list("code", flat=True))
    rows = Respondent.objects.filter(wave=wave).order_by("row_number")
    records = rows.values_list(
        "row_number", "weight", "stratum", "cluster", "district__code", "sex", "age_band", "answers"
    )
    data: dict[str, list] = {
        k: [] for k in ("row", "weight", "stratum", "psu", "district", "sex", "age_band")
    }
    answer_cols: dict[str, list] = {f"q_{c}": [] for c in codes}
    for row, weight, stratum, cluster, district, sex, age_band, answers in records:
        data["row"].append(row)
        data["weight"].append(float(weight))
        data["stratum"].append(stratum or "_")
        data["psu"].append(cluster or f"_r{row}")
        data["district"].append(district)
        data["sex"].append(sex)
        data["age_band"].append(age_band)
        for c in codes:
            value = (answers or {}).get(c)
            answer_cols[f"q_{c}"].append(None if value is None else int(value))
    schema = {
        "row": pl.Int64,
        "weight": pl.Float64,
        "stratum": pl.String,
        "psu": pl.String,
        "district": pl.String,
        "sex": pl.String,
        "age_band": pl.String,
    }
    frame = pl.DataFrame(data, schema=schema)
    if answer_cols:
        frame = frame.with_columns(
            [pl.Series(name, values, dtype=pl.Int64) for name, values in answer_cols.items()]
        )
    return frame


def _sample(frame: pl.DataFrame) -> svy.Sample:
    stratified = frame["stratum"].n_unique() > 1
    design = svy.Design(
        stratum="stratum" if stratified else None,
        psu="psu",
        wgt="weight",
        singleton="center" if stratified else None,
    )
    return svy.Sample(frame, design)


def _sizes(frame: pl.DataFrame, mask: pl.Expr, by: list[str]) -> dict[tuple, tuple[int, float]]:
    """Unweighted n and Kish's effective n per domain among rows where ``mask`` holds."""
    grouped = (
        frame.filter(mask)
        .group_by(by or [pl.lit(1).alias("_all")])
        .agg(
            pl.len().alias("n"),
            pl.col("weight").sum().alias("sw"),
            (pl.col("weight") ** 2).sum().alias("sw2"),
        )
    )
    sizes = {}
    for rec in grouped.iter_rows(named=True):
        key = tuple(rec[b] for b in by) if by else ()
        sizes[key] = (int(rec["n"]), rec["sw"] ** 2 / rec["sw2"] if rec["sw2"] else 0.0)
    return sizes


def _cells_from(
    result: pl.DataFrame, by: list[str], sizes: dict[tuple, tuple[int, float]]
) -> list[Cell]:
    cells = []
    for rec in result.iter_rows(named=True):
        key = tuple(rec[b] for b in by) if by else ()
        n, n_eff = sizes.get(key, (0, 0.0))
        if n == 0:
            continue
        cells.append(
            Cell(
                keys=dict(zip(by, key, strict=True)),
                n=n,
                n_effective=n_eff,
                estimate=_num(rec["est"]),
                se=_num(rec["se"]),
                ci_low=_num(rec["lci"]),
                ci_high=_num(rec["uci"]),
                df=None if rec.get("df") is None else int(rec["df"]),
            )
        )
    return sorted(cells, key=lambda c: tuple(str(c.keys[b]) for b in by))


def indicator_flags(frame: pl.DataFrame, indicator: Indicator) -> pl.DataFrame:
    """Add ``_answered`` (0/1) and ``_y`` (1 = a counted answer, 0 otherwise) columns."""
    column = f"q_{indicator.question.code}"
    counted = [int(v) for v in indicator.positive_values]
    return frame.with_columns(
        pl.col(column).is_not_null().cast(pl.Int64).alias("_answered"),
        pl.col(column).is_in(counted).fill_null(False).cast(pl.Int64).alias("_y"),
    )


def estimate_share(
    frame: pl.DataFrame, indicator: Indicator, by: list[str] | tuple = ()
) -> list[Cell]:
    """Weighted share giving a counted answer, per domain of ``by`` (list of DIMENSIONS).

    Returns one Cell per non-empty domain, estimate in 0–1.
    """
    by = list(by)
    flagged = indicator_flags(frame, indicator)
    if flagged.filter(pl.col("_answered") == 1).height == 0:
        return []
    result = (
        _sample(flagged)
        .estimation.prop("_y", by=by or None, where=svy.col("_answered") == 1, ci_method="logit")
        .to_polars()
        .filter(pl.col("_y") == 1)
    )
    return _cells_from(result, by, _sizes(flagged, pl.col("_answered") == 1, by))


def index_scores(frame: pl.DataFrame, definition: IndexDefinition) -> pl.DataFrame:
    """Add ``_score`` (respondent's index value, null when not scorable) to ``frame``."""
    codes = [item["question"] for item in definition.items]
    columns = [f"q_{c}" for c in codes]
    scores = []
    for values in frame.select(columns).iter_rows():
        answers = {c: v for c, v in zip(codes, values, strict=True) if v is not None}
        scores.append(definition.respondent_score(answers))
    return frame.with_columns(pl.Series("_score", scores, dtype=pl.Float64))


def estimate_index(
    frame: pl.DataFrame, definition: IndexDefinition, by: list[str] | tuple = ()
) -> list[Cell]:
    """Weighted mean index score per domain, with Taylor SE and a t interval."""
    by = list(by)
    scored = index_scores(frame, definition)
    scored = scored.with_columns(pl.col("_score").is_not_null().cast(pl.Int64).alias("_scored"))
    if scored["_scored"].sum() == 0:
        return []
    result = (
        _sample(scored.with_columns(pl.col("_score").fill_null(0.0)))
        .estimation.mean("_score", by=by or None, where=svy.col("_scored") == 1)
        .to_polars()
    )
    return _cells_from(result, by, _sizes(scored, pl.col("_scored") == 1, by))


def answer_distribution(
    frame: pl.DataFrame, question: Question, by: list[str] | tuple = ()
) -> list[dict]:
    """Weighted share of each answer of ``question`` per domain (raw distribution).

    Returns [{"keys": {...}, "n": int, "answers": [{"value", "label", "share", "count"}]}]
    where ``share`` is 0–1 among respondents who answered and ``count`` the unweighted
    number giving that answer.
    """
    by = list(by)
    column = f"q_{question.code}"
    answered = frame.filter(pl.col(column).is_not_null())
    groups = answered.group_by(by or [pl.lit(1).alias("_all")], maintain_order=True)
    out = []
    for key, part in groups:
        total = part["weight"].sum()
        answers = []
        for value in question.values:
            chosen = part.filter(pl.col(column) == value)
            answers.append(
                {
                    "value": value,
                    "label": question.label_for(value),
                    "share": chosen["weight"].sum() / total if total else None,
                    "count": chosen.height,
                }
            )
        keys = dict(zip(by, key, strict=True)) if by else {}
        out.append({"keys": keys, "n": part.height, "answers": answers})
    return sorted(out, key=lambda d: tuple(str(d["keys"][b]) for b in by))


class Verdict:
    """Plain-language change categories; ``assessment`` says better/worse/unchanged."""

    INCREASE = "increase"
    DECREASE = "decrease"
    NO_CHANGE = "no_change"
    NOT_AVAILABLE = "not_available"


@dataclass(frozen=True)
class Change:
    """Later minus earlier estimate with a 95 % interval (normal, independent samples).

    ``verdict``: Verdict.*; ``assessment``: "better" | "worse" | "unchanged" | "";
    the arrow follows the figure (up/down), the colour follows ``assessment``.
    """

    earlier: Cell | None
    later: Cell | None
    difference: float | None = None
    se: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    verdict: str = Verdict.NOT_AVAILABLE
    assessment: str = ""

    @property
    def arrow(self) -> str:
        return {Verdict.INCREASE: "↑", Verdict.DECREASE: "↓"}.get(self.verdict, "→")


def compare(earlier: Cell | None, later: Cell | None, better: str) -> Change:
    """Change between two waves of the same survey for one domain.

    Independent samples: SE = √(se₁² + se₂²); 95 % interval = difference ± 1.96·SE. A
    change is significant when the interval excludes 0. ``better`` is Better.LOWER or
    Better.HIGHER; an increase of a lower-is-better figure is assessed "worse". Suppressed
    or missing cells give Verdict.NOT_AVAILABLE (never a number).
    """
    if (
        earlier is None
        or later is None
        or not earlier.is_shown
        or not later.is_shown
        or earlier.se is None
        or later.se is None
    ):
        return Change(earlier, later)
    difference = later.estimate - earlier.estimate
    se = math.sqrt(earlier.se**2 + later.se**2)
    low, high = difference - Z_95 * se, difference + Z_95 * se
    if low > 0:
        verdict = Verdict.INCREASE
    elif high < 0:
        verdict = Verdict.DECREASE
    else:
        verdict = Verdict.NO_CHANGE
    if verdict == Verdict.NO_CHANGE:
        assessment = "unchanged"
    else:
        up_is_good = better == Better.HIGHER
        assessment = "better" if (verdict == Verdict.INCREASE) == up_is_good else "worse"
    return Change(earlier, later, difference, se, low, high, verdict, assessment)
