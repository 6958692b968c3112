"""Agreement texts typed in the admin (the app's only typing page) are scrubbed (#8).

Case numbers, source links and signatories' names are kept as typed (exemptions with
reasons in common/tests/test_free_text_fields.py).
"""

from django.urls import reverse

from samverkan.agreements.models import Agreement, PriorityArea, Signatory
from samverkan.common.testing.scrub import STORED, TYPED
from samverkan.test import BaseTestCase


class AgreementScrubbingTests(BaseTestCase):
    def test_a_priority_area_described_in_the_admin_is_stored_scrubbed(self) -> None:
        self.client.force_login(self.admin)
        r = self.client.post(
            reverse("admin:agreements_priorityarea_add"),
            {
                "agreement": self.city_agreement.pk,
                "code": "ny",
                "name": "Nytt område",
                "description": TYPED,
                "order": "9",
            },
        )
        self.assertEqual(r.status_code, 302, r.content[:2000])
        self.assertEqual(PriorityArea.objects.get(code="ny").description, STORED)

    def test_the_models_scrub_on_save_and_keep_the_exempt_fields(self) -> None:
        self.city_agreement.summary = TYPED
        self.city_agreement.save()
        signatory = Signatory.objects.create(
            agreement=self.city_agreement,
            organisation=self.city,
            name="Anna Andersson",
            title="Kommundirektör",
        )
        agreement = Agreement.objects.get(pk=self.city_agreement.pk)
        self.assertEqual(agreement.summary, STORED)
        self.assertEqual(agreement.case_number, "KS 2023/740")
        signatory.refresh_from_db()
        self.assertEqual(signatory.name, "Anna Andersson")
