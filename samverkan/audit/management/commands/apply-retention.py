from django.core.management.base import BaseCommand
from django.utils import timezone

from samverkan.audit.retention import all_rules


class Command(BaseCommand):
    help = "Delete records older than their retention period (docs/security.md lists them)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="count what would be deleted; change nothing"
        )

    def handle(self, *args, dry_run: bool = False, **options) -> None:
        now = timezone.now()
        verb = "would delete" if dry_run else "deleted"
        for rule in all_rules():
            label, count = rule(now=now, dry_run=dry_run)
            self.stdout.write(f"{label}: {verb} {count}")
