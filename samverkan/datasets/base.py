"""What every importer shares: the error type, file reading, counts and the ImportRun record.

An importer is two phases. **Validate** reads the whole file into plain Python values and
raises :class:`ImportFailed` at the first problem, naming the file, the row or event id
and the field. **Write** runs in one ``transaction.atomic`` block and compares with what
is stored: rows that would not change are not written at all, so re-importing the same
file writes nothing (not even an ImportRun row).
"""

import gzip
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.utils import timezone

from samverkan.datasets.models import ImportRun

BATCH_SIZE = 1000


class ImportFailed(Exception):
    """Bad input. ``str()`` reads "FILE: event id 615459: field 'datetime': why"."""

    def __init__(self, path: Path | str, message: str, *, where: str = "", field: str = ""):
        self.path = str(path)
        self.where = where
        self.field = field
        self.message = message
        parts = [self.path]
        if where:
            parts.append(where)
        if field:
            parts.append(f"field {field!r}")
        parts.append(message)
        super().__init__(": ".join(parts) + ". Nothing was written.")


@dataclass
class ImportResult:
    """Counts of one import: rows ``new``, ``changed`` and ``unchanged`` (plus extras)."""

    kind: str
    path: str
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def wrote_anything(self) -> bool:
        return bool(self.new or self.changed)

    def counts(self) -> dict:
        return {"new": self.new, "changed": self.changed, "unchanged": self.unchanged, **self.extra}

    def summary(self) -> str:
        text = ", ".join(f"{value} {key}" for key, value in self.counts().items())
        if not self.wrote_anything:
            text += " (nothing written)"
        return f"{self.kind} {Path(self.path).name}: {text}"


def open_text(path: Path | str):
    """Open a UTF-8 text file, transparently gunzipping ``*.gz``. Missing file → ImportFailed."""
    path = Path(path)
    if not path.is_file():
        raise ImportFailed(path, "no such file")
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8-sig", newline="")


def read_json(path: Path | str):
    """The parsed JSON document; truncated or malformed JSON → ImportFailed with line/column."""
    try:
        with open_text(path) as handle:
            return json.load(handle)
    except json.JSONDecodeError as error:
        raise ImportFailed(
            path, f"not valid JSON ({error.msg})", where=f"line {error.lineno} column {error.colno}"
        ) from None
    except (UnicodeDecodeError, EOFError, OSError) as error:
        if isinstance(error, FileNotFoundError):
            raise
        raise ImportFailed(path, f"cannot be read ({error})") from None


def read_jsonl(path: Path | str) -> Iterator[tuple[int, dict]]:
    """(line number, object) for each non-empty line of a JSON-lines file."""
    with open_text(path) as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as error:
                raise ImportFailed(
                    path, f"not valid JSON ({error.msg})", where=f"line {number}"
                ) from None


def file_sha256(path: Path | str) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def record_run(result: ImportResult, *, started_at: datetime, user=None) -> ImportRun | None:
    """Append an ImportRun for an import that changed something; a no-op import writes none."""
    if not result.wrote_anything:
        return None
    return ImportRun.objects.create(
        kind=result.kind,
        file_name=str(result.path),
        file_sha256=file_sha256(result.path),
        counts=result.counts(),
        started_at=started_at,
        run_by=user,
    )


def batched(items: list, size: int = BATCH_SIZE) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def now() -> datetime:
    return timezone.now()
