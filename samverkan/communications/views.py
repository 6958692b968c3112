from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.common.forms import warn_about_removals
from samverkan.organisations.models import Organisation, Tenant
from samverkan.organisations.visibility import visible_agreements
from samverkan.situations.selectors import default_period

from . import services
from .forms import (
    ApprovalForm,
    CommentForm,
    CommunicationPlanForm,
    PressTextForm,
    RevisionForm,
    SituationSummaryForm,
)
from .models import CommunicationKind, CommunicationPlan, JointCommunication
from .permissions import can_approve_for, can_draft, can_edit_communication_plan, can_revise
from .summaries import figures_digest, situation_summary_payload, summary_context


def _communication(request: HttpRequest, pk: int) -> JointCommunication:
    return get_object_or_404(JointCommunication.objects.visible_to(request.user), pk=pk)


@login_required
def communication_list(request: HttpRequest) -> HttpResponse:
    items = JointCommunication.objects.visible_to(request.user).prefetch_related(
        "versions", "publications", "parties"
    )
    tenant = Tenant.objects.for_user(request.user).first()
    return render(
        request,
        "communications/list.html",
        {"items": items, "can_draft": tenant is not None and can_draft(request.user, tenant)},
    )


@login_required
def press_text_new(request: HttpRequest) -> HttpResponse:
    tenant = Tenant.objects.for_user(request.user).first()
    if tenant is None or not can_draft(request.user, tenant):
        raise Http404
    form = PressTextForm(
        request.POST or None, organisations=Organisation.objects.filter(tenant=tenant)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            c = services.start_communication(
                tenant=tenant,
                kind=CommunicationKind.PRESS_TEXT,
                title=data["title"],
                body=data["body"],
                parties=[data["municipal_party"], data["police_party"]],
                by=request.user,
            )
            warn_about_removals(request, form)
            return redirect("communications-detail", pk=c.pk)
        except services.CommunicationError as e:
            form.add_error(None, str(e))
    return render(request, "communications/new.html", {"form": form})


@login_required
def summary_new(request: HttpRequest) -> HttpResponse:
    """GET/POST /communication/summary/new/: draft a public situation summary.

    "Preview" shows the suppressed table for the chosen period; "Save draft" freezes the
    same figures into version 1 (refused, with the new figures shown, if they changed
    since the preview). A period starting after the latest police event in scope is
    refused; one ending after it is previewed and saved with a warning that the figures
    stop at that day. Coordinators and approvers only (``can_draft``); others 404.
    """
    tenant = Tenant.objects.for_user(request.user).first()
    if tenant is None or not can_draft(request.user, tenant):
        raise Http404
    municipalities = tenant.municipalities.order_by("name")
    start, end = default_period(municipalities.first())
    form = SituationSummaryForm(
        request.POST or None,
        organisations=Organisation.objects.filter(tenant=tenant),
        municipalities=municipalities,
        initial={"start": start, "end": end},
    )
    preview = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        preview = situation_summary_payload(
            tenant=tenant,
            start=data["start"],
            end=data["end"],
            municipality=data.get("municipality"),
        )
        if request.POST.get("action") == "save" and data["figures"]:
            try:
                c = services.draft_situation_summary(
                    tenant=tenant,
                    start=data["start"],
                    end=data["end"],
                    municipality=data.get("municipality"),
                    title=data["title"],
                    body=data["body"],
                    parties=[data["municipal_party"], data["police_party"]],
                    by=request.user,
                    previewed=data["figures"],
                )
                messages.success(
                    request, _("The summary was saved as a draft. Both parties must approve it.")
                )
                warn_about_removals(request, form)
                if form.data_ends_on is not None:
                    messages.warning(request, form.partial_period_warning())
                return redirect("communications-detail", pk=c.pk)
            except services.CommunicationError as e:
                form.add_error(None, str(e))
    return render(
        request,
        "communications/summary_new.html",
        {
            "form": form,
            "preview": preview,
            "preview_context": summary_context(preview) if preview else None,
            "preview_digest": figures_digest(preview) if preview else "",
            "period_warning": form.partial_period_warning()
            if preview and form.data_ends_on is not None
            else "",
        },
    )


@login_required
def communication_detail(request: HttpRequest, pk: int) -> HttpResponse:
    communication = _communication(request, pk)
    versions = list(
        communication.versions.select_related("created_by").prefetch_related(
            "approvals__organisation", "approvals__approved_by"
        )
    )
    latest = versions[-1]
    parties = list(communication.parties.order_by("name"))
    approved = {a.organisation_id: a for a in latest.approvals.all() if a.digest == latest.digest}
    # Revising and publishing: the parties and those above them (ADR 0097); commenting:
    # every drafter who sees it.
    owns = can_revise(request.user, communication)
    party_rows = [
        {
            "organisation": p,
            "approval": approved.get(p.pk),
            "can_approve": can_approve_for(request.user, p),
        }
        for p in parties
    ]
    return render(
        request,
        "communications/detail.html",
        {
            "communication": communication,
            "versions": reversed(versions),
            "latest": latest,
            "party_rows": party_rows,
            "missing": services.missing_approvals(latest),
            "publication": communication.latest_publication(),
            "comments": communication.comments.select_related("author", "version"),
            "can_revise": owns,
            "can_comment": can_draft(request.user, communication.tenant),
            "can_publish": owns,
            "revision_form": RevisionForm(
                initial={"title": latest.title, "body": latest.body, "based_on": latest.number}
            ),
            "comment_form": CommentForm(),
            "summary": summary_context(latest.payload)
            if communication.kind == CommunicationKind.SITUATION_SUMMARY
            else None,
        },
    )


@require_POST
@login_required
def revise(request: HttpRequest, pk: int) -> HttpResponse:
    communication = _communication(request, pk)
    form = RevisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("A title and a text are needed."))
        return redirect("communications-detail", pk=pk)
    try:
        services.revise_communication(
            communication=communication, by=request.user, **form.cleaned_data
        )
        warn_about_removals(request, form)
        messages.success(request, _("A new version was saved. Both parties must approve it."))
    except services.CommunicationError as e:
        messages.error(request, str(e))
        messages.info(request, _("Your text was: %(text)s") % {"text": form.cleaned_data["body"]})
    return redirect("communications-detail", pk=pk)


