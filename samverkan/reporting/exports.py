"""Word, Excel and tagged-PDF versions of reports and compilations.

Word files use real headings and tables so officers can keep editing; Excel files hold the
tables; PDFs are tagged (PDF/UA-1) for publication and the record. ``progress`` is called
with a percentage (0–100) as work advances.
"""

import io
from collections.abc import Callable

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from samverkan.plans.models import FollowUpStatus

from .models import AnnualCompilation, LocalReport

Progress = Callable[[int], None]


def status_label(code: str | None) -> str:
    """The follow-up status in the active language; "no_follow_up" when none was recorded."""
    if not code:
        return "–"
    if code == "no_follow_up":
        return str(_("no follow-up"))
    return str(FollowUpStatus(code).label) if code in FollowUpStatus.values else code


def _noop(_percent: int) -> None:
    return None


def report_sections(report: LocalReport) -> dict:
    """Plain data both exporters print: title, meta lines, area texts and tables."""
    snap = report.snapshot or {}
    return {
        "title": _("Report: %(agreement)s") % {"agreement": report.agreement.title},
        "meta": [
            (_("Period"), f"{report.period_start_on:%Y-%m-%d} – {report.period_end_on:%Y-%m-%d}"),
            (_("Version"), str(report.version)),
            (_("Status"), str(report.get_status_display())),
            (
                _("Submitted"),
                f"{report.submitted_at:%Y-%m-%d %H:%M}" if report.submitted_at else "–",
            ),
        ],
        "summary": report.summary,
        "areas": [
            (t.frame_area.name, t.text)
            for t in report.area_texts.select_related("frame_area").order_by("frame_area__order")
        ],
        "tables": [
            (
                _("Situation picture per district"),
                [_("District"), _("Police events"), _("Previous period")],
                [
                    [s["district"], s["police_events"], s["previous_period"]]
                    for s in snap.get("situation", [])
                ],
            ),
            (
                _("Activities and their state at the end of the period"),
                [_("Plan"), _("Code"), _("Activity"), _("Status"), _("Done so far")],
                [
                    [
                        p["plan"],
                        a["code"],
                        a["title"],
                        status_label(a["status"]),
                        a["done_count"] if a["done_count"] is not None else "",
                    ]
                    for p in snap.get("plans", [])
                    for a in p["activities"]
                ],
            ),
            (
                _("Follow-up in the period"),
                [_("Activity"), _("Date"), _("Status"), _("Done so far"), _("Note")],
                [
                    [
                        f["activity"],
                        f["reported_on"],
                        status_label(f["status"]),
                        f["done_count"] if f["done_count"] is not None else "",
                        f["note"],
                    ]
                    for f in snap.get("follow_ups", [])
                ],
            ),
            (
                _("New problems"),
                [_("Problem"), _("Priority area")],
                [[p["title"], p["priority_area"]] for p in snap.get("problems", [])],
            ),
        ],
    }


def compilation_sections(compilation: AnnualCompilation) -> dict:
    figures = compilation.figures or {}
    texts = {t.frame_area.code: t.text for t in compilation.area_texts.select_related("frame_area")}
    tables = []
    for area in figures.get("areas", []):
        tables.append(
            (
                area["name"],
                [_("Status"), _("Activities")],
                [[status_label(k), v] for k, v in area["by_status"].items()],
            )
        )
        if area["targets"]:
            tables.append(
                (
                    _("Targets: %(area)s") % {"area": area["name"]},
                    [_("Target"), _("Required"), _("Achieved"), _("Met")],
                    [
                        [
                            t["description"],
                            t["required"],
                            t["achieved"],
                            _("yes") if t["met"] else _("no"),
                        ]
                        for t in area["targets"]
                    ],
                )
            )
        if area["not_done"]:
            tables.append(
                (
                    _("Not done or partly done: %(area)s") % {"area": area["name"]},
                    [_("Plan"), _("Code"), _("Activity"), _("Status"), _("Why")],
                    [
                        [
                            n["plan"],
                            n["code"],
                            n["title"],
                            status_label(n["status"]),
                            n["note"],
                        ]
                        for n in area["not_done"]
                    ],
                )
            )
    return {
        "title": _("Year-end compilation %(year)s: %(frame)s")
        % {"year": compilation.year, "frame": compilation.frame.title},
        "meta": [
            (_("Status"), str(compilation.get_status_display())),
            (
                _("Decided on"),
                f"{compilation.decided_on:%Y-%m-%d}" if compilation.decided_on else "–",
            ),
            (_("Plans"), "; ".join(figures.get("plans", [])) or "–"),
        ],
        "summary": compilation.introduction,
        "areas": [(a["name"], texts.get(a["code"], "")) for a in figures.get("areas", [])],
        "tables": tables,
    }


def to_docx(sections: dict, progress: Progress = _noop) -> bytes:
    from docx import Document

    doc = Document()
    doc.core_properties.title = sections["title"]
    doc.add_heading(sections["title"], level=0)
    for key, value in sections["meta"]:
        doc.add_paragraph(f"{key}: {value}")
    if sections["summary"]:
        doc.add_heading(_("Summary"), level=1)
        doc.add_paragraph(sections["summary"])
    progress(30)
    doc.add_heading(_("City-wide priority areas"), level=1)
    for name, text in sections["areas"]:
        doc.add_heading(name, level=2)
        doc.add_paragraph(text or "–")
    progress(60)
    for caption, header, rows in sections["tables"]:
        doc.add_heading(caption, level=1)
        table = doc.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        for cell, label in zip(table.rows[0].cells, header, strict=True):
            cell.text = str(label)
        for row in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                cell.text = "" if value is None else str(value)
    progress(90)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def to_xlsx(sections: dict, progress: Progress = _noop) -> bytes:
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    bold = book.add_format({"bold": True})
    sheet = book.add_worksheet(_("Summary")[:31])
    sheet.write(0, 0, sections["title"], bold)
    for i, (key, value) in enumerate(sections["meta"], start=2):
        sheet.write(i, 0, key, bold)
        sheet.write(i, 1, value)
    row = len(sections["meta"]) + 3
    for name, text in sections["areas"]:
        sheet.write(row, 0, name, bold)
        sheet.write(row, 1, text)
        row += 1
    sheet.set_column(0, 0, 40)
    sheet.set_column(1, 1, 80)
    for n, (caption, header, rows) in enumerate(sections["tables"], start=1):
        ws = book.add_worksheet(f"{n} {caption}"[:31].replace(":", " "))
        ws.write(0, 0, caption, bold)
        ws.write_row(1, 0, [str(h) for h in header], bold)
        for r, values in enumerate(rows, start=2):
            ws.write_row(r, 0, values)
        ws.set_column(0, len(header) - 1, 24)
        progress(min(90, 20 + 70 * n // max(1, len(sections["tables"]))))
    book.close()
    return out.getvalue()


def to_pdf(sections: dict, progress: Progress = _noop) -> bytes:
    from weasyprint import HTML

    html = render_to_string("reporting/export.html", {"s": sections})
    progress(40)
    pdf = HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
    progress(90)
    return pdf


RENDERERS = {"docx": to_docx, "xlsx": to_xlsx, "pdf": to_pdf}
