from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from .exports import report_csv
from .forms import WaveUploadForm
from .importers import SurveyFileError
from .models import IndexDefinition, Indicator, Survey, SurveyKind
from .permissions import can_manage_survey
from .selectors import (
    bar_spec,
    district_map,
    item_distributions,
    line_spec,
    measure_report,
    published_line_spec,
    published_series,
    series,
)
from .services import create_wave_from_file, tenant_districts


@login_required
def survey_list(request: HttpRequest) -> HttpResponse:
    surveys = Survey.objects.visible_to(request.user).prefetch_related("waves")
    return render(request, "surveys/list.html", {"surveys": surveys})


@login_required
def survey_detail(request: HttpRequest, pk: int) -> HttpResponse:
    survey = get_object_or_404(Survey.objects.visible_to(request.user), pk=pk)
    return render(
        request,
        "surveys/detail.html",
        {
            "survey": survey,
            "waves": survey.waves.order_by("year"),
            "questions": survey.questions.all(),
            "indicators": survey.indicators.select_related("question"),
            "indexes": survey.index_definitions.all(),
            "can_upload": survey.kind == SurveyKind.MICRODATA
            and can_manage_survey(request.user, survey),
        },
    )


@login_required
def wave_upload(request: HttpRequest, pk: int) -> HttpResponse:
    survey = get_object_or_404(Survey.objects.visible_to(request.user), pk=pk)
    if survey.kind != SurveyKind.MICRODATA or not can_manage_survey(request.user, survey):
        raise Http404
    file_errors: list[str] = []
    if request.method == "POST":
        form = WaveUploadForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            upload = data["file"]
            try:
                wave = create_wave_from_file(
                    survey=survey,
                    year=data["year"],
                    content=upload.read(),
                    file_name=upload.name,
                    user=request.user,
                    fieldwork_start_on=data["fieldwork_start_on"],
                    fieldwork_end_on=data["fieldwork_end_on"],
                    sample_size=data["sample_size"],
                    response_rate_percent=data["response_rate_percent"],
                    source_url=data["source_url"] or "",
                )
            except SurveyFileError as e:
                file_errors = e.errors
            else:
                messages.success(
                    request,
                    _("Loaded %(count)d respondents for %(year)d.")
                    % {"count": wave.respondents, "year": wave.year},
                )
                return redirect("surveys-detail", pk=survey.pk)
    else:
        form = WaveUploadForm()
    return render(
        request,
        "surveys/upload.html",
        {"survey": survey, "form": form, "file_errors": file_errors},
        status=400 if file_errors else 200,
    )


def _choose(request, survey, tenant):
    """The wave (?wave=year, default latest with respondents) and district (?district=code)."""
    waves = list(survey.waves.filter(respondent_rows__isnull=False).distinct().order_by("year"))
    wave = waves[-1] if waves else None
    if request.GET.get("wave"):
        wave = next((w for w in waves if str(w.year) == request.GET["wave"]), None)
        if wave is None:
            raise Http404
    districts = sorted(tenant_districts(tenant), key=lambda d: d.name)
    district = None
    if request.GET.get("district"):
        district = next((d for d in districts if d.code == request.GET["district"]), None)
        if district is None:
            raise Http404
    return waves, wave, districts, district


def _measure_page(
    request, measure, template: str, url_name: str, export: bool = False
) -> HttpResponse:
    survey = measure.survey
    tenant = survey.tenant
    context = {"measure": measure, "survey": survey, "rounding": tenant.option("count_rounding")}
    if survey.kind == SurveyKind.PUBLISHED:
        if export:
            raise Http404
        context["published"] = published_series(measure)
        context["chart_published"] = published_line_spec(
            context["published"], title=measure.name, axis_title=_("Share (%)")
        )
        return render(request, "surveys/published_indicator.html", context)
    waves, wave, districts, district = _choose(request, survey, tenant)
    context.update({"waves": waves, "wave": wave, "districts": districts, "district": district})
    if wave is None:
        if export:
            raise Http404
        return render(request, template, context)
    frames: dict = {}
    report = measure_report(
        measure, wave, tenant=tenant, district=district, districts=districts, frames=frames
    )
    over_time = series(measure, tenant=tenant, district=district, frames=frames)
    if export:
        content = report_csv(
            measure, wave, district, report, over_time, rounding=tenant.option("count_rounding")
        )
        response = HttpResponse(content, content_type="text/csv; charset=utf-8")
        name = f"{survey.code}-{measure.code}-{wave.year}{'-' + district.code if district else ''}"
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    is_index = isinstance(measure, IndexDefinition)
    axis = measure.name if is_index else _("Share (%)")
    area = district.name if district else _("whole survey area")
    context.update(
        {
            "report": report,
            "series": over_time,
            "is_index": is_index,
            "map": district_map(report["by_district"], measure, districts, url_name=url_name),
            "chart_sex": bar_spec(
                report["by_sex"],
                measure,
                title=_("By sex, %(area)s") % {"area": area},
                axis_title=axis,
            ),
            "chart_age": bar_spec(
                report["by_age"],
                measure,
                title=_("By age, %(area)s") % {"area": area},
                axis_title=axis,
            ),
            "chart_series": line_spec(
                over_time,
                measure,
                title=_("Over waves, %(area)s") % {"area": area},
                axis_title=axis,
            ),
        }
    )
    if is_index:
        overall = report["overall"]
        context["items"] = item_distributions(
            measure,
            wave,
            tenant=tenant,
            district=district,
            frames=frames,
            hidden=overall is None or not overall.is_shown,
        )
    return render(request, template, context)


@login_required
def indicator_detail(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_object_or_404(
        Indicator.objects.visible_to(request.user).select_related("survey__tenant", "question"),
        pk=pk,
    )
    return _measure_page(request, indicator, "surveys/indicator.html", "surveys-indicator")


@login_required
def indicator_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The indicator page's tables as CSV (same ?wave= and ?district=, same suppression)."""
    indicator = get_object_or_404(
        Indicator.objects.visible_to(request.user).select_related("survey__tenant", "question"),
        pk=pk,
    )
    return _measure_page(request, indicator, "", "surveys-indicator", export=True)


@login_required
def index_detail(request: HttpRequest, pk: int) -> HttpResponse:
    definition = get_object_or_404(
        IndexDefinition.objects.visible_to(request.user).select_related("survey__tenant"), pk=pk
    )
    return _measure_page(request, definition, "surveys/indicator.html", "surveys-index")


@login_required
def index_export(request: HttpRequest, pk: int) -> HttpResponse:
    definition = get_object_or_404(
        IndexDefinition.objects.visible_to(request.user).select_related("survey__tenant"), pk=pk
    )
    return _measure_page(request, definition, "", "surveys-index", export=True)
