#!/usr/bin/env python3
"""Precision and recall of the placer on the labelled sample.

Usage: python scripts/placement_eval.py [--errors] [--part all|tuning|held-out]

Reads samverkan/placement/tests/fixtures/labelled_sample.csv (labels decided by reading
the text; see the README beside it), the events and page texts from
data/polisen-events/, runs the placer and prints, per level (municipality, district,
neighbourhood) and per part of the sample (tuning, held-out, all):

    precision = correct placements / placements made      (higher is better)
    recall    = correct placements / events with a label  (higher is better)

A placement made on an event whose label is empty at that level counts as wrong.
The held-out part is every row whose event id is divisible by 3; rules were tuned
only on the other rows.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from samverkan.placement.gazetteer import load_gazetteer  # noqa: E402
from samverkan.placement.placer import place  # noqa: E402

SAMPLE = ROOT / "samverkan/placement/tests/fixtures/labelled_sample.csv"
EVENTS = ROOT / "data/polisen-events/events_stockholms_lan_2022-09_2025-11.json"
PAGES = ROOT / "data/polisen-events/events_stockholms_lan_2022-09_2025-11_html_text.jsonl"
LEVELS = ("municipality", "district", "neighbourhood")


def is_held_out(event_id: int) -> bool:
    return event_id % 3 == 0


def evaluate(part: str = "all") -> tuple[dict[str, dict[str, float]], list[dict]]:
    """Return ({level: {precision, recall, placed, labelled, correct}}, rows)."""
    with SAMPLE.open(encoding="utf-8", newline="") as f:
        labels = list(csv.DictReader(f))
    events = {e["id"]: e for e in json.loads(EVENTS.read_text(encoding="utf-8"))}
    wanted = {int(r["id"]) for r in labels}
    pages = {}
    with PAGES.open(encoding="utf-8") as f:
        for line in f:
            page = json.loads(line)
            if page["id"] in wanted:
                pages[page["id"]] = page
    gazetteer = load_gazetteer()
    counts = {level: {"placed": 0, "labelled": 0, "correct": 0} for level in LEVELS}
    rows = []
    for label in labels:
        event_id = int(label["id"])
        if part == "tuning" and is_held_out(event_id):
            continue
        if part == "held-out" and not is_held_out(event_id):
            continue
        placement = place(events[event_id], pages.get(event_id), gazetteer)
        row = {"id": event_id, "label": label, "placement": placement, "wrong": []}
        for level in LEVELS:
            got, want = getattr(placement, level), label[level]
            counts[level]["placed"] += bool(got)
            counts[level]["labelled"] += bool(want)
            if got and got == want:
                counts[level]["correct"] += 1
            elif got or want:
                row["wrong"].append(level)
        rows.append(row)
    result = {}
    for level, c in counts.items():
        result[level] = {
            **c,
            "precision": c["correct"] / c["placed"] if c["placed"] else 1.0,
            "recall": c["correct"] / c["labelled"] if c["labelled"] else 1.0,
        }
    return result, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list disagreements")
    parser.add_argument("--part", choices=["all", "tuning", "held-out"], default=None)
    args = parser.parse_args()
    for part in [args.part] if args.part else ["tuning", "held-out", "all"]:
        result, rows = evaluate(part)
        print(f"{part} ({len(rows)} events)")
        for level, r in result.items():
            print(
                f"  {level:14s} precision {r['precision']:.3f} ({r['correct']}/{r['placed']})"
                f"  recall {r['recall']:.3f} ({r['correct']}/{r['labelled']})"
            )
        if args.errors:
            for row in rows:
                if not row["wrong"]:
                    continue
                p, lab = row["placement"], row["label"]
                print(
                    f"    {row['id']} {','.join(row['wrong'])}: got {p.municipality}/{p.district}/"
                    f"{p.neighbourhood} [{p.method} «{p.phrase}» {p.reason}] want "
                    f"{lab['municipality']}/{lab['district']}/{lab['neighbourhood']}"
                    f" ({lab['note']})"
                )


if __name__ == "__main__":
    main()
