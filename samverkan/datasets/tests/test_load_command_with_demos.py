from io import StringIO

from django.apps import apps
from django.core.management import call_command
from django.test import TestCase


def row_counts() -> dict[str, int]:
    return {m._meta.label: m.objects.count() for m in apps.get_models() if m._meta.managed}


class LoadBundledDataWithDemosTests(TestCase):
    """`make run` runs `load-bundled-data`: the data, the tenant and every module's demo."""

    def test_the_second_run_changes_nothing_in_any_table(self) -> None:
        call_command("load-bundled-data", stdout=StringIO())
        first = row_counts()
        for label in (
            "governance.Referral",
            "plans.ActionPlan",
            "pledges.CitizenPledge",
            "reporting.LocalReport",
            "surveys.Respondent",
            "communications.Publication",
            "est.Observation",
            "places.VulnerableArea",
        ):
            self.assertGreater(first[label], 0, label)
        out = StringIO()
        call_command("load-bundled-data", stdout=out)
        self.assertIn("Nothing changed", out.getvalue())
        second = row_counts()
        changed = {
            k: (first[k], second[k])
            for k in first
            if first[k] != second[k] and not k.startswith(("auditlog.", "sessions."))
        }
        self.assertEqual(changed, {})
