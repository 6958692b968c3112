import csv
import io

from django.test import RequestFactory
from openpyxl import load_workbook

from samverkan.audit.models import AuditEntry
from samverkan.audit.services import log_access
from samverkan.organisations.models import Organisation, OrganisationKind
from samverkan.test import BaseTestCase


class AuditorTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.ulla = cls.make_user("ulla", "Ulla", "Revisor", cls.city, "auditor")
        cls.gerd = cls.make_user("gerd", "Gerd", "Revisor", cls.grannby_kommun, "auditor")
        Organisation.objects.create(
            tenant=cls.stockholm, name="Stockholm Marker", kind=OrganisationKind.OTHER
        )
        Organisation.objects.create(
            tenant=cls.grannby, name="Grannby Marker", kind=OrganisationKind.OTHER
        )


class LogAccessTests(AuditorTestCase):
    def test_a_read_is_recorded_with_who_when_where_and_tenant(self) -> None:
        request = RequestFactory().get("/observations/7/", REMOTE_ADDR="10.1.2.3")
        entry = log_access(self.per, self.lpo_jarva, request)
        entry.refresh_from_db()
        self.assertEqual(entry.action, AuditEntry.Action.ACCESS)
        self.assertEqual(entry.actor, self.per)
        self.assertEqual(entry.remote_addr, "10.1.2.3")
        self.assertEqual(entry.tenant, self.stockholm)
        self.assertEqual(entry.additional_data, {"path": "/observations/7/"})


class AuditorViewTests(AuditorTestCase):
    def test_an_auditor_sees_only_their_tenants_entries(self) -> None:
        self.client.force_login(self.ulla)
        r = self.client.get("/audit/", {"object_type": "organisation"})
        self.assertContains(r, "Stockholm Marker")
        self.assertNotContains(r, "Grannby Marker")
        expected = AuditEntry.objects.filter(
            tenant=self.stockholm, content_type__model="organisation"
        ).count()
        self.assertEqual(r.context["page"].paginator.count, expected)

    def test_filters_narrow_the_list(self) -> None:
        log_access(self.per, self.lpo_jarva)
        self.client.force_login(self.ulla)
        r = self.client.get("/audit/", {"action": AuditEntry.Action.ACCESS, "actor": "per"})
        self.assertEqual(r.context["page"].paginator.count, 1)
        r = self.client.get("/audit/", {"from_on": "2030-01-02", "to_on": "2030-01-01"})
        self.assertContains(r, "govuk-error-summary")
        self.assertEqual(r.context["page"].paginator.count, 0)

    def test_everybody_else_gets_404(self) -> None:
        for user in (self.anna, self.per, self.olle, self.karin):
            self.client.force_login(user)
            self.assertEqual(self.client.get("/audit/").status_code, 404)
            self.assertEqual(self.client.get("/audit/export.csv").status_code, 404)
        self.client.logout()
        self.assertEqual(self.client.get("/audit/export.csv").status_code, 302)

    def test_csv_export_is_tenant_isolated_and_excel_friendly(self) -> None:
        self.client.force_login(self.gerd)
        r = self.client.get("/audit/export.csv")
        self.assertEqual(r.status_code, 200)
        text = r.content.decode("utf-8")
        self.assertTrue(text.startswith("\ufeff"))
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
        self.assertEqual(rows[0][:3], ["id", "timestamp", "tenant"])
        self.assertEqual({row[2] for row in rows[1:]}, {"grannby"})
        self.assertEqual(len(rows) - 1, AuditEntry.objects.filter(tenant=self.grannby).count())
        self.assertNotIn("Stockholm", text)

    def test_xlsx_export_is_tenant_isolated(self) -> None:
        self.client.force_login(self.ulla)
        r = self.client.get("/audit/export.xlsx", {"object_type": "organisation"})
        sheet = load_workbook(io.BytesIO(r.content)).active
        rows = list(sheet.iter_rows(values_only=True))
        records = [row[8] for row in rows[1:]]
        self.assertIn("Stockholm Marker", records)
        self.assertNotIn("Grannby Marker", records)
        self.assertEqual({row[2] for row in rows[1:]}, {"stockholm"})
