"""Promises linked to action-plan activities: one follow-up, shared (issue #9, ADR 0089).

Cast (TwoPartyCase): Anna (city coordinator) drafts; Per approves for LPO Järva, Lena for
Järva stadsdelsförvaltning; Sara (Södermalm only) may draft but must not see Järva's
district-bound plan; Karin is in Grannby.
"""

import json
from datetime import date

from django.contrib.contenttypes.models import ContentType

from samverkan.agreements.models import Agreement, AgreementLevel, AgreementStatus
from samverkan.audit.models import AuditEntry
from samverkan.communications.models import JointCommunication, Publication
from samverkan.communications.tests.test_two_party_rule import TwoPartyCase
from samverkan.plans import services as plans
from samverkan.plans.models import Activity, OwnerParty
from samverkan.pledges import services
from samverkan.pledges.models import (
    CitizenPledge,
    Promise,
    PromiseFollowUp,
    PromiseParty,
    TargetUnit,
)
from samverkan.pledges.selectors import promise_outcome


class PromiseActivitiesCase(TwoPartyCase):
    def setUp(self) -> None:
        self.agreement = self.make_local_agreement(covers=["otrygga-platser"])
        self.agreement.districts.add(self.rinkeby_kista)
        self.plan = plans.create_plan(
            agreement=self.agreement,
            title="Handlingsplan Järva 2026",
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 12, 31),
            by=self.per,
        )
        weekend_target = plans.create_target(
            plan=self.plan,
            description="Minst 30 helger",
            quantity=30,
            unit="weekends",
            frequency="per_period",
            by=self.per,
        )
        self.patrol = self.activity("Fotpatrullering Rinkeby torg", OwnerParty.POLICE)
        self.lighting = self.activity("Belysning i gångstråken", OwnerParty.MUNICIPALITY)
        self.walks = self.activity("Trygghetsvandringar", OwnerParty.JOINT)
        self.weekends = self.activity("Helgförstärkning", OwnerParty.POLICE, target=weekend_target)
        grannby_agreement = Agreement.objects.create(
            tenant=self.grannby,
            title="Grannbys överenskommelse",
            level=AgreementLevel.CITY,
            status=AgreementStatus.SIGNED,
            valid_from=date(2024, 1, 1),
        )
        grannby_plan = plans.create_plan(
            agreement=grannby_agreement,
            title="Grannbys plan 2026",
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 12, 31),
            by=self.karin,
        )
        self.foreign = plans.create_activity(
            plan=grannby_plan,
            title="Grannbys patrull",
            owner_party=OwnerParty.POLICE,
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 12, 31),
            by=self.karin,
        )
        self.pledge = CitizenPledge.objects.create(
            tenant=self.stockholm,
            title="Medborgarlöfte Rinkeby-Kista 2026",
            municipal_party=self.jarva_sdf,
            police_party=self.lpo_jarva,
            valid_from=date(2026, 1, 1),
            valid_to=date(2026, 12, 31),
        )

    def activity(self, title: str, owner: str, **fields) -> Activity:
        fields.setdefault("starts_on", date(2026, 1, 1))
        fields.setdefault("ends_on", date(2026, 12, 31))
        return plans.create_activity(
            plan=fields.pop("plan", self.plan),
            title=title,
            owner_party=owner,
            by=self.per,
            **fields,
        )

    def follow(self, activity: Activity, day: date, status: str = "ongoing", **fields):
        latest = activity.follow_ups.order_by("-pk").first()
        return plans.record_follow_up(
            activity=activity,
            expected_previous_id=latest.pk if latest else None,
            reported_on=day,
            status=status,
            by=self.per,
            **fields,
        )

    def promise(self, party: str = PromiseParty.POLICE, **fields) -> Promise:
        fields.setdefault("text", "Fotpatrullera Rinkeby torg")
        return Promise.objects.create(pledge=self.pledge, party=party, **fields)


