"""Respondent files: bad files give clear errors naming row and column, and load nothing."""

import io

from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook

from samverkan.datasets.models import ImportRun
from samverkan.surveys.importers import SurveyFileError
from samverkan.surveys.models import Respondent, SurveyWave

from .helpers import HEADER, SurveyTestCase, csv_bytes

GOOD = [
    [1.5, "kvinna", 34, "80125", "", "", 1, 2, 3],
    [2.0, "man", 70, "80127", "", "", 3, 1, ""],
]


class ImportTests(SurveyTestCase):
    def setUp(self):
        self.enterContext(translation.override("en"))  # messages asserted in English

    def assert_nothing_loaded(self):
        self.assertFalse(SurveyWave.objects.filter(survey=self.survey).exists())
        self.assertFalse(Respondent.objects.exists())
        self.assertFalse(ImportRun.objects.exists())

    def test_good_file_loads_all_rows(self):
        wave = self.load(GOOD)
        self.assertEqual(wave.respondents, 2)
        first = Respondent.objects.get(wave=wave, row_number=2)
        self.assertEqual(first.district, self.rinkeby_kista)
        self.assertEqual(first.age_band, "25-44")
        self.assertEqual(first.answers, {"worry": 1, "night": 2, "litter": 3})
        self.assertEqual(Respondent.objects.get(row_number=3).answers, {"worry": 3, "night": 1})
        self.assertEqual(ImportRun.objects.get().counts["respondents"], 2)

    def test_missing_weight_column(self):
        header = [h for h in HEADER if h != "weight"]
        rows = [r[1:] for r in GOOD]
        with self.assertRaises(SurveyFileError) as ctx:
            self.load(rows, header=header)
        self.assertIn("Column 'weight' is missing", ctx.exception.errors[0])
        self.assert_nothing_loaded()

    def test_weight_not_positive(self):
        rows = [
            GOOD[0],
            [0, "man", 70, "80127", "", "", 3, 1, ""],
            [-2, "man", 40, "80127", "", "", 1, 1, 1],
        ]
        with self.assertRaises(SurveyFileError) as ctx:
            self.load(rows)
        self.assertEqual(len(ctx.exception.errors), 2)
        self.assertIn("Row 3, column 'weight'", ctx.exception.errors[0])
        self.assertIn("greater than 0", ctx.exception.errors[0])
        self.assertIn("Row 4, column 'weight'", ctx.exception.errors[1])
        self.assert_nothing_loaded()

    def test_unknown_area_code(self):
        rows = [GOOD[0], [1.0, "man", 40, "99999", "", "", 1, 1, 1]]
        with self.assertRaises(SurveyFileError) as ctx:
            self.load(rows)
        self.assertEqual(
            ctx.exception.errors, ["Row 3, column 'area_code': unknown area code '99999'."]
        )
        self.assert_nothing_loaded()

    def test_area_of_another_tenant_is_unknown(self):
        from samverkan.geography.models import District

        District.objects.create(municipality=self.grannby_m, code="99901", name="Grannby centrum")
        with self.assertRaises(SurveyFileError):
            self.load([[1.0, "man", 40, "99901", "", "", 1, 1, 1]])
        self.assert_nothing_loaded()

    def test_answer_off_scale_and_area_names(self):
        header = ["weight", "sex", "age_band", "area_name", "worry"]
        with self.assertRaises(SurveyFileError) as ctx:
            self.load([[1, "k", "16-24", "rinkeby-kista", 9]], header=header)
        self.assertIn("Row 2, column 'worry'", ctx.exception.errors[0])
        wave = self.load([[1, "k", "16-24", "rinkeby-kista", 2]], header=header)
        self.assertEqual(wave.respondent_rows.get().district, self.rinkeby_kista)

    def test_excel_file(self):
        book = Workbook()
        sheet = book.active
        sheet.append(HEADER)
        for row in GOOD:
            sheet.append([None if v == "" else v for v in row])
        buffer = io.BytesIO()
        book.save(buffer)
        from samverkan.surveys.services import create_wave_from_file

        wave = create_wave_from_file(
            survey=self.survey, year=2021, content=buffer.getvalue(), file_name="w.xlsx"
        )
        self.assertEqual(wave.respondent_rows.count(), 2)


