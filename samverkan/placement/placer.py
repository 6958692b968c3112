"""Place a police event in a municipality, district and neighbourhood from its text.

Pure Python: ``place(event, page_text, gazetteer)`` reads the event dict in the API's
shape (``name``, ``summary``, ``url``, ``location.name``) and optionally the event
page's text, and returns a ``Placement``. It never guesses: when the text names places
in several districts, or only a name shared by several places, the district stays
empty and ``reason`` says why. Rules (see README.md):

1. Municipality from ``location.name``; for county rows ("Stockholms län") from the
   last part of ``name``, then the URL slug, then an unambiguous municipality or
   locality name in the text.
2. District and neighbourhood only for municipalities with districts in the tenant
   gazetteer, and only from names inside that municipality.
3. Fields are read in order name → summary → preamble → body; the first field that
   names any place decides (later fields are not consulted).
4. In that field: places in another municipality too → unplaced; several districts →
   unplaced; one district → placed (neighbourhood when exactly one is named).
5. Names after "från"/"mot" (origin, direction) or naming where someone was taken
   ("fördes till …", "sjukhuset i …") do not count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from samverkan.placement.gazetteer import Gazetteer, Name, normalise_space

FIELDS = ("name", "summary", "preamble", "body")
FIELD_WEIGHT = {"name": 1.0, "summary": 1.0, "preamble": 1.0, "body": 0.9}
RULE_CONFIDENCE = {
    "example": 0.0,
    "preposition": 0.95,
    "place": 0.95,
    "genitive": 0.85,
    "compound": 0.85,
    "mention": 0.8,
}

_LOCATIVE = re.compile(
    r"(?:^|[\s(])(?:i|på|vid|utanför|nära|invid|intill|till|runt|kring|genom|över|"
    r"inne i|ute i|i närheten av|i höjd med|i anslutning till)\s+$",
    re.IGNORECASE,
)
# "från Rinkeby" (origin), "mot Tensta" (direction): not where the event happened.
_ORIGIN = re.compile(r"(?:^|\s)(?:från|mot)\s+$", re.IGNORECASE)
# "fördes till sjukhus i Solna", "kördes till polisstationen i Flemingsberg",
# "fördes till Södermalm": where someone was taken afterwards.
_TAKEN_TO = re.compile(
    r"(?:(?:sjukhus|sjukhuset|akuten|närakuten|polisstation|polisstationen|polishuset|"
    r"arresten|häktet|tingsrätt|tingsrätten|stationen)\s+(?:i|på|vid)\s+$)|"
    r"(?:(?:förs|fördes|körs|kördes|transporteras|transporterades|avlägsna[sd]e?|"
    r"avlägsnades|flyttades)\s+(?:\S+\s+){0,3}(?:till|mot)\s+$)",
    re.IGNORECASE,
)
# "söder om Slussen": the name is a reference point, not the place.
_RELATIVE = re.compile(
    r"(?:(?:söder|norr|väster|öster|nordost|sydost|nordväst|sydväst|utanför|strax)\s+om\s+$)|"
    r"(?:(?:krans|grann)kommun(?:er)?\s+(?:till|om)\s+$)|"
    # "mellan Liljeholmen och Globen": the ends of a stretch, not the place.
    r"(?:mellan\s+$)|(?:mellan\s+(?:\S+\s+){0,3}och\s+$)",
    re.IGNORECASE,
)
# "framför allt i Enskede", "bland annat i Rinkeby": one example of several places.
_EXAMPLE = re.compile(
    r"(?:framför allt|framförallt|bland annat|bl\.\s?a\.|till exempel|t\.\s?ex\.|exempelvis|"
    r"främst|bland andra|däribland)\s+(?:\S+\s+)?$",
    re.IGNORECASE,
)
# A capitalised street-like word: "Styckjunkargatan", "Hjulstavägen", "Sveaplan".
_STREET = re.compile(
    r"(?<![\wåäöÅÄÖ])[A-ZÅÄÖ][a-zåäöéü]+(?:gatan|vägen|gränd|backen|stigen|allén|leden|"
    r"torget|plan|bron|kajen|stråket|platsen|tunneln)(?![\wåäö])"
)
# Common nouns with the same endings: "Brottsplatsen" at the start of a sentence.
_NOT_STREETS = {
    "brottsplatsen",
    "brottplatsen",
    "olycksplatsen",
    "arbetsplatsen",
    "parkeringsplatsen",
    "idrottsplatsen",
    "hållplatsen",
    "busshållplatsen",
    "brandplatsen",
    "fyndplatsen",
    "mötesplatsen",
    "motorvägen",
    "järnvägen",
    "cykelvägen",
    "gångvägen",
    "påfartsvägen",
    "avfartsvägen",
    "landsvägen",
    "infartsvägen",
    "utfartsvägen",
    "gångbron",
    "tågbron",
}
_SENTENCE_END = re.compile(r"[.!?]\s")
_NAME_DATE = re.compile(r"^\s*\d{1,2}\s+\w+\s+\d{1,2}[.:]?\d{2},\s*")


@dataclass(frozen=True)
class Placement:
    """Where the text puts an event. Names are display names; codes are SCB
    municipality codes, district codes ("80125") and neighbourhood codes ("RINKEBY").
    Empty strings mean "not placed at that level". ``confidence`` is 0–1 for the
    finest level placed (higher is better); 0.0 when nothing below the municipality
    was placed. ``reason`` explains an empty district (or municipality)."""

    municipality: str = ""
    district: str = ""
    neighbourhood: str = ""
    phrase: str = ""
    method: str = ""
    confidence: float = 0.0
    reason: str = ""
    municipality_code: str = ""
    district_code: str = ""
    neighbourhood_code: str = ""
    municipality_method: str = ""


@dataclass(frozen=True)
class Match:
    name: Name
    phrase: str
    rule: str
    start: int


def event_fields(event: dict[str, Any], page: dict[str, Any] | None) -> list[tuple[str, str]]:
    """The texts to read, in precedence order, as (field, text) pairs."""
    page = page or {}
    name = _NAME_DATE.sub("", event.get("name") or "")
    # The last comma part of the name is the location (municipality or county).
    name = ", ".join(name.split(", ")[:-1])
    texts = [
        ("name", name),
        ("summary", event.get("summary") or ""),
        ("preamble", page.get("html_preamble") or page.get("preamble") or ""),
        ("body", page.get("html_body") or page.get("body") or ""),
    ]
    return [(f, normalise_space(t)) for f, t in texts if t]


def page_from_text(page_text: str | None, title: str = "") -> dict[str, str] | None:
    """Treat stored page text as a page: paragraphs separated by blank lines, the first
    one (after a leading copy of the event's title, if any) the preamble, the rest the
    body."""
    if not page_text:
        return None
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", page_text) if p.strip()]
    if paragraphs and title and normalise_space(paragraphs[0]) == normalise_space(title):
        paragraphs = paragraphs[1:]
    if not paragraphs:
        return None
    return {"preamble": paragraphs[0], "body": "\n".join(paragraphs[1:])}


def _context_rule(text: str, start: int, suffix: str) -> str | None:
    """Classify the words before a match; None means the mention does not count."""
    before = text[max(0, start - 60) : start]
    cut = list(_SENTENCE_END.finditer(before))
    if cut:
        before = before[cut[-1].end() :]
    if _TAKEN_TO.search(before) or _ORIGIN.search(before) or _RELATIVE.search(before):
        return None
    if _EXAMPLE.search(before):
        return "example"
    if _LOCATIVE.search(before):
        return "preposition"
    if suffix and suffix.lower() == "s":
        return "genitive"
    if suffix:
        return "compound"
    return "mention"


def find_names(text: str, pattern: re.Pattern[str], names: dict[str, Name]) -> list[Match]:
    """Every counted name in ``text``, with the rule that admitted it."""
    found = []
    for m in pattern.finditer(text):
        raw = m.group("name")
        entry = names.get(normalise_space(raw).lower())
        if entry is None:
            continue
        if entry.proper_case and not raw[:1].isupper():
            continue
        rule = _context_rule(text, m.start(), m.group("suffix") or "")
        if rule is None:
            continue
        if entry.needs_locative and rule not in ("preposition", "example"):
            continue
        if rule in ("mention", "genitive") and any(t.kind == "place" for t in entry.targets):
            rule = "place" if rule == "mention" else rule
        found.append(Match(entry, m.group(0), rule, m.start()))
    return found


def _municipality_from_text(
    fields: list[tuple[str, str]], gazetteer: Gazetteer, county_code: str
) -> tuple[str, str, str] | tuple[None, str, str]:
    """(code, method, phrase) for a county row, or (None, reason, "")."""
    tenant = gazetteer.tenants.get(county_code)
    for field_name, text in fields:
        found: list[Match] = []
        if tenant is not None:
            found += [
                m
                for m in find_names(text, tenant.pattern, tenant.names)
                # "Stockholm" alone is also the police region's and county's name.
                if not (
                    m.name.canonical == "Stockholm" and m.name.targets[0].kind == "municipality"
                )
            ]
        pattern = gazetteer.county_patterns.get(county_code)
        if pattern is not None:
            found += [
                m
                for m in find_names(text, pattern, gazetteer.county_names[county_code])
                if m.name.canonical != "Stockholm"
            ]
        found = [
            m
            for m in found
            if not m.name.ambiguous_reason
            and m.rule != "example"
            and not _names_an_organisation(text, m)
        ]
        codes = {t.municipality_code for m in found for t in m.name.targets}
        if len(codes) == 1:
            first = found[0]
            return codes.pop(), f"{field_name}:{first.rule}", first.phrase
        if len(codes) > 1:
            names = ", ".join(sorted(gazetteer.municipalities[c].name for c in codes))
            return None, f"text names places in several municipalities ({names})", ""
    return None, "county-level event; the text names no municipality", ""


_COUNTY_AFTER = re.compile(r"^\s+län\b", re.IGNORECASE)
_POLICE_AREA_BEFORE = re.compile(
    r"(?:polisområde|polisområdet|lokalpolisområde|polisregion|polisregionen|region|lpo)\s+$",
    re.IGNORECASE,
)


def _names_an_organisation(text: str, match: Match) -> bool:
    """True for "Örebro län", "Jönköpings län", "polisområde Örebro", "region Gotland":
    a county or police area named after a town, not the municipality."""
    end = match.start + len(match.phrase)
    before = text[max(0, match.start - 30) : match.start]
    # Summaries are cut at about 100 characters: "… rör Jönköpings l" was "Jönköpings län".
    truncated = match.rule == "genitive" and text[end:].strip() in ("", "l", "lä")
    return bool(truncated or _COUNTY_AFTER.match(text[end:]) or _POLICE_AREA_BEFORE.search(before))


def _municipality(
    event: dict[str, Any], fields: list[tuple[str, str]], gazetteer: Gazetteer
) -> tuple[str | None, str, str, str]:
    """(code, method, phrase, reason) for the event's municipality."""
    location = ((event.get("location") or {}).get("name")) or ""
    code = gazetteer.municipality_for_location(location)
    if code:
        return code, "location", location, ""
    county = gazetteer.county_for_location(location)
    if county is None:
        return None, "", "", f"unknown location {location!r}"
    last = (event.get("name") or "").split(",")[-1]
    code = gazetteer.municipality_for_location(last)
    if code:
        return code, "name", last.strip(), ""
    slug = (event.get("url") or "").rstrip("/").rsplit("/", 1)[-1]
    for candidate, candidate_code in gazetteer.slugs.items():
        if (
            slug.endswith("-" + candidate)
            and gazetteer.municipalities[candidate_code].county_code == county
        ):
            return candidate_code, "url", candidate, ""
    found, method, phrase = _municipality_from_text(fields, gazetteer, county)
    if found:
        return found, method, phrase, ""
    return None, "", "", method


def place(
    event: dict[str, Any], page_text: str | dict[str, Any] | None, gazetteer: Gazetteer
) -> Placement:
    """Place one event. ``page_text`` is the event page as a dict with ``html_preamble``
    and ``html_body`` (the shape of the ``…_html_text.jsonl`` lines), or stored page text
    (preamble, blank line, body), or None."""
    if isinstance(page_text, str):
        page = page_from_text(page_text, event.get("name") or "")
    else:
        page = page_text
    fields = event_fields(event, page)
    code, municipality_method, municipality_phrase, reason = _municipality(event, fields, gazetteer)
    if code is None:
        return Placement(reason=reason)
    municipality = gazetteer.municipalities[code]
    base = {
        "municipality": municipality.name,
        "municipality_code": code,
        "municipality_method": municipality_method,
    }
    derived = municipality_method not in ("location", "name", "url")
    if code not in gazetteer.district_municipalities:
        return Placement(
            **base,
            method=municipality_method,
            phrase=municipality_phrase,
            confidence=0.0,
            reason="no districts for this municipality in the gazetteer",
        )
    tenant = gazetteer.tenants[municipality.county_code]
    analysed = []
    for field_name, text in fields:
        found = find_names(text, tenant.pattern, tenant.names)
        local = [
            m
            for m in found
            if not m.name.ambiguous_reason
            and all(t.municipality_code == code for t in m.name.targets)
            and any(t.district_code for t in m.name.targets)
        ]
        foreign = [
            m
            for m in found
            if not m.name.ambiguous_reason
            and all(t.municipality_code != code for t in m.name.targets)
        ]
        ambiguous = [m for m in found if m.name.ambiguous_reason]
        analysed.append((field_name, text, local, foreign, ambiguous))

    ambiguous_reason = ""
    streets: set[str] = set()
    first = None
    for index, (field_name, text, local, foreign, ambiguous) in enumerate(analysed):
        if streets:
            local = _near_streets(text, local, streets)
            foreign = _near_streets(text, foreign, streets)
        if foreign:
            where = ", ".join(sorted({m.name.canonical for m in foreign}))
            return Placement(
                **base,
                phrase=foreign[0].phrase,
                method=f"{field_name}:{foreign[0].rule}",
                reason=f"text also names a place outside {municipality.name} ({where})",
            )
        if local:
            first = (index, field_name, local)
            break
        if ambiguous and not ambiguous_reason:
            m = ambiguous[0]
            ambiguous_reason = f"«{m.name.canonical}» is ambiguous: {m.name.ambiguous_reason}"
        # A street the gazetteer does not know names the place; later fields only count
        # where they mention the same street ("på Askersgatan i Rågsved").
        streets |= {
            s
            for s in _STREET.findall(text)
            if s.lower() not in tenant.names and s.lower() not in _NOT_STREETS
        }

    if first is None:
        if streets and not ambiguous_reason:
            unknown = ", ".join(sorted(streets))
            ambiguous_reason = (
                f"the text names only streets the gazetteer does not know ({unknown})"
            )
        return Placement(
            **base,
            method=municipality_method,
            phrase=municipality_phrase,
            reason=ambiguous_reason or "the text names no place inside the municipality",
        )
    index, field_name, local = first
    examples = [m for m in local if m.rule == "example"]
    if examples:
        return Placement(
            **base,
            phrase=examples[0].phrase,
            method=f"{field_name}:example",
            reason=f"the text gives «{examples[0].name.canonical}» as one of several places",
        )
    districts = {t.district_code for m in local for t in m.name.targets if t.district_code}
    later = []
    for _field, text, other_local, _foreign, _ambiguous in analysed[index + 1 :]:
        later += _near_streets(text, other_local, streets) if streets else other_local
    later_districts = {t.district_code for m in later for t in m.name.targets if t.district_code}
    if len(districts) > 1 or later_districts - districts:
        names = ", ".join(sorted(tenant.districts[d] for d in districts | later_districts))
        return Placement(
            **base,
            phrase="; ".join(m.phrase for m in local + later),
            method=f"{field_name}:several",
            reason=f"text names places in several districts ({names})",
        )
    district = districts.pop()
    neighbourhoods = {
        t.neighbourhood_code for m in local for t in m.name.targets if t.neighbourhood_code
    }
    refined = False
    if not neighbourhoods:
        neighbourhoods = {
            t.neighbourhood_code for m in later for t in m.name.targets if t.neighbourhood_code
        }
        refined = bool(neighbourhoods)
    neighbourhood = neighbourhoods.pop() if len(neighbourhoods) == 1 else ""
    best = min(local, key=lambda m: m.start)
    if neighbourhood and not refined:
        best = next(
            m for m in local if any(t.neighbourhood_code == neighbourhood for t in m.name.targets)
        )
    confidence = RULE_CONFIDENCE[best.rule] * FIELD_WEIGHT[field_name]
    if derived:
        confidence *= 0.95
    return Placement(
        **base,
        district=tenant.districts[district],
        district_code=district,
        neighbourhood=tenant.neighbourhoods[neighbourhood][0] if neighbourhood else "",
        neighbourhood_code=neighbourhood,
        phrase=best.phrase,
        method=f"{field_name}:{best.rule}" + ("+later-neighbourhood" if refined else ""),
        confidence=round(confidence, 2),
        reason="several neighbourhoods named" if len(neighbourhoods) > 1 else "",
    )


def _near_streets(text: str, matches: list[Match], streets: set[str]) -> list[Match]:
    """The matches whose sentence mentions one of ``streets``."""
    kept = []
    for m in matches:
        left = max(text.rfind(". ", 0, m.start), text.rfind("\n", 0, m.start))
        right_candidates = [
            i for i in (text.find(". ", m.start), text.find("\n", m.start)) if i >= 0
        ]
        right = min(right_candidates) if right_candidates else len(text)
        sentence = text[left + 1 : right]
        if any(street in sentence for street in streets):
            kept.append(m)
    return kept
