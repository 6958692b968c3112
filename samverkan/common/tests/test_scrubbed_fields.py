"""The Scrubbed* model fields: no write path stores an identifier, the audit log included.

Uses ``organisations.Role`` (a ScrubbedCharField ``name`` of 100 characters and a
ScrubbedTextField ``description``, no foreign keys, audited) as the specimen; every app
test checks its own models' fields through ``save()`` as well.
"""

import json

from django.db import connection
from django.test import TestCase

from samverkan.audit.models import AuditEntry
from samverkan.common.fields import ScrubbedCharField, ScrubbedTextField
from samverkan.common.testing.scrub import STORED, TYPED
from samverkan.organisations.models import Role


def stored(role: Role) -> tuple[str, str]:
    """(name, description) as the database holds them, read without the ORM's instance."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, description FROM organisations_role WHERE id = %s", [role.pk])
        return cursor.fetchone()


class WritePathTests(TestCase):
    def test_save_scrubs_the_database_and_the_instance(self) -> None:
        role = Role(code="r1", name="Samordnare 070-123 45 67", description=TYPED)
        role.save()
        self.assertEqual(stored(role), ("Samordnare [telefonnummer]", STORED))
        self.assertEqual(role.description, STORED)

    def test_objects_create_and_a_later_save_scrub(self) -> None:
        role = Role.objects.create(code="r1", name="Samordnare", description="")
        role.description = TYPED
        role.save(update_fields=["description"])
        self.assertEqual(stored(role)[1], STORED)

    def test_bulk_create_scrubs(self) -> None:
        Role.objects.bulk_create([Role(code="r1", name="x", description=TYPED)])
        self.assertEqual(stored(Role.objects.get(code="r1"))[1], STORED)

    def test_queryset_update_scrubs(self) -> None:
        role = Role.objects.create(code="r1", name="x")
        Role.objects.filter(pk=role.pk).update(description=TYPED)
        self.assertEqual(stored(role)[1], STORED)

    def test_bulk_update_scrubs(self) -> None:
        role = Role.objects.create(code="r1", name="x")
        role.description = TYPED
        Role.objects.bulk_update([role], ["description"])
        self.assertEqual(stored(role)[1], STORED)

    def test_text_without_identifiers_is_stored_as_typed(self) -> None:
        text = "Möte 2025-11-30 kl. 18.30, dnr KS 2023/740, buss 179."
        role = Role.objects.create(code="r1", name="Samordnare", description=text)
        self.assertEqual(stored(role)[1], text)

    def test_a_char_value_that_grows_past_max_length_is_cut_not_refused(self) -> None:
        # 100 characters typed; "[telefonnummer]" (15) replaces "0701234567" (10).
        role = Role.objects.create(code="r1", name="x" * 85 + " ring 0701234567")
        self.assertEqual(stored(role)[0], "x" * 85 + " ring [telefonn")

    def test_text_without_identifiers_is_never_cut(self) -> None:
        # Too long is the database's and the form's business, not the scrubber's.
        self.assertEqual(Role._meta.get_field("name").scrubbed("x" * 101), "x" * 101)

    def test_the_audit_log_records_scrubbed_values_on_create_and_update(self) -> None:
        role = Role.objects.create(code="r1", name="Samordnare", description="Första")
        role.description = TYPED
        role.save()
        entries = AuditEntry.objects.get_for_object(role)
        self.assertEqual(entries.count(), 2)
        for entry in entries:
            logged = json.dumps(entry.changes, ensure_ascii=False) + entry.object_repr
            self.assertNotIn("070-123", logged)
            self.assertNotIn("example.se", logged)
            self.assertNotIn("19811218", logged)
        self.assertTrue(
            any("[telefonnummer]" in json.dumps(e.changes, ensure_ascii=False) for e in entries)
        )


class MigrationTests(TestCase):
    def test_the_fields_deconstruct_under_their_own_path(self) -> None:
        for cls, kwargs in ((ScrubbedTextField, {}), (ScrubbedCharField, {"max_length": 30})):
            _name, path, _args, got = cls(**kwargs).deconstruct()
            self.assertEqual(path, f"samverkan.common.fields.{cls.__name__}")
            self.assertEqual(got, kwargs)

    def test_the_column_type_is_the_plain_fields(self) -> None:
        from django.db import models

        self.assertEqual(
            ScrubbedTextField().db_type(connection), models.TextField().db_type(connection)
        )
        self.assertEqual(
            ScrubbedCharField(max_length=30).db_type(connection),
            models.CharField(max_length=30).db_type(connection),
        )
