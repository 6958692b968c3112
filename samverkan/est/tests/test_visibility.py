"""Who sees which observations: records (with text) versus the aggregated picture."""

from samverkan.est.models import Observation

from .base import SODER_POINT, EstTestCase


class VisibilityTests(EstTestCase):
    def setUp(self) -> None:
        self.jarva = self.observe(by=self.rut, text="Skräp vid Rinkeby torg")
        self.soder = self.observe(
            by=self.sara, organisation=self.sodermalm_sdf, point=SODER_POINT, text="Klotter Söder"
        )

    def detail(self, user, obs):
        self.client.force_login(user)
        return self.client.get(f"/est/observations/{obs.pk}/")

    def test_karin_of_another_tenant_gets_404_everywhere(self) -> None:
        self.assertEqual(self.detail(self.karin, self.jarva).status_code, 404)
        self.assertEqual(self.client.get("/est/weekly/").status_code, 404)
        self.assertEqual(
            self.client.get(f"/est/weekly/?district={self.rinkeby_kista.pk}").status_code, 404
        )
        self.assertFalse(Observation.objects.visible_to(self.karin).exists())

    def test_sara_cannot_see_jarvas_observations(self) -> None:
        self.assertEqual(self.detail(self.sara, self.jarva).status_code, 404)
        self.assertEqual(self.detail(self.sara, self.soder).status_code, 200)
        self.assertEqual(
            self.client.get(f"/est/weekly/?district={self.rinkeby_kista.pk}").status_code, 404
        )
        self.assertEqual(list(Observation.objects.in_picture_of(self.sara)), [self.soder])

    def test_police_see_the_districts_their_organisation_covers(self) -> None:
        self.assertEqual(self.detail(self.per, self.jarva).status_code, 200)
        self.assertEqual(self.detail(self.per, self.soder).status_code, 404)

    def test_police_see_the_districts_of_their_local_agreements(self) -> None:
        agreement = self.make_local_agreement(
            "Lokal överenskommelse Södermalm",
            parties=[(self.sodermalm_sdf, "municipal"), (self.lpo_jarva, "police")],
        )
        agreement.districts.add(self.sodermalm)
        self.assertEqual(self.detail(self.per, self.soder).status_code, 200)

    def test_the_city_coordinator_sees_the_whole_city(self) -> None:
        self.assertEqual(set(Observation.objects.visible_to(self.anna)), {self.jarva, self.soder})

    def test_a_reporter_reads_own_texts_but_counts_colleagues_in_the_picture(self) -> None:
        colleague = self.observe(by=self.rami, text="Rami såg något")
        self.assertEqual(self.detail(self.rut, self.jarva).status_code, 200)
        self.assertEqual(self.detail(self.rut, colleague).status_code, 404)
        self.assertEqual(set(Observation.objects.in_picture_of(self.rut)), {self.jarva, colleague})
        week = self.jarva.observed_on.isocalendar()
        r = self.client.get(f"/est/weekly/?week={week[0]}-W{week[1]:02d}")
        self.assertEqual(r.status_code, 200)
        self.assertNotContains(r, "Rami såg något")

    def test_a_reader_sees_the_picture_but_not_the_records(self) -> None:
        self.assertEqual(self.detail(self.olle, self.jarva).status_code, 404)
        self.assertEqual(self.client.get("/est/weekly/").status_code, 200)

    def test_anonymous_users_are_sent_to_log_in(self) -> None:
        self.client.logout()
        for url in [
            "/est/weekly/",
            "/est/ranking/",
            "/est/hotspots/",
            "/est/yearly/",
            f"/est/observations/{self.jarva.pk}/",
        ]:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 302)
        from django.contrib.auth.models import AnonymousUser

        self.assertFalse(Observation.objects.visible_to(AnonymousUser()).exists())
        self.assertFalse(Observation.objects.in_picture_of(AnonymousUser()).exists())
