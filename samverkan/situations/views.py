from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samverkan.geography.models import AreaKind, District, Municipality, Neighbourhood
from samverkan.organisations.models import Tenant

from . import charts
from .forms import PeriodForm
from .registry import collect_sections
from .selectors import (
    AREA_MODELS,
    Area,
    areas_visible_to,
    default_period,
    municipality_of,
    situation_picture,
    unplaced_events,
)

# Our own labels for the kinds of area, so the page speaks Swedish whatever the
# geography app's catalogue holds.
KIND_LABELS = {
    AreaKind.MUNICIPALITY: gettext_lazy("Municipality"),
    AreaKind.DISTRICT: gettext_lazy("District"),
    AreaKind.NEIGHBOURHOOD: gettext_lazy("Neighbourhood"),
}

# The front end's script includes, with an empty fallback so the page still renders
# (with tables only) on a checkout where the chart/map scripts are not there yet.
CHART_SCRIPTS = ["includes/chart_scripts.html", "situations/no_scripts.html"]
MAP_SCRIPTS = ["includes/map_scripts.html", "situations/no_scripts.html"]


@login_required
def area_list(request: HttpRequest) -> HttpResponse:
    """GET /situation/: the municipalities of the user's tenants' counties, with districts.

    A superuser without memberships sees every municipality.
    """
    municipalities = areas_visible_to(request.user, AreaKind.MUNICIPALITY)
    tenants = Tenant.objects.for_user(request.user)
    county_codes = set(
        Municipality.objects.filter(tenants__in=tenants).values_list("county_code", flat=True)
    )
    if county_codes:
        municipalities = municipalities.filter(county_code__in=county_codes)
    neighbourhoods = Neighbourhood.objects.order_by("name").only("name", "code", "district_id")
    districts = (
        District.objects.order_by("name")
        .only("name", "code", "municipality_id", "population", "population_year")
        .prefetch_related(Prefetch("neighbourhoods", queryset=neighbourhoods))
    )
    municipalities = (
        municipalities.order_by("county_code", "name")
        .only("name", "code", "county_name", "county_code", "population", "population_year")
        .prefetch_related(Prefetch("districts", queryset=districts))
    )
    return render(request, "situations/areas.html", {"municipalities": municipalities})


def _get_area(request: HttpRequest, kind: str, code: str) -> Area:
    if kind not in AREA_MODELS:
        raise Http404
    return get_object_or_404(areas_visible_to(request.user, kind), code=code)


def _period_form(request: HttpRequest, area: Area) -> PeriodForm:
    data = {"from": request.GET.get("from", ""), "to": request.GET.get("to", "")}
    if not data["from"] or not data["to"]:
        start, end = default_period(area)
        data["from"] = data["from"] or start.isoformat()
        data["to"] = data["to"] or end.isoformat()
    form = PeriodForm(data)
    form.is_valid()
    return form


def render_sections(
    request: HttpRequest | None, sections: list[dict], area: Area, start: date, end: date
) -> list[dict]:
    """Each registered section with its template rendered to HTML (key, title, html)."""
    return [
        {
            "key": s["key"],
            "title": s["title"],
            "html": render_to_string(
                s["template"],
                {**s["context"], "area": area, "start": start, "end": end},
                request=request,
            ),
        }
        for s in sections
    ]


def figure_context(picture: dict) -> dict[str, Any]:
    """Template context shared by the page and the command's HTML: sources per figure,
    change against the previous period, the labelled municipality context."""
    by_id = {s["id"]: s for s in picture["sources"]}
    events = picture["police_events"]
    change = None
    if events["previous_period_covered"]:
        diff = events["total"] - events["previous_period_total"]
        change = {
            "diff": diff,
            "percent": round(100 * diff / events["previous_period_total"], 1)
            if events["previous_period_total"]
            else None,
        }
    return {
        "picture": picture,
        "events": events,
        "change": change,
        "kind_label": KIND_LABELS[picture["area"]["kind"]],
        "figure_sources": {
            "summary": [by_id[i] for i in ("police_events", "previous_period", "county_level")],
            "placement": [by_id["placement"]],
            "weeks": [by_id["by_week"]],
            "types": [by_id["police_events"]],
            "crime": [by_id["reported_crime"], by_id["county_per_100k"]],
            "population": [by_id["population"]],
        },
    }


