"""``samverkan load-plans-demo``: a labelled demo problem, cause analysis and Järva plans.

Reproducible and idempotent: does nothing when the demo 2026 plan already exists. Uses
the default tenant's city-wide agreement and Järva's local agreement when they exist,
and creates clearly labelled DEMO ones when they do not.
"""

from django.core.management.base import BaseCommand

from samverkan.plans.demo import load_demo


class Command(BaseCommand):
    help = "Load a demo problem with cause analysis and Järva's action plans 2025–2026 (DEMO)."

    def handle(self, *args, **options) -> None:
        plan = load_demo()
        if plan is None:
            self.stdout.write("The plans demo is already loaded.")
            return
        self.stdout.write(
            f"Loaded {plan.title}: {plan.activities.count()} activities "
            f"({plan.previous_plan.title} carried over)."
        )
