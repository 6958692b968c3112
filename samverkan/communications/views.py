from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.common.forms import warn_about_removals
from samverkan.organisations.models import Organisation, Tenant

from . import services
from .forms import ApprovalForm, CommentForm, PressTextForm, RevisionForm
from .models import CommunicationKind, JointCommunication
from .permissions import can_approve_for, can_draft


def _communication(request: HttpRequest, pk: int) -> JointCommunication:
    return get_object_or_404(JointCommunication.objects.visible_to(request.user), pk=pk)


@login_required
def communication_list(request: HttpRequest) -> HttpResponse:
    items = JointCommunication.objects.visible_to(request.user).prefetch_related(
        "versions", "publications", "parties"
    )
    return render(request, "communications/list.html", {"items": items})


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
            "can_draft": can_draft(request.user, communication.tenant),
            "can_publish": any(r["can_approve"] for r in party_rows),
            "revision_form": RevisionForm(
                initial={"title": latest.title, "body": latest.body, "based_on": latest.number}
            ),
            "comment_form": CommentForm(),
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