class LinkingTests(PromiseActivitiesCase):
    def test_the_form_offers_the_tenants_visible_activities_grouped_by_plan(self) -> None:
        self.client.force_login(self.anna)
        page = self.client.get(f"/pledges/{self.pledge.pk}/")
        self.assertContains(
            page,
            '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">'
            "Handlingsplan Järva 2026</legend>",
        )
        self.assertContains(page, f'id="new-activity-{self.patrol.pk}"')
        self.assertNotContains(page, f'id="new-activity-{self.foreign.pk}"')
        # Sara may draft for the tenant but does not see Järva's district-bound plan.
        self.client.force_login(self.sara)
        page = self.client.get(f"/pledges/{self.pledge.pk}/")
        self.assertNotContains(page, f'id="new-activity-{self.patrol.pk}"')

    def test_a_forged_or_invisible_activity_id_is_a_form_error_and_nothing_is_saved(self) -> None:
        self.client.force_login(self.anna)
        self.client.post(
            f"/pledges/{self.pledge.pk}/promises/",
            {"party": "police", "text": "Patrull", "activities": [self.patrol.pk, self.foreign.pk]},
        )
        self.assertFalse(self.pledge.promises.exists())
        promise = self.promise()
        self.client.force_login(self.sara)
        r = self.client.post(
            f"/pledges/promises/{promise.pk}/activities/", {"activities": [self.patrol.pk]}
        )
        self.assertContains(r, "Bara de aktiviteter som erbjuds kan kopplas.", status_code=400)
        self.assertFalse(promise.activities.exists())
        with self.assertRaises(services.PledgeError):
            services.set_promise_activities(
                promise=promise, activities=[self.patrol, self.foreign], by=self.anna
            )
        self.assertFalse(promise.activities.exists())

    def test_an_activity_outside_the_pledge_period_cannot_be_linked(self) -> None:
        old = self.activity(
            "Fotpatrullering 2025",
            OwnerParty.POLICE,
            starts_on=date(2025, 1, 1),
            ends_on=date(2025, 12, 31),
        )
        with self.assertRaises(services.PledgeError):
            services.set_promise_activities(promise=self.promise(), activities=[old], by=self.anna)

    def test_linking_and_unlinking_through_the_page_is_audited(self) -> None:
        self.client.force_login(self.anna)
        self.client.post(
            f"/pledges/{self.pledge.pk}/promises/",
            {
                "party": "together",
                "text": "Trygghetsvandringar",
                "target_count": 4,
                "target_unit": "per_year",
                "activities": [self.walks.pk, self.patrol.pk],
            },
        )
        promise = self.pledge.promises.get()
        self.assertEqual(set(promise.activities.all()), {self.walks, self.patrol})
        self.client.post(
            f"/pledges/promises/{promise.pk}/activities/", {"activities": [self.walks.pk]}
        )
        self.assertEqual(list(promise.activities.all()), [self.walks])
        entries = AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Promise), object_id=promise.pk
        )
        operations = [e.changes_dict.get("activities", {}).get("operation") for e in entries]
        self.assertIn("add", operations)
        self.assertIn("delete", operations)
        self.assertEqual({e.actor for e in entries if "activities" in e.changes_dict}, {self.anna})

    def test_links_the_editor_cannot_see_survive_their_edit(self) -> None:
        promise = self.promise()
        services.set_promise_activities(promise=promise, activities=[self.patrol], by=self.anna)
        sodermalm_agreement = self.make_local_agreement(
            "Lokal överenskommelse Södermalm",
            parties=[(self.sodermalm_sdf, "municipal"), (self.lpo_sodermalm, "police")],
        )
        sodermalm_agreement.districts.add(self.sodermalm)
        sodermalm_plan = plans.create_plan(
            agreement=sodermalm_agreement,
            title="Handlingsplan Södermalm 2026",
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 12, 31),
            by=self.sara,
        )
        theirs = self.activity("Södermalms patrull", OwnerParty.POLICE, plan=sodermalm_plan)
        services.set_promise_activities(promise=promise, activities=[theirs], by=self.sara)
        self.assertEqual(set(promise.activities.all()), {self.patrol, theirs})

    def test_other_tenants_do_not_see_the_promise_page(self) -> None:
        promise = self.promise()
        self.client.force_login(self.karin)
        self.assertEqual(self.client.get(f"/pledges/promises/{promise.pk}/").status_code, 404)
        r = self.client.post(
            f"/pledges/promises/{promise.pk}/activities/", {"activities": [self.foreign.pk]}
        )
        self.assertEqual(r.status_code, 404)
        self.assertFalse(promise.activities.exists())


