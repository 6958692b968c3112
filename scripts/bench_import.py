#!/usr/bin/env python
"""Benchmark: import Polisen's national events file on SQLite and PostgreSQL.

Usage: ``python scripts/bench_import.py [--sqlite-only] [--postgres URL]``

For each backend it makes a throwaway database (a temporary SQLite file; a PostgreSQL
database ``sv_bench_<pid>`` created and dropped on the server at ``--postgres``, default
postgres://postgres@127.0.0.1:5432/postgres), migrates it, imports the 290
municipalities, then imports data/polisen-events/events_sweden_2022-09_2025-11.json.gz
twice — first run (all new) and re-run (all unchanged) — and prints events per second
(wall-clock time of the import function: reading, validation and writing) and the
importing process's CPU time (less sensitive to a busy machine; excludes PostgreSQL's own).
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NATIONAL = "polisen-events/events_sweden_2022-09_2025-11.json.gz"


def worker() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from samverkan.geography.importers import import_geojson
    from samverkan.police_events.importers import import_police_events

    call_command("migrate", verbosity=0)
    import_geojson(
        settings.DATA_DIR / "sweden-kommuner/swedish_municipalities.geojson", kind="municipality"
    )
    path = settings.DATA_DIR / NATIONAL
    for label in ("first run", "re-run"):
        started, cpu_started = time.perf_counter(), time.process_time()
        result = import_police_events(path)
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        events = result.new + result.changed + result.unchanged
        print(
            f"  {label:<9}: {events} events in {seconds:6.1f} s = {events / seconds:8.0f} events/s"
            f" (Python process CPU {cpu:5.1f} s)"
            f"  [{result.new} new, {result.changed} changed, {result.unchanged} unchanged]",
            flush=True,
        )


def run(label: str, url: str) -> None:
    print(f"{label} ({url.split('@')[-1]})", flush=True)
    env = {**os.environ, "DATABASE_URL": url}
    subprocess.run([sys.executable, __file__, "--worker"], env=env, check=True, cwd=ROOT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    if args.worker:
        worker()
        return
    with tempfile.TemporaryDirectory() as tmp:
        run("SQLite", f"sqlite:///{tmp}/bench.sqlite3")
    if args.sqlite_only:
        return
    import psycopg

    name = f"sv_bench_{os.getpid()}"
    with psycopg.connect(args.postgres, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        run("PostgreSQL", args.postgres.rsplit("/", 1)[0] + "/" + name)
    finally:
        with psycopg.connect(args.postgres, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


if __name__ == "__main__":
    main()
