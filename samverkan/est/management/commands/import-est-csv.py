from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samverkan.accounts.models import User
from samverkan.est.services import ImportRejected, import_observations_csv
from samverkan.organisations.models import Organisation


class Command(BaseCommand):
    help = (
        "Import EST observations from a CSV file (columns in samverkan/est/README.md). "
        "All rows or none: errors are listed by line and column, and nothing is written."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file")
        parser.add_argument("--tenant", default="stockholm", help="tenant slug")
        parser.add_argument("--organisation", required=True, help="reporting organisation's name")
        parser.add_argument("--user", required=True, help="username recorded as the importer")

    def handle(self, *args, file: str, tenant: str, organisation: str, user: str, **options):
        try:
            org = Organisation.objects.get(tenant__slug=tenant, name=organisation)
            importer = User.objects.get(username=user)
        except (Organisation.DoesNotExist, User.DoesNotExist) as e:
            raise CommandError(str(e)) from e
        path = Path(file)
        if not path.exists():
            raise CommandError(f"no such file: {path}")
        try:
            outcome = import_observations_csv(
                data=path.read_bytes(), organisation=org, imported_by=importer
            )
        except ImportRejected as e:
            for error in e.errors:
                self.stderr.write(f"line {error.row}, {error.field}: {error.message}")
            raise CommandError(f"{len(e.errors)} error(s); nothing was imported") from e
        self.stdout.write(
            f"{outcome.created} imported, {outcome.skipped_existing} already present; "
            f"identifiers removed: {outcome.removed_identifiers or 'none'}"
        )
