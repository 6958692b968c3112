from django.core.management.base import BaseCommand

from samverkan.organisations.roles import ensure_default_roles


class Command(BaseCommand):
    help = "Create the default roles that are missing (reader, reporter, coordinator …)."

    def handle(self, *args, **options) -> None:
        for role in ensure_default_roles():
            self.stdout.write(f"{role.code}: {', '.join(role.capabilities)}")
