from samverkan.communications import services
from samverkan.communications.models import CommunicationKind, Publication
from samverkan.organisations.models import Membership, Role
from samverkan.test import BaseTestCase


class TwoPartyCase(BaseTestCase):
    """Lena approves for Järva stadsdelsförvaltning, Per for LPO Järva."""

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.approver = Role.objects.create(
            code="approver", name="Approver", capabilities=["view", "approve_communication"]
        )
        cls.lena = cls.make_user("lena", "Lena", "Lind", cls.jarva_sdf, "coordinator")
        Membership.objects.create(user=cls.lena, organisation=cls.jarva_sdf, role=cls.approver)
        Membership.objects.create(user=cls.per, organisation=cls.lpo_jarva, role=cls.approver)

    def start(self):
        return services.start_communication(
            tenant=self.stockholm,
            kind=CommunicationKind.PRESS_TEXT,
            title="Tryggare Rinkeby centrum",
            body="Polisen och stadsdelen …",
            parties=[self.jarva_sdf, self.lpo_jarva],
            by=self.anna,
        )


class TwoPartyRuleTests(TwoPartyCase):
    def test_one_approval_is_not_enough(self) -> None:
        c = self.start()
        services.approve_version(
            communication=c, number=1, organisation=self.lpo_jarva, by=self.per
        )
        with self.assertRaisesMessage(services.CommunicationError, "Järva stadsdelsförvaltning"):
            services.publish_communication(communication=c, by=self.per)
        services.approve_version(
            communication=c, number=1, organisation=self.jarva_sdf, by=self.lena
        )
        publication = services.publish_communication(communication=c, by=self.per)
        self.assertEqual(publication.version.number, 1)

    def test_a_change_after_one_approval_resets_it(self) -> None:
        c = self.start()
        services.approve_version(
            communication=c, number=1, organisation=self.lpo_jarva, by=self.per
        )
        services.revise_communication(
            communication=c,
            title="Tryggare Rinkeby centrum",
            body="Ny text",
            based_on=1,
            by=self.anna,
        )
        services.approve_version(
            communication=c, number=2, organisation=self.jarva_sdf, by=self.lena
        )
        with self.assertRaises(services.CommunicationError):
            services.publish_communication(communication=c, by=self.lena)
        # Approving the old version after the change is refused, not silently applied.
        with self.assertRaisesMessage(services.CommunicationError, "version 2"):
            services.approve_version(
                communication=c, number=1, organisation=self.lpo_jarva, by=self.per
            )
        self.assertFalse(Publication.objects.exists())

    def test_a_user_of_one_party_cannot_approve_for_the_other(self) -> None:
        c = self.start()
        with self.assertRaises(services.CommunicationError):
            services.approve_version(
                communication=c, number=1, organisation=self.jarva_sdf, by=self.per
            )
        self.client.force_login(self.per)
        self.client.post(
            f"/communication/{c.pk}/approve/", {"number": 1, "organisation": self.jarva_sdf.pk}
        )
        self.assertFalse(c.latest_version().approvals.exists())

    def test_concurrent_revisions_do_not_overwrite_each_other(self) -> None:
        c = self.start()
        services.revise_communication(
            communication=c, title="A", body="Annas text", based_on=1, by=self.anna
        )
        with self.assertRaisesMessage(services.CommunicationError, "Version 2 sparades"):
            services.revise_communication(
                communication=c, title="B", body="Lenas text", based_on=1, by=self.lena
            )
        self.assertEqual(
            [v.body for v in c.versions.order_by("number")],
            ["Polisen och stadsdelen …", "Annas text"],
        )

    def test_a_joint_communication_needs_both_sides(self) -> None:
        with self.assertRaises(services.CommunicationError):
            services.start_communication(
                tenant=self.stockholm,
                kind=CommunicationKind.PRESS_TEXT,
                title="x",
                body="y",
                parties=[self.jarva_sdf, self.sodermalm_sdf],
                by=self.anna,
            )

    def test_other_tenants_see_nothing(self) -> None:
        c = self.start()
        self.client.force_login(self.karin)
        self.assertEqual(self.client.get(f"/communication/{c.pk}/").status_code, 404)
        self.client.force_login(self.per)
        self.assertContains(self.client.get(f"/communication/{c.pk}/"), "Godkänn version 1")
