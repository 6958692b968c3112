"""The safety-survey section of the situation picture (lägesbild), via the section registry.

For a district: each indicator of the latest wave (fieldwork ended by ``end``) of every
respondent-level survey the user can see, with interval, n and the change since the
previous wave; for a municipality: the same for the whole survey area. Neighbourhoods are
not measured at that level by these surveys: None. Without a user (the command line) the
section is left out, as the surveys belong to a tenant.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from samverkan.geography.models import District, Municipality

from .models import Survey, SurveyKind
from .selectors import series


def section(*, area, start, end, user) -> dict | None:
    """Section dict per the registry contract, or None when nothing is measured."""
    if user is None or not isinstance(area, District | Municipality):
        return None  # from the command line no tenant is known: tenant data stay out
    district = area if isinstance(area, District) else None
    surveys = (
        Survey.objects.visible_to(user)
        .filter(kind=SurveyKind.MICRODATA, waves__year__lte=end.year)
        .distinct()
    )
    blocks, data = [], {}
    frames: dict = {}
    for survey in surveys:
        rows = []
        for indicator in survey.indicators.select_related("question"):
            over_time = [
                r
                for r in series(indicator, tenant=survey.tenant, district=district, frames=frames)
                if int(r.label) <= end.year
            ]
            if not over_time:
                continue
            latest = over_time[-1]
            rows.append({"indicator": indicator, "row": latest})
            cell, change = latest.cell, latest.change
            data.setdefault(survey.code, {"synthetic": survey.is_synthetic, "indicators": {}})
            data[survey.code]["indicators"][indicator.code] = {
                "year": int(latest.label),
                "share_percent": round(cell.estimate * 100, 1) if cell.is_shown else None,
                "ci_percent": [round(cell.ci_low * 100, 1), round(cell.ci_high * 100, 1)]
                if cell.is_shown and cell.ci_low is not None
                else None,
                "suppressed": bool(cell.suppressed),
                "n": cell.n,
                "better": indicator.better,
                "change_verdict": change.verdict if change else None,
                "change_assessment": change.assessment if change else None,
            }
        if rows:
            blocks.append({"survey": survey, "rows": rows})
    if not blocks:
        return None
    return {
        "key": "surveys",
        "title": _("Safety surveys"),
        "template": "surveys/situation_section.html",
        "context": {
            "blocks": blocks,
            "area": area,
            "rounding": blocks[0]["survey"].tenant.option("count_rounding"),
        },
        "data": data,
    }
