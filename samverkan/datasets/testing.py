"""Helpers for importer tests: run ``samverkan import`` as a user would, count writes."""

import io
import re

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

DATA = settings.DATA_DIR
WRITE_SQL = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


def run_command(*argv: str) -> tuple[int, str, str]:
    """Run ``samverkan ARGV…`` in-process; returns (exit status, stdout, stderr).

    Like ``run_from_argv``: a CommandError becomes status 1 and "CommandError: …" on
    stderr. (``run_from_argv`` itself closes the database connections, which would end
    the test's transaction on PostgreSQL, so it is not used.)
    """
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command(*argv, stdout=out, stderr=err)
    except CommandError as error:
        code = error.returncode
        err.write(f"CommandError: {error}\n")
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    return code, out.getvalue(), err.getvalue()


class CaptureWrites(CaptureQueriesContext):
    """Context manager collecting INSERT/UPDATE/DELETE statements run inside it."""

    def __init__(self) -> None:
        super().__init__(connection)

    @property
    def writes(self) -> list[str]:
        return [query["sql"] for query in self.captured_queries if WRITE_SQL.match(query["sql"])]