class OutcomeRuleTests(PromiseActivitiesCase):
    """The rule of ADR 0089, with figures worked out by hand."""

    def test_an_activity_counts_what_it_did_inside_the_pledge_period(self) -> None:
        spanning = self.activity(
            "Fotpatrullering 2025–2026",
            OwnerParty.POLICE,
            starts_on=date(2025, 7, 1),
            ends_on=date(2026, 12, 31),
        )
        self.follow(spanning, date(2025, 12, 31), done_count=40)
        self.follow(spanning, date(2026, 6, 30), done_count=100)
        self.follow(spanning, date(2026, 8, 31), status="partly_done")  # no count: 100 holds
        promise = self.promise(target_count=2, target_unit=TargetUnit.PER_WEEK)
        promise.activities.set([spanning])
        outcome = promise_outcome(promise, on=date(2026, 7, 1))
        # 100 cumulative by the end minus 40 before 2026-01-01.
        self.assertEqual(outcome.from_activities, 60)
        self.assertEqual(outcome.activities[0].entry.status, "partly_done")
        # 2 per week: 2 × 365/7 = 104.3 → 105 in the year; 2 × 182/7 = 52 by 1 July.
        self.assertEqual((outcome.required_total, outcome.required_so_far), (105, 52))
        self.assertTrue(outcome.met_so_far)

    def test_own_reports_and_activity_counts_add_up_when_units_agree(self) -> None:
        self.follow(self.patrol, date(2026, 4, 30), done_count=7)
        self.follow(self.walks, date(2026, 5, 31), done_count=2)
        promise = self.promise(party=PromiseParty.TOGETHER, text="Vandringar")
        promise.activities.set([self.patrol, self.walks, self.lighting])  # lighting: no count
        services.record_promise_follow_up(
            promise=promise, reported_on=date(2026, 6, 1), outcome_count=1, by=self.anna
        )
        outcome = promise_outcome(promise)
        self.assertEqual((outcome.from_activities, outcome.own, outcome.total), (9, 1, 10))
        self.assertEqual(outcome.unit, "occurrences")

    def test_counts_in_different_units_are_not_added(self) -> None:
        self.follow(self.patrol, date(2026, 4, 30), done_count=7)
        self.follow(self.weekends, date(2026, 4, 30), done_count=9)
        promise = self.promise(target_count=30, target_unit=TargetUnit.PER_PERIOD)
        promise.activities.set([self.patrol, self.weekends])
        outcome = promise_outcome(promise)
        self.assertTrue(outcome.units_differ)
        self.assertIsNone(outcome.total)
        self.assertEqual(sorted(o.count for o in outcome.activities), [7, 9])


class NextPeriodTests(PromiseActivitiesCase):
    def test_continued_promises_keep_their_activity_links(self) -> None:
        two_years = plans.create_plan(
            agreement=self.agreement,
            title="Handlingsplan SSPF 2026–2027",
            starts_on=date(2026, 1, 1),
            ends_on=date(2027, 12, 31),
            by=self.per,
        )
        spanning = self.activity(
            "SSPF",
            OwnerParty.JOINT,
            plan=two_years,
            starts_on=date(2026, 1, 1),
            ends_on=date(2027, 12, 31),
        )
        self.follow(self.patrol, date(2026, 12, 31), done_count=250)
        self.follow(self.lighting, date(2026, 10, 31), status="done")
        promise = self.promise()
        promise.activities.set([self.patrol, self.lighting, spanning])
        carried = plans.carry_over_plan(
            plan=self.plan,
            title="Handlingsplan Järva 2027",
            starts_on=date(2027, 1, 1),
            ends_on=date(2027, 12, 31),
            by=self.per,
        )
        patrol_2027 = carried.plan.activities.get(carried_from=self.patrol)
        new = services.start_next_pledge(
            pledge=self.pledge,
            title="Medborgarlöfte Rinkeby-Kista 2027",
            valid_from=date(2027, 1, 1),
            valid_to=date(2027, 12, 31),
        )
        continued = new.promises.get(continues=promise)
        # The patrol goes on as its 2027 continuation, the two-year activity as itself; the
        # lighting was done in 2026 and is not carried into 2027.
        self.assertEqual(set(continued.activities.all()), {patrol_2027, spanning})
        self.assertEqual(set(promise.activities.all()), {self.patrol, self.lighting, spanning})


