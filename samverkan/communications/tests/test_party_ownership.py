"""Only the parties revise and publish a joint communication (ADR 0097).

A fresh-user test found that an approver of a district administration elsewhere in the
tenant (Hägersten-Älvsjö) could save a new version of a press text of Järva
stadsdelsförvaltning and LPO Järva, which reset both parties' approvals. Here Sara
(coordinator at Södermalms stadsdelsförvaltning) and Ulf (approver at LPO Södermalm) see
the tenant-wide press text but own no part of it; Lena and Per are its parties, Anna
(the city) and Rolf (the police region) are above one of them.
"""

from samverkan.communications import services
from samverkan.communications.models import Publication
from samverkan.communications.permissions import can_revise
from samverkan.organisations.models import Membership

from .test_two_party_rule import TwoPartyCase


class PartyOwnershipTests(TwoPartyCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.ulf = cls.make_user("ulf", "Ulf", "Ulfsson", cls.lpo_sodermalm, "reader")
        Membership.objects.create(user=cls.ulf, organisation=cls.lpo_sodermalm, role=cls.approver)
        cls.rolf = cls.make_user("rolf", "Rolf", "Rolfsson", cls.police_region, "reader")
        Membership.objects.create(user=cls.rolf, organisation=cls.police_region, role=cls.approver)

    def test_only_the_parties_and_those_above_them_may_revise(self) -> None:
        c = self.start()
        for user in (self.lena, self.per, self.anna, self.rolf, self.admin):
            self.assertTrue(can_revise(user, c), user)
        for user in (self.sara, self.ulf, self.olle, self.karin):
            self.assertFalse(can_revise(user, c), user)

    def test_another_district_cannot_save_a_version_that_resets_the_approvals(self) -> None:
        c = self.start()
        services.approve_version(
            communication=c, number=1, organisation=self.lpo_jarva, by=self.per
        )
        for user in (self.sara, self.ulf):
            with self.assertRaisesMessage(services.CommunicationError, "Bara parterna"):
                services.revise_communication(
                    communication=c, title="Ny", body="Ny text", based_on=1, by=user
                )
        self.client.force_login(self.sara)
        page = self.client.get(f"/communication/{c.pk}/")
        self.assertNotContains(page, "Skriv en ny version")
        self.assertContains(page, "Lägg till kommentar")  # commenting stays open
        r = self.client.post(
            f"/communication/{c.pk}/revise/",
            {"title": "Ny", "body": "Ny text", "based_on": 1},
            follow=True,
        )
        self.assertContains(r, "Bara parterna i denna kommunikation")
        self.assertEqual(c.versions.count(), 1)
        self.assertEqual(services.missing_approvals(c.latest_version()), [self.jarva_sdf])
        self.client.post(f"/communication/{c.pk}/comment/", {"text": "Bra text."})
        self.assertEqual(c.comments.get().author, self.sara)

    def test_the_city_above_a_district_administration_revises(self) -> None:
        c = self.start()
        self.client.force_login(self.anna)
        self.assertContains(self.client.get(f"/communication/{c.pk}/"), "Skriv en ny version")
        services.revise_communication(
            communication=c, title="Ny", body="Ny text", based_on=1, by=self.anna
        )
        services.revise_communication(
            communication=c, title="Ny", body="Rolfs text", based_on=2, by=self.rolf
        )
        self.assertEqual(c.versions.count(), 3)

    def test_only_the_parties_and_those_above_them_publish(self) -> None:
        c = self.start()
        for organisation, user in ((self.lpo_jarva, self.per), (self.jarva_sdf, self.lena)):
            services.approve_version(communication=c, number=1, organisation=organisation, by=user)
        self.client.force_login(self.ulf)
        self.assertNotContains(
            self.client.get(f"/communication/{c.pk}/"), f"/communication/{c.pk}/publish/"
        )
        for user in (self.sara, self.ulf):
            with self.assertRaisesMessage(services.CommunicationError, "Bara parterna"):
                services.publish_communication(communication=c, by=user)
        self.client.post(f"/communication/{c.pk}/publish/")
        self.assertFalse(Publication.objects.exists())
        self.client.force_login(self.rolf)  # the police region, above LPO Järva
        self.client.post(f"/communication/{c.pk}/publish/")
        self.assertEqual(Publication.objects.get().published_by, self.rolf)


class StartingInOthersNameTests(TwoPartyCase):
    """Starting a communication follows the same party rule as revising it (ADR 0097)."""

    def test_a_drafter_cannot_start_one_in_two_other_organisations_names(self) -> None:
        from samverkan.communications.models import CommunicationKind, JointCommunication

        before = JointCommunication.objects.count()
        with self.assertRaisesMessage(services.CommunicationError, "din egen organisations"):
            services.start_communication(
                tenant=self.stockholm,
                kind=CommunicationKind.PRESS_TEXT,
                title="Text i andras namn",
                body="…",
                parties=[self.jarva_sdf, self.lpo_jarva],
                by=self.sara,
            )
        self.assertEqual(JointCommunication.objects.count(), before)
        # A party's own drafter, and the city above the district administration, may.
        for user in (self.per, self.anna):
            services.start_communication(
                tenant=self.stockholm,
                kind=CommunicationKind.PRESS_TEXT,
                title=f"Text av {user.username}",
                body="…",
                parties=[self.jarva_sdf, self.lpo_jarva],
                by=user,
            )
