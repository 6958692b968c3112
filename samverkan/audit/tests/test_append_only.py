from datetime import timedelta

from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from samverkan.audit.models import AppendOnlyError, AuditEntry, RetentionPermit
from samverkan.audit.services import purge_audit_entries
from samverkan.test import BaseTestCase


class AppendOnlyTests(BaseTestCase):
    def setUp(self) -> None:
        self.city.short_name = "Stadshuset"
        self.city.save()  # a write: auditlog adds an entry
        self.entry = AuditEntry.objects.filter(object_pk=str(self.city.pk)).latest("pk")

    def test_writes_are_recorded_with_tenant_and_diff(self) -> None:
        self.assertEqual(self.entry.action, AuditEntry.Action.UPDATE)
        self.assertEqual(self.entry.tenant, self.stockholm)
        self.assertEqual(self.entry.changes_dict["short_name"], ["", "Stadshuset"])

    def test_python_refuses_change_and_delete(self) -> None:
        self.entry.object_repr = "something else"
        with self.assertRaises(AppendOnlyError):
            self.entry.save()
        with self.assertRaises(AppendOnlyError):
            self.entry.delete()
        with self.assertRaises(AppendOnlyError):
            AuditEntry.objects.filter(pk=self.entry.pk).update(object_repr="x")
        with self.assertRaises(AppendOnlyError):
            AuditEntry.objects.all().delete()

    def raw(self, sql: str, params: list) -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)

    def test_the_database_refuses_update_and_delete(self) -> None:
        with self.assertRaises(DatabaseError):
            self.raw(
                "UPDATE audit_auditentry SET object_repr = %s WHERE id = %s", ["x", self.entry.pk]
            )
        with self.assertRaises(DatabaseError):
            self.raw("DELETE FROM audit_auditentry WHERE id = %s", [self.entry.pk])
        self.entry.refresh_from_db()
        self.assertNotEqual(self.entry.object_repr, "x")

    def test_a_permit_only_lets_older_entries_go(self) -> None:
        with transaction.atomic():
            RetentionPermit.objects.create(cutoff_at=self.entry.timestamp - timedelta(days=1))
            with self.assertRaises(DatabaseError), transaction.atomic():
                self.raw("DELETE FROM audit_auditentry WHERE id = %s", [self.entry.pk])
        self.assertTrue(AuditEntry.objects.filter(pk=self.entry.pk).exists())

    def test_retention_deletes_only_entries_older_than_the_period(self) -> None:
        now = timezone.now()
        self.assertEqual(purge_audit_entries(older_than=now - timedelta(days=1)), 0)
        total = AuditEntry.objects.count()
        self.assertEqual(
            purge_audit_entries(older_than=now + timedelta(seconds=1), dry_run=True), total
        )
        self.assertEqual(AuditEntry.objects.count(), total)
        self.assertEqual(purge_audit_entries(older_than=now + timedelta(seconds=1)), total)
        self.assertEqual(AuditEntry.objects.count(), 0)
        self.assertFalse(RetentionPermit.objects.exists())


class ApplyRetentionCommandTests(BaseTestCase):
    def test_dry_run_reports_and_changes_nothing(self) -> None:
        from io import StringIO

        old = AuditEntry.objects.count()
        self.assertGreater(old, 0)
        out = StringIO()
        with self.settings(RETENTION_DAYS={"audit_entries": -1, "login_records": 365}):
            call_command("apply-retention", "--dry-run", stdout=out)
        self.assertIn(f"audit entries: would delete {old}", out.getvalue())
        self.assertEqual(AuditEntry.objects.count(), old)

    def test_it_applies_every_rule(self) -> None:
        from io import StringIO

        out = StringIO()
        with self.settings(RETENTION_DAYS={"audit_entries": -1, "login_records": 365}):
            call_command("apply-retention", stdout=out)
        self.assertEqual(AuditEntry.objects.count(), 0)
        for label in ("audit entries", "login records", "expired sessions"):
            self.assertIn(label, out.getvalue())
