"""Helpers for importer tests: run ``samverkan import`` as a user would, count writes."""

import io
import re
import sys
from contextlib import redirect_stderr, redirect_stdout

from django.conf import settings
from django.core.management import ManagementUtility
from django.db import connection
from django.test.utils import CaptureQueriesContext

DATA = settings.DATA_DIR
WRITE_SQL = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


def run_command(*argv: str) -> tuple[int, str, str]:
    """Run ``samverkan ARGV…`` in-process; returns (exit status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with redirect_stdout(out), redirect_stderr(err):
        try:
            ManagementUtility(["samverkan", *argv]).execute()
        except SystemExit as exit_:
            code = int(exit_.code or 0)
        finally:
            sys.stdout.flush()
    return code, out.getvalue(), err.getvalue()


class CaptureWrites(CaptureQueriesContext):
    """Context manager collecting INSERT/UPDATE/DELETE statements run inside it."""

    def __init__(self) -> None:
        super().__init__(connection)

    @property
    def writes(self) -> list[str]:
        return [query["sql"] for query in self.captured_queries if WRITE_SQL.match(query["sql"])]
