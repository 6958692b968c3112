"""CSV export of an indicator's or index's tables, suppressed exactly as on the page.

UTF-8 with a byte-order mark so Excel opens it with å, ä, ö intact; `;` separated with a
decimal comma (Swedish Excel). A suppressed cell has an empty value and its reason.
"""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _

from .estimation import Verdict
from .models import IndexDefinition
from .suppression import round_count


def verdict_text(change) -> str:
    """The change verdict in words, e.g. "significant increase – worse"."""
    words = {
        Verdict.INCREASE: _("significant increase"),
        Verdict.DECREASE: _("significant decrease"),
        Verdict.NO_CHANGE: _("no significant change"),
        Verdict.NOT_AVAILABLE: _("not available"),
    }[change.verdict]
    judgement = {"better": _("better"), "worse": _("worse")}.get(change.assessment)
    return f"{words} – {judgement}" if judgement else words


def _number(value: float | None, factor: float, digits: int) -> str:
    if value is None:
        return ""
    return f"{value * factor:.{digits}f}".replace(".", ",")


def report_csv(measure, wave, district, report: dict, series_rows: list, *, rounding) -> bytes:
    """The page's tables as CSV bytes: by district (with change), sex, age, sex × age, waves."""
    is_index = isinstance(measure, IndexDefinition)
    factor, digits = (1.0, 2) if is_index else (100.0, 1)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    survey = measure.survey
    writer.writerow([_("Survey"), survey.name])
    if survey.is_synthetic:
        writer.writerow([_("SYNTHETIC DATA"), _("not statistics about real residents")])
    writer.writerow([_("Indicator"), measure.name])
    if getattr(measure, "question", None):
        writer.writerow([_("Question"), measure.question.wording])
        writer.writerow([_("Counted answers"), ", ".join(measure.counted_labels)])
    writer.writerow([_("Wave"), wave.year])
    writer.writerow([_("Area"), district.name if district else _("Whole survey area")])
    writer.writerow([_("Source"), survey.source_url or survey.owner])
    writer.writerow([])
    writer.writerow(
        [
            _("Table"),
            _("Group"),
            _("Index") if is_index else _("Share (%)"),
            _("95 % interval, low"),
            _("95 % interval, high"),
            _("Respondents (n)"),
            _("Effective n"),
            _("Suppressed"),
            _("Change since previous wave"),
        ]
    )
    tables = [
        (_("By district"), report["by_district"]),
        (_("By sex"), report["by_sex"]),
        (_("By age"), report["by_age"]),
        (_("By sex and age"), report["crossed"]),
        (_("Over waves"), series_rows),
    ]
    for title, rows in tables:
        for row in rows:
            cell = row.cell
            shown = cell.is_shown
            change = row.change
            verdict = verdict_text(change) if change is not None else ""
            writer.writerow(
                [
                    title,
                    row.label,
                    _number(cell.estimate, factor, digits) if shown else "",
                    _number(cell.ci_low, factor, digits) if shown else "",
                    _number(cell.ci_high, factor, digits) if shown else "",
                    round_count(cell.n, rounding),
                    _number(cell.n_effective, 1, 0) if shown else "",
                    cell.suppressed,
                    verdict,
                ]
            )
    return ("\ufeff" + out.getvalue()).encode("utf-8")
