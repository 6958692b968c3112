import csv
import io
from datetime import date

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile

from samverkan.plans.models import FollowUp, FollowUpStatus

from .helpers import PlansTestCase


class RoundTripTests(PlansTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.a1 = self.make_activity(title="Fotpatrullering", description="Kvällstid")
        self.a2 = self.make_activity(title="Trygghetsvandring", owner_party="joint")
        self.a3 = self.make_activity(title="Belysning i gångtunneln", owner_party="municipality")
        self.follow(self.a1, date(2026, 3, 1), FollowUpStatus.ONGOING, done_count=4, note="Bra")
        self.follow(self.a2, date(2026, 3, 1), FollowUpStatus.PLANNED, progress_percent=0)
        self.client.force_login(self.per)
        self.import_url = f"/plans/{self.plan.pk}/import/"

    def export(self, fmt: str) -> bytes:
        r = self.client.get(f"/plans/{self.plan.pk}/export.{fmt}")
        self.assertEqual(r.status_code, 200)
        return r.content

    def upload(self, content: bytes, name: str):
        return self.client.post(
            self.import_url,
            {"file": SimpleUploadedFile(name, content)},
            headers={"accept-language": "en"},
        )

    def confirm(self, preview):
        return self.client.post(
            self.import_url, {"confirm": "1", "sha256": preview.context["sha256"]}
        )

    def snapshot(self) -> tuple:
        return (
            FollowUp.objects.count(),
            sorted(self.plan.activities.values_list("code", "title", "version")),
        )

    def csv_rows(self, content: bytes) -> list[list[str]]:
        return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))

    def to_csv(self, rows: list[list[str]]) -> bytes:
        out = io.StringIO()
        csv.writer(out, delimiter=";").writerows(rows)
        return ("\ufeff" + out.getvalue()).encode()

    def test_csv_has_bom_and_one_row_per_activity(self) -> None:
        content = self.export("csv")
        self.assertTrue(content.startswith("\ufeff".encode()))
        rows = self.csv_rows(content)
        self.assertEqual(len(rows), 1 + 3)
        self.assertEqual(rows[1][rows[0].index("done_count")], "4")

    def test_unchanged_csv_and_xlsx_import_as_no_changes(self) -> None:
        before = self.snapshot()
        for fmt in ("csv", "xlsx"):
            r = self.upload(self.export(fmt), f"plan.{fmt}")
            self.assertEqual(r.status_code, 200, fmt)
            self.assertEqual(r.context["changes"], [], fmt)
            self.assertContains(r, "No changes")
        self.assertEqual(self.snapshot(), before)

    def test_edited_xlsx_is_previewed_then_applied(self) -> None:
        book = openpyxl.load_workbook(io.BytesIO(self.export("xlsx")))
        sheet = book.worksheets[0]
        header = [c.value for c in sheet[1]]
        row_a1 = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == self.a1.code)
        row_a1[header.index("status")].value = "done"
        row_a1[header.index("done_count")].value = 11
        row_a1[header.index("reported_on")].value = date(2026, 6, 30)
        row_a3 = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == self.a3.code)
        row_a3[header.index("title")].value = "Belysning i gångtunneln vid skolan"
        buffer = io.BytesIO()
        book.save(buffer)
        preview = self.upload(buffer.getvalue(), "plan.xlsx")
        self.assertEqual(len(preview.context["changes"]), 2)
        self.assertEqual(FollowUp.objects.count(), 2)  # nothing written by the preview
        r = self.confirm(preview)
        self.assertEqual(r.status_code, 302)
        latest = self.a1.latest_follow_up()
        self.assertEqual((latest.status, latest.done_count), ("done", 11))
        self.a3.refresh_from_db()
        self.assertEqual(
            (self.a3.title, self.a3.version), ("Belysning i gångtunneln vid skolan", 2)
        )
        # Exporting again and importing that is unchanged.
        self.assertEqual(self.upload(self.export("csv"), "plan.csv").context["changes"], [])

    def test_a_bad_row_applies_nothing_and_names_row_and_column(self) -> None:
        rows = self.csv_rows(self.export("csv"))
        header = rows[0]
        rows[1][header.index("status")] = "done"  # a valid change on row 2 …
        rows[3][header.index("progress_percent")] = "150"  # … and a bad cell on row 4
        before = self.snapshot()
        r = self.upload(self.to_csv(rows), "plan.csv")
        self.assertEqual(r.status_code, 400)
        self.assertContains(r, "Row 4, column progress_percent", status_code=400)
        self.assertEqual(self.snapshot(), before)

    def test_unknown_code_wrong_header_and_bad_date(self) -> None:
        rows = self.csv_rows(self.export("csv"))
        rows[1][0] = "A99"
        rows[2][rows[0].index("ends_on")] = "31/12/2026"
        r = self.upload(self.to_csv(rows), "plan.csv")
        self.assertContains(r, "Row 2, column code", status_code=400)
        self.assertContains(r, "Row 3, column ends_on", status_code=400)
        rows = self.csv_rows(self.export("csv"))
        rows[0][1] = "titel"
        self.assertContains(self.upload(self.to_csv(rows), "plan.csv"), "header", status_code=400)

    def test_a_follow_up_recorded_after_the_export_is_a_conflict(self) -> None:
        rows = self.csv_rows(self.export("csv"))
        rows[1][rows[0].index("status")] = "done"
        self.follow(self.a1, date(2026, 4, 1), FollowUpStatus.PARTLY_DONE)
        r = self.upload(self.to_csv(rows), "plan.csv")
        self.assertContains(r, "column follow_up_id", status_code=400)
        self.assertEqual(self.a1.latest_follow_up().status, "partly_done")

    def test_change_between_preview_and_confirm_applies_nothing(self) -> None:
        rows = self.csv_rows(self.export("csv"))
        rows[1][rows[0].index("status")] = "done"
        rows[3][rows[0].index("title")] = "Ny titel"
        preview = self.upload(self.to_csv(rows), "plan.csv")
        self.assertEqual(len(preview.context["changes"]), 2)
        self.follow(self.a1, date(2026, 4, 1), FollowUpStatus.PARTLY_DONE)
        before = self.snapshot()
        r = self.confirm(preview)
        self.assertEqual(r.status_code, 400)
        self.assertEqual(self.snapshot(), before)

    def test_only_editors_may_import_and_karin_sees_nothing(self) -> None:
        self.client.force_login(self.olle)
        self.assertEqual(self.client.get(self.import_url).status_code, 404)
        self.client.force_login(self.karin)
        self.assertEqual(self.client.get(f"/plans/{self.plan.pk}/export.csv").status_code, 404)
