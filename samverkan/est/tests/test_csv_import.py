"""CSV import: documented columns, bad rows reported by line and column, all or nothing."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from samverkan.est.models import Observation, ObservationSource
from samverkan.est.services import ImportRejected, import_observations_csv

from .base import EstTestCase

HEADER = (
    "external_id;date;time;part_of_day;category;rating;neighbourhood;place;latitude;longitude;text"
)


class CsvTestCase(EstTestCase):
    def setUp(self) -> None:
        self.day = (timezone.localdate() - timedelta(days=3)).isoformat()

    def csv(self, *rows: str) -> bytes:
        return ("\ufeff" + "\n".join([HEADER, *rows]) + "\n").encode("utf-8")

    def good_rows(self) -> list[str]:
        return [
            f"A-1;{self.day};21:30;;graffiti;2;Rinkeby;;;;Klotter på tunneln",
            f"A-2;{self.day};;night;fire;3;;;59.305;18.045;Containerbrand, ring 070-123 45 67",
            f"A-3;{self.day};;evening;littering;1;SÖDERMALM;;;;Skräp",
        ]

    def upload(self, data: bytes):
        self.client.force_login(self.anna)
        return self.client.post(
            "/est/import/",
            {"organisation": self.city.pk, "file": SimpleUploadedFile("est.csv", data)},
        )


class CsvImportTests(CsvTestCase):
    def test_a_good_file_is_imported_and_scrubbed(self) -> None:
        r = self.upload(self.csv(*self.good_rows()))
        self.assertEqual(r.status_code, 200)
        self.assertEqual(Observation.objects.count(), 3)
        fire = Observation.objects.get(external_id="A-2")
        self.assertEqual((fire.district, fire.neighbourhood), (self.sodermalm, self.hornstull))
        self.assertEqual(fire.text, "Containerbrand, ring [telefonnummer]")
        self.assertEqual(fire.source, ObservationSource.IMPORT)
        graffiti = Observation.objects.get(external_id="A-1")
        self.assertEqual(graffiti.part_of_day, "evening")  # from 21:30
        self.assertEqual(timezone.localtime(graffiti.observed_at).strftime("%H:%M"), "21:30")

    def test_importing_the_same_file_twice_skips_known_rows(self) -> None:
        data = self.csv(*self.good_rows())
        import_observations_csv(data=data, organisation=self.city, imported_by=self.anna)
        outcome = import_observations_csv(data=data, organisation=self.city, imported_by=self.anna)
        self.assertEqual((outcome.created, outcome.skipped_existing), (0, 3))
        self.assertEqual(Observation.objects.count(), 3)

    def test_bad_rows_are_reported_with_line_and_column_and_nothing_is_written(self) -> None:
        tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
        rows = self.good_rows() + [
            "B-1;30/11/2025;;night;graffiti;1;Rinkeby;;;;x",  # line 5: date
            f"B-2;{self.day};;night;unknown;1;Rinkeby;;;;x",  # line 6: category
            f"B-3;{self.day};;night;graffiti;9;Rinkeby;;;;x",  # line 7: rating
            f"B-4;{self.day};;;graffiti;1;Atlantis;;;;x",  # line 8: part_of_day, neighbourhood
            f"B-5;{tomorrow};;night;other;1;Rinkeby;;;;",  # line 9: date, text
            f"A-1;{self.day};;night;graffiti;1;Rinkeby;;;;x",  # line 10: repeated id
        ]
        r = self.upload(self.csv(*rows))
        self.assertEqual(r.status_code, 400)
        self.assertFalse(Observation.objects.exists())
        with self.assertRaises(ImportRejected) as caught:
            import_observations_csv(
                data=self.csv(*rows), organisation=self.city, imported_by=self.anna
            )
        found = {(e.row, e.field) for e in caught.exception.errors}
        self.assertEqual(
            found,
            {
                (5, "date"),
                (6, "category"),
                (7, "rating"),
                (8, "part_of_day"),
                (8, "neighbourhood"),
                (9, "date"),
                (9, "text"),
                (10, "external_id"),
            },
        )
        self.assertContains(r, '<td class="govuk-table__cell">8</td>', status_code=400)
        self.assertFalse(Observation.objects.exists())

    def test_a_file_with_missing_or_unknown_columns_is_refused(self) -> None:
        with self.assertRaises(ImportRejected) as caught:
            import_observations_csv(
                data="date,category,colour\n2025-01-01,graffiti,red\n",
                organisation=self.city,
                imported_by=self.anna,
            )
        self.assertEqual({(e.row, e.field) for e in caught.exception.errors}, {(1, "rating")})

    def test_only_coordinators_may_import(self) -> None:
        self.client.force_login(self.rut)
        self.assertEqual(self.client.get("/est/import/").status_code, 404)
        self.client.force_login(self.karin)
        self.assertEqual(self.client.get("/est/import/").status_code, 404)


class CsvImportCommandTests(CsvTestCase):
    def test_the_command_imports_or_lists_errors_and_exits(self) -> None:
        import tempfile
        from io import StringIO

        from django.core.management import CommandError, call_command

        with tempfile.NamedTemporaryFile(suffix=".csv") as f:
            f.write(self.csv(*self.good_rows(), f"B-1;{self.day};;night;nope;1;Rinkeby;;;;x"))
            f.flush()
            err = StringIO()
            with self.assertRaises(CommandError):
                call_command(
                    "import-est-csv",
                    f.name,
                    "--organisation",
                    "Stockholms stad",
                    "--user",
                    "anna",
                    stderr=err,
                )
            self.assertIn("line 5, category", err.getvalue())
            self.assertFalse(Observation.objects.exists())
        with tempfile.NamedTemporaryFile(suffix=".csv") as f:
            f.write(self.csv(*self.good_rows()))
            f.flush()
            out = StringIO()
            call_command(
                "import-est-csv",
                f.name,
                "--organisation",
                "Stockholms stad",
                "--user",
                "anna",
                stdout=out,
            )
        self.assertIn("3 imported", out.getvalue())
        self.assertEqual(Observation.objects.count(), 3)
