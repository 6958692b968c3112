from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from samverkan.geography.models import Municipality


@login_required
def area_list(request: HttpRequest) -> HttpResponse:
    municipalities = Municipality.objects.prefetch_related("districts").order_by("name")
    return render(request, "situations/areas.html", {"municipalities": municipalities})
