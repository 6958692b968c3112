"""The situation-picture section and the reproducible demo data."""

from datetime import date, timedelta
from io import StringIO

from django.apps import apps
from django.core.management import call_command
from django.utils import timezone
from django.utils.module_loading import import_string

from samverkan.est.demo import load_demo
from samverkan.est.models import Observation, ObservationSource
from samverkan.places.models import Place

from .base import SODER_POINT, EstTestCase


class SituationSectionTests(EstTestCase):
    def section(self, **kwargs):
        path = apps.get_app_config("est").situation_sections[0]
        return import_string(path)(**kwargs)

    def test_the_section_counts_what_the_user_may_see_in_the_area(self) -> None:
        day = timezone.localdate() - timedelta(days=2)
        self.observe(category="graffiti", rating=3, on=day)
        self.observe(category="graffiti", rating=0, on=day)
        self.observe(category="fire", rating=3, on=day)
        self.observe(by=self.sara, organisation=self.sodermalm_sdf, point=SODER_POINT, on=day)
        out = self.section(area=self.rinkeby_kista, start=day, end=day, user=self.per)
        self.assertEqual(out["key"], "est")
        self.assertEqual(out["template"], "est/situation_section.html")
        self.assertEqual(out["data"]["total"], 3)
        by = {r["category"]: r for r in out["data"]["by_category"]}
        self.assertEqual(by["graffiti"]["count"], 2)
        self.assertAlmostEqual(by["graffiti"]["mean_severity"], (3 / 3 + 0 / 3) / 2, places=3)
        # The whole municipality for Anna; nothing for Sara in Rinkeby-Kista or Karin.
        self.assertEqual(
            self.section(area=self.stockholm_m, start=day, end=day, user=self.anna)["data"][
                "total"
            ],
            4,
        )
        self.assertIsNone(self.section(area=self.rinkeby_kista, start=day, end=day, user=self.sara))
        self.assertIsNone(self.section(area=self.stockholm_m, start=day, end=day, user=self.karin))
        # From the command line (no user) observations are not shown.
        self.assertIsNone(self.section(area=self.stockholm_m, start=day, end=day, user=None))
        self.assertIsNone(
            self.section(
                area=self.rinkeby,
                start=day - timedelta(days=9),
                end=day - timedelta(days=3),
                user=self.per,
            )
        )

    def test_the_section_renders(self) -> None:
        from django.template.loader import render_to_string

        day = timezone.localdate() - timedelta(days=2)
        self.observe(on=day)
        out = self.section(area=self.rinkeby, start=day, end=day, user=self.per)
        html = render_to_string(out["template"], out["context"])
        self.assertIn("<caption", html)


class SituationPageTests(EstTestCase):
    def test_the_situation_page_shows_the_est_section(self) -> None:
        day = timezone.localdate() - timedelta(days=2)
        self.observe(category="graffiti", on=day)
        self.client.force_login(self.per)
        url = f"/situation/district/{self.rinkeby_kista.code}/?from={day}&to={day}"
        r = self.client.get(url)
        self.assertContains(r, 'id="sv-section-est"')
        r = self.client.get(
            f"/situation/district/{self.rinkeby_kista.code}/situation.json?from={day}&to={day}"
        )
        self.assertEqual(r.json()["sections"]["est"]["total"], 1)


class DemoDataTests(EstTestCase):
    def rows(self):
        return list(
            Observation.objects.order_by(
                "observed_on",
                "neighbourhood_id",
                "category_id",
                "rating",
                "longitude",
                "latitude",
                "text",
            ).values_list(
                "observed_on",
                "neighbourhood_id",
                "category__code",
                "rating",
                "longitude",
                "latitude",
                "text",
            )
        )

    def test_the_same_seed_gives_the_same_demo_data_labelled_as_demo(self) -> None:
        until = date(2026, 11, 22)
        first = load_demo(tenant=self.stockholm, until=until, weeks=60, seed=1)
        rows_1 = self.rows()
        second = load_demo(tenant=self.stockholm, until=until, weeks=60, seed=1)
        self.assertEqual(first, second)
        self.assertEqual(rows_1, self.rows())
        self.assertGreater(first["observations"], 20)
        self.assertFalse(Observation.objects.filter(is_demo=False).exists())
        self.assertFalse(Observation.objects.exclude(source=ObservationSource.DEMO).exists())
        self.assertFalse(Observation.objects.exclude(text__startswith="[DEMO] ").exists())
        self.assertTrue(Place.objects.filter(is_demo=True).exists())
        load_demo(tenant=self.stockholm, until=until, weeks=60, seed=2)
        self.assertNotEqual(rows_1, self.rows())

    def test_real_reports_survive_a_demo_reload_and_pages_show_the_label(self) -> None:
        real = self.observe()
        out = StringIO()
        call_command("load-est-demo", "--until", "2026-11-22", "--weeks", "20", stdout=out)
        self.assertIn("demo observations", out.getvalue())
        self.assertTrue(Observation.objects.filter(pk=real.pk).exists())
        self.client.force_login(self.anna)
        week = next(
            w
            for w in range(47, 28, -1)
            if Observation.objects.filter(
                is_demo=True, observed_on__week=w, observed_on__year=2026
            ).exists()
        )
        r = self.client.get(f"/est/weekly/?week=2026-W{week}")
        self.assertGreater(r.context["matrix"].demo_count, 0)
        self.assertContains(r, "govuk-tag--grey")
