"""``samverkan load-bundled-data [--no-demo-users]``: load data/ and the Stockholm tenant.

Idempotent: a second run writes nothing and says so. Stops at the first bad file with
the importer's message (file, row or id, field) and exit status 1. With demo users (the
default) it then loads the demo content of each module, every piece labelled as demo.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from samverkan.datasets.base import ImportFailed
from samverkan.datasets.loader import load_bundled_data

# Real seed data of modules (categories and scale, the Police's vulnerable areas).
SEED_COMMANDS = [
    ["est-seed", "--tenant", "stockholm"],
    ["import-vulnerable-areas"],
]
# Demo content of each module, in dependency order; each command is idempotent. The EST
# demo ends on the last day of the bundled police events, so it does not move daily.
DEMO_COMMANDS = [
    ["load-governance-demo"],
    ["load-plans-demo"],
    ["load-pledges-demo"],
    ["load-reporting-demo"],
    ["load-survey-demo"],
    ["load-est-demo", "--tenant", "stockholm", "--until", "2025-11-30", "--if-missing"],
]


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
        for args in SEED_COMMANDS:
            self.stdout.write(f"[seed] {args[0]} …")
            call_command(*args, stdout=self.stdout)
        if not options["no_demo_users"]:
            for number, args in enumerate(DEMO_COMMANDS, start=1):
                self.stdout.write(f"[demo {number}/{len(DEMO_COMMANDS)}] {args[0]} …")
                call_command(*args, stdout=self.stdout)
