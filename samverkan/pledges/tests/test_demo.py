from io import StringIO

from django.core.management import call_command
from django.test import TestCase

from samverkan.accounts.models import User
from samverkan.communications.models import Publication
from samverkan.datasets.loader import load_bundled_data
from samverkan.geography.models import District
from samverkan.organisations.models import Membership, Organisation, Role
from samverkan.pledges.demo import JARVA_PLEDGE
from samverkan.pledges.models import CitizenPledge, PromiseParty
from samverkan.pledges.selectors import promise_outcome
from samverkan.test import VerifiedClient


class PledgesDemoOnBundledSeedTests(TestCase):
    """Runs on the real bundled seed (organisation names come from data/tenants)."""

    client_class = VerifiedClient

    @classmethod
    def setUpTestData(cls) -> None:
        load_bundled_data(progress=lambda _line: None)

    def test_the_demo_pledge_and_the_agreement_are_published_once(self) -> None:
        call_command("load-pledges-demo", stdout=StringIO())
        call_command("load-pledges-demo", stdout=StringIO())
        pledge = CitizenPledge.objects.get(title="Medborgarlöfte Hägersten-Liljeholmen 2022")
        self.assertEqual(pledge.police_party.name, "LPO Skärholmen")
        self.assertEqual(Publication.objects.count(), 2)
        page = self.client.get("/public/stockholm/")
        self.assertContains(page, "Medborgarlöfte Hägersten-Liljeholmen 2022")
        item = Publication.objects.get(communication__kind="pledge")
        together = next(p for p in item.version.payload["promises"] if p["party"] == "together")
        self.assertEqual((together["target_count"], together["outcome_total"]), (30, 31))
        detail = self.client.get(f"/public/stockholm/{item.pk}/")
        self.assertContains(detail, "Samverkanshelg")

    def test_the_jarva_demo_pledge_is_followed_up_through_the_plan_activities(self) -> None:
        call_command("load-plans-demo", stdout=StringIO())
        call_command("load-pledges-demo", stdout=StringIO())
        call_command("load-pledges-demo", stdout=StringIO())
        pledge = CitizenPledge.objects.get(title=JARVA_PLEDGE)
        self.assertEqual(
            {p.party for p in pledge.promises.all()},
            {PromiseParty.POLICE, PromiseParty.MUNICIPALITY, PromiseParty.TOGETHER},
        )
        outcomes = {p.text: promise_outcome(p) for p in pledge.promises.all()}
        # Counts recorded on the plans demo's activities (samverkan/plans/demo.py): the
        # carried-over patrol restarts at 0 on 2026-01-01 and reports 170 by 31 August; 19
        # weekends; 2 safety walks + 1 dialogue against "at least four".
        patrol = outcomes["Fotpatrullera vid Rinkeby torg kvällstid."]
        self.assertEqual((patrol.from_activities, patrol.required_total), (170, 261))
        weekends = outcomes["Helgförstärkning fredag och lördag kväll."]
        self.assertEqual((weekends.from_activities, weekends.unit), (19, "weekends"))
        together = outcomes["Minst fyra trygghetsvandringar eller dialoger med boende."]
        self.assertEqual((together.total, together.required_total), (3, 4))
        sspf = outcomes["Arbeta i SSPF med unga i riskzon."]
        self.assertEqual(sspf.activities[0].entry.status, "partly_done")
        self.assertIsNone(sspf.total)

    def member_limited_to(self, district_name: str) -> User:
        user = User.objects.create_user(f"limited-{district_name}", password="x" * 20)
        membership = Membership.objects.create(
            user=user,
            organisation=Organisation.objects.get(name="Stockholms stad"),
            role=Role.objects.get(code="reader"),
        )
        membership.districts.set([District.objects.get(name=district_name)])
        return user

    def test_the_demo_pledges_cover_their_districts_so_other_districts_get_404(self) -> None:
        call_command("load-plans-demo", stdout=StringIO())
        call_command("load-pledges-demo", stdout=StringIO())
        jarva = CitizenPledge.objects.get(title=JARVA_PLEDGE)
        hagersten = CitizenPledge.objects.get(title="Medborgarlöfte Hägersten-Liljeholmen 2022")
        self.assertEqual(
            {d.name for d in jarva.districts.all()}, {"Rinkeby-Kista", "Spånga-Tensta"}
        )
        self.assertEqual({d.name for d in hagersten.districts.all()}, {"Hägersten-Älvsjö"})

        self.client.force_login(self.member_limited_to("Södermalm"))
        self.assertEqual(self.client.get(f"/pledges/{jarva.pk}/").status_code, 404)
        self.assertEqual(self.client.get(f"/pledges/{hagersten.pk}/").status_code, 404)
        self.client.force_login(self.member_limited_to("Spånga-Tensta"))
        self.assertEqual(self.client.get(f"/pledges/{jarva.pk}/").status_code, 200)
        self.assertEqual(self.client.get(f"/pledges/{hagersten.pk}/").status_code, 404)
