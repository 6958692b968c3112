import base64
import hashlib
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.agreements.models import PriorityArea
from samverkan.common.forms import warn_about_removals
from samverkan.geography.models import Neighbourhood
from samverkan.problems.models import Problem

from . import roundtrip, selectors, services
from .forms import (
    ActivityForm,
    BeforeAfterForm,
    CarryOverForm,
    FollowUpForm,
    ImportForm,
    IndicatorForm,
    IndicatorValueForm,
    PlanForm,
    TargetForm,
)
from .links import activity_links
from .models import ActionPlan, Activity, Indicator
from .permissions import can_edit_plan
from .visibility import editable_agreements, visible_agreements

IMPORT_SESSION_KEY = "plans-import"


def _as_of(request: HttpRequest) -> date:
    """The ``on`` query parameter (YYYY-MM-DD) or today; a bad value is a 404."""
    raw = request.GET.get("on")
    if not raw:
        return timezone.localdate()
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise Http404("bad date") from None


def _get_plan(request: HttpRequest, pk: int) -> ActionPlan:
    return get_object_or_404(
        ActionPlan.objects.visible_to(request.user).select_related("agreement", "previous_plan"),
        pk=pk,
    )


def _get_editable_plan(request: HttpRequest, pk: int) -> ActionPlan:
    plan = _get_plan(request, pk)
    if not can_edit_plan(request.user, plan):
        raise Http404
    return plan


def _get_activity(request: HttpRequest, pk: int) -> Activity:
    return get_object_or_404(
        Activity.objects.visible_to(request.user).select_related(
            "plan__agreement", "target", "responsible_organisation", "carried_from__plan"
        ),
        pk=pk,
    )


def _form_page(request, form, heading, back_url, intro="", submit_label=None) -> HttpResponse:
    return render(
        request,
        "plans/form.html",
        {
            "form": form,
            "heading": heading,
            "back_url": back_url,
            "intro": intro,
            "submit_label": submit_label,
        },
    )


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    plans = ActionPlan.objects.visible_to(request.user).select_related("agreement")
    return render(
        request,
        "plans/list.html",
        {"plans": plans, "can_create": editable_agreements(request.user).exists()},
    )


