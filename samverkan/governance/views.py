from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.audit.services import log_access
from samverkan.common.forms import warn_about_removals
from samverkan.organisations.models import Membership, Organisation

from . import permissions, services
from .forms import AdjustMinutesForm, DecisionForm, MinutesForm, StatementForm
from .models import (
    CalendarEntry,
    Decision,
    Group,
    Meeting,
    Referral,
    ReferralRecipient,
    Statement,
)


@login_required
def group_list(request: HttpRequest) -> HttpResponse:
    groups = (
        Group.objects.visible_to(request.user)
        .select_related("agreement")
        .prefetch_related("members__organisation")
    )
    return render(request, "governance/group_list.html", {"groups": groups})


@login_required
def group_detail(request: HttpRequest, pk: int) -> HttpResponse:
    group = get_object_or_404(Group.objects.visible_to(request.user), pk=pk)
    return render(
        request,
        "governance/group_detail.html",
        {
            "group": group,
            "members": group.members.select_related("organisation", "user"),
            "meetings": group.meetings.all(),
        },
    )


def _meeting(request: HttpRequest, pk: int) -> Meeting:
    return get_object_or_404(
        Meeting.objects.visible_to(request.user).select_related("group"), pk=pk
    )


@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    can_manage = permissions.can_manage_meetings(request.user, meeting.group.tenant)
    return render(
        request,
        "governance/meeting_detail.html",
        {
            "meeting": meeting,
            "agenda": meeting.agenda_items.all(),
            "decisions": meeting.decisions.select_related("responsible_organisation"),
            "can_manage": can_manage,
            "minutes_form": MinutesForm(initial={"minutes": meeting.minutes}),
            "adjust_form": AdjustMinutesForm(initial={"adjusted_on": meeting.held_on}),
            "decision_form": DecisionForm(
                organisations=Organisation.objects.filter(tenant=meeting.group.tenant)
            ),
        },
    )


def _manage_or_404(request: HttpRequest, meeting: Meeting) -> None:
    if not permissions.can_manage_meetings(request.user, meeting.group.tenant):
        raise Http404


@require_POST
@login_required
def meeting_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    _manage_or_404(request, meeting)
    form = MinutesForm(request.POST)
    if form.is_valid():
        try:
            services.write_minutes(meeting=meeting, minutes=form.cleaned_data["minutes"])
            warn_about_removals(request, form)
            messages.success(request, _("The minutes were saved."))
        except services.GovernanceError as e:
            messages.error(request, str(e))
    else:
        messages.error(request, _("Write the minutes before saving."))
    return redirect("governance-meeting", pk=meeting.pk)


