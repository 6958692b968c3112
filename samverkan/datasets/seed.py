"""Load a tenant described as data (data/tenants/<slug>/*.toml) and the shared roles.

Every loader function compares with what is stored and writes only differences, so a
second run writes nothing. Rows are found by natural keys: Role.code, Tenant.slug,
Organisation (tenant, name), AdministrativeCoverage (organisation, district, valid_from),
Agreement (tenant, title), PriorityArea (agreement, code). Nothing is deleted: removing
an entry from a file leaves the row in place (delete it in the admin).
"""

import tomllib
from pathlib import Path

from django.db import transaction

from samverkan.agreements.models import (
    Agreement,
    AgreementParty,
    PriorityArea,
    PriorityAreaMapping,
)
from samverkan.datasets.base import ImportFailed, ImportResult
from samverkan.geography.models import District, Municipality
from samverkan.organisations.models import AdministrativeCoverage, Organisation, Role, Tenant


def read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ImportFailed(path, "no such file") from None
    except tomllib.TOMLDecodeError as error:
        raise ImportFailed(path, f"not valid TOML ({error})") from None


def sync(model, result: ImportResult, lookup: dict, values: dict):
    """Get or create the row matching ``lookup`` and make ``values`` true; count the outcome."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model.objects.create(**lookup, **values)
        result.new += 1
        return obj
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save(update_fields=changed + (["updated_at"] if hasattr(obj, "updated_at") else []))
        result.changed += 1
    else:
        result.unchanged += 1
    return obj


def sync_m2m(manager, wanted, result: ImportResult) -> None:
    wanted = set(wanted)
    if set(manager.all()) != wanted:
        manager.set(wanted)
        result.changed += 1


def load_roles(path: Path) -> ImportResult:
    result = ImportResult(kind="roles", path=str(path))
    data = read_toml(path)
    with transaction.atomic():
        for entry in data.get("role", []):
            sync(
                Role,
                result,
                {"code": entry["code"]},
                {
                    "name": entry["name"],
                    "description": entry.get("description", ""),
                    "capabilities": list(entry.get("capabilities", [])),
                    "requires_two_factor": bool(entry.get("requires_two_factor", True)),
                },
            )
    return result


def _districts(codes, path, where) -> list[District]:
    found = {d.code: d for d in District.objects.filter(code__in=codes)}
    missing = [code for code in codes if code not in found]
    if missing:
        raise ImportFailed(
            path, f"unknown district codes {missing}", where=where, field="districts"
        )
    return [found[code] for code in codes]


def load_tenant(directory: Path) -> ImportResult:
    """Tenant, organisations and their district coverages from ``tenant.toml``."""
    path = directory / "tenant.toml"
    data = read_toml(path)
    result = ImportResult(kind="tenant", path=str(path))
    spec = data["tenant"]
    with transaction.atomic():
        tenant = sync(
            Tenant,
            result,
            {"slug": spec["slug"]},
            {"name": spec["name"], "options": dict(spec.get("options", {}))},
        )
        county = spec.get("municipalities_in_county")
        if county:
            sync_m2m(tenant.municipalities, Municipality.objects.filter(county_code=county), result)
        organisations: dict[str, Organisation] = {}
        for number, entry in enumerate(data.get("organisation", []), start=1):
            where = f"organisation {number} ({entry.get('name')})"
            parent = organisations.get(entry["parent"]) if entry.get("parent") else None
            if entry.get("parent") and parent is None:
                raise ImportFailed(
                    path, f"unknown parent {entry['parent']!r}", where=where, field="parent"
                )
            municipality = None
            if entry.get("municipality"):
                municipality = Municipality.objects.filter(code=entry["municipality"]).first()
                if municipality is None:
                    raise ImportFailed(
                        path, "unknown municipality", where=where, field="municipality"
                    )
            organisation = sync(
                Organisation,
                result,
                {"tenant": tenant, "name": entry["name"]},
                {
                    "kind": entry["kind"],
                    "code": entry.get("code", ""),
                    "parent": parent,
                    "municipality": municipality,
                    "valid_from": entry.get("valid_from"),
                    "valid_to": entry.get("valid_to"),
                },
            )
            organisations[entry["name"]] = organisation
            for district in _districts(entry.get("districts", []), path, where):
                sync(
                    AdministrativeCoverage,
                    result,
                    {
                        "organisation": organisation,
                        "district": district,
                        "valid_from": entry.get("valid_from"),
                    },
                    {"valid_to": entry.get("valid_to"), "source": entry.get("source", "")[:300]},
                )
    return result


def load_agreements(directory: Path, tenant_slug: str) -> ImportResult:
    """Agreements, parties, priority areas, frame links and mappings from ``agreements.toml``."""
    path = directory / "agreements.toml"
    data = read_toml(path)
    result = ImportResult(kind="agreements", path=str(path))
    with transaction.atomic():
        tenant = Tenant.objects.get(slug=tenant_slug)
        by_name = {o.name: o for o in Organisation.objects.filter(tenant=tenant)}
        agreements: dict[str, Agreement] = {}
        areas: dict[tuple[str, str], PriorityArea] = {}
        for number, entry in enumerate(data.get("agreement", []), start=1):
            where = f"agreement {number} ({entry.get('key')})"
            summary = entry.get("summary", "")
            notes = [f"Källa / source: {entry['source']}"] if entry.get("source") else []
            if entry.get("dates_note"):
                notes.append(f"Datum / dates: {entry['dates_note']}")
            agreement = sync(
                Agreement,
                result,
                {"tenant": tenant, "title": entry["title"]},
                {
                    "level": entry["level"],
                    "status": entry["status"],
                    "version": entry.get("version", 1),
                    "parent": agreements[entry["parent"]] if entry.get("parent") else None,
                    "supersedes": agreements[entry["supersedes"]]
                    if entry.get("supersedes")
                    else None,
                    "case_number": entry.get("case_number", ""),
                    "valid_from": entry["valid_from"],
                    "valid_to": entry.get("valid_to"),
                    "summary": "\n\n".join([summary, "\n".join(notes)]).strip(),
                },
            )
            agreements[entry["key"]] = agreement
            for organisation_name, role in entry.get("parties", []):
                organisation = by_name.get(organisation_name)
                if organisation is None:
                    raise ImportFailed(
                        path,
                        f"unknown organisation {organisation_name!r}",
                        where=where,
                        field="parties",
                    )
                sync(
                    AgreementParty,
                    result,
                    {"agreement": agreement, "organisation": organisation},
                    {"role": role},
                )
            district_codes = entry.get("districts", [])
            if district_codes == "all":
                municipality = Municipality.objects.filter(code="0180").first()
                wanted = list(District.objects.filter(municipality=municipality))
            else:
                wanted = _districts(district_codes, path, where)
            sync_m2m(agreement.districts, wanted, result)
            for order, area_entry in enumerate(entry.get("area", [])):
                area = sync(
                    PriorityArea,
                    result,
                    {"agreement": agreement, "code": area_entry["code"]},
                    {
                        "name": area_entry["name"],
                        "description": area_entry.get("description", ""),
                        "order": order,
                    },
                )
                areas[(entry["key"], area_entry["code"])] = area
                if "frame" in area_entry:
                    frame_key = entry["parent"]
                    try:
                        frame = [areas[(frame_key, code)] for code in area_entry["frame"]]
                    except KeyError as error:
                        raise ImportFailed(
                            path, f"unknown frame area {error}", where=where, field="frame"
                        ) from None
                    sync_m2m(area.frame_areas, frame, result)
        for number, entry in enumerate(data.get("mapping", []), start=1):
            try:
                from_area, to_area = areas[tuple(entry["from"])], areas[tuple(entry["to"])]
            except KeyError as error:
                raise ImportFailed(
                    path, f"unknown area {error}", where=f"mapping {number}"
                ) from None
            sync(
                PriorityAreaMapping,
                result,
                {"from_area": from_area, "to_area": to_area},
                {"reason": entry["reason"], "source": entry.get("source", "")[:300]},
            )
    return result
