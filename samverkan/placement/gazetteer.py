"""The gazetteer: which names mean which municipality, district and neighbourhood.

Loaded from data files only (never from the database), so the placer runs on a fresh
database and in scripts. Two layers:

- **National**: every Swedish municipality and county, from
  ``data/sweden-kommuner/swedish_admin_areas.csv`` (SCB codes), with Polisen's API
  spellings ("Upplands väsby"). Used to read ``location.name`` and, for county rows,
  municipality names in the text.
- **Tenant** (one folder per tenant under ``data/gazetteer/``, e.g. ``stockholm/``):
  the county's municipalities, the districts and neighbourhoods of the municipalities
  that have them, well-known places, localities of the other municipalities, and
  ambiguous names. See ``data/gazetteer/README.md`` for the columns and rules.

Everything here is plain Python (no Django), so it can be imported by scripts.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent
DATA_DIR = BASE_DIR / "data"
GAZETTEER_DIR = DATA_DIR / "gazetteer"
ADMIN_AREAS_CSV = DATA_DIR / "sweden-kommuner" / "swedish_admin_areas.csv"

# Municipality names that are also ordinary Swedish words: they count only when
# capitalised and after a locative preposition ("i Mark", not "på marken").
COMMON_WORD_MUNICIPALITIES = {"Ale", "Boden", "Kil", "Lund", "Mark", "Mora", "Vara", "Bjuv"}

# Generic nouns that end place names; their definite form is also accepted
# ("Sergels torg" / "Sergels torget" is rare, but "Kista galleria" / "Kista gallerian"
# and "Älvsjö station" / "Älvsjö stationen" both occur).
DEFINITE_ENDINGS = {
    "torg": "torget",
    "park": "parken",
    "galleria": "gallerian",
    "station": "stationen",
    "kyrka": "kyrkan",
}


@dataclass(frozen=True)
class Target:
    """What a name points at. Codes are SCB municipality codes, district ``omr_kod``
    (e.g. "80125") and neighbourhood codes (upper-case stadsdel name, e.g. "RINKEBY");
    empty strings mean "not at that level"."""

    municipality_code: str
    district_code: str = ""
    neighbourhood_code: str = ""
    kind: str = "place"  # municipality | district | neighbourhood | place | locality


@dataclass
class Name:
    """One surface form and everything it may mean.

    ``targets`` with more than one district (or municipality) make the name ambiguous;
    ``ambiguous_reason`` is set for names listed in ambiguous.csv or found to be shared.
    """

    form: str
    targets: list[Target] = field(default_factory=list)
    proper_case: bool = False
    needs_locative: bool = False
    ambiguous_reason: str = ""
    canonical: str = ""


@dataclass
class Municipality:
    code: str
    name: str
    county_code: str
    county_name: str
    api_name: str = ""


@dataclass
class Tenant:
    """One tenant's gazetteer (a county with its municipalities' sub-areas)."""

    slug: str
    county_code: str
    municipality_codes: set[str]
    districts: dict[str, str]  # code -> name
    neighbourhoods: dict[str, tuple[str, str]]  # code -> (name, district code)
    names: dict[str, Name]  # lower-case form -> Name
    pattern: re.Pattern[str]


@dataclass
class Gazetteer:
    municipalities: dict[str, Municipality]  # code -> Municipality
    by_name: dict[str, str]  # lower-case name or API spelling -> code
    counties: dict[str, str]  # lower-case county name -> county code
    slugs: dict[str, str]  # url slug ("upplands-vasby") -> code
    county_patterns: dict[str, re.Pattern[str]]  # county code -> municipality-name regex
    county_names: dict[str, dict[str, Name]]  # county code -> lower form -> Name
    tenants: dict[str, Tenant]  # county code -> Tenant
    district_municipalities: set[str] = field(default_factory=set)

    def municipality_for_location(self, location_name: str) -> str | None:
        return self.by_name.get(normalise_space(location_name).lower())

    def county_for_location(self, location_name: str) -> str | None:
        return self.counties.get(normalise_space(location_name).lower())


def normalise_space(text: str) -> str:
    """NFC, en/em dashes as "-", non-breaking spaces as spaces, runs of space collapsed."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