@require_POST
@login_required
def meeting_adjust(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    _manage_or_404(request, meeting)
    form = AdjustMinutesForm(request.POST)
    if form.is_valid():
        try:
            services.adjust_minutes(
                meeting=meeting,
                on=form.cleaned_data["adjusted_on"],
                immediately=form.cleaned_data["immediately"],
            )
            messages.success(request, _("The minutes are adjusted."))
        except services.GovernanceError as e:
            messages.error(request, str(e))
    else:
        messages.error(request, _("Give the adjustment date as YYYY-MM-DD."))
    return redirect("governance-meeting", pk=meeting.pk)


@require_POST
@login_required
def decision_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    _manage_or_404(request, meeting)
    form = DecisionForm(
        request.POST, organisations=Organisation.objects.filter(tenant=meeting.group.tenant)
    )
    if form.is_valid():
        try:
            services.record_decision(meeting=meeting, **form.cleaned_data)
        except services.GovernanceError as e:
            messages.error(request, str(e))
        else:
            warn_about_removals(request, form)
            messages.success(request, _("The decision was recorded."))
    else:
        messages.error(request, _("The decision needs a text and a responsible organisation."))
    return redirect("governance-meeting", pk=meeting.pk)


@login_required
def decision_list(request: HttpRequest) -> HttpResponse:
    """Open decisions assigned to the user's own organisations, oldest due date first."""
    own = Membership.objects.active().filter(user=request.user).values("organisation")
    decisions = (
        Decision.objects.visible_to(request.user)
        .open()
        .filter(responsible_organisation__in=own)
        .select_related("meeting__group", "responsible_organisation")
    )
    return render(
        request,
        "governance/decision_list.html",
        {"decisions": decisions, "today": timezone.localdate()},
    )


@require_POST
@login_required
def decision_done(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_object_or_404(
        Decision.objects.visible_to(request.user).select_related("meeting__group"), pk=pk
    )
    is_responsible = (
        Membership.objects.active()
        .filter(user=request.user, organisation=decision.responsible_organisation)
        .exists()
    )
    if not (
        is_responsible
        or permissions.can_manage_meetings(request.user, decision.meeting.group.tenant)
    ):
        raise Http404
    try:
        services.mark_decision_done(decision=decision, on=timezone.localdate())
        messages.success(request, _("The decision is marked as done."))
    except services.GovernanceError as e:
        messages.error(request, str(e))
    return redirect("governance-decisions")


@login_required
def calendar(request: HttpRequest) -> HttpResponse:
    """The annual calendar: every occurrence in the chosen year (``?year=2026``)."""
    try:
        year = int(request.GET.get("year", timezone.localdate().year))
        start, end = date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        raise Http404 from None
    rows = []
    entries = CalendarEntry.objects.visible_to(request.user).select_related("group")
    for entry in entries.prefetch_related("responsible_organisations"):
        for day in entry.occurrences(start, end):
            rows.append({"on": day, "entry": entry})
    rows.sort(key=lambda r: (r["on"], r["entry"].title))
    return render(
        request,
        "governance/calendar.html",
        {"rows": rows, "year": year, "previous": year - 1, "next": year + 1},
    )


@login_required
def referral_list(request: HttpRequest) -> HttpResponse:
    referrals = Referral.objects.visible_to(request.user).select_related("owner")
    return render(request, "governance/referral_list.html", {"referrals": referrals})


@login_required
def referral_detail(request: HttpRequest, pk: int) -> HttpResponse:
    referral = get_object_or_404(
        Referral.objects.visible_to(request.user).select_related(
            "owner", "draft_agreement", "resulting_agreement"
        ),
        pk=pk,
    )
    overview = services.referral_overview(referral)
    answerable = [
        r
        for r in overview.late + overview.pending
        if permissions.can_answer_for(request.user, r.organisation)
    ]
    return render(
        request,
        "governance/referral_detail.html",
        {
            "referral": referral,
            "overview": overview,
            "compilation": services.compile_statements(referral),
            "answerable": answerable,
            "signatories": referral.resulting_agreement.signatories.select_related("organisation")
            if referral.resulting_agreement
            else [],
        },
    )


@login_required
def statement_add(request: HttpRequest, pk: int, recipient_pk: int) -> HttpResponse:
    referral = get_object_or_404(Referral.objects.visible_to(request.user), pk=pk)
    recipient = get_object_or_404(
        ReferralRecipient.objects.select_related("organisation"), pk=recipient_pk, referral=referral
    )
    if not permissions.can_answer_for(request.user, recipient.organisation):
        raise Http404
    form = StatementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_statement(recipient=recipient, by=request.user, **form.cleaned_data)
            warn_about_removals(request, form)
            messages.success(request, _("The statement was recorded."))
            return redirect("governance-referral", pk=referral.pk)
        except services.GovernanceError as e:
            form.add_error(None, str(e))
    return render(
        request,
        "governance/statement_form.html",
        {"form": form, "referral": referral, "recipient": recipient},
    )


@login_required
def statement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_object_or_404(
        Statement.objects.visible_to(request.user).select_related(
            "recipient__organisation", "recipient__referral"
        ),
        pk=pk,
    )
    if not statement.public:
        # A statement before it is public is sensitive: record who read it.
        log_access(request.user, statement, request)
    return render(request, "governance/statement_detail.html", {"statement": statement})
