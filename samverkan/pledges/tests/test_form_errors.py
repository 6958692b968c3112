"""Fresh-user findings on the pledge forms: clear field errors, what was typed kept.

A period that ends before it starts is a field error (new pledge, next period), never a
500 or the database constraint's own message; an invalid promise, dialogue or follow-up
shows its page again (400) with the GOV.UK error summary, the field's error and the
typed input; a promise behind its target says by how many.
"""

from datetime import date

from django.core.exceptions import ValidationError

from samverkan.pledges import services
from samverkan.pledges.models import CitizenDialogue, CitizenPledge, Promise, PromiseParty
from samverkan.test import BaseTestCase

ENDS_BEFORE = "Perioden slutar innan den börjar."


class PledgeFormErrorTests(BaseTestCase):
    def setUp(self) -> None:
        self.pledge = CitizenPledge.objects.create(
            tenant=self.stockholm,
            title="Medborgarlöfte Järva 2026",
            municipal_party=self.jarva_sdf,
            police_party=self.lpo_jarva,
            valid_from=date(2026, 1, 1),
            valid_to=date(2026, 12, 31),
        )
        self.url = f"/pledges/{self.pledge.pk}/"
        self.client.force_login(self.anna)

    def test_next_period_ending_before_it_starts_is_a_form_error_and_nothing_is_saved(
        self,
    ) -> None:
        r = self.client.post(
            f"{self.url}next/",
            {
                "title": "Medborgarlöfte Järva 2027",
                "valid_from": "2027-12-31",
                "valid_to": "2027-01-01",
            },
        )
        self.assertEqual(r.status_code, 400)
        self.assertContains(r, "govuk-error-summary", status_code=400)
        self.assertContains(r, '<a href="#id_valid_to">', status_code=400)
        self.assertContains(r, ENDS_BEFORE, count=2, status_code=400)  # summary + field
        self.assertContains(r, 'value="Medborgarlöfte Järva 2027"', status_code=400)
        self.assertEqual(CitizenPledge.objects.count(), 1)

    def test_the_service_refuses_a_reversed_next_period_without_touching_the_database(
        self,
    ) -> None:
        with self.assertRaises(services.PledgeError):
            services.start_next_pledge(
                pledge=self.pledge,
                title="Baklänges",
                valid_from=date(2027, 12, 31),
                valid_to=date(2027, 1, 1),
            )
        self.assertEqual(CitizenPledge.objects.count(), 1)

    def test_a_new_pledge_ending_before_it_starts_gets_a_clear_field_error(self) -> None:
        r = self.client.post(
            "/pledges/new/",
            {
                "title": "Baklänges",
                "municipal_party": self.jarva_sdf.pk,
                "police_party": self.lpo_jarva.pk,
                "valid_from": "2026-12-31",
                "valid_to": "2026-01-01",
            },
        )
        self.assertContains(r, ENDS_BEFORE, count=2)  # summary + field
        self.assertContains(r, '<a href="#id_valid_to">')
        self.assertNotContains(r, "pledge_period_ordered")
        self.assertFalse(CitizenPledge.objects.filter(title="Baklänges").exists())

    def test_the_constraint_itself_says_the_same(self) -> None:
        pledge = CitizenPledge(
            tenant=self.stockholm,
            title="Baklänges",
            municipal_party=self.jarva_sdf,
            police_party=self.lpo_jarva,
            valid_from=date(2026, 12, 31),
            valid_to=date(2026, 1, 1),
        )
        with self.assertRaisesMessage(ValidationError, ENDS_BEFORE):
            pledge.validate_constraints()

    def post_promise(self, **fields):
        data = {"party": "police", "text": "Fotpatrullera Rinkeby torg", **fields}
        return self.client.post(f"{self.url}promises/", data)

    def test_a_forged_activity_id_is_a_field_error_and_the_text_is_kept(self) -> None:
        r = self.post_promise(activities=["999999"])
        self.assertEqual(r.status_code, 400)
        self.assertContains(r, '<a href="#new-activities">', status_code=400)
        self.assertContains(
            r, "Bara de aktiviteter som erbjuds kan kopplas.", count=2, status_code=400
        )
        self.assertContains(r, "Fotpatrullera Rinkeby torg</textarea>", status_code=400)
        self.assertFalse(self.pledge.promises.exists())

    def test_a_too_long_place_name_is_an_error_on_that_field(self) -> None:
        r = self.post_promise(place_name="x" * 300)
        self.assertEqual(r.status_code, 400)
        self.assertContains(r, '<a href="#id_place_name">', status_code=400)
        self.assertContains(r, "som mest 200 tecken", status_code=400)
        self.assertContains(r, 'value="' + "x" * 300 + '"', status_code=400)
        self.assertFalse(self.pledge.promises.exists())

    def test_a_negative_target_is_an_error_on_that_field(self) -> None:
        r = self.post_promise(target_count="-5", target_unit="per_week")
        self.assertEqual(r.status_code, 400)
        self.assertContains(r, '<a href="#id_target_count">', status_code=400)
        self.assertContains(r, 'value="-5"', status_code=400)
        self.assertFalse(self.pledge.promises.exists())

    def test_a_promise_text_over_2000_characters_is_refused_clearly(self) -> None:
        r = self.post_promise(text="a" * 2001)
        self.assertEqual(r.status_code, 400)
        self.assertContains(r, '<a href="#id_text">', status_code=400)
        self.assertContains(
            r, "Håll löftet till högst 2000 tecken (det har 2001).", count=2, status_code=400
        )
        self.assertFalse(self.pledge.promises.exists())
        self.assertEqual(self.post_promise(text="a" * 2000).status_code, 302)
        self.assertTrue(self.pledge.promises.exists())

    def test_an_invalid_dialogue_shows_the_page_again_with_what_was_typed(self) -> None:
        r = self.client.post(
            f"{self.url}dialogues/",
            {
                "held_on": "igår",
                "method": "walk",
                "participants": "12",
                "outcome": "Mörka gångstråk",
            },
        )
        self.assertEqual(r.status_code, 400)
        self.assertContains(r, '<a href="#id_held_on">', status_code=400)
        self.assertContains(r, "Mörka gångstråk</textarea>", status_code=400)
        self.assertFalse(CitizenDialogue.objects.exists())

    def test_an_invalid_follow_up_shows_the_promise_page_again_with_what_was_typed(self) -> None:
        promise = Promise.objects.create(
            pledge=self.pledge, party=PromiseParty.POLICE, text="Fotpatrullera"
        )
        url = f"/pledges/promises/{promise.pk}/follow-up/"
        r = self.client.post(
            url, {"reported_on": "2026-03-31", "outcome_count": "-1", "text": "Tio pass"}
        )
        self.assertEqual(r.status_code, 400)
        self.assertContains(r, '<a href="#id_outcome_count">', status_code=400)
        self.assertContains(r, "Tio pass</textarea>", status_code=400)
        # A rule of the service (a date before the period) is shown the same way.
        r = self.client.post(url, {"reported_on": "2025-03-31", "outcome_count": "3"})
        self.assertContains(r, "govuk-error-summary", status_code=400)
        self.assertContains(r, 'value="2025-03-31"', status_code=400)
        self.assertFalse(promise.follow_ups.exists())


class PromiseBehindTargetTests(BaseTestCase):
    def test_the_tag_says_how_far_the_promise_is_from_its_target(self) -> None:
        pledge = CitizenPledge.objects.create(
            tenant=self.stockholm,
            title="Medborgarlöfte Järva 2024",
            municipal_party=self.jarva_sdf,
            police_party=self.lpo_jarva,
            valid_from=date(2024, 1, 1),
            valid_to=date(2024, 12, 31),
        )
        promise = Promise.objects.create(
            pledge=pledge,
            party=PromiseParty.TOGETHER,
            text="Trygghetsvandringar",
            target_count=5,
            target_unit="per_period",
        )
        services.record_promise_follow_up(
            promise=promise, reported_on=date(2024, 6, 30), outcome_count=2, by=self.anna
        )
        self.client.force_login(self.anna)
        page = self.client.get(f"/pledges/promises/{promise.pk}/")
        self.assertContains(page, "3 kvar till målet hittills")
        self.assertNotContains(page, ">efter<")
        page = self.client.get(f"/pledges/promises/{promise.pk}/", HTTP_ACCEPT_LANGUAGE="en")
        self.assertContains(page, "3 short of the target so far")
