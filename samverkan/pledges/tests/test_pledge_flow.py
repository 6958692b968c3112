from datetime import date

from samverkan.communications import services as comms
from samverkan.communications.models import Publication
from samverkan.communications.tests.test_two_party_rule import TwoPartyCase
from samverkan.pledges import services
from samverkan.pledges.models import CitizenPledge, Promise, PromiseParty, TargetUnit


class PledgeFlowTests(TwoPartyCase):
    def setUp(self) -> None:
        self.pledge = CitizenPledge.objects.create(
            tenant=self.stockholm,
            title="Medborgarlöfte Järva 2026",
            municipal_party=self.jarva_sdf,
            police_party=self.lpo_jarva,
            valid_from=date(2026, 1, 1),
            valid_to=date(2026, 12, 31),
            problems="Öppen narkotikahandel; otrygghet kring Rinkeby centrum.",
        )
        self.police = Promise.objects.create(
            pledge=self.pledge,
            party=PromiseParty.POLICE,
            text="Fotpatrullera Rinkeby centrum",
            target_count=5,
            target_unit=TargetUnit.PER_WEEK,
            neighbourhood=self.rinkeby,
        )
        self.municipality = Promise.objects.create(
            pledge=self.pledge, party=PromiseParty.MUNICIPALITY, text="Förbättra belysningen"
        )
        self.together = Promise.objects.create(
            pledge=self.pledge,
            party=PromiseParty.TOGETHER,
            text="Trygghetsvandringar",
            target_count=4,
            target_unit=TargetUnit.PER_YEAR,
        )

    def approve_and_publish(self, communication) -> Publication:
        n = communication.latest_version().number
        comms.approve_version(
            communication=communication, number=n, organisation=self.lpo_jarva, by=self.per
        )
        comms.approve_version(
            communication=communication, number=n, organisation=self.jarva_sdf, by=self.lena
        )
        return comms.publish_communication(communication=communication, by=self.lena)

    def test_draft_approve_publish_follow_up_publish_again(self) -> None:
        self.client.force_login(self.anna)
        r = self.client.post(f"/pledges/{self.pledge.pk}/publish/")
        communication = self.pledge_communications()[0]
        self.assertRedirects(r, f"/communication/{communication.pk}/")
        self.approve_and_publish(communication)

        page = self.client.get("/public/stockholm/")
        self.assertContains(page, "Medborgarlöfte Järva 2026")

        services.record_promise_follow_up(
            promise=self.together,
            reported_on=date(2026, 6, 30),
            outcome_count=2,
            text="Rinkeby och Tensta",
            by=self.anna,
        )
        services.record_promise_follow_up(
            promise=self.together,
            reported_on=date(2026, 12, 15),
            outcome_count=3,
            text="",
            by=self.anna,
        )
        self.client.post(f"/pledges/{self.pledge.pk}/publish/", {"follow_up": "1"})
        follow_up = self.pledge_communications()[-1]
        publication = self.approve_and_publish(follow_up)
        promises = {p["text"]: p for p in publication.version.payload["promises"]}
        self.assertEqual(promises["Trygghetsvandringar"]["outcome_total"], 5)
        self.assertEqual(promises["Fotpatrullera Rinkeby centrum"]["place"], "Rinkeby")
        self.assertEqual(
            {p["party"] for p in promises.values()}, {"police", "municipality", "together"}
        )

        self.client.logout()
        item = self.client.get(f"/public/stockholm/{publication.pk}/")
        self.assertContains(item, "Trygghetsvandringar")
        self.assertContains(item, "Rinkeby och Tensta")

    def pledge_communications(self):
        from samverkan.communications.models import JointCommunication

        return list(JointCommunication.objects.filter(subject_id=self.pledge.pk).order_by("pk"))

    def test_next_period_keeps_each_promise_history(self) -> None:
        services.record_promise_follow_up(
            promise=self.police, reported_on=date(2026, 12, 31), outcome_count=240, by=self.per
        )
        new = services.start_next_pledge(
            pledge=self.pledge,
            title="Medborgarlöfte Järva 2027",
            valid_from=date(2027, 1, 1),
            valid_to=date(2028, 6, 30),
        )
        carried = new.promises.get(party=PromiseParty.POLICE)
        self.assertEqual(carried.continues, self.police)
        self.assertEqual(carried.neighbourhood, self.rinkeby)
        self.assertEqual(carried.lineage(), [self.police, carried])
        self.assertFalse(carried.follow_ups.exists())
        with self.assertRaises(services.PledgeError):
            services.start_next_pledge(
                pledge=self.pledge,
                title="igen",
                valid_from=date(2027, 1, 1),
                valid_to=date(2027, 12, 31),
            )

    def test_other_tenants_cannot_see_or_follow_up(self) -> None:
        self.client.force_login(self.karin)
        self.assertEqual(self.client.get(f"/pledges/{self.pledge.pk}/").status_code, 404)
        r = self.client.post(
            f"/pledges/promises/{self.police.pk}/follow-up/",
            {"reported_on": "2026-03-01", "outcome_count": 3},
        )
        self.assertEqual(r.status_code, 404)
        self.assertFalse(self.police.follow_ups.exists())
