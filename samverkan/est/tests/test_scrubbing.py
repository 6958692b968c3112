"""EST on the shared mechanism: the model fields scrub too, the ability rationale is told.

The observation pages already scrub in the service (which also counts what was removed
into ``removed_identifiers``) and warn with the common message; test_reporting covers
that. Here: the same Swedish warning for TYPED, the rationale, and direct saves (#8).
"""

from datetime import timedelta

from django.utils import timezone

from samverkan.common.testing.scrub import STORED, TYPED, ScrubAssertions
from samverkan.est.models import AbilityAssessment, Observation, ObservationCategory

from .base import EstTestCase


class EstScrubbingTests(ScrubAssertions, EstTestCase):
    def test_the_report_page_stores_scrubbed_text_and_warns_in_swedish(self) -> None:
        self.client.force_login(self.rut)
        r = self.client.post(
            "/est/report/",
            {
                "organisation": self.jarva_sdf.pk,
                "category": self.categories["littering"].pk,
                "rating": "1",
                "neighbourhood": self.rinkeby.pk,
                "observed_on": (timezone.localdate() - timedelta(days=1)).isoformat(),
                "part_of_day": "evening",
                "text": TYPED,
            },
            follow=True,
        )
        self.assertEqual(Observation.objects.get().text, STORED)
        self.assertWarnedAboutRemovals(r)

    def test_the_ability_rationale_is_scrubbed_and_the_group_told(self) -> None:
        self.client.force_login(self.per)
        url = f"/est/ranking/?district={self.rinkeby_kista.pk}&year=2026&part=1"
        r = self.client.post(
            url, {"area": f"n-{self.rinkeby.pk}", "ability": 2, "rationale": TYPED}, follow=True
        )
        self.assertEqual(AbilityAssessment.objects.get().rationale, STORED)
        self.assertWarnedAboutRemovals(r)

    def test_the_models_scrub_on_save_whatever_the_caller(self) -> None:
        observation = self.observe(text="Skräp")
        observation.text = TYPED
        observation.save()
        category = ObservationCategory.objects.filter(tenant=self.stockholm).first()
        category.description = TYPED
        category.save()
        observation.refresh_from_db()
        category.refresh_from_db()
        self.assertEqual((observation.text, category.description), (STORED, STORED))
