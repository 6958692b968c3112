"""The EST section of the situation picture (lägesbild), for the section registry.

``section(area=…, start=…, end=…, user=…)`` returns the observations in the area and
period that ``user`` may count (``in_picture_of``), per category, with the mean rating as
a share of the scale maximum; None when there is nothing to show.
"""

from datetime import date

from django.db.models import Count, Max
from django.utils.translation import gettext as _

from .models import Observation, ObservationCategory, RatingLevel
from .selectors import observations_in_area


def section(*, area, start: date, end: date, user) -> dict | None:
    """The EST part of the situation picture; None for no user (command line) or no data.

    Observations are not public, so without a user there is nothing to show.
    """
    if user is None:
        return None
    in_period = observations_in_area(
        Observation.objects.filter(observed_on__gte=start, observed_on__lte=end), area
    )
    # One cheap query when there is nothing at all, so pages without EST data pay for
    # that query only, not for the membership gate as well.
    if not in_period.exists():
        return None
    qs = in_period & Observation.objects.in_picture_of(user)
    rows = list(qs.values_list("category_id", "rating", "scale_id", "is_demo"))
    if not rows:
        return None
    maxima = {
        lvl["scale_id"]: lvl["top"]
        for lvl in RatingLevel.objects.filter(scale_id__in={r[2] for r in rows})
        .values("scale_id")
        .annotate(top=Max("value"))
    }
    categories = {c.pk: c for c in ObservationCategory.objects.filter(pk__in={r[0] for r in rows})}
    per: dict[int, list[float]] = {}
    for cat_id, rating, scale_id, _demo in rows:
        per.setdefault(cat_id, []).append(rating / (maxima.get(scale_id) or 1))
    table = sorted(
        (
            {
                "category": categories[cat_id].code,
                "name": categories[cat_id].name,
                "count": len(values),
                "mean_severity": round(sum(values) / len(values), 3),
            }
            for cat_id, values in per.items()
        ),
        key=lambda r: (-r["count"], r["name"]),
    )
    top_places = list(
        qs.exclude(place=None)
        .values("place__name")
        .annotate(n=Count("id"))
        .order_by("-n", "place__name")[:5]
    )
    demo = sum(1 for r in rows if r[3])
    data = {
        "source": "EST observations",
        "period": {"start": start.isoformat(), "end": end.isoformat()},
        "total": len(rows),
        "demo": demo,
        "by_category": table,
        "top_places": [{"name": p["place__name"], "count": p["n"]} for p in top_places],
        "severity_definition": "mean rating as a share of the scale maximum, 0–1; higher is worse",
    }
    return {
        "key": "est",
        "title": _("EST observations"),
        "template": "est/situation_section.html",
        "context": {"data": data, "area": area},
        "data": data,
    }
