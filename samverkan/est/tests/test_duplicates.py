"""Nearby open reports of the same category: the reporter is warned before saving."""

from datetime import timedelta

from django.utils import timezone

from samverkan.est.geo import distance_m
from samverkan.est.models import Observation, ObservationStatus
from samverkan.est.services import DUPLICATE_RADIUS_M, DUPLICATE_WINDOW_DAYS

from .base import RINKEBY_POINT, EstTestCase


class DuplicateWarningTests(EstTestCase):
    url = "/est/report/"

    def setUp(self) -> None:
        self.day = timezone.localdate() - timedelta(days=2)
        self.existing = self.observe(by=self.rami, category="graffiti", on=self.day)

    def post(self, *, lon: float = RINKEBY_POINT[0], lat: float = RINKEBY_POINT[1], **overrides):
        data = {
            "organisation": self.jarva_sdf.pk,
            "category": self.categories["graffiti"].pk,
            "rating": 1,
            "latitude": str(lat),
            "longitude": str(lon),
            "observed_on": self.day.isoformat(),
            "part_of_day": "evening",
            "text": "Klotter på tunneln",
        }
        data.update(overrides)
        self.client.force_login(self.rut)
        return self.client.post(self.url, data)

    def test_a_nearby_open_report_of_the_same_kind_is_shown_before_saving(self) -> None:
        # 100 m north of the existing point: 0.0009° of latitude ≈ 100 m.
        r = self.post(lat=RINKEBY_POINT[1] + 0.0009)
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "sv-nearby")
        self.assertContains(r, 'name="confirm_nearby" value="1"')
        # The colleague's text is not shown, only what, when, where and how serious.
        self.assertNotContains(r, "Skräp vid entrén")
        self.assertEqual(Observation.objects.count(), 1)

    def test_confirming_saves_and_records_how_many_were_nearby(self) -> None:
        r = self.post(lat=RINKEBY_POINT[1] + 0.0009, confirm_nearby="1")
        self.assertEqual(r.status_code, 302)
        new = Observation.objects.exclude(pk=self.existing.pk).get()
        self.assertEqual(new.nearby_open_when_reported, 1)

    def test_no_warning_for_another_category_far_away_closed_or_long_ago(self) -> None:
        lat_far = RINKEBY_POINT[1] + 0.004  # ≈ 445 m
        self.assertGreater(
            distance_m(RINKEBY_POINT, (RINKEBY_POINT[0], lat_far)), DUPLICATE_RADIUS_M
        )
        cases = [
            {"category": self.categories["littering"].pk},
            {"lat": lat_far},
            {"observed_on": (self.day - timedelta(days=DUPLICATE_WINDOW_DAYS + 1)).isoformat()},
        ]
        for i, case in enumerate(cases, start=1):
            with self.subTest(case=case):
                r = self.post(**case)
                self.assertEqual(r.status_code, 302)
                self.assertEqual(Observation.objects.count(), 1 + i)
        Observation.objects.exclude(pk=self.existing.pk).delete()
        Observation.objects.filter(pk=self.existing.pk).update(status=ObservationStatus.CLOSED)
        self.assertEqual(self.post().status_code, 302)

    def test_same_neighbourhood_without_points_counts_as_nearby(self) -> None:
        self.observe(by=self.rami, category="fire", on=self.day, point=None)
        r = self.post(
            category=self.categories["fire"].pk,
            latitude="",
            longitude="",
            neighbourhood=self.rinkeby.pk,
        )
        self.assertContains(r, "sv-nearby")
