"""Survey texts typed in the admin (the surveys app's only typing page) are scrubbed (#8).

The surveys app has no free-text answers: respondent rows hold codes and numbers. Its
texts (instrument descriptions, notes, wordings) are typed in the admin or loaded from
files, and both go through the model fields.
"""

from django.urls import reverse

from samverkan.common.testing.scrub import STORED, TYPED
from samverkan.surveys.models import Survey, SurveyWave
from samverkan.test import BaseTestCase


class SurveyScrubbingTests(BaseTestCase):
    def test_a_survey_described_in_the_admin_is_stored_scrubbed(self) -> None:
        self.client.force_login(self.admin)
        r = self.client.post(
            reverse("admin:surveys_survey_add"),
            {
                "tenant": self.stockholm.pk,
                "code": "trygghet-2027",
                "name": "Trygghetsundersökning 2027",
                "owner": "Stadsledningskontoret",
                "kind": "published",
                "description": TYPED,
                "population": "Boende 16–84 år",
                "source_url": "https://start.stockholm/trygghet?kontakt=0701234567",
            },
        )
        self.assertEqual(r.status_code, 302, r.content[:2000])
        survey = Survey.objects.get(code="trygghet-2027")
        self.assertEqual(survey.description, STORED)
        self.assertEqual(survey.source_url, "https://start.stockholm/trygghet?kontakt=0701234567")

    def test_the_models_scrub_on_save_whatever_the_caller(self) -> None:
        survey = Survey.objects.create(
            tenant=self.stockholm, code="s", name="Enkät", kind="published", description=TYPED
        )
        wave = SurveyWave.objects.create(survey=survey, year=2026, note=TYPED)
        survey.refresh_from_db()
        wave.refresh_from_db()
        self.assertEqual((survey.description, wave.note), (STORED, STORED))
