"""A new scale version must not change what old reports meant."""

from datetime import timedelta

from django.utils import timezone

from samverkan.est.models import Observation, RatingScale
from samverkan.est.services import ObservationInvalid, publish_rating_scale

from .base import EstTestCase


class ScaleVersionTests(EstTestCase):
    def publish_v2(self, valid_from):
        return publish_rating_scale(
            tenant=self.stockholm,
            name="Trygghetspåverkan",
            levels=[
                (0, "Grön", ""),
                (1, "Gul", ""),
                (2, "Orange", ""),
                (3, "Röd", ""),
                (4, "Svart", ""),
            ],
            valid_from=valid_from,
            note="Fem nivåer från och med i dag",
        )

    def test_old_reports_keep_their_version_and_label(self) -> None:
        old = self.observe(rating=2, on=timezone.localdate() - timedelta(days=3))
        v2 = self.publish_v2(timezone.localdate() - timedelta(days=1))
        self.assertEqual(v2.version, 2)
        new = self.observe(rating=2, on=timezone.localdate())
        old.refresh_from_db()
        self.assertEqual((old.scale, old.rating_label), (self.scale, "Påtaglig påverkan"))
        self.assertEqual((new.scale, new.rating_label), (v2, "Orange"))
        # Severity is relative to each version's top: 2/3 versus 2/4.
        self.assertAlmostEqual(old.severity, 2 / 3)
        self.assertAlmostEqual(new.severity, 2 / 4)
        self.client.force_login(self.rut)
        self.assertContains(self.client.get(f"/est/observations/{old.pk}/"), "Påtaglig påverkan")

    def test_a_level_only_on_the_new_version_is_refused_for_dates_before_it(self) -> None:
        self.publish_v2(timezone.localdate())
        with self.assertRaises(ObservationInvalid):
            self.observe(rating=4, on=timezone.localdate() - timedelta(days=2))
        self.assertEqual(self.observe(rating=4, on=timezone.localdate()).rating, 4)

    def test_the_form_offers_the_current_version(self) -> None:
        self.publish_v2(timezone.localdate())
        self.client.force_login(self.rut)
        r = self.client.get("/est/report/")
        self.assertContains(r, "4 – Svart")
        self.assertNotContains(r, "Påtaglig påverkan")

    def test_versions_are_numbered_per_tenant_and_need_levels_from_zero(self) -> None:
        with self.assertRaises(ValueError):
            publish_rating_scale(
                tenant=self.stockholm,
                name="x",
                levels=[(1, "a", ""), (2, "b", "")],
                valid_from=timezone.localdate(),
            )
        self.assertEqual(RatingScale.objects.filter(tenant=self.stockholm).count(), 1)
        self.assertFalse(Observation.objects.exists())
