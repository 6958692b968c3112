from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.common.forms import warn_about_removals
from samverkan.communications.permissions import can_draft
from samverkan.communications.services import CommunicationError
from samverkan.organisations.models import Organisation, Tenant

from . import services
from .forms import DialogueForm, FollowUpForm, NextPledgeForm, PledgeForm, PromiseForm
from .models import CitizenPledge, Promise


def _pledge(request: HttpRequest, pk: int) -> CitizenPledge:
    return get_object_or_404(CitizenPledge.objects.visible_to(request.user), pk=pk)


def _require_draft_rights(request: HttpRequest, tenant: Tenant) -> None:
    if not can_draft(request.user, tenant):
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
    form = PledgeForm(
        request.POST or None, organisations=Organisation.objects.filter(tenant=tenant)
    )
    if request.method == "POST" and form.is_valid():
        pledge = form.save(commit=False)
        pledge.tenant = tenant
        pledge.save()
        warn_about_removals(request, form)
        messages.success(request, _("The pledge was created as a draft."))
        return redirect("pledges-detail", pk=pledge.pk)
    return render(request, "pledges/form.html", {"form": form})


@login_required
def pledge_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = _pledge(request, pk)
    promises = (
        pledge.promises.select_related("neighbourhood", "continues__pledge")
        .prefetch_related("follow_ups")
        .annotate(outcome_total=Sum("follow_ups__outcome_count"))
    )
    return render(
        request,
        "pledges/detail.html",
        {
            "pledge": pledge,
            "promises": promises,
            "dialogues": pledge.dialogues.all(),
            "can_edit": can_draft(request.user, pledge.tenant),
            "promise_form": PromiseForm(),
            "follow_up_form": FollowUpForm(),
            "dialogue_form": DialogueForm(),
            "next_form": NextPledgeForm(),
        },
    )


@require_POST
@login_required
def promise_add(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = _pledge(request, pk)
    _require_draft_rights(request, pledge.tenant)
    form = PromiseForm(request.POST)
    if form.is_valid():
        promise = form.save(commit=False)
        promise.pledge = pledge
        promise.order = pledge.promises.count()
        promise.save()
        warn_about_removals(request, form)
        messages.success(request, _("The promise was added."))
    else:
        messages.error(request, _("The promise needs a party and a text; a target needs a unit."))
    return redirect("pledges-detail", pk=pledge.pk)


@require_POST
@login_required
def follow_up_add(request: HttpRequest, pk: int) -> HttpResponse:
    promise = get_object_or_404(
        Promise.objects.filter(pledge__in=CitizenPledge.objects.visible_to(request.user)), pk=pk
    )
    _require_draft_rights(request, promise.pledge.tenant)
    form = FollowUpForm(request.POST)
    if form.is_valid():
        try:
            services.record_promise_follow_up(promise=promise, by=request.user, **form.cleaned_data)
            warn_about_removals(request, form)
            messages.success(request, _("The follow-up was recorded."))
        except services.PledgeError as e:
            messages.error(request, str(e))
    else:
        messages.error(request, _("Give the date as YYYY-MM-DD and a count of zero or more."))
    return redirect("pledges-detail", pk=promise.pledge_id)


@require_POST
@login_required
def dialogue_add(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = _pledge(request, pk)
    _require_draft_rights(request, pledge.tenant)
    form = DialogueForm(request.POST)
    if form.is_valid():
        dialogue = form.save(commit=False)
        dialogue.tenant, dialogue.pledge = pledge.tenant, pledge
        dialogue.save()
        warn_about_removals(request, form)
        messages.success(request, _("The dialogue was recorded."))
    else:
        messages.error(request, _("Give the date, method, number of participants and outcome."))
    return redirect("pledges-detail", pk=pledge.pk)


@require_POST
@login_required
def next_pledge(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = _pledge(request, pk)
    _require_draft_rights(request, pledge.tenant)
    form = NextPledgeForm(request.POST)
    if form.is_valid():
        try:
            new = services.start_next_pledge(pledge=pledge, **form.cleaned_data)
            warn_about_removals(request, form)
            messages.success(request, _("The next period's pledge was created."))
            return redirect("pledges-detail", pk=new.pk)
        except services.PledgeError as e:
            messages.error(request, str(e))
    else:
        messages.error(request, _("Give a title and the new period as YYYY-MM-DD."))
    return redirect("pledges-detail", pk=pledge.pk)


@require_POST
@login_required
def publish_request(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = _pledge(request, pk)
    _require_draft_rights(request, pledge.tenant)
    try:
        communication = services.request_publication(
            pledge=pledge, by=request.user, follow_up=request.POST.get("follow_up") == "1"
        )
    except CommunicationError as e:
        messages.error(request, str(e))
        return redirect("pledges-detail", pk=pledge.pk)
    messages.success(request, _("Sent for approval by both parties."))
    return redirect("communications-detail", pk=communication.pk)
