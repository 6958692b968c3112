from io import StringIO

from django.core.management import call_command
from django.test import TestCase

from samverkan.communications.models import Publication
from samverkan.datasets.loader import load_bundled_data
from samverkan.pledges.demo import JARVA_PLEDGE
from samverkan.pledges.models import CitizenPledge, PromiseParty
from samverkan.pledges.selectors import promise_outcome


class PledgesDemoOnBundledSeedTests(TestCase):
    """Runs on the real bundled seed (organisation names come from data/tenants)."""

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