@require_POST
@login_required
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    communication = _communication(request, pk)
    form = ApprovalForm(request.POST)
    if not form.is_valid():
        raise Http404
    organisation = communication.parties.filter(pk=form.cleaned_data["organisation"]).first()
    if organisation is None:
        raise Http404
    try:
        services.approve_version(
            communication=communication,
            by=request.user,
            number=form.cleaned_data["number"],
            organisation=organisation,
        )
        messages.success(request, _("Approved on behalf of %(org)s.") % {"org": organisation})
    except services.CommunicationError as e:
        messages.error(request, str(e))
    return redirect("communications-detail", pk=pk)


@require_POST
@login_required
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    communication = _communication(request, pk)
    try:
        services.publish_communication(communication=communication, by=request.user)
        messages.success(request, _("Published on the public page."))
    except services.CommunicationError as e:
        messages.error(request, str(e))
    return redirect("communications-detail", pk=pk)


@require_POST
@login_required
def comment(request: HttpRequest, pk: int) -> HttpResponse:
    communication = _communication(request, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.add_comment(
                communication=communication, by=request.user, text=form.cleaned_data["text"]
            )
            warn_about_removals(request, form)
        except services.CommunicationError as e:
            messages.error(request, str(e))
    return redirect("communications-detail", pk=pk)


# -- communication plans (one per agreement) ---------------------------------------------


def _plan_form_data(plan: CommunicationPlan) -> dict:
    return {
        "purpose": plan.purpose,
        "main_message": plan.main_message,
        "target_groups": plan.target_groups,
        "channels": plan.channels,
        "based_on": plan.updated_at.isoformat(),
    }


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    """GET /communication/plans/: the agreements the user sees, with or without a plan."""
    agreements = (
        visible_agreements(request.user)
        .select_related("communication_plan", "tenant")
        .order_by("level", "title")
    )
    return render(request, "communications/plan_list.html", {"agreements": agreements})


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """GET /communication/plans/<pk>/: one plan; 404 outside the user's agreements."""
    plan = get_object_or_404(
        CommunicationPlan.objects.visible_to(request.user).select_related("agreement"), pk=pk
    )
    return render(
        request,
        "communications/plan_detail.html",
        {"plan": plan, "can_edit": can_edit_communication_plan(request.user, plan.agreement)},
    )


@login_required
def plan_new(request: HttpRequest, agreement_pk: int) -> HttpResponse:
    """GET/POST /communication/plans/new/<agreement_pk>/: write an agreement's plan.

    404 for an agreement the user does not see, 403 for one they may not change; an
    agreement that has a plan already sends the writer to it.
    """
    agreement = get_object_or_404(visible_agreements(request.user), pk=agreement_pk)
    if not can_edit_communication_plan(request.user, agreement):
        raise PermissionDenied
    existing = CommunicationPlan.objects.filter(agreement=agreement).first()
    if existing is not None:
        return redirect("communications-plan-detail", pk=existing.pk)
    form = CommunicationPlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            plan = services.create_communication_plan(
                agreement=agreement,
                purpose=data["purpose"],
                main_message=data["main_message"],
                target_groups=data["target_groups"],
                channels=data["channels"],
                by=request.user,
            )
            messages.success(request, _("The communication plan was saved."))
            warn_about_removals(request, form)
            return redirect("communications-plan-detail", pk=plan.pk)
        except services.CommunicationError as e:
            form.add_error(None, str(e))
    return render(request, "communications/plan_form.html", {"form": form, "agreement": agreement})


@login_required
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """GET/POST /communication/plans/<pk>/edit/: change a plan (403 without the right).

    A save on top of a version someone else saved in between is refused; the writer's
    text stays in the form.
    """
    plan = get_object_or_404(
        CommunicationPlan.objects.visible_to(request.user).select_related("agreement"), pk=pk
    )
    if not can_edit_communication_plan(request.user, plan.agreement):
        raise PermissionDenied
    form = CommunicationPlanForm(request.POST or None, initial=_plan_form_data(plan))
    conflict = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_communication_plan(plan=plan, by=request.user, **data)
            messages.success(request, _("The communication plan was saved."))
            warn_about_removals(request, form)
            return redirect("communications-plan-detail", pk=plan.pk)
        except services.PlanChanged as e:
            # Keep the writer's text; show the saved plan and let a second save win.
            plan.refresh_from_db()
            resubmit = request.POST.copy()
            resubmit["based_on"] = plan.updated_at.isoformat()
            form = CommunicationPlanForm(resubmit)
            form.is_valid()
            form.add_error(None, str(e))
            conflict = True
        except services.CommunicationError as e:
            form.add_error(None, str(e))
    return render(
        request,
        "communications/plan_form.html",
        {"form": form, "agreement": plan.agreement, "plan": plan, "conflict": conflict},
    )
