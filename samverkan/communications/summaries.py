"""Public summaries of a situation picture: district-level figures with small counts hidden.

The payload is frozen into a CommunicationVersion when the summary is drafted, so the
public page never reads live data.
"""

from datetime import date

from django.db.models import Count
from django.utils.translation import gettext as _

from samverkan.geography.models import District
from samverkan.organisations.models import Tenant
from samverkan.police_events.models import PoliceEvent

SOURCE = (
    "Polisen, händelser på polisen.se (öppet API), placerade i stadsdelsområden utifrån "
    "händelsens text; befolkning: Region Stockholm/Folkhälsokollen."
)


def suppress_counts(values: dict[str, int], *, min_count: int) -> dict[str, int | None]:
    """Hide counts 1 … min_count−1 (None) and, if that leaves exactly one hidden cell,
    hide the next-smallest cell too, so the hidden value cannot be derived from the total.

    Zero is shown (it reveals nothing about persons). Input and output keys are the same.
    """
    shown: dict[str, int | None] = {
        k: (None if 0 < v < min_count else v) for k, v in values.items()
    }
    hidden = [k for k, v in shown.items() if v is None]
    if len(hidden) == 1:
        candidates = sorted((v, k) for k, v in shown.items() if v is not None and v > 0)
        if candidates:
            shown[candidates[0][1]] = None
    return shown


def situation_summary_payload(
    *, tenant: Tenant, start: date, end: date, min_count: int | None = None
) -> dict:
    """Police events placed per district in [start, end] for the tenant's municipalities.

    Shape: {"period": {"from", "to"}, "min_count": int, "source": str, "municipalities":
    [{"name", "total", "districts": [{"name", "count" (int or None = suppressed),
    "population", "per_1000" (float or None)}]}]}. Lower counts are better, with the
    caveat that police events are published notices, not crime statistics.
    """
    min_count = min_count or int(tenant.option("public_min_count", 5))
    result = []
    for municipality in tenant.municipalities.order_by("name"):
        districts = list(District.objects.filter(municipality=municipality).order_by("name"))
        if not districts:
            continue
        counts = dict(
            PoliceEvent.objects.in_period(start, end)
            .filter(district__in=districts)
            .values_list("district__name")
            .annotate(n=Count("pk"))
        )
        raw = {d.name: counts.get(d.name, 0) for d in districts}
        shown = suppress_counts(raw, min_count=min_count)
        rows = []
        for d in districts:
            count = shown[d.name]
            rows.append(
                {
                    "name": d.name,
                    "count": count,
                    "population": d.population,
                    "per_1000": round(count / d.population * 1000, 2)
                    if count is not None and d.population
                    else None,
                }
            )
        result.append({"name": municipality.name, "total": sum(raw.values()), "districts": rows})
    return {
        "period": {"from": start.isoformat(), "to": end.isoformat()},
        "min_count": min_count,
        "source": SOURCE,
        "definition": _("Police events by incident date, placed in a district from their text."),
        "municipalities": result,
    }