class DoneWhenTests(PromiseActivitiesCase):
    """Issue #9's done-when, through the pages: draft → approve → publish → follow up → again."""

    def approve(self, communication: JointCommunication, user, organisation, number: int):
        return self.client_as(user).post(
            f"/communication/{communication.pk}/approve/",
            {"number": number, "organisation": organisation.pk},
        )

    def client_as(self, user):
        self.client.force_login(user)
        return self.client

    def test_a_district_pledge_linked_to_activities_goes_public_and_is_followed_up(self) -> None:
        anna = self.client_as(self.anna)
        r = anna.post(
            "/pledges/new/",
            {
                "title": "Medborgarlöfte Rinkeby-Kista 2026 (ny)",
                "municipal_party": self.jarva_sdf.pk,
                "police_party": self.lpo_jarva.pk,
                "districts": [self.rinkeby_kista.pk],
                "valid_from": "2026-01-01",
                "valid_to": "2026-12-31",
                "expected_effect": "Tryggare Rinkeby torg",
            },
        )
        pledge = CitizenPledge.objects.get(title="Medborgarlöfte Rinkeby-Kista 2026 (ny)")
        self.assertRedirects(r, f"/pledges/{pledge.pk}/")
        self.assertEqual(list(pledge.districts.all()), [self.rinkeby_kista])
        for party, text, count, unit, linked in [
            ("police", "Fotpatrullera Rinkeby torg", 5, "per_week", [self.patrol]),
            ("municipality", "Förbättra belysningen", "", "", [self.lighting]),
            ("together", "Trygghetsvandringar", 4, "per_year", [self.walks]),
        ]:
            anna.post(
                f"/pledges/{pledge.pk}/promises/",
                {
                    "party": party,
                    "text": text,
                    "target_count": count,
                    "target_unit": unit,
                    "activities": [a.pk for a in linked],
                },
            )
        promises = {p.party: p for p in pledge.promises.all()}
        self.assertEqual(set(promises), {"police", "municipality", "together"})
        self.assertEqual(list(promises["police"].activities.all()), [self.patrol])

        # Sent for approval; the police approve version 1.
        r = anna.post(f"/pledges/{pledge.pk}/publish/")
        communication = JointCommunication.objects.get(kind="pledge", subject_id=pledge.pk)
        self.assertRedirects(r, f"/communication/{communication.pk}/")
        self.approve(communication, self.per, self.lpo_jarva, 1)
        # Per cannot approve for the municipal side.
        self.approve(communication, self.per, self.jarva_sdf, 1)
        self.assertEqual(
            list(communication.latest_version().approvals.values_list("organisation", flat=True)),
            [self.lpo_jarva.pk],
        )
        # One approval is not enough to publish.
        self.client_as(self.lena).post(f"/communication/{communication.pk}/publish/")
        self.assertFalse(Publication.objects.exists())

        # A change after one approval: link the walks to the police promise too and send
        # again. The same communication gets version 2, with no approvals.
        anna = self.client_as(self.anna)
        anna.post(
            f"/pledges/promises/{promises['police'].pk}/activities/",
            {"activities": [self.patrol.pk, self.weekends.pk]},
        )
        anna.post(f"/pledges/{pledge.pk}/publish/")
        self.assertEqual(JointCommunication.objects.filter(subject_id=pledge.pk).count(), 1)
        latest = communication.latest_version()
        self.assertEqual(latest.number, 2)
        self.assertFalse(latest.approvals.exists())
        self.approve(communication, self.lena, self.jarva_sdf, 1)  # the old version: refused
        self.assertFalse(latest.approvals.exists())

        self.approve(communication, self.per, self.lpo_jarva, 2)
        self.approve(communication, self.lena, self.jarva_sdf, 2)
        self.client_as(self.lena).post(f"/communication/{communication.pk}/publish/")
        self.assertEqual(Publication.objects.get().version.number, 2)
        self.client.logout()
        self.assertContains(self.client.get("/public/stockholm/"), pledge.title)

        # Follow-up is recorded once, on the activity, by the police coordinator.
        r = self.client_as(self.per).post(
            f"/plans/activities/{self.patrol.pk}/follow-up/",
            {"reported_on": "2026-08-31", "status": "ongoing", "done_count": 120},
        )
        self.assertRedirects(r, f"/plans/activities/{self.patrol.pk}/")
        page = self.client_as(self.anna).get(f"/pledges/promises/{promises['police'].pk}/")
        self.assertContains(page, "Fotpatrullering Rinkeby torg")
        self.assertContains(
            page, '<td class="govuk-table__cell govuk-table__cell--numeric">120</td>'
        )
        self.assertEqual(promise_outcome(promises["police"]).total, 120)

        # The follow-up is sent, approved by both and published; the public page shows it.
        self.client_as(self.anna).post(f"/pledges/{pledge.pk}/publish/", {"follow_up": "1"})
        follow_up = JointCommunication.objects.get(kind="pledge_follow_up", subject_id=pledge.pk)
        self.approve(follow_up, self.per, self.lpo_jarva, 1)
        self.approve(follow_up, self.lena, self.jarva_sdf, 1)
        self.client_as(self.lena).post(f"/communication/{follow_up.pk}/publish/")
        publication = Publication.objects.get(communication=follow_up)
        police = next(p for p in publication.version.payload["promises"] if p["party"] == "police")
        self.assertEqual(police["outcome_total"], 120)
        self.assertEqual(police["outcome"]["from_activities"], 120)
        self.client.logout()
        item = self.client.get(f"/public/stockholm/{publication.pk}/")
        self.assertContains(item, "Fotpatrullering Rinkeby torg: pågår (2026-08-31) – 120")
        self.assertContains(item, "Rinkeby-Kista")

    def test_the_published_outcome_holds_no_personal_data(self) -> None:
        self.follow(self.patrol, date(2026, 8, 31), done_count=12, note="Per mötte Kalle K.")
        promise = self.promise()
        promise.activities.set([self.patrol])
        payload = json.dumps(services.pledge_payload(self.pledge), ensure_ascii=False)
        self.assertIn('"from_activities": 12', payload)
        for personal in ("Kalle", "per", "Persson", self.per.email):
            self.assertNotIn(personal, payload.replace("per_", "").replace("period", ""))


