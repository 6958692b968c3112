from io import StringIO

from django.core.management import call_command
from django.test import TestCase

from samverkan.communications.models import Publication
from samverkan.datasets.loader import load_bundled_data
from samverkan.pledges.models import CitizenPledge


class PledgesDemoOnBundledSeedTests(TestCase):
    """Runs on the real bundled seed (organisation names come from data/tenants)."""

    @classmethod
    def setUpTestData(cls) -> None:
        load_bundled_data(progress=lambda _line: None)

    def test_the_demo_pledge_and_the_agreement_are_published_once(self) -> None:
        call_command("load-pledges-demo", stdout=StringIO())
        call_command("load-pledges-demo", stdout=StringIO())
        pledge = CitizenPledge.objects.get()
        self.assertEqual(pledge.police_party.name, "LPO Skärholmen")
        self.assertEqual(Publication.objects.count(), 2)
        page = self.client.get("/public/stockholm/")
        self.assertContains(page, "Medborgarlöfte Hägersten-Liljeholmen 2022")
        item = Publication.objects.get(communication__kind="pledge")
        together = next(p for p in item.version.payload["promises"] if p["party"] == "together")
        self.assertEqual((together["target_count"], together["outcome_total"]), (30, 31))
        detail = self.client.get(f"/public/stockholm/{item.pk}/")
        self.assertContains(detail, "Samverkanshelg")
