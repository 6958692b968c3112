"""``samverkan situation --area NAME [--kind KIND] --from DATE --to DATE --format json|html``.

Writes the situation picture of one area to stdout (or ``--output FILE``): the same
figures as the web page and its JSON download. Without ``--from``/``--to`` the page's
default period is used (the last 12 full months up to the latest incident date).

Errors (exit status 1, message on stderr): an unknown area name (close matches listed),
a name shared by several areas without ``--kind``/``--code``, a date that is not
YYYY-MM-DD, ``--from`` after ``--to``, a period longer than MAX_PERIOD_DAYS.
"""

import difflib
import json
import re
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils.translation import get_language

from samverkan.situations.registry import collect_sections
from samverkan.situations.selectors import (
    AREA_MODELS,
    MAX_PERIOD_DAYS,
    Area,
    all_area_names,
    default_period,
    find_areas,
    situation_picture,
)
from samverkan.situations.views import KIND_LABELS, figure_context, render_sections

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(value: str, option: str) -> date:
    if not DATE_RE.match(value):
        raise CommandError(f"{option} {value!r}: expected a date as YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError as e:
        raise CommandError(f"{option} {value!r}: not a valid date ({e})") from e


class Command(BaseCommand):
    help = "Print the situation picture (lägesbild) of one area and period as JSON or HTML."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--area", required=True, help="area name, e.g. Stockholm, Rinkeby-Kista"
        )
        parser.add_argument(
            "--kind", choices=list(AREA_MODELS), help="municipality, district or neighbourhood"
        )
        parser.add_argument("--code", help="the area's code, when a name is not unique")
        parser.add_argument("--from", dest="start", help="first day, YYYY-MM-DD (inclusive)")
        parser.add_argument("--to", dest="end", help="last day, YYYY-MM-DD (inclusive)")
        parser.add_argument("--format", choices=["json", "html"], default="json")
        parser.add_argument("--output", help="write to this file instead of stdout")

    def find_area(self, name: str, kind: str | None, code: str | None) -> Area:
        found = find_areas(name, kind)
        if code:
            found = [a for a in found if a.code == code]
        if not found:
            names = all_area_names(kind)
            folded = {n.casefold(): n for n in names}
            close = difflib.get_close_matches(name.casefold(), list(folded), n=5, cutoff=0.6)
            what = f"no {kind}" if kind else "no area"
            hint = (
                "Close matches: " + ", ".join(folded[c] for c in close)
                if close
                else "No close matches; see /situation/ for the list of areas."
            )
            with_code = f" with code {code!r}" if code else ""
            raise CommandError(f"{what} named {name!r}{with_code}. {hint}")
        if len(found) > 1:
            listed = "; ".join(f"{a.kind} {a.name} (code {a.code})" for a in found)
            raise CommandError(
                f"{name!r} names {len(found)} areas: {listed}. Add --kind or --code to choose."
            )
        return found[0]

    def handle(self, *args, **options) -> None:
        area = self.find_area(options["area"], options["kind"], options["code"])
        if options["start"] and options["end"]:
            start = parse_date(options["start"], "--from")
            end = parse_date(options["end"], "--to")
        else:
            default_start, default_end = default_period(area)
            start = parse_date(options["start"], "--from") if options["start"] else default_start
            end = parse_date(options["end"], "--to") if options["end"] else default_end
        if start > end:
            raise CommandError(f"--from {start} is after --to {end}")
        if (end - start).days + 1 > MAX_PERIOD_DAYS:
            raise CommandError(f"the period is longer than {MAX_PERIOD_DAYS} days")

        # The command runs with the operator's full access: sections get no user, so a
        # section with non-public data must return None for user=None.
        sections = collect_sections(area=area, start=start, end=end, user=None)
        picture = situation_picture(area=area, start=start, end=end, sections=sections)
        if options["format"] == "json":
            text = json.dumps(picture, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder)
        else:
            context = figure_context(picture)
            context.update(
                {
                    "language": get_language() or "sv",
                    "kind_label": KIND_LABELS[area.kind],
                    "sections": render_sections(None, sections, area, start, end),
                    "interactive": False,
                }
            )
            text = render_to_string("situations/export.html", context)
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as f:
                f.write(text + "\n")
            self.stderr.write(f"Wrote {options['output']}")
        else:
            self.stdout.write(text)