def _maps(area: Area, picture: dict) -> dict | None:
    """The map: sub-areas shaded by placed events, or the area itself when it has none."""
    subareas = picture["police_events"]["by_subarea"]
    if subareas:
        counts = {s["code"]: s["count"] for s in subareas}
        rates = {s["code"]: s["per_1000"] for s in subareas}
        if isinstance(area, Municipality):
            qs, kind = District.objects.filter(municipality=area), AreaKind.DISTRICT
        else:
            qs, kind = Neighbourhood.objects.filter(district=area), AreaKind.NEIGHBOURHOOD
        pairs = [
            (
                s,
                {
                    "name": s.name,
                    "events": counts.get(s.code, 0),
                    "per_1000": rates.get(s.code),
                    "href": reverse("situations-detail", args=[kind, s.code]),
                },
            )
            for s in qs.only("name", "code", "boundary")
        ]
    else:
        pairs = [(area, {"name": area.name, "events": picture["police_events"]["total"]})]
    collection = charts.feature_collection(pairs)
    return collection if collection["features"] else None


@login_required
def area_detail(request: HttpRequest, kind: str, code: str) -> HttpResponse:
    """GET /situation/<kind>/<code>/?from=YYYY-MM-DD&to=YYYY-MM-DD: the situation page.

    Without dates: the last 12 full months up to the latest incident date (default_period).
    Bad dates re-render the form with an error summary (status 400).
    """
    area = _get_area(request, kind, code)
    form = _period_form(request, area)
    context: dict[str, Any] = {
        "area": area,
        "municipality": municipality_of(area),
        "form": form,
        "kind_label": KIND_LABELS[area.kind],
        "chart_scripts": CHART_SCRIPTS,
        "map_scripts": MAP_SCRIPTS,
    }
    if not form.is_valid():
        return render(request, "situations/area_detail.html", context, status=400)
    start, end = form.cleaned_data["from"], form.cleaned_data["to"]
    sections = collect_sections(area=area, start=start, end=end, user=request.user)
    picture = situation_picture(area=area, start=start, end=end, sections=sections)
    context.update(figure_context(picture))
    context.update(
        {
            "start": start,
            "end": end,
            "sections": render_sections(request, sections, area, start, end),
            "map": _maps(area, picture),
            "has_rates": any(
                s["per_1000"] is not None for s in picture["police_events"]["by_subarea"]
            ),
            "week_spec": charts.events_by_week_spec(
                picture["police_events"]["by_week"],
                title=_("Police events per ISO week, %(area)s") % {"area": area.name},
                y_title=_("Events"),
            ),
            "type_spec": charts.events_by_type_spec(
                picture["police_events"]["by_type"],
                title=_("Police events by type, %(area)s") % {"area": area.name},
                x_title=_("Events"),
            ),
            "crime_spec": charts.reported_crime_spec(
                picture["reported_crime"],
                title=_("Reported offences per 100,000 inhabitants, %(municipality)s and county")
                % {"municipality": context["municipality"].name},
                area_label=context["municipality"].name,
                county_label=context["municipality"].county_name,
                y_title=_("per 100,000"),
            ),
            "query": f"from={start.isoformat()}&to={end.isoformat()}",
        }
    )
    return render(request, "situations/area_detail.html", context)


@login_required
def area_unplaced(request: HttpRequest, kind: str, code: str) -> HttpResponse:
    """GET /situation/<kind>/<code>/unplaced/?from=&to=: the events that could not be placed.

    Lists the municipality's (or, for a neighbourhood, the district's) events in the period
    whose text did not place them below the area's level, with the reason, 100 per page.
    """
    area = _get_area(request, kind, code)
    form = _period_form(request, area)
    if not form.is_valid():
        return render(
            request,
            "situations/area_detail.html",
            {
                "area": area,
                "municipality": municipality_of(area),
                "form": form,
                "kind_label": KIND_LABELS[area.kind],
            },
            status=400,
        )
    start, end = form.cleaned_data["from"], form.cleaned_data["to"]
    page = Paginator(unplaced_events(area, start, end), 100).get_page(request.GET.get("page"))
    return render(
        request,
        "situations/unplaced.html",
        {
            "area": area,
            "kind_label": KIND_LABELS[area.kind],
            "start": start,
            "end": end,
            "page": page,
            "query": f"from={start.isoformat()}&to={end.isoformat()}",
        },
    )


@login_required
def area_json(request: HttpRequest, kind: str, code: str) -> HttpResponse:
    """GET /situation/<kind>/<code>/situation.json?from=…&to=…: the picture as a download.

    400 {"error", "fields"} for bad dates; 404 for an unknown or invisible area.
    """
    area = _get_area(request, kind, code)
    form = _period_form(request, area)
    if not form.is_valid():
        return JsonResponse(
            {"error": "invalid period", "fields": form.errors.get_json_data()}, status=400
        )
    start, end = form.cleaned_data["from"], form.cleaned_data["to"]
    picture = situation_picture(area=area, start=start, end=end, user=request.user)
    response = JsonResponse(picture, json_dumps_params={"ensure_ascii": False, "indent": 2})
    filename = f"lagesbild-{kind}-{slugify(code)}-{start.isoformat()}-{end.isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
