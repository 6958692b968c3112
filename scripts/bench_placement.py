#!/usr/bin/env python3
"""Time the placer on the national events file (68k events, no page texts).

Usage: python scripts/bench_placement.py [EVENTS.json.gz]

Prints the number of events, the seconds taken (wall clock, gazetteer loading
included and also shown separately) and how many were placed at each level.
Target: under 60 s on the project's 2-core machines (lower is better).
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from samverkan.placement.gazetteer import load_gazetteer  # noqa: E402
from samverkan.placement.placer import place  # noqa: E402

DEFAULT = ROOT / "data/polisen-events/events_sweden_2022-09_2025-11.json.gz"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    with gzip.open(path, "rt", encoding="utf-8") as f:
        events = json.load(f)
    started = time.perf_counter()
    gazetteer = load_gazetteer()
    loaded = time.perf_counter()
    counts: Counter = Counter()
    for event in events:
        p = place(event, None, gazetteer)
        counts["municipality"] += bool(p.municipality)
        counts["district"] += bool(p.district)
        counts["neighbourhood"] += bool(p.neighbourhood)
    done = time.perf_counter()
    print(f"{len(events)} events placed in {done - started:.1f} s ")
    print(f"  (gazetteer loaded in {loaded - started:.2f} s, placing {done - loaded:.1f} s)")
    print(
        f"  municipality {counts['municipality']}, district {counts['district']}, "
        f"neighbourhood {counts['neighbourhood']}"
    )


if __name__ == "__main__":
    main()
