"""Places, vulnerable areas and safety walks: lists, details, walk protocol and exports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.common.forms import warn_about_removals
from samverkan.geography.models import District
from samverkan.organisations.models import Organisation

from .access import district_ids_for_user, tenant_ids_for_user
from .exports import protocol_docx, protocol_pdf
from .forms import PlaceForm, PointForm, PointStatusForm, WalkForm
from .models import Place, SafetyWalk, SafetyWalkPoint, VulnerableArea
from .permissions import can_manage_walks
from .services import add_walk_point, create_walk, register_place, update_walk_point_status


def _feature(geometry: dict | None, name: str, value, href: str = "", key: str = "value") -> dict:
    return {
        "type": "Feature",
        "geometry": geometry,
        "properties": {"name": name, key: value, **({"href": href} if href else {})},
    }


@login_required
def place_list(request: HttpRequest) -> HttpResponse:
    manage_ids = district_ids_for_user(request.user, ("edit_plans",))
    form = None
    if manage_ids:
        districts = District.objects.filter(pk__in=manage_ids).order_by("name")
        form = PlaceForm(request.POST or None, districts=districts)
        if request.method == "POST" and form.is_valid():
            d = form.cleaned_data
            tenant = (
                d["district"]
                .municipality.tenants.filter(pk__in=tenant_ids_for_user(request.user))
                .first()
            )
            if tenant is None:
                raise Http404
            point = (d["longitude"], d["latitude"]) if d["latitude"] is not None else None
            try:
                place = register_place(
                    tenant=tenant,
                    name=d["name"],
                    kind=d["kind"],
                    district=d["district"],
                    neighbourhood=d["neighbourhood"],
                    point=point,
                    description=d["description"],
                )
            except ValueError:
                form.add_error("name", _("A place with this name is already registered."))
            else:
                warn_about_removals(request, form)
                messages.success(request, _("The place is registered."))
                return redirect(place.get_absolute_url())
    elif request.method == "POST":
        raise Http404
    places = (
        Place.objects.visible_to(request.user)
        .select_related("district", "neighbourhood")
        .annotate(n_observations=Count("est_observations", distinct=True))
        .order_by("district__name", "name")
    )
    features = [
        _feature(p.geometry, p.name, p.n_observations, p.get_absolute_url(), "observations")
        for p in places
        if p.geometry
    ]
    return render(
        request,
        "places/list.html",
        {
            "places": places,
            "form": form,
            "feature_collection": {"type": "FeatureCollection", "features": features},
        },
    )


@login_required
def place_detail(request: HttpRequest, pk: int) -> HttpResponse:
    from samverkan.est.models import Observation

    place = get_object_or_404(
        Place.objects.visible_to(request.user).select_related("district", "neighbourhood"), pk=pk
    )
    by_year = (
        Observation.objects.in_picture_of(request.user)
        .filter(place=place)
        .values("observed_on__year", "category__name")
        .annotate(n=Count("id"))
        .order_by("-observed_on__year", "category__name")
    )
    points = (
        SafetyWalkPoint.objects.filter(
            place=place, walk__in=SafetyWalk.objects.visible_to(request.user)
        )
        .select_related("walk", "responsible_organisation")
        .order_by("-walk__walked_on", "order")
    )
    return render(
        request, "places/detail.html", {"place": place, "by_year": by_year, "points": points}
    )


@login_required
def vulnerable_areas(request: HttpRequest) -> HttpResponse:
    areas = VulnerableArea.objects.visible_to(request.user)
    region = request.GET.get("region", "Stockholm")
    if region:
        areas = areas.filter(region=region)
    regions = (
        VulnerableArea.objects.visible_to(request.user)
        .values_list("region", flat=True)
        .distinct()
        .order_by("region")
    )
    features = [
        _feature(
            a.boundary,
            f"{a.name} ({a.get_tier_display()})",
            2 if a.tier == "particularly_vulnerable" else 1,
            key="tier",
        )
        for a in areas
    ]
    return render(
        request,
        "places/vulnerable_areas.html",
        {
            "areas": areas,
            "region": region,
            "regions": regions,
            "feature_collection": {"type": "FeatureCollection", "features": features},
        },
    )


@login_required
def walk_list(request: HttpRequest) -> HttpResponse:
    walks = (
        SafetyWalk.objects.visible_to(request.user)
        .select_related("district", "neighbourhood")
        .annotate(n_points=Count("points"))
    )
    manage_ids = district_ids_for_user(request.user, ("edit_plans",))
    form = None
    if manage_ids:
        districts = District.objects.filter(pk__in=manage_ids).order_by("name")
        organisations = Organisation.objects.filter(tenant_id__in=tenant_ids_for_user(request.user))
        form = WalkForm(request.POST or None, districts=districts, organisations=organisations)
        if request.method == "POST" and form.is_valid():
            d = form.cleaned_data
            tenant = (
                d["district"]
                .municipality.tenants.filter(pk__in=tenant_ids_for_user(request.user))
                .first()
            )
            if tenant is None:
                raise Http404
            walk = create_walk(
                tenant=tenant,
                title=d["title"],
                walked_on=d["walked_on"],
                light=d["light"],
                district=d["district"],
                neighbourhood=d["neighbourhood"],
                organisations=list(d["organisations"]),
                participants=d["participants"],
                by=request.user,
            )
            warn_about_removals(request, form)
            messages.success(request, _("The walk is registered. Add its points below."))
            return redirect("places-walk", pk=walk.pk)
    elif request.method == "POST":
        raise Http404
    return render(request, "places/walks.html", {"walks": walks, "form": form})


def _walk_forms(request: HttpRequest, walk: SafetyWalk, data=None) -> PointForm:
    return PointForm(
        data,
        places=Place.objects.visible_to(request.user).filter(district=walk.district),
        organisations=Organisation.objects.filter(tenant=walk.tenant),
    )


@login_required
def walk_detail(request: HttpRequest, pk: int) -> HttpResponse:
    walk = get_object_or_404(
        SafetyWalk.objects.visible_to(request.user).select_related("district", "neighbourhood"),
        pk=pk,
    )
    may_manage = can_manage_walks(request.user, walk.district_id)
    form = _walk_forms(request, walk, request.POST or None) if may_manage else None
    if request.method == "POST":
        if not may_manage:
            raise Http404
        if form.is_valid():
            add_walk_point(walk=walk, by=request.user, **form.cleaned_data)
            warn_about_removals(request, form)
            messages.success(request, _("The point is added."))
            return redirect("places-walk", pk=walk.pk)
    points = walk.points.select_related("place", "responsible_organisation").prefetch_related(
        "updates"
    )
    return render(
        request,
        "places/walk.html",
        {
            "walk": walk,
            "points": points,
            "form": form,
            "may_manage": may_manage,
            "status_form": PointStatusForm(),
        },
    )


@require_POST
@login_required
def point_status(request: HttpRequest, pk: int, point_pk: int) -> HttpResponse:
    walk = get_object_or_404(SafetyWalk.objects.visible_to(request.user), pk=pk)
    point = get_object_or_404(walk.points, pk=point_pk)
    if not can_manage_walks(request.user, walk.district_id):
        raise Http404
    form = PointStatusForm(request.POST)
    if form.is_valid():
        update_walk_point_status(
            point=point,
            to_status=form.cleaned_data["status"],
            note=form.cleaned_data["note"],
            by=request.user,
        )
        warn_about_removals(request, form)
        messages.success(request, _("Point %(n)d is updated.") % {"n": point.order})
    else:
        messages.error(request, _("Choose a valid status."))
    return redirect("places-walk", pk=walk.pk)


@login_required
def walk_protocol(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    walk = get_object_or_404(SafetyWalk.objects.visible_to(request.user), pk=pk)
    name = f"trygghetsvandring-{walk.walked_on:%Y-%m-%d}-{slugify(walk.title)[:40]}"
    if fmt == "pdf":
        response = HttpResponse(protocol_pdf(walk), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
        return response
    if fmt == "docx":
        response = HttpResponse(
            protocol_docx(walk),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.docx"'
        return response
    raise Http404
