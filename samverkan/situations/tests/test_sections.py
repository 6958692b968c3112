"""The section registry: apps add parts to the situation picture through their AppConfig."""

import json
from io import StringIO
from unittest import mock

from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import modify_settings

from samverkan.situations.registry import collect_sections

from .helpers import END, START, SituationTestCase

SECTION_APP = "samverkan.situations.tests.section_app"


@modify_settings(INSTALLED_APPS={"append": SECTION_APP})
class SectionRegistryTests(SituationTestCase):
    def test_a_section_appears_on_the_page_and_under_its_key_in_the_json(self) -> None:
        self.client.force_login(self.olle)
        page = self.client.get(f"/situation/district/80125/{self.period_query()}")
        self.assertContains(page, "Example section")
        self.assertContains(page, "Example section for Rinkeby-Kista: 59 days.")

        data = self.client.get(f"/situation/district/80125/situation.json{self.period_query()}")
        self.assertEqual(
            data.json()["sections"],
            {"example": {"area": "Rinkeby-Kista", "days": 59, "user": "olle"}},
        )

    def test_the_command_passes_no_user(self) -> None:
        out = StringIO()
        call_command(
            "situation",
            "--area",
            "Stockholm",
            "--kind",
            "municipality",
            "--from",
            "2025-02-01",
            "--to",
            "2025-03-31",
            stdout=out,
        )
        self.assertEqual(
            json.loads(out.getvalue())["sections"],
            {"example": {"area": "Stockholm", "days": 59, "user": None}},
        )

    def test_a_section_without_required_keys_is_a_configuration_error(self) -> None:
        def broken(**kwargs):
            return {"key": "broken", "title": "Broken"}

        with (
            mock.patch("samverkan.situations.registry.section_callables", return_value=[broken]),
            self.assertRaisesMessage(ImproperlyConfigured, "lacks template, context, data"),
        ):
            collect_sections(area=self.stockholm_m, start=START, end=END, user=None)

    def test_two_sections_with_the_same_key_are_a_configuration_error(self) -> None:
        from .section_app.sections import period_section

        with (
            mock.patch(
                "samverkan.situations.registry.section_callables",
                return_value=[period_section, period_section],
            ),
            self.assertRaisesMessage(ImproperlyConfigured, "used twice"),
        ):
            collect_sections(area=self.stockholm_m, start=START, end=END, user=None)


class NoSectionsTests(SituationTestCase):
    def test_without_the_app_there_is_no_section(self) -> None:
        self.assertEqual(
            collect_sections(area=self.stockholm_m, start=START, end=END, user=None), []
        )
