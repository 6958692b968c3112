from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.common.forms import warn_about_removals
from samverkan.communications.permissions import can_draft
from samverkan.communications.services import CommunicationError
from samverkan.geography.models import District
from samverkan.organisations.models import Organisation, Tenant
from samverkan.organisations.visibility import district_scope
from samverkan.plans.models import Activity

from . import services
from .forms import (
    DialogueForm,
    FollowUpForm,
    NextPledgeForm,
    PledgeForm,
    PromiseActivitiesForm,
    PromiseForm,
)
from .models import CitizenPledge, Promise
from .selectors import linkable_activities, prefetch_outcome_data, promise_outcome


def _pledge(request: HttpRequest, pk: int) -> CitizenPledge:
    return get_object_or_404(CitizenPledge.objects.visible_to(request.user), pk=pk)


def _promise(request: HttpRequest, pk: int) -> Promise:
    return get_object_or_404(
        Promise.objects.filter(pledge__in=CitizenPledge.objects.visible_to(request.user))
        .select_related("pledge", "neighbourhood", "continues__pledge")
        .prefetch_related("follow_ups"),
        pk=pk,
    )


def _require_draft_rights(request: HttpRequest, tenant: Tenant, pledge=None) -> None:
    """404 unless the user may draft in ``tenant`` (and sees ``pledge``, when given)."""
    if not can_draft(request.user, tenant, about=pledge):
        raise Http404


@login_required
def pledge_list(request: HttpRequest) -> HttpResponse:
    pledges = CitizenPledge.objects.visible_to(request.user).select_related(
        "municipal_party", "police_party"
    )
    return render(request, "pledges/list.html", {"pledges": pledges})


@login_required
def pledge_new(request: HttpRequest) -> HttpResponse:
    tenant = Tenant.objects.for_user(request.user).first()
    if tenant is None:
        raise Http404
    _require_draft_rights(request, tenant)
    districts = District.objects.filter(municipality__in=tenant.municipalities.all())
    limited_to = district_scope(request.user).district_ids(tenant.pk)
    if limited_to is not None:  # a district-limited writer offers only their districts
        districts = districts.filter(pk__in=limited_to)
    form = PledgeForm(
        request.POST or None,
        organisations=Organisation.objects.filter(tenant=tenant),
        districts=districts,
    )
    if request.method == "POST" and form.is_valid():
        pledge = form.save(commit=False)
        pledge.tenant = tenant
        pledge.save()
        form.save_m2m()
        warn_about_removals(request, form)
        messages.success(request, _("The pledge was created as a draft."))
        return redirect("pledges-detail", pk=pledge.pk)
    return render(request, "pledges/form.html", {"form": form})


