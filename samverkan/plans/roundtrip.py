"""Export a plan's activities with their latest follow-up, and import the same file back.

One format, two containers: XLSX (written with xlsxwriter, read with openpyxl) and CSV
(UTF-8 with BOM, ";"-separated, as Swedish Excel expects). The header row holds the
stable column codes in COLUMNS; the import rejects any other header. Editable columns:
title, activity_type, owner_party, starts_on, ends_on (activity fields, guarded by
``version``) and status, progress_percent, done_count, reported_on, note (a new
follow-up entry, guarded by ``follow_up_id``). ``target`` is information only.

Import is two steps: ``parse`` + ``plan_changes`` give a preview (or a list of errors
naming row and column), ``apply_changes`` writes everything in one transaction or
nothing. An exported file imported unchanged yields no changes.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

import openpyxl
import xlsxwriter
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.accounts.models import User

from . import services
from .models import ActionPlan, Activity, ActivityType, FollowUpStatus, OwnerParty

COLUMNS = [
    "code",
    "title",
    "activity_type",
    "owner_party",
    "starts_on",
    "ends_on",
    "target",
    "status",
    "progress_percent",
    "done_count",
    "reported_on",
    "note",
    "follow_up_id",
    "version",
]
ACTIVITY_COLUMNS = ["title", "activity_type", "owner_party", "starts_on", "ends_on"]
FOLLOW_UP_COLUMNS = ["status", "progress_percent", "done_count", "note"]
DATE_COLUMNS = {"starts_on", "ends_on", "reported_on"}
INT_COLUMNS = {"progress_percent", "done_count", "follow_up_id", "version"}


def export_rows(plan: ActionPlan) -> list[dict]:
    """One dict per activity (keys = COLUMNS), latest follow-up by recording order."""
    rows = []
    for activity in plan.activities.select_related("target").order_by("code"):
        latest = activity.follow_ups.order_by("-pk").first()
        rows.append(
            {
                "code": activity.code,
                "title": activity.title,
                "activity_type": activity.activity_type,
                "owner_party": activity.owner_party,
                "starts_on": activity.starts_on,
                "ends_on": activity.ends_on,
                "target": activity.target.description if activity.target else "",
                "status": latest.status if latest else "",
                "progress_percent": latest.progress_percent if latest else None,
                "done_count": latest.done_count if latest else None,
                "reported_on": latest.reported_on if latest else None,
                "note": latest.note if latest else "",
                "follow_up_id": latest.pk if latest else None,
                "version": activity.version,
            }
        )
    return rows


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def to_csv(rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_text(row[c]) for c in COLUMNS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(rows: list[dict], *, sheet_title: str = "activities") -> bytes:
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = workbook.add_worksheet(sheet_title[:31])
    bold = workbook.add_format({"bold": True})
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})
    for col, name in enumerate(COLUMNS):
        sheet.write_string(0, col, name, bold)
    for r, row in enumerate(rows, start=1):
        for col, name in enumerate(COLUMNS):
            value = row[name]
            if value is None or value == "":
                sheet.write_blank(r, col, None)
            elif isinstance(value, date):
                sheet.write_datetime(r, col, datetime(value.year, value.month, value.day), day)
            elif isinstance(value, int):
                sheet.write_number(r, col, value)
            else:
                sheet.write_string(r, col, str(value))
    sheet.freeze_panes(1, 0)
    sheet.set_column(1, 1, 40)
    sheet.set_column(11, 11, 50)
    workbook.close()
    return buffer.getvalue()


@dataclass
class ImportError_:
    """A problem with the file: ``row`` is the spreadsheet row number (header = 1)."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("Row %(row)s, column %(column)s: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


