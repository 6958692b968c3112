"""Reading survey files: respondent-level data (CSV/XLSX) and published aggregate tables.

Parsing only: these functions read and validate, and return plain rows or raise
``SurveyFileError`` listing every problem with its row and column. Writing happens in
services.py, inside one transaction, only when the whole file is valid.

Respondent file (one row per respondent; header names case-insensitive):

=============  ======================================================================
weight         required; design weight, a number > 0 (persons represented)
sex            required; ``kvinna``/``k``/``woman``/``female``/``f`` or
               ``man``/``m``/``male``
age            whole years 16–84, or instead
age_band       one of 16-24, 25-44, 45-64, 65-84
area_code      district code, e.g. Stockholm's omr_kod 80103…80129; or instead
area_name      district name, e.g. ``Rinkeby-Kista`` (case-insensitive)
stratum        optional design stratum
cluster        optional primary sampling unit
<question>     one column per question code of the survey; an answer value from the
               question's scale, or empty for no answer
=============  ======================================================================
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from .models import AgeBand, Sex

SEX_VALUES = {
    "kvinna": Sex.FEMALE,
    "k": Sex.FEMALE,
    "woman": Sex.FEMALE,
    "female": Sex.FEMALE,
    "f": Sex.FEMALE,
    "man": Sex.MALE,
    "m": Sex.MALE,
    "male": Sex.MALE,
}
ALIASES = {"vikt": "weight", "kön": "sex", "kon": "sex", "ålder": "age", "omr_kod": "area_code"}
MAX_ERRORS = 50


class SurveyFileError(ValueError):
    """The file cannot be loaded; ``errors`` lists messages naming row and column."""

    def __init__(self, errors: list[str]):
        self.errors = errors[:MAX_ERRORS]
        if len(errors) > MAX_ERRORS:
            self.errors.append(
                _("… and %(count)d more problems.") % {"count": len(errors) - MAX_ERRORS}
            )
        super().__init__("; ".join(self.errors))


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_table(content: bytes, file_name: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a CSV (UTF-8, optional BOM; , ; or tab) or XLSX file.

    Header names are stripped and lower-cased; cells are strings ("" when empty).
    """
    if file_name.lower().endswith((".xlsx", ".xlsm")):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).worksheets[0]
        except Exception as e:  # openpyxl raises many kinds for a broken file
            raise SurveyFileError(
                [_("The Excel file could not be read: %(error)s") % {"error": e}]
            ) from e
        rows = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    else:
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise SurveyFileError([_("The file is not UTF-8 text (CSV) or an Excel file.")]) from e
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        rows = list(csv.reader(io.StringIO(text), dialect))
    rows = [r for r in rows if any(str(c).strip() for c in r)]
    if not rows:
        raise SurveyFileError([_("The file is empty.")])
    header = [ALIASES.get(h.strip().lower(), h.strip().lower()) for h in rows[0]]
    return header, [[str(c).strip() for c in r] for r in rows[1:]]


@dataclass
class RespondentRow:
    row_number: int
    weight: float
    sex: str
    age_band: str
    district_id: int
    stratum: str
    cluster: str
    answers: dict


