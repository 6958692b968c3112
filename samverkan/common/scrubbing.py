"""Remove personal identifiers from free text before it is stored ("places, not persons").

``scrub(text)`` returns a ScrubResult: the cleaned text, with each identifier replaced by
a bracketed marker such as ``[personnummer]``, and the list of what was removed (kind and
position in the *original* text, never the removed value itself, so the result can be
logged or stored without re-introducing the identifier).

What is removed (see docs/decisions/0070-free-text-scrubber.md for the full table):

- **personal identity numbers** (personnummer): 10 or 12 digits, with or without the
  separator ``-`` or ``+`` before the last four, whose first six/eight
  digits are a valid date; co-ordination numbers (samordningsnummer, day + 60) too;
- **phone numbers**: Swedish numbers starting with 0 (8–10 digits, in groups separated
  by spaces or hyphens) and international forms ``+46``/``0046`` (also ``+46 (0)8 …``);
- **e-mail addresses**;
- **vehicle registration numbers**: three letters and three characters, ``ABC 123``,
  ``ABC123``, ``ABC 12A``, ``ABC12A`` (the spaced form only in capitals).

What is kept: dates (``2025-11-30``, ``20251130``, ``30/11``, ``30.11.2025``), times
(``22:15``, ``kl. 08.30``), case numbers (``KS 2023/740``, ``Dnr 1.2-456/2024``), police
report numbers (``K123456-25``, ``5000-K123456-25``), organisation numbers (month ≥ 20),
postcodes, amounts, bus lines, years and week numbers.

The scrubber errs on the side of removal: a 10-digit number with a valid date but a bad
check digit is still removed, because a mistyped identity number is still personal data.
"""

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date


class IdentifierKind:
    """Codes of the kinds of identifier the scrubber removes (stable, stored in JSON)."""

    PERSONAL_IDENTITY_NUMBER = "personal_identity_number"
    PHONE_NUMBER = "phone_number"
    EMAIL = "email"
    VEHICLE_REGISTRATION = "vehicle_registration"

    ALL = (PERSONAL_IDENTITY_NUMBER, PHONE_NUMBER, EMAIL, VEHICLE_REGISTRATION)


# Markers are stored in the text itself, so they are in the stored text's language
# (Swedish), not in the reader's UI language.
MARKERS: dict[str, str] = {
    IdentifierKind.PERSONAL_IDENTITY_NUMBER: "[personnummer]",
    IdentifierKind.PHONE_NUMBER: "[telefonnummer]",
    IdentifierKind.EMAIL: "[e-post]",
    IdentifierKind.VEHICLE_REGISTRATION: "[registreringsnummer]",
}


