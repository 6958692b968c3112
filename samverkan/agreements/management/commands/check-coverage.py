"""``samverkan check-coverage [--tenant SLUG]``: local agreements that miss a frame area.

Prints one line per missing (local agreement, city-wide area) pair and exits with status
1 when anything is uncovered, 0 when every local agreement addresses its whole frame.

It also prints, per city-wide agreement that has local action plans, the city-wide areas
with no activity in any local plan; those count as uncovered too. A frame without any
local plan yet is reported in one line and not judged.
"""

from django.core.management.base import BaseCommand, CommandError

from samverkan.agreements.models import Agreement
from samverkan.agreements.selectors import activity_coverage_report, coverage_report


class Command(BaseCommand):
    help = "List, per local agreement, the city-wide priority areas it does not address."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--tenant", help="tenant slug (default: all tenants)")

    def handle(self, *args, **options) -> None:
        agreements = Agreement.objects.all()
        if options["tenant"]:
            agreements = agreements.filter(tenant__slug=options["tenant"])
            if not agreements.exists():
                raise CommandError(f"No agreements for tenant {options['tenant']!r}.")
        rows = coverage_report(agreements)
        missing = 0
        for row in rows:
            if row.frame is None:
                self.stdout.write(f"{row.agreement.title}: no city-wide frame agreement")
                missing += 1
                continue
            if not row.uncovered:
                self.stdout.write(f"{row.agreement.title}: all {len(row.covered)} areas addressed")
            for area in row.uncovered:
                self.stdout.write(f"{row.agreement.title}: does not address «{area.name}»")
                missing += 1
        for frame_row in activity_coverage_report(agreements):
            title = frame_row.frame.title
            if not frame_row.has_local_plans:
                self.stdout.write(f"{title}: no local action plans yet")
                continue
            for area in frame_row.without_activity:
                self.stdout.write(f"{title}: «{area.name}» has no activity in any local plan")
                missing += 1
        self.stdout.write(f"{len(rows)} local agreements checked, {missing} uncovered area(s).")
        if missing:
            raise SystemExit(1)
