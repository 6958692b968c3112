"""``samverkan demo-login-info``: how to log in as the demo users (after load-bundled-data)."""

from django.core.management.base import BaseCommand

from samverkan.accounts.demo import demo_two_factor_lines
from samverkan.datasets.demo import DEMO_PASSWORD, login_info


class Command(BaseCommand):
    help = "Print the demo users' usernames, roles and the demo password."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--address",
            default="127.0.0.1:8000",
            help="host:port the server answers on (make run passes its HOST and PORT)",
        )

    def handle(self, *args, **options) -> None:
        rows = login_info()
        if not rows:
            self.stdout.write("No demo users. Run: samverkan load-bundled-data")
            return
        self.stdout.write("Demo users (demo data only, never use in production):")
        width = max(len(row[0]) for row in rows)
        for username, role, organisation, limited in rows:
            scope = f", limited to {limited}" if limited else ""
            self.stdout.write(f"  {username:<{width}}  {role} at {organisation}{scope}")
        self.stdout.write(f"Password for all of them: {DEMO_PASSWORD}")
        for line in demo_two_factor_lines([row[0] for row in rows]):
            self.stdout.write(line)
        self.stdout.write(f"Log in at http://{options['address']}/")
