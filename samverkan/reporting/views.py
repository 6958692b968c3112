from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.agreements.models import AgreementLevel
from samverkan.audit.services import log_access
from samverkan.common.forms import warn_about_removals
from samverkan.plans.visibility import (
    can_edit_agreement_work,
    editable_agreements,
    visible_agreements,
)

from . import services
from .exports import status_label
from .forms import (
    CorrectionForm,
    NewCompilationForm,
    NewReportForm,
    OverviewForm,
    TextsForm,
    tertial_period,
)
from .models import AnnualCompilation, ExportFormat, ExportJob, LocalReport
from .tasks import generate_export


def _report(request: HttpRequest, pk: int) -> LocalReport:
    return get_object_or_404(
        LocalReport.objects.visible_to(request.user).select_related("agreement__parent"), pk=pk
    )


def _require_edit(request: HttpRequest, agreement) -> None:
    if not can_edit_agreement_work(request.user, agreement):
        raise Http404


@login_required
def report_list(request: HttpRequest) -> HttpResponse:
    editable = editable_agreements(request.user).filter(
        level=AgreementLevel.LOCAL, parent__isnull=False
    )
    form = NewReportForm(
        request.POST or None, agreements=editable, initial={"year": timezone.localdate().year}
    )
    if request.method == "POST" and form.is_valid():
        start, end = tertial_period(form.cleaned_data["year"], form.cleaned_data["tertial"])
        try:
            report = services.start_report(
                agreement=form.cleaned_data["agreement"], start=start, end=end, by=request.user
            )
            return redirect("reporting-report", pk=report.pk)
        except services.ReportingError as e:
            form.add_error(None, str(e))
    reports = LocalReport.objects.visible_to(request.user).current().select_related("agreement")
    return render(request, "reporting/report_list.html", {"reports": reports, "form": form})


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    can_edit = can_edit_agreement_work(request.user, report.agreement)
    texts = report.area_texts.select_related("frame_area").order_by("frame_area__order")
    if request.method == "POST":
        _require_edit(request, report.agreement)
        form = TextsForm(request.POST, lead="summary", area_ids=[t.frame_area_id for t in texts])
        form.is_valid()  # every field is optional text: always valid
        try:
            services.save_report_texts(
                report=report, summary=form.lead_text(), texts=form.area_texts()
            )
            warn_about_removals(request, form)
            messages.success(request, _("The draft was saved."))
        except services.ReportingError as e:
            messages.error(request, str(e))
        return redirect("reporting-report", pk=report.pk)
    versions = []
    cursor = report
    while cursor is not None:
        versions.append(cursor)
        cursor = cursor.supersedes
    # Reports go to the steering and preparatory groups, never to the public: every read
    # of one is recorded.
    log_access(request.user, report, request)
    newer = LocalReport.objects.filter(supersedes=report).first()
    activities = [
        dict(a, status_label=status_label(a["status"]))
        for p in (report.snapshot or {}).get("plans", [])
        for a in p["activities"]
    ]
    return render(
        request,
        "reporting/report_detail.html",
        {
            "report": report,
            "texts": texts,
            "can_edit": can_edit,
            "versions": versions,
            "newer": newer,
            "activities": activities,
            "correction_form": CorrectionForm(),
            "formats": ExportFormat.choices,
        },
    )


@require_POST
@login_required
def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    _require_edit(request, report.agreement)
    try:
        services.submit_report(report=report, by=request.user)
        messages.success(
            request,
            _(
                "The report was submitted to the local steering group and "
                "the city-wide preparatory group."
            ),
        )
    except services.ReportingError as e:
        messages.error(request, str(e))
    return redirect("reporting-report", pk=report.pk)


