from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from samverkan.accounts.demo import DEMO_BACKUP_CODES, current_demo_code, give_demo_devices
from samverkan.accounts.models import User


class Command(BaseCommand):
    help = (
        "DEMO ONLY (DEBUG=true): give users a two-factor device with the published demo key "
        "and backup codes, and print the code to type now."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("usernames", nargs="+")

    def handle(self, *args, usernames: list[str], **options) -> None:
        for username in usernames:
            try:
                user = User.objects.get(username=username)
            except User.DoesNotExist as e:
                raise CommandError(f"no user {username!r}") from e
            try:
                device = give_demo_devices(user=user)
                code = current_demo_code(device)
            except ImproperlyConfigured as e:
                raise CommandError(str(e)) from e
            self.stdout.write(
                f"{username}: code now {code} (authenticator key JBSWY3DPEHPK3PXP); "
                f"backup codes {', '.join(DEMO_BACKUP_CODES)}"
            )