def _pledge_page(
    request: HttpRequest,
    pledge: CitizenPledge,
    *,
    promise_form: PromiseForm | None = None,
    dialogue_form: DialogueForm | None = None,
    next_form: NextPledgeForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """The pledge page; a bound form given here is shown with its errors and what was typed.

    At most one form is bound (the one just posted): it feeds the error summary on top.
    """
    promises = pledge.promises.select_related(
        "pledge", "neighbourhood", "continues__pledge"
    ).prefetch_related("follow_ups")
    today = timezone.localdate()
    promises = list(promises)
    prefetch_outcome_data(promises)
    rows = [(p, promise_outcome(p, on=today)) for p in promises]
    can_edit = can_draft(request.user, pledge.tenant)
    if promise_form is None:
        promise_form = PromiseForm(
            activities=linkable_activities(request.user, pledge) if can_edit else None
        )
    dialogue_form = dialogue_form or DialogueForm()
    next_form = next_form or NextPledgeForm()
    bound = [f for f in (promise_form, dialogue_form, next_form) if f.is_bound]
    return render(
        request,
        "pledges/detail.html",
        {
            "pledge": pledge,
            "rows": rows,
            "dialogues": pledge.dialogues.all(),
            "can_edit": can_edit,
            "promise_form": promise_form,
            "dialogue_form": dialogue_form,
            "next_form": next_form,
            "error_form": bound[0] if bound else None,
        },
        status=status,
    )


@login_required
def pledge_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _pledge_page(request, _pledge(request, pk))


@require_POST
@login_required
def promise_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a promise; an invalid one shows the pledge page again (400) with its errors."""
    pledge = _pledge(request, pk)
    _require_draft_rights(request, pledge.tenant, pledge)
    form = PromiseForm(request.POST, activities=linkable_activities(request.user, pledge))
    if not form.is_valid():
        return _pledge_page(request, pledge, promise_form=form, status=400)
    promise = form.save(commit=False)
    promise.pledge = pledge
    promise.order = pledge.promises.count()
    promise.save()
    if form.cleaned_data["activities"]:
        services.set_promise_activities(
            promise=promise, activities=list(form.cleaned_data["activities"]), by=request.user
        )
    warn_about_removals(request, form)
    messages.success(request, _("The promise was added."))
    return redirect("pledges-detail", pk=pledge.pk)


def _promise_page(
    request: HttpRequest,
    promise: Promise,
    *,
    links_form: PromiseActivitiesForm | None = None,
    follow_up_form: FollowUpForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """The promise page; a bound form given here is shown with its errors and what was typed."""
    pledge = promise.pledge
    outcome = promise_outcome(promise, on=timezone.localdate())
    visible = set(
        Activity.objects.visible_to(request.user)
        .filter(pk__in=[o.activity.pk for o in outcome.activities])
        .values_list("pk", flat=True)
    )
    shown = [o for o in outcome.activities if o.activity.pk in visible]
    entries = sorted(
        (e for o in shown for e in o.activity.follow_ups.all()),
        key=lambda e: (e.reported_on, e.pk),
    )
    can_edit = can_draft(request.user, pledge.tenant)
    if can_edit and links_form is None:
        links_form = PromiseActivitiesForm(
            activities=linkable_activities(request.user, pledge),
            initial={"activities": sorted(visible)},
        )
    follow_up_form = follow_up_form or FollowUpForm()
    bound = [f for f in (links_form, follow_up_form) if f is not None and f.is_bound]
    return render(
        request,
        "pledges/promise.html",
        {
            "pledge": pledge,
            "promise": promise,
            "outcome": outcome,
            "shown": shown,
            "hidden_count": len(outcome.activities) - len(shown),
            "activity_entries": entries,
            "activity_codes": {o.activity.pk: o.activity for o in shown},
            "can_edit": can_edit,
            "links_form": links_form,
            "follow_up_form": follow_up_form,
            "error_form": bound[0] if bound else None,
        },
        status=status,
    )


@login_required
def promise_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A promise's follow-up: its own reports next to its linked activities' entries."""
    return _promise_page(request, _promise(request, pk))


@require_POST
@login_required
def promise_activities(request: HttpRequest, pk: int) -> HttpResponse:
    """Set the promise's linked activities (among those the user may link); errors: 400."""
    promise = _promise(request, pk)
    _require_draft_rights(request, promise.pledge.tenant, promise.pledge)
    form = PromiseActivitiesForm(
        request.POST, activities=linkable_activities(request.user, promise.pledge)
    )
    if form.is_valid():
        try:
            services.set_promise_activities(
                promise=promise, activities=list(form.cleaned_data["activities"]), by=request.user
            )
        except services.PledgeError as e:
            form.add_error("activities", str(e))
        else:
            messages.success(request, _("The linked activities were saved."))
            return redirect("pledges-promise-detail", pk=promise.pk)
    return _promise_page(request, promise, links_form=form, status=400)


@require_POST
@login_required
def follow_up_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the promise's own follow-up; errors show the promise page again (400)."""
    promise = _promise(request, pk)
    _require_draft_rights(request, promise.pledge.tenant, promise.pledge)
    form = FollowUpForm(request.POST)
    if form.is_valid():
        try:
            services.record_promise_follow_up(promise=promise, by=request.user, **form.cleaned_data)
        except services.PledgeError as e:
            form.add_error(None, str(e))
        else:
            warn_about_removals(request, form)
            messages.success(request, _("The follow-up was recorded."))
            return redirect("pledges-promise-detail", pk=promise.pk)
    return _promise_page(request, promise, follow_up_form=form, status=400)


@require_POST
@login_required
def dialogue_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a citizen dialogue; errors show the pledge page again (400)."""
    pledge = _pledge(request, pk)
    _require_draft_rights(request, pledge.tenant, pledge)
    form = DialogueForm(request.POST)
    if not form.is_valid():
        return _pledge_page(request, pledge, dialogue_form=form, status=400)
    dialogue = form.save(commit=False)
    dialogue.tenant, dialogue.pledge = pledge.tenant, pledge
    dialogue.save()
    warn_about_removals(request, form)
    messages.success(request, _("The dialogue was recorded."))
    return redirect("pledges-detail", pk=pledge.pk)


@require_POST
@login_required
def next_pledge(request: HttpRequest, pk: int) -> HttpResponse:
    """Start the next period's pledge; errors show the pledge page again (400), nothing saved."""
    pledge = _pledge(request, pk)
    _require_draft_rights(request, pledge.tenant, pledge)
    form = NextPledgeForm(request.POST)
    if form.is_valid():
        try:
            new = services.start_next_pledge(pledge=pledge, **form.cleaned_data)
        except services.PledgeError as e:
            form.add_error(None, str(e))
        else:
            warn_about_removals(request, form)
            messages.success(request, _("The next period's pledge was created."))
            return redirect("pledges-detail", pk=new.pk)
    return _pledge_page(request, pledge, next_form=form, status=400)


@require_POST
@login_required
def publish_request(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = _pledge(request, pk)
    _require_draft_rights(request, pledge.tenant, pledge)
    try:
        communication = services.request_publication(
            pledge=pledge, by=request.user, follow_up=request.POST.get("follow_up") == "1"
        )
    except CommunicationError as e:
        messages.error(request, str(e))
        return redirect("pledges-detail", pk=pledge.pk)
    messages.success(request, _("Sent for approval by both parties."))
    return redirect("communications-detail", pk=communication.pk)