@login_required
def plan_new(request: HttpRequest) -> HttpResponse:
    agreements = editable_agreements(request.user)
    if not agreements.exists():
        raise Http404
    form = PlanForm(request.POST or None, agreements=agreements)
    if request.method == "POST" and form.is_valid():
        plan = services.create_plan(by=request.user, **form.cleaned_data)
        warn_about_removals(request, form)
        messages.success(request, _("The plan was created."))
        return redirect("plans-detail", pk=plan.pk)
    return _form_page(request, form, _("New action plan"), "/plans/")


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The plan as it stood on ?on=YYYY-MM-DD (default today)."""
    plan = _get_plan(request, pk)
    on = _as_of(request)
    states = selectors.plan_state(plan, on)
    targets = [
        selectors.target_progress(t, on) for t in plan.targets.prefetch_related("activities")
    ]
    areas = PriorityArea.objects.filter(activities__plan=plan).distinct()
    return render(
        request,
        "plans/detail.html",
        {
            "plan": plan,
            "on": on,
            "states": states,
            "targets": targets,
            "areas": areas,
            "can_edit": can_edit_plan(request.user, plan),
            "next_plans": plan.next_plans.all(),
        },
    )


@login_required
def target_new(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _get_editable_plan(request, pk)
    form = TargetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.create_target(plan=plan, by=request.user, **form.cleaned_data)
        warn_about_removals(request, form)
        messages.success(request, _("The target was added."))
        return redirect("plans-detail", pk=plan.pk)
    return _form_page(request, form, _("New target"), f"/plans/{plan.pk}/", intro=plan.title)


@login_required
def activity_new(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _get_editable_plan(request, pk)
    form = ActivityForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("version", None)
        activity = services.create_activity(plan=plan, by=request.user, **data)
        warn_about_removals(request, form)
        messages.success(request, _("The activity was added."))
        return redirect("plans-activity", pk=activity.pk)
    initial = {"starts_on": plan.starts_on, "ends_on": plan.ends_on}
    if request.method != "POST":
        form = ActivityForm(plan=plan, initial=initial)
    return _form_page(request, form, _("New activity"), f"/plans/{plan.pk}/", intro=plan.title)


@login_required
def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _get_activity(request, pk)
    on = _as_of(request)
    latest = activity.follow_ups.order_by("-pk").first()
    form = FollowUpForm(
        initial={
            "reported_on": timezone.localdate(),
            "status": latest.status if latest else "planned",
            "progress_percent": latest.progress_percent if latest else None,
            "done_count": latest.done_count if latest else None,
            "expected_previous_id": latest.pk if latest else None,
        }
    )
    return _activity_page(request, activity, on, form)


def _activity_page(request, activity: Activity, on: date, form, status: int = 200):
    readings = [selectors.indicator_reading(i, on) for i in activity.indicators.all()]
    target = selectors.target_progress(activity.target, on) if activity.target else None
    return render(
        request,
        "plans/activity.html",
        {
            "activity": activity,
            "plan": activity.plan,
            "on": on,
            "entry": activity.latest_follow_up(on=on),
            "history": activity.history(),
            "readings": readings,
            "target": target,
            "form": form,
            "can_edit": can_edit_plan(request.user, activity.plan),
            "linked": activity_links(activity=activity, user=request.user),
        },
        status=status,
    )


@login_required
@require_POST
def follow_up_new(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _get_activity(request, pk)
    if not can_edit_plan(request.user, activity.plan):
        raise Http404
    form = FollowUpForm(request.POST)
    if form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.record_follow_up(activity=activity, by=request.user, **data)
        except services.FollowUpConflict as e:
            latest = e.latest
            form.add_error(
                None,
                _(
                    "Someone else recorded a follow-up (%(status)s, %(day)s) after you opened "
                    "this page. Nothing was saved. Read their entry below, then submit again "
                    "if yours is still right."
                )
                % {
                    "status": latest.get_status_display() if latest else "-",
                    "day": latest.reported_on.isoformat() if latest else "-",
                },
            )
            form.data = form.data.copy()
            form.data["expected_previous_id"] = latest.pk if latest else ""
            return _activity_page(request, activity, timezone.localdate(), form, status=409)
        except services.FollowUpOutOfOrder as e:
            form.add_error(
                "reported_on",
                _("Must not be before the latest entry (%(day)s).") % {"day": e.args[0]},
            )
        else:
            warn_about_removals(request, form)
            messages.success(request, _("The follow-up was recorded."))
            return redirect("plans-activity", pk=activity.pk)
    return _activity_page(request, activity, timezone.localdate(), form, status=400)


@login_required
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _get_activity(request, pk)
    if not can_edit_plan(request.user, activity.plan):
        raise Http404
    form = ActivityForm(request.POST or None, instance=activity, plan=activity.plan)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("version", "code")}
        try:
            services.update_activity(
                activity=activity,
                expected_version=form.cleaned_data.get("version") or 0,
                changes=data,
                by=request.user,
            )
        except services.ActivityConflict as e:
            form = ActivityForm(request.POST, instance=e.current, plan=activity.plan)
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Someone else changed this activity after you opened it (now version "
                    "%(version)s). Nothing was saved. Reload the page to see their changes "
                    "and make yours again."
                )
                % {"version": e.current.version},
            )
            response = _form_page(
                request, form, _("Edit activity"), f"/plans/activities/{activity.pk}/"
            )
            response.status_code = 409
            return response
        warn_about_removals(request, form)
        messages.success(request, _("The activity was saved."))
        return redirect("plans-activity", pk=activity.pk)
    return _form_page(
        request, form, _("Edit activity"), f"/plans/activities/{activity.pk}/", intro=str(activity)
    )


@login_required
def indicator_new(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _get_activity(request, pk)
    if not can_edit_plan(request.user, activity.plan):
        raise Http404
    form = IndicatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.create_indicator(activity=activity, by=request.user, **form.cleaned_data)
        warn_about_removals(request, form)
        messages.success(request, _("The indicator was added."))
        return redirect("plans-activity", pk=activity.pk)
    return _form_page(
        request, form, _("New indicator"), f"/plans/activities/{activity.pk}/", intro=str(activity)
    )


@login_required
def indicator_value_new(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_object_or_404(
        Indicator.objects.filter(activity__in=Activity.objects.visible_to(request.user)), pk=pk
    )
    activity = indicator.activity
    if not can_edit_plan(request.user, activity.plan):
        raise Http404
    form = IndicatorValueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.record_indicator_value(indicator=indicator, by=request.user, **form.cleaned_data)
        messages.success(request, _("The value was recorded."))
        return redirect("plans-activity", pk=activity.pk)
    return _form_page(
        request, form, _("New value"), f"/plans/activities/{activity.pk}/", intro=str(indicator)
    )


@login_required
def before_after(request: HttpRequest, pk: int) -> HttpResponse:
    """Police events in the activity's place vs a comparison area, before/after its start."""
    activity = _get_activity(request, pk)
    places = activity.neighbourhoods.all()
    tenant_places = Neighbourhood.objects.filter(
        district__municipality__tenants=activity.plan.agreement.tenant
    ).distinct()
    form = BeforeAfterForm(
        request.GET or None,
        places=places,
        comparisons=tenant_places,
        initial={"place": places.first(), "window_days": 180},
    )
    result = error = None
    event_types: list[str] = []
    for indicator in activity.indicators.all():
        if indicator.kind == "police_events":
            event_types = indicator.event_types
            break
    if request.GET and form.is_valid():
        try:
            result = selectors.before_after(
                place=form.cleaned_data["place"],
                comparison=form.cleaned_data["comparison"],
                start=activity.starts_on,
                window_days=form.cleaned_data["window_days"],
                event_types=event_types,
            )
        except ValueError:
            error = _("There are no police events after the activity's start yet.")
    return render(
        request,
        "plans/before_after.html",
        {
            "activity": activity,
            "form": form,
            "result": result,
            "error": error,
            "event_types": event_types,
            "has_places": places.exists(),
        },
    )


