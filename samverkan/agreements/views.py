from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from .models import Agreement
from .selectors import activity_coverage_report, coverage_report


@login_required
def agreement_list(request: HttpRequest) -> HttpResponse:
    agreements = (
        Agreement.objects.visible_to(request.user)
        .select_related("parent", "tenant")
        .prefetch_related("party_links__organisation", "priority_areas")
    )
    return render(request, "agreements/list.html", {"agreements": agreements})


@login_required
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_object_or_404(
        Agreement.objects.visible_to(request.user).select_related("parent", "supersedes"), pk=pk
    )
    areas = agreement.priority_areas.prefetch_related(
        "frame_areas", "mapped_to__to_area", "mapped_from__from_area"
    )
    return render(
        request,
        "agreements/detail.html",
        {
            "agreement": agreement,
            "areas": areas,
            "parties": agreement.party_links.select_related("organisation"),
            "signatories": agreement.signatories.select_related("organisation"),
            "local_agreements": agreement.local_agreements.all(),
        },
    )


@login_required
def coverage(request: HttpRequest) -> HttpResponse:
    agreements = Agreement.objects.visible_to(request.user)
    return render(
        request,
        "agreements/coverage.html",
        {
            "report": coverage_report(agreements),
            "activity_report": activity_coverage_report(agreements),
        },
    )
