"""Auditor pages: the audit log of one's tenants, filtered, and its CSV/XLSX export."""

import csv
import io

import xlsxwriter
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.organisations.permissions import can_audit

from .forms import AuditFilterForm
from .models import AuditEntry

EXPORT_COLUMNS = [
    "id",
    "timestamp",
    "tenant",
    "action",
    "actor",
    "remote_addr",
    "record_type",
    "record_id",
    "record",
    "changes",
]


def _entries(request: HttpRequest) -> tuple[AuditFilterForm, object]:
    """The visible entries after the GET filters; 404 for anybody without ``audit``."""
    if not can_audit(request.user):
        raise Http404
    form = AuditFilterForm(request.GET or None)
    entries = AuditEntry.objects.visible_to(request.user).select_related(
        "actor", "content_type", "tenant"
    )
    if form.is_bound and form.is_valid():
        entries = form.apply(entries)
    elif form.is_bound:
        entries = entries.none()
    return form, entries.order_by("-timestamp", "-pk")


def _row(entry: AuditEntry) -> list:
    return [
        entry.pk,
        timezone.localtime(entry.timestamp).isoformat(timespec="seconds"),
        entry.tenant.slug if entry.tenant_id else "",
        entry.get_action_display(),
        entry.actor.username if entry.actor_id else "",
        entry.remote_addr or "",
        entry.content_type.model if entry.content_type_id else "",
        entry.object_pk,
        entry.object_repr,
        entry.changes_summary if entry.changes else "",
    ]


@login_required
def entry_list(request: HttpRequest) -> HttpResponse:
    form, entries = _entries(request)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/list.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


@login_required
def export_csv(request: HttpRequest) -> HttpResponse:
    """The filtered log as CSV (UTF-8 with BOM, so Excel reads å, ä, ö)."""
    _form, entries = _entries(request)
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(EXPORT_COLUMNS)
    for entry in entries.iterator(chunk_size=2000):
        writer.writerow(_row(entry))
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="audit-log.csv"'
    return response


@login_required
def export_xlsx(request: HttpRequest) -> HttpResponse:
    """The filtered log as an Excel workbook, one row per entry."""
    _form, entries = _entries(request)
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = workbook.add_worksheet(_("Audit log")[:31])
    bold = workbook.add_format({"bold": True})
    sheet.write_row(0, 0, EXPORT_COLUMNS, bold)
    for i, entry in enumerate(entries.iterator(chunk_size=2000), start=1):
        sheet.write_row(i, 0, _row(entry))
    workbook.close()
    response = HttpResponse(
        output.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="audit-log.xlsx"'
    return response
