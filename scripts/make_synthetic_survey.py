#!/usr/bin/env python3
"""Generate the SYNTHETIC Stockholm safety survey (two waves, 2017 and 2020).

No respondent-level safety survey is public, so the demo and the tests use generated
respondents whose margins match published figures (data/trygghet-nyckeltal):

- share "often worried about crime in the last 12 months": city 11 % (2017) and 9 %
  (2020); Rinkeby-Kista 21 % → 11 %; Spånga-Tensta 26 % → 13 % (DN 2020-09);
- share unsafe alone late at night in one's own area: city 10 % in both waves (DN 2020-09);
- response rate 55 % in 2017 (KTH Säkra platser); 2020's is not in our sources.

Design: stratified by district (the 13 stadsdelsområden, omr_kod 80103…80129), the same
number of respondents in each district (so weights differ between districts), and within
a district older people and women over-represented among respondents (as in real mail
surveys), corrected by post-stratification weights to the age × sex distribution of
Stockholm's population aged 16–79 on 31 Dec 2019 (data/scb-befolkning). District
population aged 16–79 is assumed to be 75 % of the district's total (data/folkhalsokollen).
Everything not listed above (other districts' levels, the disorder questions, the age
and sex gradients) is an assumption chosen to look plausible, not a published figure.

Usage: python scripts/make_synthetic_survey.py  (writes data/surveys/synthetic_*.csv)
Fixed seed: the output is identical on every run.
"""

import csv
import json
from pathlib import Path

import numpy as np

SEED = 20261129
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "surveys"
RESPONDENTS_PER_DISTRICT = 380
BANDS = [(16, 24), (25, 44), (45, 64), (65, 79)]
SEXES = ["kvinna", "man"]

# Published targets (share, 0–1). None = not published; derived so the city matches.
CITY = {"worry": {2017: 0.11, 2020: 0.09}, "night": {2017: 0.10, 2020: 0.10}}
PUBLISHED_DISTRICT_WORRY = {
    "80125": {2017: 0.21, 2020: 0.11},  # Rinkeby-Kista
    "80103": {2017: 0.26, 2020: 0.13},  # Spånga-Tensta
}
# Assumed relative levels of the other districts (1 = city-like), and of unsafety at night.
RELATIVE = {
    "80104": 1.2,  # Hässelby-Vällingby
    "80106": 0.7,  # Bromma
    "80108": 0.7,  # Kungsholmen
    "80109": 0.9,  # Norrmalm
    "80110": 0.6,  # Östermalm
    "80115": 1.1,  # Skarpnäck
    "80118": 1.3,  # Farsta
    "80124": 1.6,  # Skärholmen
    "80125": 2.0,  # Rinkeby-Kista
    "80127": 0.8,  # Södermalm
    "80128": 1.1,  # Enskede-Årsta-Vantör
    "80129": 0.9,  # Hägersten-Älvsjö
    "80103": 2.2,  # Spånga-Tensta
}
# Relative risk by sex and age band (normalised to the population mean in each district).
SEX_FACTOR = {"worry": {"kvinna": 1.4, "man": 0.6}, "night": {"kvinna": 1.7, "man": 0.3}}
AGE_FACTOR = {"worry": [1.1, 1.0, 1.0, 0.9], "night": [1.2, 0.9, 0.9, 1.2]}
# Who answers: relative response propensity by band and sex (older people and women more).
RESPONSE = {"kvinna": [0.6, 0.8, 1.1, 1.4], "man": [0.4, 0.6, 0.9, 1.3]}
DISORDER_QUESTIONS = ["litter", "graffiti", "youth_groups", "drugs"]
DISORDER_BASE = {"litter": 0.35, "graffiti": 0.25, "youth_groups": 0.15, "drugs": 0.12}


