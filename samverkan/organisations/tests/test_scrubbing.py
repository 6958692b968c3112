"""Role descriptions and organisation names typed in the admin are scrubbed (#8)."""

from django.urls import reverse

from samverkan.common.testing.scrub import STORED, TYPED
from samverkan.organisations.models import Organisation, Role
from samverkan.test import BaseTestCase


class OrganisationScrubbingTests(BaseTestCase):
    def test_a_role_described_in_the_admin_is_stored_scrubbed(self) -> None:
        self.client.force_login(self.admin)
        r = self.client.post(
            reverse("admin:organisations_role_add"),
            {
                "code": "analyst",
                "name": "Analytiker",
                "description": TYPED,
                "capabilities": '["view"]',
                "requires_two_factor": "on",
            },
        )
        self.assertEqual(r.status_code, 302, r.content[:2000])
        self.assertEqual(Role.objects.get(code="analyst").description, STORED)

    def test_the_models_scrub_on_save_and_keep_the_code(self) -> None:
        organisation = Organisation.objects.create(
            tenant=self.stockholm,
            name="Trygghetsjouren 0701234567",
            kind="other",
            code="212000-0142",
        )
        organisation.refresh_from_db()
        self.assertEqual(
            (organisation.name, organisation.code),
            ("Trygghetsjouren [telefonnummer]", "212000-0142"),
        )
