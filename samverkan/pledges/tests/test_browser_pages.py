"""Pledge pages with linked activities in a real browser: CSP intact, axe clean."""

from datetime import date

from samverkan.common.testing.browser import BrowserTestCase
from samverkan.communications.models import Publication
from samverkan.plans import services as plans
from samverkan.pledges import services
from samverkan.pledges.models import CitizenPledge, Promise, PromiseParty, TargetUnit


class PledgePagesBrowserTests(BrowserTestCase):
    def test_the_pledge_the_promise_and_the_public_follow_up_are_clean(self) -> None:
        self.load_cast()
        agreement = self.make_local_agreement(covers=["otrygga-platser"])
        plan = plans.create_plan(
            agreement=agreement,
            title="Handlingsplan Järva 2026",
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 12, 31),
            by=None,
        )
        patrol = plans.create_activity(
            plan=plan,
            title="Fotpatrullering Rinkeby torg",
            owner_party="police",
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 12, 31),
            by=None,
        )
        plans.record_follow_up(
            activity=patrol,
            expected_previous_id=None,
            reported_on=date(2026, 8, 31),
            status="ongoing",
            done_count=120,
            by=None,
        )
        pledge = CitizenPledge.objects.create(
            tenant=self.stockholm,
            title="Medborgarlöfte Rinkeby-Kista 2026",
            municipal_party=self.jarva_sdf,
            police_party=self.lpo_jarva,
            valid_from=date(2026, 1, 1),
            valid_to=date(2026, 12, 31),
        )
        promise = Promise.objects.create(
            pledge=pledge,
            party=PromiseParty.POLICE,
            text="Fotpatrullera Rinkeby torg",
            target_count=5,
            target_unit=TargetUnit.PER_WEEK,
        )
        promise.activities.set([patrol])
        communication = services.request_publication(pledge=pledge, by=self.anna, follow_up=True)
        publication = Publication.objects.create(
            communication=communication,
            version=communication.latest_version(),
            published_by=self.anna,
        )
        self.log_in(self.anna)
        for path in [
            f"/pledges/{pledge.pk}/",
            f"/pledges/promises/{promise.pk}/",
            "/pledges/new/",
            f"/public/stockholm/{publication.pk}/",
        ]:
            with self.subTest(path=path):
                page = self.visit(path)
                self.assertIn("govuk-heading-l", page.content())
                self.assertPageIsClean()

        with self.subTest("an invalid promise shows its errors"):
            self.visit(f"/pledges/{pledge.pk}/")
            self.page.fill("#id_text", "Fotpatrullera Tensta centrum")
            self.page.fill("#id_place_name", "x" * 300)
            self.page.click("text=Lägg till löfte")
            self.page.wait_for_selector(".govuk-error-summary")
            self.assertEqual(self.page.input_value("#id_text"), "Fotpatrullera Tensta centrum")
            # The page comes back as 400 on purpose; the browser logs that, nothing else.
            self.assertEqual(
                self.failed_requests, [f"400 {self.url(f'/pledges/{pledge.pk}/promises/')}"]
            )
            self.assertEqual(len(self.console_errors), 1)
            self.console_errors.clear()
            self.failed_requests.clear()
            self.assertPageIsClean()
