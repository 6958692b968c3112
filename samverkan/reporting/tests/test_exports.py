import io
import shutil
import subprocess
import tempfile
from datetime import date
from unittest import mock, skipUnless

import openpyxl
from django.test import override_settings
from django_tasks_db.management.commands.db_worker import Worker
from docx import Document

from samverkan.plans.models import FollowUpStatus
from samverkan.reporting import services
from samverkan.reporting.models import ExportJob

from .base import ReportingCase


@override_settings(MEDIA_ROOT=tempfile.mkdtemp(prefix="samverkan-exports-"))
class ExportTests(ReportingCase):
    def setUp(self) -> None:
        super().setUp()
        plan = self.make_plan(self.jarva)
        patrol = self.make_activity(plan, "Fotpatrull Rinkeby", "otrygga-platser")
        self.follow_up(patrol, FollowUpStatus.ONGOING, date(2026, 3, 31), count=57)
        self.report = services.start_report(
            agreement=self.jarva, start=date(2026, 1, 1), end=date(2026, 4, 30), by=self.per
        )
        services.save_report_texts(
            report=self.report,
            summary="Tertial 1",
            texts={a.pk: f"Om {a.name}" for a in self.city_agreement.priority_areas.all()},
        )
        services.submit_report(report=self.report, by=self.per)
        self.client.force_login(self.per)

    def export(self, fmt: str) -> bytes:
        r = self.client.post(f"/reporting/{self.report.pk}/export/", {"format": fmt})
        job = ExportJob.objects.latest("pk")
        self.assertRedirects(r, f"/reporting/exports/{job.pk}/")
        self.assertEqual((job.status, job.progress_percent), ("done", 100))
        download = self.client.get(f"/reporting/exports/{job.pk}/download/")
        return b"".join(download.streaming_content)

    def test_word_has_headings_and_real_tables(self) -> None:
        doc = Document(io.BytesIO(self.export("docx")))
        headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
        self.assertIn("Otrygga och brottsutsatta platser", headings)
        tables = {t.rows[0].cells[0].text: t for t in doc.tables}
        activity_rows = [[c.text for c in row.cells] for row in tables["Plan"].rows[1:]]
        self.assertEqual(activity_rows[0][1:], ["A1", "Fotpatrull Rinkeby", "pågår", "57"])

    def test_excel_holds_the_tables(self) -> None:
        book = openpyxl.load_workbook(io.BytesIO(self.export("xlsx")))
        sheet = next(
            ws
            for ws in book.worksheets
            if "Aktivitet" in (ws["A1"].value or "") or "Activities" in (ws["A1"].value or "")
        )
        self.assertEqual(
            [c.value for c in sheet[3]][1:5], ["A1", "Fotpatrull Rinkeby", "pågår", 57]
        )

    @skipUnless(shutil.which("pdftotext") and shutil.which("pdfinfo"), "poppler-utils missing")
    def test_pdf_is_tagged_and_has_the_text(self) -> None:
        pdf = self.export("pdf")
        with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
            f.write(pdf)
            f.flush()
            info = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True).stdout
            text = subprocess.run(["pdftotext", f.name, "-"], capture_output=True, text=True).stdout
        self.assertIn("Tagged:          yes", info)
        self.assertIn("Fotpatrull Rinkeby", text)
        self.assertIn("Om Kriminella miljöer och livsstilar", text)

    def test_exports_use_the_reports_gate(self) -> None:
        self.export("docx")
        job = ExportJob.objects.latest("pk")
        self.client.force_login(self.karin)
        self.assertEqual(self.client.get(f"/reporting/exports/{job.pk}/download/").status_code, 404)
        self.assertEqual(
            self.client.post(
                f"/reporting/{self.report.pk}/export/", {"format": "docx"}
            ).status_code,
            404,
        )


@override_settings(
    MEDIA_ROOT=tempfile.mkdtemp(prefix="samverkan-exports-"),
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
)
class BackgroundExportTests(ReportingCase):
    """With the database queue (as in `make run`) the job waits until a worker runs it."""

    def test_the_job_is_queued_then_done_by_the_worker(self) -> None:
        report = services.start_report(
            agreement=self.jarva, start=date(2026, 1, 1), end=date(2026, 4, 30), by=self.per
        )
        self.client.force_login(self.per)
        self.client.post(f"/reporting/{report.pk}/export/", {"format": "xlsx"})
        job = ExportJob.objects.get()
        self.assertEqual(job.status, "queued")
        status = self.client.get(f"/reporting/exports/{job.pk}/status.json").json()
        self.assertEqual(status, {"status": "queued", "progress_percent": 0, "error": ""})
        # What `samverkan db_worker --batch` runs: take queued tasks until none is left. It
        # drops "old" connections between tasks, which inside a test's transaction would
        # close the test's own connection, so that call is neutralised here.
        worker = Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="test",
            excluded_queue_names=[],
        )
        with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
            worker.run()
        job.refresh_from_db()
        self.assertEqual((job.status, job.progress_percent), ("done", 100))
        self.assertTrue(job.file.name.endswith(".xlsx"))