def parse_respondents(
    content: bytes, file_name: str, *, questions: list, districts: list
) -> list[RespondentRow]:
    """Validate a respondent file against the survey's questions and known districts.

    ``questions``: Question rows of the survey; ``districts``: District rows the tenant
    follows. Row numbers count the header as row 1, as a spreadsheet shows them.
    Raises SurveyFileError with every problem found; returns rows when there are none.
    """
    header, rows = read_table(content, file_name)
    errors: list[str] = []
    col = {name: i for i, name in enumerate(header)}
    if "weight" not in col:
        errors.append(_("Column 'weight' is missing: every respondent needs a design weight."))
    if "sex" not in col:
        errors.append(_("Column 'sex' is missing."))
    if "age" not in col and "age_band" not in col:
        errors.append(_("Column 'age' or 'age_band' is missing."))
    if "area_code" not in col and "area_name" not in col:
        errors.append(_("Column 'area_code' or 'area_name' is missing."))
    question_cols = [q for q in questions if q.code.lower() in col]
    if not question_cols:
        errors.append(
            _("No answer columns: expected at least one of %(codes)s.")
            % {"codes": ", ".join(q.code for q in questions)}
        )
    if errors:
        raise SurveyFileError(errors)
    if not rows:
        raise SurveyFileError([_("The file has a header but no respondents.")])

    by_code = {d.code: d for d in districts}
    by_name = {d.name.lower(): d for d in districts}
    parsed = []
    for offset, cells in enumerate(rows):
        row_number = offset + 2
        cells = cells + [""] * (len(header) - len(cells))

        def cell(name: str, cells=cells) -> str:
            return cells[col[name]] if name in col else ""

        def error(column: str, message: str, row_number=row_number) -> None:
            errors.append(
                _("Row %(row)d, column '%(column)s': %(message)s")
                % {"row": row_number, "column": column, "message": message}
            )

        weight = None
        try:
            weight = float(Decimal(cell("weight").replace(",", ".")))
            if not weight > 0:
                error(
                    "weight",
                    _("the weight must be greater than 0 (got %(value)s).")
                    % {"value": cell("weight")},
                )
                weight = None
        except (InvalidOperation, ValueError):
            error("weight", _("not a number: '%(value)s'.") % {"value": cell("weight")})

        sex = SEX_VALUES.get(cell("sex").lower())
        if sex is None:
            error(
                "sex", _("unknown value '%(value)s' (use kvinna or man).") % {"value": cell("sex")}
            )

        age, band = None, None
        if cell("age"):
            try:
                age = int(cell("age"))
                band = AgeBand.for_age(age)
                if band is None:
                    error("age", _("age %(value)s is outside 16–84.") % {"value": age})
            except ValueError:
                error("age", _("not a whole number: '%(value)s'.") % {"value": cell("age")})
        elif "age_band" in col:
            band = cell("age_band").replace("–", "-") or None
            if band not in AgeBand.values:
                error(
                    "age_band",
                    _("unknown age band '%(value)s' (use %(bands)s).")
                    % {"value": cell("age_band"), "bands": ", ".join(AgeBand.values)},
                )
                band = None
        else:
            error("age", _("the age is empty."))

        district = None
        if cell("area_code"):
            district = by_code.get(cell("area_code"))
            if district is None:
                error(
                    "area_code", _("unknown area code '%(value)s'.") % {"value": cell("area_code")}
                )
        elif cell("area_name"):
            district = by_name.get(cell("area_name").lower())
            if district is None:
                error("area_name", _("unknown area '%(value)s'.") % {"value": cell("area_name")})
        else:
            error("area_code", _("the area is empty."))

        answers = {}
        for question in question_cols:
            raw = cell(question.code.lower())
            if raw == "":
                continue
            try:
                value = int(Decimal(raw.replace(",", ".")))
            except (InvalidOperation, ValueError):
                value = None
            if value is None or value not in question.values:
                error(
                    question.code,
                    _("answer '%(value)s' is not on the question's scale (%(scale)s).")
                    % {"value": raw, "scale": ", ".join(str(v) for v in question.values)},
                )
                continue
            answers[question.code] = value

        if weight is not None and sex and band and district:
            parsed.append(
                RespondentRow(
                    row_number=row_number,
                    weight=weight,
                    sex=sex,
                    age_band=band,
                    district_id=district.pk,
                    stratum=cell("stratum"),
                    cluster=cell("cluster"),
                    answers=answers,
                )
            )
    if errors:
        raise SurveyFileError(errors)
    return parsed


@dataclass
class PublishedRow:
    row_number: int
    survey: str
    area: str
    year: int
    group: str
    indicator: str
    value_pct: Decimal
    respondents: int | None
    source_url: str
    source_type: str
    note: str


PUBLISHED_COLUMNS = ("survey", "area", "year", "group", "indicator_sv", "value_pct", "source_url")


def parse_published(content: bytes, file_name: str) -> list[PublishedRow]:
    """Rows of a published-figures table (the layout of data/trygghet-nyckeltal).

    Required columns: survey, area, year, group, indicator_sv, value_pct (0–100),
    source_url; optional n, source_type, note. Raises SurveyFileError.
    """
    header, rows = read_table(content, file_name)
    col = {name: i for i, name in enumerate(header)}
    missing = [c for c in PUBLISHED_COLUMNS if c not in col]
    if missing:
        raise SurveyFileError(
            [_("Column '%(column)s' is missing.") % {"column": c} for c in missing]
        )
    errors, parsed = [], []
    for offset, cells in enumerate(rows):
        row_number = offset + 2
        cells = cells + [""] * (len(header) - len(cells))
        get = lambda name, cells=cells: cells[col[name]] if name in col else ""  # noqa: E731
        try:
            value = Decimal(get("value_pct").replace(",", "."))
            if not 0 <= value <= 100:
                raise InvalidOperation
        except InvalidOperation:
            errors.append(
                _("Row %(row)d, column '%(column)s': %(message)s")
                % {"row": row_number, "column": "value_pct", "message": _("not a share 0–100.")}
            )
            continue
        try:
            year = int(get("year"))
            n = int(get("n")) if get("n") else None
        except ValueError:
            errors.append(
                _("Row %(row)d, column '%(column)s': %(message)s")
                % {"row": row_number, "column": "year/n", "message": _("not a whole number.")}
            )
            continue
        if not get("source_url"):
            errors.append(
                _("Row %(row)d, column '%(column)s': %(message)s")
                % {
                    "row": row_number,
                    "column": "source_url",
                    "message": _("every figure needs its source."),
                }
            )
            continue
        parsed.append(
            PublishedRow(
                row_number,
                get("survey"),
                get("area"),
                year,
                get("group"),
                get("indicator_sv"),
                value,
                n,
                get("source_url"),
                get("source_type"),
                get("note"),
            )
        )
    if errors:
        raise SurveyFileError(errors)
    return parsed


def read_catalogue(path) -> dict[str, dict]:
    """Indicator catalogue for published figures: {wording: {"code", "better"}}.

    ``path``: a CSV with columns indicator_sv, code, better (lower | higher).
    """
    with open(path, encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    bad = [r["indicator_sv"] for r in rows if r.get("better") not in ("lower", "higher")]
    if bad:
        raise SurveyFileError(
            [
                _("Direction must be 'lower' or 'higher' for '%(wording)s'.") % {"wording": w}
                for w in bad
            ]
        )
    return {r["indicator_sv"]: {"code": r["code"], "better": r["better"]} for r in rows}
