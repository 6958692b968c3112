"""The public page: no login; only published joint communication, as frozen when approved."""

import csv
import json

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.cache import cache_control

from samverkan.communications.models import CommunicationKind, Publication
from samverkan.communications.summaries import summary_context
from samverkan.organisations.models import Tenant

from . import accessibility


def published(tenant: Tenant):
    """The one gate of the public side: current publications of ``tenant``, newest first."""
    return (
        Publication.objects.current()
        .filter(communication__tenant=tenant)
        .select_related("version", "communication")
        .order_by("-published_at", "-pk")
    )


def publication_to_dict(request: HttpRequest, p: Publication) -> dict:
    return {
        "id": p.pk,
        "kind": p.communication.kind,
        "kind_label": str(p.communication.get_kind_display()),
        "title": p.version.title,
        "text": p.version.body,
        "data": p.version.payload,
        "version": p.version.number,
        "published_at": p.published_at.isoformat(),
        "url": request.build_absolute_uri(
            reverse("public-item", args=[p.communication.tenant.slug, p.pk])
        ),
    }


def default_tenant(request: HttpRequest) -> HttpResponse:
    return redirect("public-index", slug=settings.DEFAULT_TENANT_SLUG)


def accessibility_default(request: HttpRequest) -> HttpResponse:
    """/accessibility/: the statement of the tenant in the header (the user's or the
    default one); the footer links here where no tenant is known (the 500 page)."""
    from samverkan.common.context_processors import site

    tenant = site(request)["tenant"]
    return redirect(
        "public-accessibility", slug=tenant.slug if tenant else settings.DEFAULT_TENANT_SLUG
    )


@cache_control(public=True, max_age=300)
def accessibility_statement(request: HttpRequest, slug: str) -> HttpResponse:
    """The tenant's accessibility statement (DOS-lagen, DIGG's model); no login."""
    tenant = get_object_or_404(Tenant, slug=slug)
    return render(
        request,
        "public/accessibility.html",
        {
            "public_tenant": tenant,
            "contact": accessibility.contact_for(tenant),
            "gaps": accessibility.GAPS,
            "assessed_on": accessibility.ASSESSED_ON,
            "updated_on": accessibility.UPDATED_ON,
            "digg_report_url": accessibility.DIGG_REPORT_URL,
            "digg_url": accessibility.DIGG_URL,
            "law_url": accessibility.LAW_URL,
        },
    )


@cache_control(public=True, max_age=300)
def index(request: HttpRequest, slug: str) -> HttpResponse:
    tenant = get_object_or_404(Tenant, slug=slug)
    items = list(published(tenant))
    sections = [
        (kind, [p for p in items if p.communication.kind == kind]) for kind in CommunicationKind
    ]
    return render(
        request,
        "public/index.html",
        {"public_tenant": tenant, "sections": [(k, v) for k, v in sections if v]},
    )


@cache_control(public=True, max_age=300)
def item(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    tenant = get_object_or_404(Tenant, slug=slug)
    publication = get_object_or_404(published(tenant), pk=pk)
    payload = publication.version.payload
    context = {"public_tenant": tenant, "p": publication, "data": payload}
    if publication.communication.kind == CommunicationKind.SITUATION_SUMMARY:
        context["summary"] = summary_context(
            payload, with_maps=True, published_at=publication.published_at
        )
    return render(request, "public/item.html", context)


def feed_json(request: HttpRequest, slug: str) -> JsonResponse:
    tenant = get_object_or_404(Tenant, slug=slug)
    return JsonResponse(
        {
            "tenant": tenant.name,
            "items": [publication_to_dict(request, p) for p in published(tenant)],
        },
        json_dumps_params={"ensure_ascii": False},
    )


def feed_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """One row per publication; ``data`` is the frozen JSON payload (UTF-8 with BOM for Excel)."""
    tenant = get_object_or_404(Tenant, slug=slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{tenant.slug}-publications.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(["id", "kind", "title", "version", "published_at", "url", "text", "data"])
    for p in published(tenant):
        d = publication_to_dict(request, p)
        writer.writerow(
            [
                d["id"],
                d["kind"],
                d["title"],
                d["version"],
                d["published_at"],
                d["url"],
                d["text"],
                json.dumps(d["data"], ensure_ascii=False),
            ]
        )
    return response


class AtomFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, slug):
        return get_object_or_404(Tenant, slug=slug)

    def title(self, obj: Tenant) -> str:
        return obj.name

    def link(self, obj: Tenant) -> str:
        return reverse("public-index", args=[obj.slug])

    def subtitle(self, obj: Tenant) -> str:
        return "Publicerat gemensamt av kommunen och polisen"

    def items(self, obj: Tenant):
        return published(obj)[:50]

    def item_title(self, item: Publication) -> str:
        return item.version.title

    def item_description(self, item: Publication) -> str:
        return item.version.body

    def item_link(self, item: Publication) -> str:
        return reverse("public-item", args=[item.communication.tenant.slug, item.pk])

    def item_pubdate(self, item: Publication):
        return item.published_at
