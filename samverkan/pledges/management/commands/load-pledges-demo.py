from django.core.management.base import BaseCommand

from samverkan.pledges.demo import load_pledges_demo


class Command(BaseCommand):
    help = "Load the demo citizen pledge and publish it and the 2024 agreement jointly."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--tenant", default="stockholm")

    def handle(self, *args, **options) -> None:
        self.stdout.write(load_pledges_demo(options["tenant"]).summary())
