from datetime import date

from django.core.management.base import BaseCommand, CommandError

from samverkan.est.demo import DEFAULT_SEED, load_demo
from samverkan.est.models import Observation
from samverkan.organisations.models import Tenant


class Command(BaseCommand):
    help = (
        "Replace a tenant's EST demo observations with reproducible generated ones "
        "(labelled as demo data). Seeds categories and the scale if missing."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--tenant", default="stockholm", help="tenant slug")
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
        parser.add_argument("--until", type=date.fromisoformat, help="last day (default yesterday)")
        parser.add_argument("--weeks", type=int, default=110)
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="do nothing when the tenant already has demo observations (used by the loader)",
        )

    def handle(self, *args, tenant: str, seed: int, until, weeks: int, **options) -> None:
        try:
            t = Tenant.objects.get(slug=tenant)
        except Tenant.DoesNotExist as e:
            raise CommandError(f"no tenant {tenant!r}") from e
        if options["if_missing"] and Observation.objects.filter(tenant=t, is_demo=True).exists():
            self.stdout.write(f"{t.slug}: the EST demo observations are already loaded.")
            return
        try:
            counts = load_demo(tenant=t, until=until, weeks=weeks, seed=seed)
        except ValueError as e:
            raise CommandError(str(e)) from e
        self.stdout.write(
            f"{t.slug}: {counts['observations']} demo observations in "
            f"{counts['neighbourhoods']} neighbourhoods (seed {seed})"
        )
