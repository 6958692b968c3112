"""Django's ``flush`` (empty every table), taught about the append-only audit log.

Flushing wipes the whole database, so it is the same as dropping it; the audit log's
trigger would otherwise refuse the DELETE and make the command (and the test runner,
which flushes after every TransactionTestCase) fail. The entries go the one permitted
way first: a retention purge with a cutoff in the future. Interactive use: pass
``--no-input`` (the purge needs to know the wipe is confirmed).
"""

from datetime import timedelta

from django.core.management.commands.flush import Command as FlushCommand
from django.db import connections
from django.utils import timezone

from samverkan.audit.models import AuditEntry


class Command(FlushCommand):
    def handle(self, **options):
        database = options["database"]
        connection = connections[database]
        table = AuditEntry._meta.db_table
        if table in connection.introspection.table_names() and (
            not options["interactive"] or options.get("_audit_confirmed")
        ):
            from samverkan.audit.services import purge_audit_entries

            purge_audit_entries(older_than=timezone.now() + timedelta(days=1), using=database)
        # django-auditlog's own table stays (its migrations made it) but is unused since
        # AUDITLOG_LOGENTRY_MODEL points here; its foreign keys would stop PostgreSQL from
        # truncating the tables it points to, so truncate with CASCADE (empties it too).
        options["allow_cascade"] = True
        return super().handle(**options)
