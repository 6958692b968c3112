"""``samverkan load-bundled-data [--no-demo-users]``: load data/ and the Stockholm tenant.

Idempotent: a second run writes nothing and says so. Stops at the first bad file with
the importer's message (file, row or id, field) and exit status 1.
"""

from django.core.management.base import BaseCommand, CommandError

from samverkan.datasets.base import ImportFailed
from samverkan.datasets.loader import load_bundled_data


class Command(BaseCommand):
    help = "Load the bundled real data (geography, Brå, Polisen events) and the Stockholm tenant."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--no-demo-users", action="store_true", help="do not create the demo-* users"
        )

    def handle(self, *args, **options) -> None:
        try:
            wrote = load_bundled_data(
                demo_users=not options["no_demo_users"], progress=self.stdout.write
            )
        except ImportFailed as error:
            raise CommandError(str(error)) from None
        if wrote:
            self.stdout.write(self.style.SUCCESS("Bundled data loaded."))
        else:
            self.stdout.write("Nothing changed: the bundled data was already loaded.")