class ImportRejected(Exception):
    def __init__(self, errors: list[ImportError_]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors


def parse(content: bytes, file_format: str) -> list[tuple[int, dict]]:
    """Read raw cells: [(row number, {column: raw value})]. Raises ImportRejected."""
    if file_format == "xlsx":
        try:
            workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception as e:  # openpyxl raises many kinds for a non-workbook
            raise ImportRejected([ImportError_(0, "-", _("not an Excel file"))]) from e
        sheet = workbook.worksheets[0]
        raw_rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        workbook.close()
    else:
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise ImportRejected([ImportError_(0, "-", _("the file is not UTF-8"))]) from e
        first_line = text.split("\n", 1)[0]
        delimiter = ";" if ";" in first_line else ","
        raw_rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    if not raw_rows:
        raise ImportRejected([ImportError_(1, "-", _("the file is empty"))])
    header = [str(h or "").strip() for h in raw_rows[0]]
    while header and header[-1] == "":
        header.pop()
    if header != COLUMNS:
        raise ImportRejected(
            [ImportError_(1, "-", _("the header row must be: %s") % ";".join(COLUMNS))]
        )
    parsed = []
    for number, values in enumerate(raw_rows[1:], start=2):
        values = list(values) + [None] * (len(COLUMNS) - len(values))
        if all(v is None or str(v).strip() == "" for v in values):
            continue
        parsed.append((number, dict(zip(COLUMNS, values, strict=False))))
    return parsed


def _clean(column: str, value):
    """Convert one raw cell; raises ValueError with a user-facing message."""
    if value is None or (isinstance(value, str) and value.strip() == ""):
        return "" if column not in DATE_COLUMNS | INT_COLUMNS else None
    if column in DATE_COLUMNS:
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            raise ValueError(_("not a date (YYYY-MM-DD)")) from None
    if column in INT_COLUMNS:
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            raise ValueError(_("not a whole number")) from None
        if number != number.to_integral_value() or number < 0:
            raise ValueError(_("not a whole number ≥ 0"))
        return int(number)
    return str(value).strip() if column != "note" else str(value).strip().replace("\r\n", "\n")


@dataclass
class RowChange:
    """What importing one row would do.

    ``activity_changes``: field → (old, new) for activity fields. ``follow_up``: the new
    entry's values (status, progress_percent, done_count, note, reported_on) or None.
    """

    row: int
    activity: Activity
    expected_version: int
    expected_follow_up_id: int | None
    activity_changes: dict[str, tuple] = field(default_factory=dict)
    follow_up: dict | None = None


def plan_changes(plan: ActionPlan, rows: list[tuple[int, dict]]) -> list[RowChange]:
    """Compare parsed rows with the stored plan; only rows that change something are returned.

    Raises ImportRejected listing every bad cell (unknown code, duplicate code, invalid
    value, out-of-range percentage, stale version) — then nothing may be applied.
    """
    activities = {a.code: a for a in plan.activities.all()}
    errors: list[ImportError_] = []
    changes: list[RowChange] = []
    seen: set[str] = set()
    for number, raw in rows:
        values = {}
        for column in COLUMNS:
            try:
                values[column] = _clean(column, raw.get(column))
            except ValueError as e:
                errors.append(ImportError_(number, column, str(e)))
        if any(e.row == number for e in errors):
            continue
        code = values["code"]
        activity = activities.get(code)
        if activity is None:
            message = _("no activity %(code)s in this plan") % {"code": code}
            errors.append(ImportError_(number, "code", message))
            continue
        if code in seen:
            errors.append(ImportError_(number, "code", _("the code appears twice")))
            continue
        seen.add(code)
        row_errors = _check_values(number, values)
        if row_errors:
            errors.extend(row_errors)
            continue
        latest = activity.follow_ups.order_by("-pk").first()
        change = RowChange(
            row=number,
            activity=activity,
            expected_version=values["version"] if values["version"] is not None else -1,
            expected_follow_up_id=values["follow_up_id"],
        )
        for column in ACTIVITY_COLUMNS:
            old = getattr(activity, column)
            if values[column] != old:
                change.activity_changes[column] = (old, values[column])
        if change.activity_changes and values["version"] != activity.version:
            errors.append(
                ImportError_(number, "version", _("the activity was changed after the export"))
            )
            continue
        new_entry = {c: values[c] for c in FOLLOW_UP_COLUMNS}
        old_entry = {
            "status": latest.status if latest else "",
            "progress_percent": latest.progress_percent if latest else None,
            "done_count": latest.done_count if latest else None,
            "note": latest.note.strip().replace("\r\n", "\n") if latest else "",
        }
        if new_entry != old_entry or (latest and values["reported_on"] != latest.reported_on):
            if values["follow_up_id"] != (latest.pk if latest else None):
                errors.append(
                    ImportError_(
                        number, "follow_up_id", _("a follow-up was recorded after the export")
                    )
                )
                continue
            if not values["status"]:
                errors.append(ImportError_(number, "status", _("a status is required")))
                continue
            reported_on = values["reported_on"] or timezone.localdate()
            if latest and reported_on < latest.reported_on:
                errors.append(
                    ImportError_(
                        number,
                        "reported_on",
                        _("must not be before the latest entry (%(day)s)")
                        % {"day": latest.reported_on.isoformat()},
                    )
                )
                continue
            change.follow_up = {**new_entry, "reported_on": reported_on}
        if change.activity_changes or change.follow_up:
            changes.append(change)
    if errors:
        raise ImportRejected(errors)
    return changes


def _check_values(number: int, values: dict) -> list[ImportError_]:
    errors = []
    if not values["title"]:
        errors.append(ImportError_(number, "title", _("a title is required")))
    if values["activity_type"] not in ActivityType.values:
        errors.append(ImportError_(number, "activity_type", _("unknown activity type")))
    if values["owner_party"] not in OwnerParty.values:
        errors.append(ImportError_(number, "owner_party", _("unknown owner party")))
    for column in ("starts_on", "ends_on"):
        if values[column] is None:
            errors.append(ImportError_(number, column, _("a date is required")))
    if values["starts_on"] and values["ends_on"] and values["ends_on"] < values["starts_on"]:
        errors.append(ImportError_(number, "ends_on", _("ends before it starts")))
    if values["status"] and values["status"] not in FollowUpStatus.values:
        errors.append(ImportError_(number, "status", _("unknown status")))
    if values["progress_percent"] is not None and values["progress_percent"] > 100:
        errors.append(ImportError_(number, "progress_percent", _("must be between 0 and 100")))
    return errors


def apply_changes(*, plan: ActionPlan, changes: list[RowChange], by: User | None) -> int:
    """Write every change in one transaction; any conflict rolls all of them back.

    Returns the number of rows changed. Raises services.ActivityConflict or
    services.FollowUpConflict (nothing written) when someone changed a row meanwhile.
    """
    with transaction.atomic():
        for change in changes:
            if change.activity_changes:
                services.update_activity(
                    activity=change.activity,
                    expected_version=change.expected_version,
                    changes={k: new for k, (_old, new) in change.activity_changes.items()},
                    by=by,
                )
            if change.follow_up:
                services.record_follow_up(
                    activity=change.activity,
                    expected_previous_id=change.expected_follow_up_id,
                    by=by,
                    **change.follow_up,
                )
    return len(changes)
