"""can_draft asks the shared organisations.permissions.has_capability."""

from unittest import mock

from samverkan.communications.permissions import can_draft
from samverkan.communications.tests.test_two_party_rule import TwoPartyCase


class CanDraftTests(TwoPartyCase):
    def test_coordinators_and_approvers_of_the_tenant_draft(self) -> None:
        self.assertTrue(can_draft(self.anna, self.stockholm))  # edit_plans
        self.assertTrue(can_draft(self.lena, self.stockholm))
        self.assertFalse(can_draft(self.olle, self.stockholm))  # reader
        self.assertFalse(can_draft(self.karin, self.stockholm))  # another tenant
        self.assertTrue(can_draft(self.karin, self.grannby))

    def test_it_is_the_shared_check(self) -> None:
        # The platform operator passes, as in every has_capability check.
        self.assertTrue(can_draft(self.admin, self.stockholm))
        with mock.patch(
            "samverkan.communications.permissions.has_capability", return_value=False
        ) as shared:
            self.assertFalse(can_draft(self.anna, self.stockholm))
        shared.assert_any_call(self.anna, "edit_plans", tenant=self.stockholm)
