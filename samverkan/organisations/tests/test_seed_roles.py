from io import StringIO

from django.core.management import call_command

from samverkan.organisations.models import Role
from samverkan.organisations.roles import DEFAULT_ROLES
from samverkan.test import BaseTestCase


class SeedRolesTests(BaseTestCase):
    def test_it_adds_missing_roles_and_keeps_edited_ones(self) -> None:
        self.roles["reader"].capabilities = ["view", "something"]
        self.roles["reader"].save()
        call_command("seed-roles", stdout=StringIO())
        self.assertEqual(set(Role.objects.values_list("code", flat=True)), set(DEFAULT_ROLES))
        self.assertEqual(Role.objects.get(code="reader").capabilities, ["view", "something"])
        self.assertFalse(Role.objects.get(code="reporter").requires_two_factor)
