from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.agreements.models import PriorityArea
from samverkan.common.forms import warn_about_removals
from samverkan.plans.models import ActionPlan, Activity
from samverkan.plans.selectors import traceability
from samverkan.plans.visibility import editable_agreements

from . import services
from .forms import CauseAnalysisForm, CauseForm, ChainStepForm, EvidenceForm, ProblemForm
from .models import CauseAnalysis, CauseBranch, Problem
from .permissions import can_edit_problem


def _as_of(request: HttpRequest) -> date:
    """The ``on`` query parameter (YYYY-MM-DD) or today; a bad value is a 404, not a 500."""
    raw = request.GET.get("on")
    if not raw:
        return timezone.localdate()
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise Http404("bad date") from None


@login_required
def problem_list(request: HttpRequest) -> HttpResponse:
    problems = (
        Problem.objects.visible_to(request.user)
        .select_related("priority_area__agreement", "district")
        .prefetch_related("analyses")
    )
    can_create = editable_agreements(request.user).exists()
    return render(request, "problems/list.html", {"problems": problems, "can_create": can_create})


@login_required
def problem_new(request: HttpRequest) -> HttpResponse:
    """New problem from the situation picture: ?district=ID&start=YYYY-MM-DD&end=… prefill."""
    areas = PriorityArea.objects.filter(
        agreement__in=editable_agreements(request.user)
    ).select_related("agreement")
    if not areas.exists():
        raise Http404
    if request.method == "POST":
        form = ProblemForm(request.POST, areas=areas)
        if form.is_valid():
            d = form.cleaned_data
            problem = services.create_problem(
                priority_area=d["priority_area"],
                title=d["title"],
                description=d["description"],
                district=d["district"],
                neighbourhoods=list(d["neighbourhoods"]),
                period_start_on=d["period_start_on"],
                period_end_on=d["period_end_on"],
                evidence=[
                    {
                        "kind": d["evidence_kind"],
                        "summary": d["evidence_summary"],
                        "source": d["evidence_source"],
                    }
                ],
                by=request.user,
            )
            warn_about_removals(request, form)
            messages.success(request, _("The problem was saved."))
            return redirect("problems-detail", pk=problem.pk)
    else:
        form = ProblemForm(
            areas=areas,
            initial={
                "district": request.GET.get("district"),
                "period_start_on": request.GET.get("start"),
                "period_end_on": request.GET.get("end"),
            },
        )
    return render(
        request,
        "plans/form.html",
        {"form": form, "heading": _("New problem"), "back_url": "/problems/"},
    )


def _get_problem(request: HttpRequest, pk: int) -> Problem:
    return get_object_or_404(
        Problem.objects.visible_to(request.user).select_related(
            "priority_area__agreement", "district"
        ),
        pk=pk,
    )


@login_required
def problem_detail(request: HttpRequest, pk: int) -> HttpResponse:
    problem = _get_problem(request, pk)
    analyses = []
    for analysis in problem.analyses.prefetch_related("causes__activities", "chain_steps"):
        causes = list(analysis.causes.all())
        branches = [
            (label, [c for c in causes if c.branch == value])
            for value, label in CauseBranch.choices
        ]
        analyses.append({"analysis": analysis, "branches": branches})
    return render(
        request,
        "problems/detail.html",
        {
            "problem": problem,
            "evidence": problem.evidence.all(),
            "analyses": analyses,
            "can_edit": can_edit_problem(request.user, problem),
        },
    )


def _edit_view(request, problem, form_class, heading, on_valid, initial=None):
    if not can_edit_problem(request.user, problem):
        raise Http404
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            on_valid(form.cleaned_data)
            warn_about_removals(request, form)
            messages.success(request, _("Saved."))
            return redirect("problems-detail", pk=problem.pk)
    else:
        form = form_class(initial=initial)
    return render(
        request,
        "plans/form.html",
        {
            "form": form,
            "heading": heading,
            "intro": problem.title,
            "back_url": f"/problems/{problem.pk}/",
        },
    )


@login_required
def evidence_new(request: HttpRequest, pk: int) -> HttpResponse:
    problem = _get_problem(request, pk)
    return _edit_view(
        request,
        problem,
        EvidenceForm,
        _("Add evidence"),
        lambda d: services.add_evidence(problem=problem, by=request.user, **d),
    )


@login_required
def analysis_new(request: HttpRequest, pk: int) -> HttpResponse:
    problem = _get_problem(request, pk)
    return _edit_view(
        request,
        problem,
        CauseAnalysisForm,
        _("New cause analysis"),
        lambda d: services.start_cause_analysis(problem=problem, by=request.user, **d),
        initial={"analysed_on": timezone.localdate()},
    )


def _get_analysis(request: HttpRequest, pk: int) -> CauseAnalysis:
    return get_object_or_404(
        CauseAnalysis.objects.filter(problem__in=Problem.objects.visible_to(request.user)), pk=pk
    )


@login_required
def cause_new(request: HttpRequest, pk: int) -> HttpResponse:
    analysis = _get_analysis(request, pk)
    return _edit_view(
        request,
        analysis.problem,
        CauseForm,
        _("Add a cause"),
        lambda d: services.add_cause(analysis=analysis, by=request.user, **d),
    )


@login_required
def chain_step_new(request: HttpRequest, pk: int) -> HttpResponse:
    analysis = _get_analysis(request, pk)
    return _edit_view(
        request,
        analysis.problem,
        ChainStepForm,
        _("Add a step to the event chain"),
        lambda d: services.add_chain_step(analysis=analysis, by=request.user, **d),
    )


@login_required
def problem_trace(request: HttpRequest, pk: int) -> HttpResponse:
    problem = _get_problem(request, pk)
    on = _as_of(request)
    visible_activities = Activity.objects.filter(
        plan__in=ActionPlan.objects.visible_to(request.user),
        causes__analysis__problem=problem,
    ).distinct()
    trace = traceability(
        problems=Problem.objects.filter(pk=problem.pk), activities=visible_activities, on=on
    )
    return render(
        request,
        "plans/traceability.html",
        {"trace": trace, "heading": problem.title, "subject": problem, "on": on},
    )
