"""The situation picture's "problems and measures" section (see situations/README.md)."""

from datetime import date

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from samverkan.geography.models import District, Municipality, Neighbourhood
from samverkan.plans.visibility import editable_agreements

from .models import Problem


def section(*, area, start: date, end: date, user) -> dict | None:
    """Problems in ``area`` whose period overlaps [start, end], with analysis and activities.

    Problems are tenant-private: only those the user may see (Problem.objects.visible_to);
    from the command line (``user`` None) the section is left out, and so it is for a
    reader when there is nothing to show. Shape of ``data``:
    {"problems": [{"title", "priority_area", "period_from", "period_to",
    "has_cause_analysis", "activities"}], "count": int}. Activities = distinct activities
    acting on the problem's causes.
    """
    if user is None:
        return None
    problems = Problem.objects.visible_to(user).filter(
        period_start_on__lte=end, period_end_on__gte=start
    )
    if isinstance(area, Municipality):
        problems = problems.filter(district__municipality=area)
        district = None
    elif isinstance(area, District):
        problems = problems.filter(district=area)
        district = area
    elif isinstance(area, Neighbourhood):
        problems = problems.filter(Q(neighbourhoods=area) | Q(district=area.district_id))
        district = area.district
    else:
        return None
    problems = (
        problems.select_related("priority_area")
        .annotate(
            analysis_count=Count("analyses", distinct=True),
            activity_count=Count("analyses__causes__activities", distinct=True),
        )
        .distinct()
        .order_by("title")
    )
    rows = list(problems)
    new_url = None
    if user.is_authenticated and editable_agreements(user).exists():
        params = {"start": start.isoformat(), "end": end.isoformat()}
        if district is not None:
            params["district"] = district.pk
        new_url = f"{reverse('problems-new')}?{urlencode(params)}"
    if not rows and new_url is None:
        return None
    return {
        "key": "problems",
        "title": _("Problems and measures"),
        "template": "problems/situation_section.html",
        "context": {"problems": rows, "new_url": new_url},
        "data": {
            "count": len(rows),
            "problems": [
                {
                    "title": p.title,
                    "priority_area": p.priority_area.name,
                    "period_from": p.period_start_on.isoformat(),
                    "period_to": p.period_end_on.isoformat(),
                    "has_cause_analysis": p.analysis_count > 0,
                    "activities": p.activity_count,
                }
                for p in rows
            ],
        },
    }