class UploadPageTests(SurveyTestCase):
    def url(self):
        return reverse("surveys-wave-upload", args=[self.survey.pk])

    def post(self, content: bytes, name="wave.csv", year="2020"):
        from django.core.files.uploadedfile import SimpleUploadedFile

        return self.client.post(
            self.url(), {"year": year, "file": SimpleUploadedFile(name, content, "text/csv")}
        )

    def test_coordinator_uploads_a_wave(self):
        self.client.force_login(self.anna)
        self.assertEqual(self.client.get(self.url()).status_code, 200)
        response = self.post(csv_bytes(GOOD))
        self.assertRedirects(response, reverse("surveys-detail", args=[self.survey.pk]))
        wave = SurveyWave.objects.get(survey=self.survey, year=2020)
        self.assertEqual(wave.respondent_rows.count(), 2)
        self.assertEqual(ImportRun.objects.get().run_by, self.anna)

    def test_bad_file_shows_errors_and_loads_nothing(self):
        self.client.force_login(self.anna)
        rows = [GOOD[0], [-1, "man", 40, "80127", "", "", 1, 1, 1]]
        response = self.post(csv_bytes(rows))
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "govuk-error-summary", status_code=400)
        self.assertContains(response, "&#x27;weight&#x27;", status_code=400)
        self.assertContains(response, " -1).", status_code=400)
        self.assertFalse(SurveyWave.objects.exists())

    def test_who_may_upload(self):
        self.assertEqual(self.client.get(self.url()).status_code, 302)  # anonymous → login
        # Per coordinates at LPO Järva: the one district rule limits him to Järva's
        # districts, and a city-wide survey covers every district (ADR 0096).
        for user in (self.olle, self.rut, self.sara, self.karin, self.per):
            self.client.force_login(user)
            self.assertEqual(self.client.get(self.url()).status_code, 404, user)
            self.assertEqual(self.post(csv_bytes(GOOD)).status_code, 404, user)
        self.assertFalse(SurveyWave.objects.exists())
        self.client.force_login(self.anna)
        self.assertEqual(self.client.get(self.url()).status_code, 200)


class CommandTests(SurveyTestCase):
    def setUp(self):
        self.enterContext(translation.override("en"))

    def test_import_command_all_or_nothing(self):
        import tempfile

        from django.core.management import CommandError, call_command

        with tempfile.NamedTemporaryFile(suffix=".csv") as f:
            f.write(csv_bytes([GOOD[0], [1, "man", 40, "12345", "", "", 1, 1, 1]]))
            f.flush()
            with self.assertRaisesMessage(CommandError, "Row 3, column 'area_code'"):
                call_command("import-survey-wave", f.name, survey="trygg", year=2022)
            self.assertFalse(SurveyWave.objects.exists())
        with tempfile.NamedTemporaryFile(suffix=".csv") as f:
            f.write(csv_bytes(GOOD))
            f.flush()
            call_command(
                "import-survey-wave",
                f.name,
                survey="trygg",
                year=2022,
                response_rate="48.5",
                stdout=io.StringIO(),
            )
        wave = SurveyWave.objects.get(year=2022)
        self.assertEqual((wave.respondents, float(wave.response_rate_percent)), (2, 48.5))


PUBLISHED_HEADER = ["survey", "area", "year", "group", "indicator_sv", "value_pct", "source_url"]


class PublishedImportTests(SurveyTestCase):
    def setUp(self):
        self.enterContext(translation.override("en"))

    def run_command(self, rows, tmp):
        from django.core.management import call_command

        path = f"{tmp}/figures.csv"
        with open(path, "wb") as f:
            f.write(csv_bytes(rows, PUBLISHED_HEADER))
        call_command("import-survey-figures", path, stdout=io.StringIO())

    def test_bad_table_loads_nothing_and_good_one_loads(self):
        import tempfile

        from django.core.management import CommandError

        from samverkan.surveys.models import PublishedFigure, Survey

        url = "https://example.org/report"
        wording = "otrygga när de var ute sent på kvällen"
        good = ["Brå NTU", "Sverige", "2012", "alla 16-79", wording, "15", url]
        with tempfile.TemporaryDirectory() as tmp:
            for bad, message in [
                (["Brå NTU", "Sverige", "2012", "alla", wording, "150", url], "value_pct"),
                (["Brå NTU", "Sverige", "2012", "alla", wording, "15", ""], "source_url"),
                (["Brå NTU", "Sverige", "2012", "alla", "okänd fråga", "15", url], "okänd fråga"),
            ]:
                with self.assertRaisesMessage(CommandError, message):
                    self.run_command([good, bad], tmp)
                self.assertFalse(PublishedFigure.objects.exists())
                self.assertFalse(Survey.objects.filter(name="Brå NTU").exists())
            self.run_command(
                [good, ["Brå NTU", "Sverige", "2006", "alla", wording, "21", url]], tmp
            )
        survey = Survey.objects.get(name="Brå NTU")
        self.assertEqual(survey.kind, "published")
        figures = PublishedFigure.objects.filter(wave__survey=survey).order_by("wave__year")
        self.assertEqual(
            [(f.wave.year, float(f.share_percent)) for f in figures], [(2006, 21.0), (2012, 15.0)]
        )
        self.assertEqual(figures[0].indicator.better, "lower")
