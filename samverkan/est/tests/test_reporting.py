from datetime import timedelta

from django.utils import timezone

from samverkan.est.models import Observation, ObservationStatus

from .base import EstTestCase


class ReportFormTests(EstTestCase):
    url = "/est/report/"

    def post(self, follow: bool = False, **overrides):
        data = {
            "organisation": self.jarva_sdf.pk,
            "category": self.categories["graffiti"].pk,
            "rating": 2,
            "neighbourhood": self.rinkeby.pk,
            "observed_on": (timezone.localdate() - timedelta(days=1)).isoformat(),
            "part_of_day": "evening",
            "text": "Nytt klotter på gångtunneln",
        }
        data.update(overrides)
        return self.client.post(self.url, data, follow=follow)

    def test_a_reporter_reports_and_sees_the_report(self) -> None:
        self.client.force_login(self.rut)
        self.assertEqual(self.client.get(self.url).status_code, 200)
        r = self.post()
        obs = Observation.objects.get()
        self.assertRedirects(r, f"/est/observations/{obs.pk}/")
        self.assertEqual(
            (obs.district, obs.neighbourhood, obs.rating, obs.part_of_day, obs.reported_by),
            (self.rinkeby_kista, self.rinkeby, 2, "evening", self.rut),
        )
        self.assertEqual(obs.scale, self.scale)
        self.assertEqual(obs.status, ObservationStatus.OPEN)
        page = self.client.get(r.url)
        self.assertContains(page, "Nytt klotter på gångtunneln")
        self.assertContains(page, "Påtaglig påverkan")

    def test_identifiers_are_removed_before_saving_and_the_reporter_is_told(self) -> None:
        self.client.force_login(self.rut)
        r = self.post(text="Föraren av ABC 123 ringde 070-123 45 67, pnr 811218-9876", follow=True)
        obs = Observation.objects.get()
        self.assertEqual(
            obs.text, "Föraren av [registreringsnummer] ringde [telefonnummer], pnr [personnummer]"
        )
        self.assertEqual(
            obs.removed_identifiers,
            {"vehicle_registration": 1, "phone_number": 1, "personal_identity_number": 1},
        )
        self.assertContains(r, "1 telefonnummer")
        self.assertContains(r, "1 personnummer")
        self.assertNotContains(r, "070-123 45 67")

    def test_a_map_point_places_the_report_in_its_neighbourhood(self) -> None:
        self.client.force_login(self.rut)
        self.post(neighbourhood="", latitude="59.305", longitude="18.045")
        obs = Observation.objects.get()
        self.assertEqual((obs.district, obs.neighbourhood), (self.sodermalm, self.hornstull))
        self.assertEqual((obs.longitude, obs.latitude), (18.045, 59.305))

    def test_a_point_outside_the_tenant_is_refused(self) -> None:
        self.client.force_login(self.rut)
        r = self.post(neighbourhood="", latitude="50.1", longitude="10.1")
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "govuk-error-summary")
        self.assertFalse(Observation.objects.exists())

    def test_it_needs_where_and_when(self) -> None:
        self.client.force_login(self.rut)
        r = self.post(neighbourhood="", part_of_day="")
        self.assertContains(r, "govuk-error-summary")
        self.assertContains(r, 'href="#id_neighbourhood"')
        self.assertContains(r, 'href="#id_part_of_day"')
        self.assertFalse(Observation.objects.exists())

    def test_other_needs_a_description_and_dates_cannot_be_in_the_future(self) -> None:
        self.client.force_login(self.rut)
        self.post(category=self.categories["other"].pk, text="")
        tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
        self.post(observed_on=tomorrow)
        self.assertFalse(Observation.objects.exists())

    def test_a_rating_not_on_the_scale_is_refused(self) -> None:
        self.client.force_login(self.rut)
        r = self.post(rating=7)
        self.assertContains(r, "govuk-error-summary")
        self.assertFalse(Observation.objects.exists())

    def test_a_tenant_without_a_scale_gets_an_explanation(self) -> None:
        from samverkan.est.models import RatingScale

        RatingScale.objects.all().delete()
        self.client.force_login(self.rut)
        r = self.client.get(self.url)
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "est-seed")

    def test_users_who_may_not_report_get_404_and_anonymous_users_log_in(self) -> None:
        self.client.force_login(self.olle)  # reader
        self.assertEqual(self.client.get(self.url).status_code, 404)
        self.client.logout()
        r = self.client.get(self.url)
        self.assertEqual(r.status_code, 302)
        self.assertIn("/accounts/login/", r.url)

    def test_a_reporter_edits_their_own_report_on_its_scale(self) -> None:
        obs = self.observe(by=self.rut, rating=1)
        self.client.force_login(self.rut)
        r = self.client.post(
            f"/est/observations/{obs.pk}/edit/",
            {"rating": 3, "text": "Värre nu, ring 08-123 456 78", "status": "closed"},
        )
        self.assertRedirects(r, f"/est/observations/{obs.pk}/")
        obs.refresh_from_db()
        self.assertEqual((obs.rating, obs.status), (3, "closed"))
        self.assertEqual(obs.text, "Värre nu, ring [telefonnummer]")

    def test_a_colleague_cannot_edit_or_read_someone_elses_report(self) -> None:
        obs = self.observe(by=self.rut)
        self.client.force_login(self.rami)
        self.assertEqual(self.client.get(f"/est/observations/{obs.pk}/").status_code, 404)
        r = self.client.post(f"/est/observations/{obs.pk}/edit/", {"rating": 3, "status": "open"})
        self.assertEqual(r.status_code, 404)

    def test_reading_a_report_is_logged(self) -> None:
        from samverkan.audit.models import AuditEntry

        obs = self.observe(by=self.rut)
        self.client.force_login(self.per)
        self.client.get(f"/est/observations/{obs.pk}/")
        entry = AuditEntry.objects.filter(
            action=AuditEntry.Action.ACCESS, object_pk=str(obs.pk)
        ).get()
        self.assertEqual(entry.actor, self.per)
