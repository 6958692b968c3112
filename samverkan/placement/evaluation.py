"""Precision and recall of the placer on the labelled sample (used by a test and by
scripts/placement_eval.py).

    precision = correct placements / placements made      (higher is better)
    recall    = correct placements / events with a label  (higher is better)

A placement made on an event whose label is empty at that level counts as wrong. The
held-out part is every row whose event id is divisible by 3; rules were tuned only on
the other rows.
"""

from __future__ import annotations

import csv
import json

from samverkan.placement.gazetteer import BASE_DIR as ROOT
from samverkan.placement.gazetteer import load_gazetteer
from samverkan.placement.placer import place

SAMPLE = ROOT / "samverkan/placement/tests/fixtures/labelled_sample.csv"
EVENTS = ROOT / "data/polisen-events/events_stockholms_lan_2022-09_2025-11.json"
PAGES = ROOT / "data/polisen-events/events_stockholms_lan_2022-09_2025-11_html_text.jsonl"
LEVELS = ("municipality", "district", "neighbourhood")


def is_held_out(event_id: int) -> bool:
    return event_id % 3 == 0


def evaluate(part: str = "all") -> tuple[dict[str, dict[str, float]], list[dict]]:
    """Score one part of the sample: "all", "tuning" or "held-out".

    Returns ({level: {precision, recall, placed, labelled, correct}}, rows), where each
    row is {"id", "label" (the CSV row), "placement", "wrong" (levels that disagree)}.
    """
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
