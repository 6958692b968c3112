"""Import Brå reported-crime rows: ``kommun;period;key;count;per100k;preliminary``.

One row = offences of category ``key`` (see CrimeCategory) reported in municipality
``kommun`` (4-digit SCB code) in year ``period``; ``per100k`` is Brå's rate per 100,000
inhabitants; ``preliminary`` is empty/0/false or 1/true. Upsert by (municipality, year,
category); unchanged rows are not written. Any bad row → ImportFailed naming the row
(1 = header) and the column, and nothing is written.
"""

import csv
from pathlib import Path

from django.db import transaction

from samverkan.crime_statistics.models import CrimeCategory, ReportedCrime
from samverkan.datasets.base import ImportFailed, ImportResult, batched, now, open_text, record_run
from samverkan.geography.models import Municipality

HEADER = ["kommun", "period", "key", "count", "per100k", "preliminary"]
DEFAULT_SOURCE = (
    "Brå, anmälda brott (SOL-databasen), via real-estate-war-lord/am-dashboard-se "
    "data/external/bra_crime.csv @520cdf4"
)
FIELDS = ["count", "per_100k", "preliminary", "source"]


def import_bra(path: Path | str, *, source: str = DEFAULT_SOURCE, user=None) -> ImportResult:
    """Validate the whole file, then upsert ReportedCrime rows in one transaction."""
    started = now()
    path = Path(path)
    municipalities = dict(Municipality.objects.values_list("code", "pk"))
    rows: dict[tuple[int, int, str], dict] = {}
    with open_text(path) as handle:
        reader = csv.reader(handle, delimiter=";")
        header = next(reader, None)
        if header != HEADER:
            raise ImportFailed(
                path, f"header is {header!r}, expected {';'.join(HEADER)!r}", where="row 1"
            )
        for number, row in enumerate(reader, start=2):
            if not row or not any(cell.strip() for cell in row):
                continue
            where = f"row {number}"
            if len(row) != len(HEADER):
                raise ImportFailed(
                    path, f"expected {len(HEADER)} columns, got {len(row)}", where=where
                )
            code, period, key, count, rate, preliminary = (cell.strip() for cell in row)
            if code not in municipalities:
                raise ImportFailed(
                    path, f"unknown municipality {code!r}", where=where, field="kommun"
                )
            if not period.isdigit() or not 1900 <= int(period) <= 2100:
                raise ImportFailed(path, f"not a year: {period!r}", where=where, field="period")
            if key not in CrimeCategory.values:
                raise ImportFailed(path, f"unknown category {key!r}", where=where, field="key")
            if not count.isdigit():
                raise ImportFailed(
                    path, f"not a whole number ≥ 0: {count!r}", where=where, field="count"
                )
            try:
                per_100k = float(rate)
            except ValueError:
                raise ImportFailed(
                    path, f"not a number: {rate!r}", where=where, field="per100k"
                ) from None
            if per_100k < 0 or per_100k != per_100k:
                raise ImportFailed(path, f"not a rate ≥ 0: {rate!r}", where=where, field="per100k")
            flag = preliminary.lower()
            if flag not in ("", "0", "1", "true", "false"):
                raise ImportFailed(
                    path,
                    f"not empty/0/1/true/false: {preliminary!r}",
                    where=where,
                    field="preliminary",
                )
            rows[(municipalities[code], int(period), key)] = {
                "count": int(count),
                "per_100k": per_100k,
                "preliminary": flag in ("1", "true"),
                "source": source,
            }
    result = ImportResult(kind="bra", path=str(path))
    existing = {
        (row.municipality_id, row.year, row.category): row
        for row in ReportedCrime.objects.filter(municipality_id__in={key[0] for key in rows})
    }
    new, changed = [], []
    for (municipality_id, year, category), values in rows.items():
        row = existing.get((municipality_id, year, category))
        if row is None:
            new.append(
                ReportedCrime(
                    municipality_id=municipality_id, year=year, category=category, **values
                )
            )
        elif any(getattr(row, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            changed.append(row)
        else:
            result.unchanged += 1
    with transaction.atomic():
        for chunk in batched(new):
            ReportedCrime.objects.bulk_create(chunk)
        for chunk in batched(changed):
            ReportedCrime.objects.bulk_update(chunk, FIELDS)
        result.new, result.changed = len(new), len(changed)
        record_run(result, started_at=started, user=user)
    return result