def slugify(name: str) -> str:
    """Polisen's URL slug of a name: "Upplands Väsby" -> "upplands-vasby"."""
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", " ": "-"})
    return name.lower().translate(table)


def _form_regex(form: str) -> str:
    parts = re.split(r"(\s+|-)", form)
    out = []
    for part in parts:
        if not part:
            continue
        if part.isspace():
            out.append(r"\s+")
        elif part == "-":
            out.append(r"\s*-\s*")
        else:
            out.append(re.escape(part))
    return "".join(out)


def _variants(form: str) -> list[str]:
    """The form plus definite variants of a generic last word."""
    forms = [form]
    words = form.split(" ")
    last = words[-1].lower()
    if len(words) > 1 and last in DEFINITE_ENDINGS:
        forms.append(" ".join([*words[:-1], DEFINITE_ENDINGS[last]]))
    return forms


# A name, then optionally a genitive "s" or the compound "-området"/"sområdet",
# never inside a longer word or a hyphenated compound ("Kungsholmsgatan", "Rinkeby-Kista").
_LETTER = r"[0-9A-Za-zÅÄÖÉÜåäöéü]"


def compile_names(names: dict[str, Name]) -> re.Pattern[str]:
    alternatives = sorted(names, key=len, reverse=True)
    body = "|".join(_form_regex(n) for n in alternatives)
    return re.compile(
        rf"(?<!{_LETTER})(?<!{_LETTER}-)(?P<name>{body})(?P<suffix>sområdet|området|s)?(?!{_LETTER})(?!-{_LETTER})",
        re.IGNORECASE,
    )


def _split(value: str) -> list[str]:
    return [v.strip() for v in (value or "").split(";") if v.strip()]


def _add(
    names: dict[str, Name],
    form: str,
    target: Target | None,
    *,
    rules: list[str] | None = None,
    canonical: str = "",
    ambiguous_reason: str = "",
) -> None:
    for variant in _variants(normalise_space(form)):
        key = variant.lower()
        entry = names.setdefault(key, Name(form=variant, canonical=canonical or form))
        if target is not None and target not in entry.targets:
            entry.targets.append(target)
        if rules:
            entry.proper_case = entry.proper_case or "proper_case" in rules
            entry.needs_locative = entry.needs_locative or "needs_locative" in rules
        if ambiguous_reason:
            entry.ambiguous_reason = ambiguous_reason


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _load_tenant(folder: Path, national: dict[str, Municipality]) -> Tenant:
    names: dict[str, Name] = {}
    municipality_rows = _read(folder / "municipalities.csv")
    codes = {r["code"] for r in municipality_rows}
    county_code = national[next(iter(codes))].county_code
    for row in municipality_rows:
        target = Target(row["code"], kind="municipality")
        for form in [row["name"], *_split(row["variants"])]:
            _add(names, form, target, canonical=row["name"])
    districts: dict[str, str] = {}
    district_municipality: dict[str, str] = {}
    for row in _read(folder / "districts.csv"):
        districts[row["code"]] = row["name"]
        district_municipality[row["code"]] = row["municipality_code"]
        target = Target(row["municipality_code"], row["code"], kind="district")
        for form in [row["name"], *_split(row["variants"])]:
            _add(names, form, target, canonical=row["name"])
    neighbourhoods: dict[str, tuple[str, str]] = {}
    district_names = {n.lower() for n in districts.values()}
    for row in _read(folder / "neighbourhoods.csv"):
        neighbourhoods[row["code"]] = (row["name"], row["district_code"])
        municipality = district_municipality[row["district_code"]]
        rules = _split(row["rules"])
        if row["name"].lower() in district_names:
            # "Södermalm", "Farsta": in everyday use the district, not the narrower stadsdel.
            target = Target(municipality, row["district_code"], "", kind="district")
        else:
            target = Target(municipality, row["district_code"], row["code"], kind="neighbourhood")
        for form in [row["name"], *_split(row["variants"])]:
            _add(names, form, target, rules=rules, canonical=row["name"])
        # "X centrum" / "Xs centrum" always means the neighbourhood's own centre.
        centre = Target(municipality, row["district_code"], row["code"], kind="place")
        for form in [row["name"], *_split(row["variants"])]:
            for suffix in (" centrum", "s centrum"):
                if not form.lower().endswith("s") or suffix == " centrum":
                    _add(names, form + suffix, centre, canonical=row["name"] + " centrum")
    for row in _read(folder / "places.csv"):
        target = Target(
            row["municipality_code"],
            row["district_code"],
            row["neighbourhood_code"],
            kind="place",
        )
        for form in [row["name"], *_split(row["variants"])]:
            _add(names, form, target, rules=_split(row["rules"]), canonical=row["name"])
    for row in _read(folder / "localities.csv"):
        target = Target(row["municipality_code"], kind="locality")
        for form in [row["name"], *_split(row["variants"])]:
            _add(names, form, target, rules=_split(row["rules"]), canonical=row["name"])
    for row in _read(folder / "ambiguous.csv"):
        for form in [row["name"], *_split(row["variants"])]:
            _add(names, form, None, canonical=row["name"], ambiguous_reason=row["reason"])
            entry = names[normalise_space(form).lower()]
            for code in _split(row["municipality_codes"]):
                for district in _split(row["district_codes"]) or [""]:
                    own = district_municipality.get(district) == code
                    t = Target(code, district if own else "", kind="ambiguous")
                    if t not in entry.targets:
                        entry.targets.append(t)
    # A name shared by targets in different districts or municipalities is ambiguous.
    for entry in names.values():
        if entry.ambiguous_reason:
            continue
        municipalities = {t.municipality_code for t in entry.targets}
        district_set = {t.district_code for t in entry.targets if t.district_code}
        if len(municipalities) > 1 or len(district_set) > 1:
            entry.ambiguous_reason = "name shared by several places"
    tenant = Tenant(
        slug=folder.name,
        county_code=county_code,
        municipality_codes=codes,
        districts=districts,
        neighbourhoods=neighbourhoods,
        names=names,
        pattern=compile_names(names),
    )
    return tenant


