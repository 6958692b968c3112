"""The free-text scrubber: identifiers in many real-looking formats go, dates and case
numbers stay. Each row is (text, expected cleaned text, expected kinds removed)."""

import pytest

from samverkan.common.scrubbing import MARKERS, IdentifierKind, scrub

PNR = MARKERS[IdentifierKind.PERSONAL_IDENTITY_NUMBER]
TEL = MARKERS[IdentifierKind.PHONE_NUMBER]
MAIL = MARKERS[IdentifierKind.EMAIL]
REG = MARKERS[IdentifierKind.VEHICLE_REGISTRATION]
P, T, E, R = (
    IdentifierKind.PERSONAL_IDENTITY_NUMBER,
    IdentifierKind.PHONE_NUMBER,
    IdentifierKind.EMAIL,
    IdentifierKind.VEHICLE_REGISTRATION,
)

REMOVED = [
    # personal identity numbers: 10 and 12 digits, '-', '+', none; co-ordination numbers
    ("Pojken 811218-9876 sprang", f"Pojken {PNR} sprang", [P]),
    ("Pojken 8112189876 sprang", f"Pojken {PNR} sprang", [P]),
    ("pnr 19811218-9876.", f"pnr {PNR}.", [P]),
    ("pnr 198112189876", f"pnr {PNR}", [P]),
    ("född 121212+1212 (över 100 år)", f"född {PNR} (över 100 år)", [P]),
    ("samordningsnummer 701063-2391", f"samordningsnummer {PNR}", [P]),
    ("samordningsnr 197010632391", f"samordningsnr {PNR}", [P]),
    ("(060115-1236)", f"({PNR})", [P]),
    ("pnr:20060115-1236", f"pnr:{PNR}", [P]),
    ("skottår 040229-1231", f"skottår {PNR}", [P]),
    # a mistyped check digit is still an identity number
    ("fel kontrollsiffra 850709-4385", f"fel kontrollsiffra {PNR}", [P]),
    ("Luhn-giltigt 0601151236", f"Luhn-giltigt {PNR}", [P]),
    # phone numbers: mobile, landline, +46, 0046, (0), groupings
    ("ring 070-123 45 67", f"ring {TEL}", [T]),
    ("ring 0701234567", f"ring {TEL}", [T]),
    ("ring 070 123 45 67 i kväll", f"ring {TEL} i kväll", [T]),
    ("ring 070-1234567", f"ring {TEL}", [T]),
    ("mobil 073-987 65 43", f"mobil {TEL}", [T]),
    ("tel 08-123 456 78", f"tel {TEL}", [T]),
    ("tel 08-12 34 56", f"tel {TEL}", [T]),
    ("tel 08 508 000 00", f"tel {TEL}", [T]),
    ("tel 031-12 34 56", f"tel {TEL}", [T]),
    ("tel 0480-12 345", f"tel {TEL}", [T]),
    ("tel +46 70 123 45 67", f"tel {TEL}", [T]),
    ("tel +46701234567", f"tel {TEL}", [T]),
    ("tel +46 (0)8 123 456 78", f"tel {TEL}", [T]),
    ("tel 0046 70-123 45 67", f"tel {TEL}", [T]),
    ("tel +46-8-12345678", f"tel {TEL}", [T]),
    ("tel 020-123 456", f"tel {TEL}", [T]),
    # e-mail
    ("maila anna.andersson@example.se nu", f"maila {MAIL} nu", [E]),
    ("kontakt: kalle_89+est@bostad.stockholm.se.", f"kontakt: {MAIL}.", [E]),
    ("<someone@sub.domain.org>", f"<{MAIL}>", [E]),
    # vehicle registration numbers
    ("mopeden ABC 123 stod", f"mopeden {REG} stod", [R]),
    ("mopeden ABC123 stod", f"mopeden {REG} stod", [R]),
    ("A-traktor XYZ 12A kör", f"A-traktor {REG} kör", [R]),
    ("A-traktor XYZ12A kör", f"A-traktor {REG} kör", [R]),
    ("bil med regnr abc123.", f"bil med regnr {REG}.", [R]),
    ("bilen (MLB 90H)", f"bilen ({REG})", [R]),
    # several at once, in order
    (
        "811218-9876 ringde 070-123 45 67 från ABC 123, mejl a@b.se",
        f"{PNR} ringde {TEL} från {REG}, mejl {MAIL}",
        [P, T, R, E],
    ),
]

KEPT = [
    "Möte 2025-11-30 kl. 22:15 vid Rinkebytorget",
    "Datum 20251130, vecka 48",
    "Händelsen 30/11 och 1/12",
    "Datum 30.11.2025 och 01-12-2025",
    "klockan 08.30 till 17.00",
    "kl 22-23 varje kväll",
    "Diarienummer KS 2023/740",
    "Dnr 1.2-456/2024 och SDN 2024/123",
    "Polisanmälan K123456-25 upprättad",
    "Ärendenummer 5000-K1234567-24",
    "Anmälan 0180-K12345-25",
    "Stockholms stad, organisationsnummer 212000-0142",
    "Postnummer 163 73 Spånga, SE-163 73",
    "Skadan uppskattas till 12 000 kr, 1 500 kronor per fönster",
    "Buss 179 och 4, tunnelbana linje 10, väg E4",
    "Åren 2019–2024, 2019-2024",
    "Belysningsstolpe nr 12345 och 4567",
    "Sammanträde 2025-11-30 2215",
    "Stadsdelsområde 80125, kommunkod 0180",
    "Hemsida www.stockholm.se/trygghet",
    "Kvarter 3, trappuppgång 12B, port 4",
    "Ca 15-20 ungdomar samlades 21.30-23.45",
    "Koordinaterna 59.3893, 17.9275",
    "Tid 2025-11-30T22:15:00+01:00",
    "Ärende 2025/1234-5",
    "Brand i container, 3 st, ca 23:00",
    "",
]


@pytest.mark.parametrize(("text", "expected", "kinds"), REMOVED)
def test_identifiers_are_removed_and_reported(text: str, expected: str, kinds: list[str]) -> None:
    result = scrub(text)
    assert result.text == expected
    assert [r.kind for r in result.removed] == kinds
    assert result.changed


@pytest.mark.parametrize("text", KEPT)
def test_dates_times_and_case_numbers_are_kept(text: str) -> None:
    result = scrub(text)
    assert result.text == text
    assert result.removed == ()


def test_removals_point_into_the_original_text_without_keeping_the_value() -> None:
    text = "ring 070-123 45 67 eller 08-12 34 56"
    result = scrub(text)
    assert [text[r.start : r.end] for r in result.removed] == ["070-123 45 67", "08-12 34 56"]
    assert result.counts() == {IdentifierKind.PHONE_NUMBER: 2}
    assert "070" not in repr(result.removed)


def test_scrubbing_is_idempotent() -> None:
    once = scrub(REMOVED[-1][0]).text
    assert scrub(once).text == once