@dataclass(frozen=True)
class Removal:
    """One identifier removed: its kind and [start, end) character offsets in the input."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class ScrubResult:
    text: str
    removed: tuple[Removal, ...]

    @property
    def changed(self) -> bool:
        return bool(self.removed)

    def counts(self) -> dict[str, int]:
        """Removed identifiers per kind, e.g. {"phone_number": 2}; kinds with none absent."""
        return dict(Counter(r.kind for r in self.removed))


_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")

# 12 digits (century) or 10 digits, optional separator before the last four.
# No space separator: "20251130 2215" (a date and a time) must stay.
_PNR = re.compile(r"(?<![\w+/.])(?P<date>(?:19|20)?\d{6})(?P<sep>[-+]?)(?P<tail>\d{4})(?![\w/-])")

# International: +46 / 0046, optional (0), then 7–9 digits in groups.
_PHONE_INTL = re.compile(r"(?<![\w+])(?:\+|00)46[ -]?(?:\(0\)[ -]?)?[1-9](?:[ -]?\d){6,8}(?![\d])")
# National: 0, a non-zero digit, then 6–8 more digits in groups of spaces/hyphens.
_PHONE_NATIONAL = re.compile(r"(?<![\w+/.,:-])0[1-9](?:[ -]?\d){6,8}(?![\w/.,:]?\d)")
# "01-12-2025" and "01 12 2025" are dates, not phone numbers.
_DATE_LIKE = re.compile(r"^\d{2}[ -]\d{2}[ -](?:19|20)\d{2}$")

# Swedish plates never use I, Q, V (nor Å, Ä, Ö).
_PLATE_LETTERS = "A-HJ-PR-UW-Z"
_PLATE_SPACED = re.compile(
    rf"(?<![\w/-])[{_PLATE_LETTERS}]{{3}} \d{{2}}[\d{_PLATE_LETTERS}](?![\w]|[/:.,-]\d)"
)
_PLATE_PLAIN = re.compile(
    rf"(?<![\w/-])[{_PLATE_LETTERS}]{{3}}\d{{2}}[\d{_PLATE_LETTERS}](?![\w]|[/:.,-]\d)",
    re.IGNORECASE,
)


def _valid_birth_date(digits: str) -> bool:
    """True when YYMMDD or YYYYMMDD is a real date; day 61–91 is a co-ordination number."""
    if len(digits) == 8:
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    else:
        year, month, day = 2000 + int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    if day > 60:
        day -= 60
    try:
        date(year, month, day)
    except ValueError:
        # 29 February in a year we guessed wrong (YY without century): accept 29/2.
        return month == 2 and day == 29
    return True


def _luhn_ok(ten_digits: str) -> bool:
    total = 0
    for i, ch in enumerate(ten_digits):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def _find_pnr(text: str) -> list[Removal]:
    found = []
    for m in _PNR.finditer(text):
        birth, sep, tail = m.group("date"), m.group("sep"), m.group("tail")
        if not _valid_birth_date(birth):
            continue
        ten = birth[-6:] + tail
        # A bare 10-digit number starting with 0 is more often a phone number: call it an
        # identity number only when its check digit says so (either way it is removed).
        if len(birth) == 6 and not sep and ten.startswith("0") and not _luhn_ok(ten):
            continue
        found.append(Removal(IdentifierKind.PERSONAL_IDENTITY_NUMBER, m.start(), m.end()))
    return found


def _find_phones(text: str) -> list[Removal]:
    found = [
        Removal(IdentifierKind.PHONE_NUMBER, m.start(), m.end()) for m in _PHONE_INTL.finditer(text)
    ]
    for m in _PHONE_NATIONAL.finditer(text):
        if _DATE_LIKE.match(m.group()):
            continue
        found.append(Removal(IdentifierKind.PHONE_NUMBER, m.start(), m.end()))
    return found


def _find_plates(text: str) -> list[Removal]:
    return [
        Removal(IdentifierKind.VEHICLE_REGISTRATION, m.start(), m.end())
        for pattern in (_PLATE_SPACED, _PLATE_PLAIN)
        for m in pattern.finditer(text)
    ]


def scrub(text: str) -> ScrubResult:
    """Replace personal identifiers in ``text`` by markers; see the module docstring.

    Overlapping matches are resolved by priority (e-mail, identity number, phone, plate)
    and then by length, so "070-123 45 67" is one phone number, not two fragments.
    Empty or None-like input gives an empty, unchanged result.
    """
    if not text:
        return ScrubResult(text or "", ())
    candidates: list[tuple[int, Removal]] = []
    for priority, finder in enumerate(
        (
            lambda t: [
                Removal(IdentifierKind.EMAIL, m.start(), m.end()) for m in _EMAIL.finditer(t)
            ],
            _find_pnr,
            _find_phones,
            _find_plates,
        )
    ):
        candidates.extend((priority, r) for r in finder(text))
    candidates.sort(key=lambda pr: (pr[0], -(pr[1].end - pr[1].start), pr[1].start))
    chosen: list[Removal] = []
    for _priority, removal in candidates:
        if any(removal.start < c.end and c.start < removal.end for c in chosen):
            continue
        chosen.append(removal)
    chosen.sort(key=lambda r: r.start)
    parts, last = [], 0
    for removal in chosen:
        parts.append(text[last : removal.start])
        parts.append(MARKERS[removal.kind])
        last = removal.end
    parts.append(text[last:])
    return ScrubResult("".join(parts), tuple(chosen))
