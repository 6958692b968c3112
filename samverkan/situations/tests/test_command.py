"""``samverkan situation``: the same figures on the command line, clear errors."""

import json
from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError

from .helpers import SituationTestCase


class SituationCommandTests(SituationTestCase):
    def run_command(self, *args: str) -> str:
        out = StringIO()
        call_command("situation", *args, stdout=out, stderr=StringIO())
        return out.getvalue()

    def test_json_output_equals_the_download(self) -> None:
        out = self.run_command(
            "--area", "Rinkeby-Kista", "--from", "2025-02-01", "--to", "2025-03-31"
        )
        self.client.force_login(self.anna)
        download = self.client.get(
            f"/situation/district/80125/situation.json{self.period_query()}"
        ).json()
        # Tenant-private sections (problems) need a user; the command runs without one and
        # leaves them out. Everything else is the same.
        self.assertEqual(download.pop("sections").keys() - {"problems"}, set())
        self.assertEqual(json.loads(out).pop("sections"), {})
        self.assertEqual(json.loads(out) | {"sections": None}, download | {"sections": None})

    def test_names_are_matched_without_regard_to_case(self) -> None:
        out = self.run_command(
            "--area", "rinkeby-kista", "--from", "2025-02-01", "--to", "2025-03-31"
        )
        self.assertEqual(json.loads(out)["area"]["code"], "80125")

    def test_html_output_has_the_tables_and_sources(self) -> None:
        out = self.run_command(
            "--area",
            "Stockholm",
            "--kind",
            "municipality",
            "--from",
            "2025-02-01",
            "--to",
            "2025-03-31",
            "--format",
            "html",
        )
        self.assertTrue(out.startswith("<!DOCTYPE html>"))
        self.assertIn("<caption", out)
        self.assertIn('scope="col"', out)
        self.assertIn("Polisen, händelser (polisen.se/api/events)", out)
        self.assertNotIn("<script", out)

    def test_a_name_shared_by_a_district_and_a_neighbourhood_needs_kind(self) -> None:
        with self.assertRaises(CommandError) as cm:
            self.run_command("--area", "Södermalm", "--from", "2025-02-01", "--to", "2025-03-31")
        message = str(cm.exception)
        self.assertIn("district Södermalm (code 80127)", message)
        self.assertIn("neighbourhood Södermalm (code SÖDERMALM)", message)
        self.assertIn("--kind", message)

        out = self.run_command(
            "--area",
            "Södermalm",
            "--kind",
            "neighbourhood",
            "--from",
            "2025-02-01",
            "--to",
            "2025-03-31",
        )
        self.assertEqual(json.loads(out)["area"]["kind"], "neighbourhood")

    def test_an_unknown_area_lists_close_matches(self) -> None:
        with self.assertRaises(CommandError) as cm:
            self.run_command("--area", "Rinkeby Kist", "--from", "2025-02-01", "--to", "2025-03-31")
        self.assertIn("no area named 'Rinkeby Kist'", str(cm.exception))
        self.assertIn("Close matches: Rinkeby-Kista", str(cm.exception))

        with self.assertRaises(CommandError) as cm:
            self.run_command("--area", "Stokholm", "--kind", "municipality")
        self.assertIn("Close matches: Stockholm", str(cm.exception))

        with self.assertRaises(CommandError) as cm:
            self.run_command("--area", "Xyzzy")
        self.assertIn("No close matches", str(cm.exception))

    def test_bad_dates_are_clear_errors(self) -> None:
        cases = [
            (
                ("--from", "2025-13-01", "--to", "2025-12-31"),
                "--from '2025-13-01': not a valid date",
            ),
            (("--from", "2025/01/01", "--to", "2025-12-31"), "expected a date as YYYY-MM-DD"),
            (("--from", "2025-03-01", "--to", "2025-02-01"), "--from 2025-03-01 is after --to"),
            (("--from", "1990-01-01", "--to", "2025-02-01"), "longer than"),
        ]
        for dates, message in cases:
            with self.subTest(dates=dates), self.assertRaisesMessage(CommandError, message):
                self.run_command("--area", "Stockholm", *dates)

    def test_without_dates_it_uses_the_default_period(self) -> None:
        out = json.loads(self.run_command("--area", "Stockholm"))
        self.assertEqual(out["period"]["from"], "2024-04-01")
        self.assertEqual(out["period"]["to"], "2025-03-31")
