"""EST pages: report, my reports, one report, import, weekly picture, ranking, hot spots, year.

Every page gets its rows through Observation.objects.visible_to (records, with text) or
in_picture_of (aggregates); other tenants' and districts' objects are 404.
"""

from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Max
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from shapely import contains_xy

from samverkan.common.forms import warn_about_removals
from samverkan.geography.models import District, Neighbourhood
from samverkan.places.access import district_ids_for_user
from samverkan.places.models import Place

from . import permissions
from .access import log_text_read
from .forms import AbilityForm, EditObservationForm, ImportForm, ReportForm
from .geo import centroid, prepared_shapes
from .hotspots import gi_star
from .models import Observation, ObservationCategory, RatingScale
from .selectors import (
    iso_week_range,
    period_of,
    period_range,
    previous_period,
    ranking,
    report_periods,
    weekly_matrix,
    yearly_summary,
)
from .services import (
    ImportRejected,
    ObservationInvalid,
    find_nearby_open,
    import_observations_csv,
    record_ability,
    report_observation,
    resolve_where,
    update_observation,
)

# --- reporting --------------------------------------------------------------------------


@login_required
def report(request: HttpRequest) -> HttpResponse:
    organisations = permissions.reporting_organisations(request.user)
    if not organisations:
        raise Http404
    tenant = organisations[0].tenant
    scale = RatingScale.objects.current_for(tenant)
    if scale is None:
        # A page that explains, not an error: the reporter can do nothing about it.
        return render(request, "est/not_configured.html")
    neighbourhoods = (
        Neighbourhood.objects.filter(district__municipality__tenants=tenant)
        .select_related("district")
        .order_by("district__name", "name")
    )
    places = Place.objects.filter(tenant=tenant).order_by("name")
    form = ReportForm(
        request.POST or None,
        organisations=organisations,
        scale=scale,
        neighbourhoods=neighbourhoods,
        places=places,
    )
    nearby: list[Observation] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            where = resolve_where(
                tenant=data["organisation"].tenant,
                neighbourhood=data["neighbourhood"],
                place=data["place"],
                point=form.point(),
            )
            nearby = find_nearby_open(
                tenant=tenant,
                category=data["category"],
                where=where,
                observed_on=data["observed_on"],
            )
            if nearby and (data.get("confirm_nearby") or 0) < len(nearby):
                # Ask first: the same thing may already be reported.
                confirm = form.data.copy()
                confirm["confirm_nearby"] = str(len(nearby))
                form = ReportForm(
                    confirm,
                    organisations=organisations,
                    scale=scale,
                    neighbourhoods=neighbourhoods,
                    places=places,
                )
                form.is_valid()
                return render(
                    request,
                    "est/report.html",
                    {
                        "form": form,
                        "scale": scale,
                        "nearby": nearby,
                        "tenant_centre": _centre(tenant),
                    },
                )
            observation, cleaned = report_observation(
                reporter=request.user,
                organisation=data["organisation"],
                category=data["category"],
                rating=data["rating"],
                where=where,
                observed_on=data["observed_on"],
                observed_at=form.observed_at(),
                part_of_day=data["part_of_day"],
                text=data["text"],
                scale=scale,
                nearby_confirmed=len(nearby),
            )
        except ObservationInvalid as e:
            field = e.field if e.field in form.fields else None
            form.add_error(
                field, _("This report could not be saved: %(reason)s") % {"reason": e.message}
            )
        else:
            warn_about_removals(request, cleaned)
            messages.success(request, _("Thank you, your observation is saved."))
            return redirect("est-observation", pk=observation.pk)
    return render(
        request,
        "est/report.html",
        {"form": form, "scale": scale, "nearby": nearby, "tenant_centre": _centre(tenant)},
    )


def _centre(tenant) -> list[float] | None:
    district = District.objects.filter(municipality__tenants=tenant).first()
    c = centroid(district.municipality.boundary) if district else None
    return [c[1], c[0]] if c else None


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    observations = (
        Observation.objects.visible_to(request.user)
        .filter(reported_by=request.user)
        .select_related("category", "district", "neighbourhood", "place", "scale")
        .prefetch_related("scale__levels")[:200]
    )
    return render(request, "est/mine.html", {"observations": observations})


