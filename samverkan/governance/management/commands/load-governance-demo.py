from django.core.management.base import BaseCommand, CommandError

from samverkan.governance.demo import load_governance_demo
from samverkan.organisations.models import Tenant


class Command(BaseCommand):
    help = "Load the KS 2023/740 referral round and demo groups, meetings and calendar."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--tenant", default="stockholm")

    def handle(self, *args, **options) -> None:
        try:
            created = load_governance_demo(options["tenant"])
        except Tenant.DoesNotExist as e:
            raise CommandError(
                f"No tenant {options['tenant']!r}: run `samverkan load-bundled-data` first."
            ) from e
        summary = ", ".join(f"{k}: {v}" for k, v in created.items())
        self.stdout.write(f"Governance: created {summary}.")
