"""The safety-walk protocol as Word (python-docx) and as a tagged PDF (WeasyPrint, PDF/UA-1).

Both carry the same content: the walk's date, area, organisations and participant
groups, and the numbered points (where, observation, proposed measure, responsible,
deadline, status). The language of the document is the active UI language.
"""

import io

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import SafetyWalk


def _points(walk: SafetyWalk):
    return walk.points.select_related("place", "responsible_organisation").order_by("order")


def protocol_docx(walk: SafetyWalk) -> bytes:
    """The protocol as a .docx file (bytes): a heading, a summary and one table row per point."""
    from docx import Document

    doc = Document()
    doc.core_properties.title = _("Safety walk protocol: %(title)s") % {"title": walk.title}
    doc.core_properties.language = translation.get_language() or "sv"
    doc.add_heading(_("Safety walk protocol: %(title)s") % {"title": walk.title}, level=1)
    area = walk.neighbourhood or walk.district
    doc.add_paragraph(
        _("Date: %(date)s (%(light)s). Area: %(area)s.")
        % {
            "date": date_format(walk.walked_on, "SHORT_DATE_FORMAT"),
            "light": walk.get_light_display(),
            "area": area,
        }
    )
    orgs = ", ".join(o.name for o in walk.organisations.all())
    if orgs:
        doc.add_paragraph(_("Organisations: %(names)s.") % {"names": orgs})
    if walk.participants:
        doc.add_paragraph(_("Participant groups: %(groups)s.") % {"groups": walk.participants})
    headers = [
        _("No."),
        _("Where"),
        _("Observation"),
        _("Proposed measure"),
        _("Responsible"),
        _("Deadline"),
        _("Status"),
    ]
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for p in _points(walk):
        values = [
            str(p.order),
            p.location + (f" ({p.place})" if p.place_id else ""),
            (_("Positive:") + " " if p.is_positive else "") + p.observation,
            p.proposed_measure,
            str(p.responsible_organisation or ""),
            date_format(p.deadline_on, "SHORT_DATE_FORMAT") if p.deadline_on else "",
            p.get_status_display(),
        ]
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def protocol_html(walk: SafetyWalk) -> str:
    return render_to_string(
        "places/protocol_pdf.html",
        {"walk": walk, "points": _points(walk), "language": translation.get_language() or "sv"},
    )


def protocol_pdf(walk: SafetyWalk) -> bytes:
    """The protocol as a tagged PDF (PDF/UA-1), from the same template as the HTML view."""
    from weasyprint import HTML

    return HTML(string=protocol_html(walk)).write_pdf(pdf_variant="pdf/ua-1")