@login_required
def observation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    observation = get_object_or_404(
        Observation.objects.visible_to(request.user).select_related(
            "category", "district", "neighbourhood", "place", "scale", "reporting_organisation"
        ),
        pk=pk,
    )
    log_text_read(user=request.user, observations=[observation], request=request)
    return render(
        request,
        "est/observation.html",
        {"o": observation, "can_edit": permissions.can_edit(request.user, observation)},
    )


@login_required
def observation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    observation = get_object_or_404(
        Observation.objects.visible_to(request.user).select_related("scale", "category"), pk=pk
    )
    if not permissions.can_edit(request.user, observation):
        raise Http404
    form = EditObservationForm(
        request.POST or None,
        scale=observation.scale,
        initial={
            "rating": observation.rating,
            "text": observation.text,
            "status": observation.status,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            cleaned = update_observation(
                observation=observation,
                by=request.user,
                rating=form.cleaned_data["rating"],
                text=form.cleaned_data["text"],
                status=form.cleaned_data["status"],
            )
        except ObservationInvalid as e:
            form.add_error(None, e.message)
        else:
            warn_about_removals(request, cleaned)
            messages.success(request, _("The observation is updated."))
            return redirect("est-observation", pk=observation.pk)
    log_text_read(user=request.user, observations=[observation], request=request)
    return render(request, "est/edit.html", {"o": observation, "form": form})


@login_required
def import_csv(request: HttpRequest) -> HttpResponse:
    if not permissions.can_coordinate(request.user):
        raise Http404
    organisations = permissions.reporting_organisations(request.user)
    form = ImportForm(request.POST or None, request.FILES or None, organisations=organisations)
    errors = None
    outcome = None
    if request.method == "POST" and form.is_valid():
        try:
            outcome = import_observations_csv(
                data=form.cleaned_data["file"].read(),
                organisation=form.cleaned_data["organisation"],
                imported_by=request.user,
            )
        except ImportRejected as e:
            errors = e.errors
        except UnicodeDecodeError:
            form.add_error("file", _("The file is not UTF-8 text."))
    status = 400 if errors else 200
    return render(
        request,
        "est/import.html",
        {"form": form, "errors": errors, "outcome": outcome},
        status=status,
    )


# --- the picture ------------------------------------------------------------------------


def _picture_scope(request: HttpRequest):
    """(districts the user sees in the picture, the chosen district or None = all of them).

    ?district=<id> outside the visible set is 404, like any object the user cannot see.
    """
    ids = district_ids_for_user(request.user, ("view",))
    districts = list(District.objects.filter(pk__in=ids).order_by("name"))
    if not districts:
        raise Http404
    chosen = None
    raw = request.GET.get("district")
    if raw:
        try:
            chosen = next(d for d in districts if d.pk == int(raw))
        except (ValueError, StopIteration) as e:
            raise Http404 from e
    elif len(districts) == 1:
        chosen = districts[0]
    return districts, chosen


def _tenant_for(request: HttpRequest, districts: list[District]):
    from samverkan.organisations.models import Tenant

    return (
        Tenant.objects.for_user(request.user)
        .filter(municipalities__districts__in=districts)
        .first()
    )


def _categories(tenant) -> list[ObservationCategory]:
    return list(ObservationCategory.objects.filter(tenant=tenant, is_active=True))


def _week_param(request: HttpRequest) -> tuple[int, int] | None:
    """The ?week=YYYY-Www the user chose, or None when absent or not a week."""
    raw = request.GET.get("week", "")
    try:
        year_s, week_s = raw.split("-W")
        iso_week_range(int(year_s), int(week_s))
        return int(year_s), int(week_s)
    except ValueError:
        return None


def default_week(observations, *, today: date) -> tuple[int, int, str]:
    """The week the weekly picture opens on: (ISO year, ISO week, why).

    ``observations`` is the user's scope (in_picture_of, filtered to the districts shown).
    ``why`` is "latest" for the latest complete week (up to last week) with observations;
    "current" for this week when only it has observations so far; "none" (last week,
    the former default) when the scope has no observations at all. Demo data ends on
    2025-11-30, so without this the page opened on an empty week.
    """
    last_week = today - timedelta(days=7)
    _monday, last_sunday = iso_week_range(*last_week.isocalendar()[:2])
    latest = observations.filter(observed_on__lte=last_sunday).aggregate(latest=Max("observed_on"))[
        "latest"
    ]
    if latest is not None:
        year, week, _d = latest.isocalendar()
        return year, week, "latest"
    if observations.filter(observed_on__gt=last_sunday, observed_on__lte=today).exists():
        year, week, _d = today.isocalendar()
        return year, week, "current"
    year, week, _d = last_week.isocalendar()
    return year, week, "none"


def default_period_day(observations, *, today: date) -> tuple[date, str]:
    """A day in the report period the ranking opens on, and why: (day, "latest" | "current").

    ``observations`` is the user's scope (in_picture_of, filtered to the districts shown).
    The day is the latest observation date up to ``today`` ("latest"), so the page opens
    on the latest period with observations rather than an empty current one (the bundled
    demo data ends on 2025-11-30); ``today`` ("current") when the scope has none.
    """
    latest = observations.filter(observed_on__lte=today).aggregate(latest=Max("observed_on"))[
        "latest"
    ]
    if latest is None:
        return today, "current"
    return latest, "latest"


def _week_label(day: date) -> str:
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


@login_required
def weekly(request: HttpRequest) -> HttpResponse:
    districts, chosen = _picture_scope(request)
    tenant = _tenant_for(request, districts)
    by = "place" if request.GET.get("by") == "place" else "area"
    scope = [chosen] if chosen else districts
    # A district shows its neighbourhoods; several districts (the city) show districts.
    if chosen or len(districts) == 1:
        areas = list(Neighbourhood.objects.filter(district__in=scope).order_by("name"))
    else:
        areas = districts
    observations = Observation.objects.in_picture_of(request.user).filter(district__in=scope)
    chosen_week = _week_param(request)
    if chosen_week:
        (year, week), why = chosen_week, "chosen"
    else:
        year, week, why = default_week(observations, today=timezone.localdate())
    categories = _categories(tenant)
    matrix = weekly_matrix(
        observations=observations,
        categories=categories,
        areas=areas,
        iso_year=year,
        iso_week=week,
        by=by,
    )
    totals = {r.area_id: r.total.count for r in matrix.rows}
    features = [
        {
            "type": "Feature",
            "geometry": a.boundary,
            "properties": {"name": a.name, "count": totals.get(a.pk, 0)},
        }
        for a in areas
        if a.boundary
    ]
    prev_monday = matrix.start - timedelta(days=7)
    next_monday = matrix.start + timedelta(days=7)
    return render(
        request,
        "est/weekly.html",
        {
            "matrix": matrix,
            "districts": districts,
            "chosen": chosen,
            "by": by,
            "feature_collection": {"type": "FeatureCollection", "features": features},
            "why": why,
            "week_value": f"{matrix.iso_year}-W{matrix.iso_week:02d}",
            "prev_week": _week_label(prev_monday),
            "next_week": _week_label(next_monday) if next_monday <= timezone.localdate() else None,
        },
    )


@login_required
def ranking_view(request: HttpRequest) -> HttpResponse:
    districts, chosen = _picture_scope(request)
    tenant = _tenant_for(request, districts)
    cadence = tenant.option("report_cadence", "tertial") if tenant else "tertial"
    today = timezone.localdate()
    observations = Observation.objects.in_picture_of(request.user)
    if "year" in request.GET or "part" in request.GET:
        default_day, why = today, "chosen"
    else:
        scope = [chosen] if chosen else districts
        default_day, why = default_period_day(observations.filter(district__in=scope), today=today)
    try:
        year = int(request.GET.get("year", default_day.year))
        part = int(request.GET.get("part", period_of(default_day, cadence)))
        start, end = period_range(year, part, cadence)
    except (ValueError, IndexError) as e:
        raise Http404 from e
    prev = period_range(*previous_period(year, part, cadence), cadence)
    if chosen:
        areas = list(Neighbourhood.objects.filter(district=chosen).order_by("name"))
    else:
        areas = districts
    rows = ranking(
        observations=observations,
        areas=areas,
        start=start,
        end=end,
        previous=prev,
        tenant_id=tenant.pk,
    )
    may_assess = permissions.can_coordinate(request.user, chosen.pk if chosen else None)
    area_choices = [(f"n-{a.pk}" if chosen else f"d-{a.pk}", a.name) for a in areas]
    form = AbilityForm(request.POST or None, areas=area_choices)
    if request.method == "POST":
        if not may_assess:
            raise Http404
        if form.is_valid():
            kind, _sep, raw_id = form.cleaned_data["area"].partition("-")
            area = next(a for a in areas if a.pk == int(raw_id))
            record_ability(
                tenant=tenant,
                district=area.district if kind == "n" else area,
                neighbourhood=area if kind == "n" else None,
                period_start_on=start,
                period_end_on=end,
                ability=form.cleaned_data["ability"],
                rationale=form.cleaned_data["rationale"],
                by=request.user,
            )
            warn_about_removals(request, form)
            messages.success(request, _("The assessment is saved."))
            return redirect(request.get_full_path())
    by_ability = sorted(
        rows, key=lambda r: (-(r.ability if r.ability is not None else -1), r.need_rank)
    )
    return render(
        request,
        "est/ranking.html",
        {
            "rows": rows,
            "by_ability": by_ability,
            "districts": districts,
            "chosen": chosen,
            "cadence": cadence,
            "year": year,
            "part": part,
            "parts": range(1, len(report_periods(cadence)) + 1),
            "start": start,
            "end": end,
            "prev": prev,
            "form": form,
            "may_assess": may_assess,
            "why": why,
        },
    )


@login_required
def hotspots(request: HttpRequest) -> HttpResponse:
    districts, chosen = _picture_scope(request)
    today = timezone.localdate()
    try:
        start = (
            date.fromisoformat(request.GET.get("from", ""))
            if request.GET.get("from")
            else today - timedelta(days=90)
        )
        end = date.fromisoformat(request.GET.get("to", "")) if request.GET.get("to") else today
    except ValueError as e:
        raise Http404 from e
    scope = [chosen] if chosen else districts
    qs = (
        Observation.objects.in_picture_of(request.user)
        .filter(district__in=scope, observed_on__gte=start, observed_on__lte=end)
        .select_related("place")
    )
    points = []
    for o in qs:
        if o.longitude is not None:
            points.append((o.longitude, o.latitude))
        elif o.place_id and o.place.point:
            points.append(o.place.point)
    result = gi_star(points)
    shapes = prepared_shapes(
        Neighbourhood.objects.filter(district__in=scope).filter(boundary__isnull=False)
    )

    def label(cell) -> str:
        for name, geom in shapes:
            if contains_xy(geom, *cell.centre):
                return _("%(area)s, cell %(row)d:%(col)d") % {
                    "area": name,
                    "row": cell.row,
                    "col": cell.col,
                }
        return _("cell %(row)d:%(col)d") % {"row": cell.row, "col": cell.col}

    hot = [(c, label(c)) for c in result.hot] if result else []
    return render(
        request,
        "est/hotspots.html",
        {
            "districts": districts,
            "chosen": chosen,
            "start": start,
            "end": end,
            "result": result,
            "hot": hot,
            "points": len(points),
            "feature_collection": result.feature_collection(label) if result else None,
        },
    )


@login_required
def yearly(request: HttpRequest) -> HttpResponse:
    districts, chosen = _picture_scope(request)
    tenant = _tenant_for(request, districts)
    try:
        year = int(request.GET.get("year", timezone.localdate().year))
    except ValueError as e:
        raise Http404 from e
    categories = _categories(tenant)
    if chosen:
        areas = list(Neighbourhood.objects.filter(district=chosen).order_by("name"))
        scope = [chosen]
    else:
        areas, scope = districts, districts
    qs = Observation.objects.in_picture_of(request.user).filter(district__in=scope)
    summary = yearly_summary(observations=qs, categories=categories, areas=areas, year=year)
    months = [date(year, m, 1) for m in range(1, 13)]
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "description": _("Observations per month and category, %(year)d") % {"year": year},
        "data": {
            "values": [
                {
                    "month": months[i].isoformat(),
                    "category": c.name,
                    "count": summary["monthly"][c.code][i],
                }
                for c in categories
                for i in range(12)
            ]
        },
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": {
                "field": "month",
                "type": "temporal",
                "timeUnit": "yearmonth",
                "title": _("Month"),
            },
            "y": {"field": "count", "type": "quantitative", "title": _("Observations")},
            "color": {"field": "category", "type": "nominal", "title": _("Category")},
        },
    }
    return render(
        request,
        "est/yearly.html",
        {
            "summary": summary,
            "categories": categories,
            "year": year,
            "months": months,
            "districts": districts,
            "chosen": chosen,
            "spec": spec,
            "monthly_rows": [(c, summary["monthly"][c.code]) for c in categories],
        },
    )


def picture_url(name: str, district: District | None) -> str:
    url = reverse(name)
    return f"{url}?district={district.pk}" if district else url