def load_gazetteer(directory: Path | None = None) -> Gazetteer:
    """Read the national list and every tenant folder under ``directory``.

    Raises FileNotFoundError when a data file is missing and KeyError when a tenant
    file names a municipality code that is not in the national list.
    """
    directory = directory or GAZETTEER_DIR
    municipalities: dict[str, Municipality] = {}
    counties: dict[str, str] = {}
    for row in _read(ADMIN_AREAS_CSV):
        municipalities[row["municipality_code"]] = Municipality(
            row["municipality_code"],
            row["municipality_name"],
            row["county_code"],
            row["county_name"],
        )
        counties[row["county_name"].lower()] = row["county_code"]
    by_name = {m.name.lower(): code for code, m in municipalities.items()}
    tenants: dict[str, Tenant] = {}
    for folder in sorted(p for p in directory.iterdir() if p.is_dir()):
        for row in _read(folder / "municipalities.csv"):
            if row["police_api_name"]:
                municipalities[row["code"]].api_name = row["police_api_name"]
                by_name[row["police_api_name"].lower()] = row["code"]
        tenant = _load_tenant(folder, municipalities)
        tenants[tenant.county_code] = tenant
    county_names: dict[str, dict[str, Name]] = {}
    for code, m in municipalities.items():
        names = county_names.setdefault(m.county_code, {})
        rules = ["proper_case"]
        if m.name in COMMON_WORD_MUNICIPALITIES:
            rules.append("needs_locative")
        _add(names, m.name, Target(code, kind="municipality"), rules=rules, canonical=m.name)
    county_patterns = {c: compile_names(n) for c, n in county_names.items()}
    slugs = {slugify(m.name): code for code, m in municipalities.items()}
    for code, m in municipalities.items():
        if m.api_name:
            slugs[slugify(m.api_name)] = code
    district_municipalities = {
        t.municipality_code
        for tenant in tenants.values()
        for n in tenant.names.values()
        for t in n.targets
        if t.district_code and t.kind in ("district", "neighbourhood", "place")
    }
    return Gazetteer(
        municipalities=municipalities,
        by_name=by_name,
        counties=counties,
        slugs=slugs,
        county_patterns=county_patterns,
        county_names=county_names,
        tenants=tenants,
        district_municipalities=district_municipalities,
    )


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer from the repository's data folder, loaded once per process."""
    return load_gazetteer()