class ActivityPageTests(PromiseActivitiesCase):
    """The activity's page names the promises it carries out (plans.links), gated."""

    def test_the_activity_page_lists_its_visible_promises(self) -> None:
        promise = self.promise()
        promise.activities.add(self.patrol)
        self.pledge.districts.add(self.rinkeby_kista)
        url = f"/plans/activities/{self.patrol.pk}/"
        self.client.force_login(self.per)
        page = self.client.get(url)
        self.assertContains(page, "Löften i medborgarlöften som aktiviteten genomför")
        self.assertContains(page, f'href="/pledges/promises/{promise.pk}/"')
        # Not on an activity without linked promises.
        other = self.client.get(f"/plans/activities/{self.lighting.pk}/")
        self.assertNotContains(other, "Löften i medborgarlöften")

    def test_a_promise_the_user_may_not_see_is_left_out(self) -> None:
        from samverkan.pledges.links import promises_of_activity

        promise = self.promise()
        promise.activities.add(self.patrol)
        self.pledge.districts.add(self.sodermalm)
        self.assertIsNone(promises_of_activity(activity=self.patrol, user=self.olle))
        self.assertEqual(
            [i["url"] for i in promises_of_activity(activity=self.patrol, user=self.anna)["items"]],
            [f"/pledges/promises/{promise.pk}/"],
        )


class OutcomeQueryTests(PromiseActivitiesCase):
    """The pledge page reads every promise's outcome with a fixed number of queries."""

    def queries_for_page(self) -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        self.client.force_login(self.per)
        with CaptureQueriesContext(connection) as ctx:
            self.assertEqual(self.client.get(f"/pledges/{self.pledge.pk}/").status_code, 200)
        return len(ctx.captured_queries)

    def test_more_promises_do_not_mean_more_queries(self) -> None:
        first = self.promise()
        first.activities.add(self.patrol)
        self.follow(self.patrol, date(2026, 3, 1), done_count=4)
        one = self.queries_for_page()
        for n, activity in enumerate((self.lighting, self.walks, self.weekends)):
            promise = self.promise(text=f"Löfte {n}", order=n + 1)
            promise.activities.add(activity)
            self.follow(activity, date(2026, 3, 1), done_count=2)
            PromiseFollowUp.objects.create(
                promise=promise, reported_on=date(2026, 3, 2), outcome_count=1, reported_by=self.per
            )
        self.assertEqual(self.queries_for_page(), one)
