"""Local report texts, corrections and the year's compilation are stored scrubbed (#8)."""

from datetime import date

from samverkan.common.testing.scrub import STORED, TYPED, ScrubAssertions
from samverkan.reporting import services
from samverkan.reporting.models import AnnualCompilation, CompilationAreaText, LocalReport

from .base import ReportingCase


class ReportScrubbingTests(ScrubAssertions, ReportingCase):
    def setUp(self) -> None:
        super().setUp()
        self.report = services.start_report(
            agreement=self.jarva, start=date(2026, 1, 1), end=date(2026, 4, 30), by=self.per
        )
        self.area = self.city_agreement.priority_areas.order_by("order").first()

    def test_the_report_page_stores_scrubbed_texts_and_tells_the_writer(self) -> None:
        self.client.force_login(self.per)
        r = self.client.post(
            f"/reporting/{self.report.pk}/",
            {"summary": TYPED, f"area-{self.area.pk}": "Ring 0701234567 vid behov"},
            follow=True,
        )
        self.report.refresh_from_db()
        self.assertEqual(self.report.summary, STORED)
        self.assertEqual(
            self.report.area_texts.get(frame_area=self.area).text, "Ring [telefonnummer] vid behov"
        )
        self.assertContains(
            r,
            "Platser, inte personer: vi tog bort 1 personnummer, 2 telefonnummer, "
            "1 e-postadress ur din text innan den sparades.",
        )

    def test_the_reason_for_a_correction_is_scrubbed(self) -> None:
        services.save_report_texts(
            report=self.report,
            summary="Lugnt",
            texts={a.pk: "Text" for a in self.city_agreement.priority_areas.all()},
        )
        services.submit_report(report=self.report, by=self.per)
        self.client.force_login(self.per)
        r = self.client.post(
            f"/reporting/{self.report.pk}/correct/", {"reason": TYPED}, follow=True
        )
        new = LocalReport.objects.get(supersedes=self.report)
        self.assertEqual(new.correction_reason, STORED)
        self.assertWarnedAboutRemovals(r)

    def test_the_compilation_page_stores_scrubbed_texts(self) -> None:
        compilation = services.compile_year(frame=self.city_agreement, year=2026, by=self.anna)
        self.client.force_login(self.anna)
        r = self.client.post(
            f"/reporting/compilations/{compilation.pk}/",
            {"introduction": TYPED, f"area-{self.area.pk}": TYPED},
            follow=True,
        )
        compilation.refresh_from_db()
        self.assertEqual(compilation.introduction, STORED)
        self.assertEqual(CompilationAreaText.objects.get(frame_area=self.area).text, STORED)
        self.assertContains(
            r,
            "Platser, inte personer: vi tog bort 2 personnummer, 2 telefonnummer, "
            "2 e-postadresser ur din text innan den sparades.",
        )

    def test_the_models_scrub_on_save_whatever_the_caller(self) -> None:
        self.report.summary = TYPED
        self.report.save()
        row = self.report.area_texts.get(frame_area=self.area)
        row.text = TYPED
        row.save()
        compilation = services.compile_year(frame=self.city_agreement, year=2026, by=self.anna)
        AnnualCompilation.objects.filter(pk=compilation.pk).update(introduction=TYPED)
        self.report.refresh_from_db()
        row.refresh_from_db()
        compilation.refresh_from_db()
        self.assertEqual((self.report.summary, row.text, compilation.introduction), (STORED,) * 3)
