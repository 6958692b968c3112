from django.core.management.base import BaseCommand

from samverkan.reporting.demo import load_reporting_demo


class Command(BaseCommand):
    help = "Load a demo tertial report for Järva (Sep–Dec 2025) and draft the 2025 compilation."

    def handle(self, *args, **options) -> None:
        self.stdout.write(load_reporting_demo())