def population_cells() -> dict[tuple[str, int], float]:
    """Share of Stockholm's 16–79 population in each (sex, band) cell, 31 Dec 2019."""
    counts = {(s, b): 0 for s in SEXES for b in range(len(BANDS))}
    with open(ROOT / "data/scb-befolkning/SCB_alderkon_2019.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["region"] != "Stockholm":
                continue
            age = int(row["ålder"])
            sex = "kvinna" if row["kön"] == "kvinnor" else "man"
            for b, (low, high) in enumerate(BANDS):
                if low <= age <= high:
                    counts[(sex, b)] += int(row["X2019"])
    total = sum(counts.values())
    return {k: v / total for k, v in counts.items()}


def districts() -> list[dict]:
    path = (
        ROOT / "data/folkhalsokollen-omraden/stockholms_lan_kommuner_och_stadsdelsomraden.geojson"
    )
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    return sorted(
        (
            {
                "code": str(f["properties"]["omr_kod"]),
                "name": f["properties"]["omr_namn"],
                "population": float(f["properties"]["population"]),
            }
            for f in features
            if str(f["properties"]["omr_kod"]).startswith("801")
        ),
        key=lambda d: d["code"],
    )


def district_levels(kind: str, year: int, dists: list[dict]) -> dict[str, float]:
    """Per-district share so that the population-weighted mean equals the city figure."""
    fixed = {c: v[year] for c, v in PUBLISHED_DISTRICT_WORRY.items()} if kind == "worry" else {}
    pop = {d["code"]: d["population"] for d in dists}
    total = sum(pop.values())
    free = [c for c in pop if c not in fixed]
    remaining = CITY[kind][year] * total - sum(fixed[c] * pop[c] for c in fixed)
    scale = remaining / sum(RELATIVE[c] * pop[c] for c in free)
    return {**fixed, **{c: RELATIVE[c] * scale for c in free}}


def main() -> None:
    rng = np.random.default_rng(SEED)
    cells = population_cells()
    dists = districts()
    cell_keys = list(cells)
    for year in (2017, 2020):
        levels = {k: district_levels(k, year, dists) for k in ("worry", "night")}
        rows = []
        for d in dists:
            code = d["code"]
            pop_1679 = d["population"] * 0.75
            propensity = np.array([cells[k] * RESPONSE[k[0]][k[1]] for k in cell_keys])
            drawn = rng.choice(
                len(cell_keys), size=RESPONDENTS_PER_DISTRICT, p=propensity / propensity.sum()
            )
            n_cell = np.bincount(drawn, minlength=len(cell_keys))
            for kind in ("worry", "night"):
                norm = sum(
                    cells[k] * SEX_FACTOR[kind][k[0]] * AGE_FACTOR[kind][k[1]] for k in cell_keys
                )
                levels[kind + "_norm"] = norm
            for i in drawn:
                sex, band = cell_keys[i]
                low, high = BANDS[band]
                weight = pop_1679 * cells[(sex, band)] / n_cell[i]
                p_worry = min(
                    0.95,
                    levels["worry"][code]
                    * SEX_FACTOR["worry"][sex]
                    * AGE_FACTOR["worry"][band]
                    / levels["worry_norm"],
                )
                p_night = min(
                    0.95,
                    levels["night"][code]
                    * SEX_FACTOR["night"][sex]
                    * AGE_FACTOR["night"][band]
                    / levels["night_norm"],
                )
                if rng.random() < p_worry:
                    worry = 1
                else:
                    worry = int(rng.choice([2, 3, 4], p=[0.35, 0.4, 0.25]))
                if rng.random() < p_night:
                    night = int(rng.choice([3, 4], p=[0.7, 0.3]))
                else:
                    night = int(rng.choice([1, 2, 5], p=[0.55, 0.42, 0.03]))
                answers = {"worry": worry, "night": night}
                for q in DISORDER_QUESTIONS:
                    big = min(
                        0.9, DISORDER_BASE[q] * RELATIVE[code] * (1.15 if year == 2017 else 1.0)
                    )
                    u = rng.random()
                    if u < big * 0.4:
                        answers[q] = 4
                    elif u < big:
                        answers[q] = 3
                    elif u < big + (1 - big) * 0.4:
                        answers[q] = 2
                    elif u < 0.97:
                        answers[q] = 1
                    else:
                        answers[q] = 5  # vet ej
                for q in answers:  # about 2 % item non-response
                    if rng.random() < 0.02:
                        answers[q] = ""
                rows.append(
                    {
                        "weight": f"{weight:.4f}",
                        "stratum": code,
                        "area_code": code,
                        "sex": sex,
                        "age": int(rng.integers(low, high + 1)),
                        **answers,
                    }
                )
        path = OUT / f"synthetic_stockholm_{year}.csv"
        with open(path, "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        print(f"wrote {path.relative_to(ROOT)}: {len(rows)} synthetic respondents")


if __name__ == "__main__":
    main()