@require_POST
@login_required
def report_correct(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    _require_edit(request, report.agreement)
    form = CorrectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the report is corrected."))
        return redirect("reporting-report", pk=report.pk)
    try:
        new = services.correct_report(
            report=report, reason=form.cleaned_data["reason"], by=request.user
        )
        warn_about_removals(request, form)
        return redirect("reporting-report", pk=new.pk)
    except services.ReportingError as e:
        messages.error(request, str(e))
        return redirect("reporting-report", pk=report.pk)


def _start_export(request: HttpRequest, *, report=None, compilation=None) -> HttpResponse:
    fmt = request.POST.get("format")
    if fmt not in ExportFormat.values:
        raise Http404
    tenant = (report or compilation).tenant
    job = ExportJob.objects.create(
        tenant=tenant, requested_by=request.user, report=report, compilation=compilation, format=fmt
    )
    generate_export.enqueue(job.pk)
    return redirect("reporting-export", pk=job.pk)


@require_POST
@login_required
def report_export(request: HttpRequest, pk: int) -> HttpResponse:
    return _start_export(request, report=_report(request, pk))


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    """The preparatory group's view: every local report of a period, per city-wide area.

    Without a choice it opens on the first frame's latest tertial with a local report
    (``period_is``: "latest"), or the current tertial when there is none ("current").
    """
    frames = visible_agreements(request.user).filter(level=AgreementLevel.CITY)
    today = timezone.localdate()
    frame = frames.first()
    period_is = "chosen"
    year, tertial = today.year, (today.month - 1) // 4 + 1
    if not request.GET and frame is not None:
        latest = services.latest_report_tertial(
            agreements=visible_agreements(request.user), frame=frame, today=today
        )
        period_is = "latest" if latest else "current"
        year, tertial = latest or (year, tertial)
    form = OverviewForm(
        request.GET or None,
        frames=frames,
        initial={"year": year, "tertial": tertial, "frame": frame},
    )
    context = {"form": form, "period_is": period_is}
    if form.is_bound and form.is_valid():
        frame, year, tertial = (form.cleaned_data[k] for k in ("frame", "year", "tertial"))
    elif form.is_bound or frame is None:
        return render(request, "reporting/overview.html", context)
    start, end = tertial_period(year, tertial)
    rows = services.period_overview(
        agreements=visible_agreements(request.user), frame=frame, start=start, end=end, today=today
    )
    areas = list(frame.priority_areas.order_by("order", "name"))
    context.update(
        {
            "frame": frame,
            "start": start,
            "end": end,
            "tertial_label": dict(form.fields["tertial"].choices)[tertial],
            "year": year,
            "areas": areas,
            "rows": [{"row": r, "cells": [r.texts.get(a.pk, "") for a in areas]} for r in rows],
        }
    )
    return render(request, "reporting/overview.html", context)


def _compilation(request: HttpRequest, pk: int) -> AnnualCompilation:
    return get_object_or_404(
        AnnualCompilation.objects.visible_to(request.user).select_related("frame"), pk=pk
    )


@login_required
def compilation_list(request: HttpRequest) -> HttpResponse:
    frames = editable_agreements(request.user).filter(level=AgreementLevel.CITY)
    form = NewCompilationForm(
        request.POST or None, frames=frames, initial={"year": timezone.localdate().year}
    )
    if request.method == "POST" and form.is_valid():
        try:
            compilation = services.compile_year(by=request.user, **form.cleaned_data)
            return redirect("reporting-compilation", pk=compilation.pk)
        except services.ReportingError as e:
            form.add_error(None, str(e))
    return render(
        request,
        "reporting/compilation_list.html",
        {
            "compilations": AnnualCompilation.objects.visible_to(request.user).select_related(
                "frame"
            ),
            "form": form,
        },
    )


@login_required
def compilation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    compilation = _compilation(request, pk)
    can_edit = can_edit_agreement_work(request.user, compilation.frame)
    texts = compilation.area_texts.select_related("frame_area").order_by("frame_area__order")
    if request.method == "POST":
        _require_edit(request, compilation.frame)
        try:
            if request.POST.get("action") == "regenerate":
                services.compile_year(
                    frame=compilation.frame, year=compilation.year, by=request.user
                )
            else:
                form = TextsForm(
                    request.POST, lead="introduction", area_ids=[t.frame_area_id for t in texts]
                )
                form.is_valid()  # every field is optional text: always valid
                services.save_compilation_texts(
                    compilation=compilation,
                    introduction=form.lead_text(),
                    texts=form.area_texts(),
                )
                warn_about_removals(request, form)
            messages.success(request, _("Saved."))
        except services.ReportingError as e:
            messages.error(request, str(e))
        return redirect("reporting-compilation", pk=compilation.pk)
    texts_by_code = {t.frame_area.code: t for t in texts}
    areas = [
        {"figures": a, "text": texts_by_code.get(a["code"])}
        for a in compilation.figures.get("areas", [])
    ]
    return render(
        request,
        "reporting/compilation_detail.html",
        {
            "compilation": compilation,
            "areas": areas,
            "can_edit": can_edit,
            "formats": ExportFormat.choices,
        },
    )


@require_POST
@login_required
def compilation_decide(request: HttpRequest, pk: int) -> HttpResponse:
    compilation = _compilation(request, pk)
    _require_edit(request, compilation.frame)
    try:
        services.decide_compilation(compilation=compilation, on=timezone.localdate())
        messages.success(request, _("The compilation is decided."))
    except services.ReportingError as e:
        messages.error(request, str(e))
    return redirect("reporting-compilation", pk=compilation.pk)


@require_POST
@login_required
def compilation_next_year(request: HttpRequest, pk: int) -> HttpResponse:
    compilation = _compilation(request, pk)
    _require_edit(request, compilation.frame)
    created = services.draft_next_year_plans(compilation=compilation, by=request.user)
    messages.success(
        request,
        _("%(n)s draft plan(s) for %(year)s were created with the unfinished activities.")
        % {"n": len(created), "year": compilation.year + 1},
    )
    return redirect("reporting-compilation", pk=compilation.pk)


@require_POST
@login_required
def compilation_export(request: HttpRequest, pk: int) -> HttpResponse:
    return _start_export(request, compilation=_compilation(request, pk))


def _job(request: HttpRequest, pk: int) -> ExportJob:
    """Export jobs use the gate of what they export: the report's or compilation's."""
    visible = Q(report__in=LocalReport.objects.visible_to(request.user)) | Q(
        compilation__in=AnnualCompilation.objects.visible_to(request.user)
    )
    return get_object_or_404(ExportJob.objects.filter(visible), pk=pk)


@login_required
def export_status(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "reporting/export_status.html", {"job": _job(request, pk)})


@login_required
def export_status_json(request: HttpRequest, pk: int) -> JsonResponse:
    job = _job(request, pk)
    return JsonResponse(
        {"status": job.status, "progress_percent": job.progress_percent, "error": job.error}
    )


@login_required
def export_download(request: HttpRequest, pk: int) -> FileResponse:
    job = _job(request, pk)
    if not job.file:
        raise Http404
    return FileResponse(
        job.file.open("rb"), as_attachment=True, filename=job.file.name.rsplit("/", 1)[-1]
    )