@login_required
def plan_export(request: HttpRequest, pk: int, file_format: str) -> HttpResponse:
    plan = _get_plan(request, pk)
    rows = roundtrip.export_rows(plan)
    name = slugify(plan.title) or f"plan-{plan.pk}"
    if file_format == "xlsx":
        response = HttpResponse(
            roundtrip.to_xlsx(rows),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(roundtrip.to_csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    return response


@login_required
def plan_import(request: HttpRequest, pk: int) -> HttpResponse:
    """Upload → preview of changes (kept in the session) → confirm → all or nothing."""
    plan = _get_editable_plan(request, pk)
    errors: list = []
    changes = None
    form = ImportForm()
    if request.method == "POST" and "confirm" in request.POST:
        stored = request.session.get(IMPORT_SESSION_KEY) or {}
        if stored.get("plan") != plan.pk or stored.get("sha256") != request.POST.get("sha256"):
            messages.error(request, _("The preview has expired; upload the file again."))
            return redirect("plans-import", pk=plan.pk)
        content = base64.b64decode(stored["content"])
        try:
            changes = roundtrip.plan_changes(plan, roundtrip.parse(content, stored["format"]))
            count = roundtrip.apply_changes(plan=plan, changes=changes, by=request.user)
        except roundtrip.ImportRejected as e:
            errors = e.errors
        except (services.ActivityConflict, services.FollowUpConflict):
            errors = [_("Someone changed the plan after the preview. Nothing was saved.")]
        else:
            del request.session[IMPORT_SESSION_KEY]
            messages.success(request, _("%(count)s activities were updated.") % {"count": count})
            return redirect("plans-detail", pk=plan.pk)
    elif request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            content = upload.read()
            file_format = "xlsx" if upload.name.lower().endswith(".xlsx") else "csv"
            try:
                changes = roundtrip.plan_changes(plan, roundtrip.parse(content, file_format))
            except roundtrip.ImportRejected as e:
                errors = e.errors
            else:
                digest = hashlib.sha256(content).hexdigest()
                request.session[IMPORT_SESSION_KEY] = {
                    "plan": plan.pk,
                    "format": file_format,
                    "sha256": digest,
                    "content": base64.b64encode(content).decode("ascii"),
                }
                return render(
                    request,
                    "plans/import_preview.html",
                    {"plan": plan, "changes": changes, "sha256": digest},
                )
    return render(
        request,
        "plans/import.html",
        {"plan": plan, "form": form, "errors": errors},
        status=400 if errors else 200,
    )


@login_required
def plan_carry_over(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _get_editable_plan(request, pk)
    year = plan.ends_on.year + 1
    form = CarryOverForm(
        request.POST or None,
        initial={
            "title": plan.title.replace(str(plan.ends_on.year), str(year)),
            "starts_on": date(year, 1, 1),
            "ends_on": date(year, 12, 31),
        },
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            result = services.carry_over_plan(plan=plan, by=request.user, **form.cleaned_data)
        except services.AlreadyCarriedOver as e:
            form.add_error(
                None,
                _("Activity %(code)s has already been carried over to another plan.")
                % {"code": e.args[0]},
            )
            status = 400
        else:
            warn_about_removals(request, form)
            messages.success(
                request,
                _("%(count)s unfinished activities were carried over.")
                % {"count": len(result.carried)},
            )
            return redirect("plans-detail", pk=result.plan.pk)
    response = _form_page(
        request,
        form,
        _("Next period's plan"),
        f"/plans/{plan.pk}/",
        intro=_(
            "Unfinished activities (planned, ongoing or partly done) are taken along, linked "
            "to their history in %(plan)s."
        )
        % {"plan": plan.title},
        submit_label=_("Create the plan"),
    )
    response.status_code = status
    return response


@login_required
def area_trace(request: HttpRequest, pk: int) -> HttpResponse:
    """Traceability for one priority area: its problems and the activities tagged with it."""
    area = get_object_or_404(
        PriorityArea.objects.filter(agreement__in=visible_agreements(request.user)), pk=pk
    )
    on = _as_of(request)
    areas = [area, *area.local_areas.filter(agreement__in=visible_agreements(request.user))]
    trace = selectors.traceability(
        problems=Problem.objects.visible_to(request.user).filter(priority_area__in=areas),
        activities=Activity.objects.visible_to(request.user).filter(priority_areas__in=areas),
        on=on,
    )
    return render(
        request,
        "plans/traceability.html",
        {"trace": trace, "heading": area.name, "subject": area, "on": on},
    )
