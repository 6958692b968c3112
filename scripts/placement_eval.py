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
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from samverkan.placement.evaluation import evaluate  # noqa: E402


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
