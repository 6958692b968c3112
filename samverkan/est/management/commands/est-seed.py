from django.core.management.base import BaseCommand, CommandError

from samverkan.est.seed import seed_tenant
from samverkan.organisations.models import Tenant


class Command(BaseCommand):
    help = "Create the default EST categories and 0–3 rating scale for a tenant (idempotent)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--tenant", default="stockholm", help="tenant slug")

    def handle(self, *args, tenant: str, **options) -> None:
        try:
            t = Tenant.objects.get(slug=tenant)
        except Tenant.DoesNotExist as e:
            raise CommandError(f"no tenant {tenant!r}") from e
        created, scale = seed_tenant(t)
        self.stdout.write(
            f"{t.slug}: {created} categories created, scale {'created' if scale else 'kept'}"
        )
