from datetime import date

from django.utils import timezone

from samverkan.reporting import services
from samverkan.reporting.models import LocalReport, ReportStatus

from .base import ReportingCase


class FiveAreaRuleTests(ReportingCase):
    def setUp(self) -> None:
        super().setUp()
        self.report = services.start_report(
            agreement=self.jarva, start=date(2026, 1, 1), end=date(2026, 4, 30), by=self.per
        )
        self.areas = list(self.city_agreement.priority_areas.order_by("order"))

    def fill(self, skip: int | None = None) -> None:
        texts = {
            a.pk: ("" if i == skip else "Ingen aktivitet denna period, eftersom …")
            for i, a in enumerate(self.areas)
        }
        services.save_report_texts(report=self.report, texts=texts, summary="")

    def test_a_report_that_leaves_an_area_out_cannot_be_submitted(self) -> None:
        self.fill(skip=2)
        with self.assertRaises(services.ReportIncomplete) as e:
            services.submit_report(report=self.report, by=self.per)
        self.assertEqual(e.exception.missing, [self.areas[2]])
        self.report.refresh_from_db()
        self.assertEqual(self.report.status, ReportStatus.DRAFT)

    def test_no_activity_because_is_an_answer(self) -> None:
        self.fill()
        services.submit_report(report=self.report, by=self.per)
        self.report.refresh_from_db()
        self.assertTrue(self.report.is_submitted)
        self.assertEqual(self.report.snapshot["situation"][0]["district"], "Rinkeby-Kista")

    def test_the_page_refuses_submission_and_names_the_missing_area(self) -> None:
        self.fill(skip=4)
        self.client.force_login(self.per)
        r = self.client.post(f"/reporting/{self.report.pk}/submit/", follow=True)
        self.assertContains(r, "Kriminella miljöer och livsstilar")
        self.report.refresh_from_db()
        self.assertFalse(self.report.is_submitted)


class ImmutabilityTests(ReportingCase):
    def setUp(self) -> None:
        super().setUp()
        self.report = services.start_report(
            agreement=self.jarva, start=date(2026, 1, 1), end=date(2026, 4, 30), by=self.per
        )
        services.save_report_texts(
            report=self.report,
            summary="Lugnt",
            texts={a.pk: "Text" for a in self.city_agreement.priority_areas.all()},
        )
        services.submit_report(report=self.report, by=self.per)

    def test_a_submitted_report_cannot_change(self) -> None:
        with self.assertRaises(services.ReportingError):
            services.save_report_texts(report=self.report, texts={}, summary="Bättre")
        self.client.force_login(self.per)
        first_area = self.city_agreement.priority_areas.first()
        self.client.post(
            f"/reporting/{self.report.pk}/",
            {"summary": "Ändrad", f"area-{first_area.pk}": "Ändrad"},
        )
        self.report.refresh_from_db()
        self.assertEqual(self.report.summary, "Lugnt")
        self.assertEqual(self.report.area_texts.get(frame_area=first_area).text, "Text")

    def test_a_correction_is_a_new_version_that_keeps_the_old_one(self) -> None:
        with self.assertRaises(services.ReportingError):
            services.correct_report(report=self.report, reason=" ", by=self.per)
        new = services.correct_report(report=self.report, reason="Fel antal", by=self.per)
        self.assertEqual((new.version, new.supersedes, new.status), (2, self.report, "draft"))
        self.assertEqual(list(LocalReport.objects.current().filter(agreement=self.jarva)), [new])
        self.report.refresh_from_db()
        self.assertTrue(self.report.is_submitted)
        self.assertEqual(self.report.summary, "Lugnt")
        with self.assertRaises(services.ReportingError):
            services.correct_report(report=self.report, reason="igen", by=self.per)

    def test_every_read_of_a_report_is_logged(self) -> None:
        from samverkan.audit.models import AuditEntry

        self.client.force_login(self.olle)
        self.client.get(f"/reporting/{self.report.pk}/")
        entry = AuditEntry.objects.get(action=AuditEntry.Action.ACCESS)
        self.assertEqual((entry.object_pk, entry.actor), (str(self.report.pk), self.olle))

    def test_other_tenants_and_other_districts_see_nothing(self) -> None:
        self.client.force_login(self.karin)
        self.assertEqual(self.client.get(f"/reporting/{self.report.pk}/").status_code, 404)
        self.client.force_login(self.sara)  # limited to Södermalm
        self.assertEqual(self.client.get(f"/reporting/{self.report.pk}/").status_code, 404)
        self.client.force_login(self.olle)  # reader in Rinkeby-Kista: may read, not edit
        self.assertEqual(self.client.get(f"/reporting/{self.report.pk}/").status_code, 200)
        r = self.client.post(f"/reporting/{self.report.pk}/correct/", {"reason": "x"})
        self.assertEqual(r.status_code, 404)


class LateAndMissingTests(ReportingCase):
    def test_the_preparatory_view_shows_submitted_draft_missing_and_late(self) -> None:
        start, end = date(2026, 1, 1), date(2026, 4, 30)
        report = services.start_report(agreement=self.jarva, start=start, end=end, by=self.per)
        rows = services.period_overview(
            agreements=self.city_agreement.local_agreements.all(),
            frame=self.city_agreement,
            start=start,
            end=end,
            today=date(2026, 5, 15),
        )
        self.assertEqual(
            [(r.agreement, r.state, r.late) for r in rows],
            [(self.jarva, "draft", False), (self.soder, "missing", False)],
        )
        rows = services.period_overview(
            agreements=self.city_agreement.local_agreements.all(),
            frame=self.city_agreement,
            start=start,
            end=end,
            today=date(2026, 5, 16),
        )
        self.assertEqual([r.late for r in rows], [True, True])

        services.save_report_texts(
            report=report,
            summary="",
            texts={a.pk: "ok" for a in self.city_agreement.priority_areas.all()},
        )
        services.submit_report(report=report, by=self.per)
        self.client.force_login(self.anna)
        page = self.client.get(
            "/reporting/overview/", {"frame": self.city_agreement.pk, "year": 2026, "tertial": 1}
        )
        self.assertContains(page, "Lokal överenskommelse Södermalm")
        rows = page.context["rows"]
        self.assertEqual([r["row"].state for r in rows], ["submitted", "missing"])
        self.assertEqual(rows[0]["cells"], ["ok"] * 5)


class DefaultPeriodTests(ReportingCase):
    """Without a choice the preparatory view opens on the latest tertial with reports."""

    def open(self, user, params=None):
        self.client.force_login(user)
        r = self.client.get("/reporting/overview/", params or {})
        self.assertEqual(r.status_code, 200)
        return r

    def test_it_opens_on_the_latest_tertial_with_a_report_like_the_demo(self) -> None:
        # The bundled demo: Järva's report for September–December 2025.
        services.start_report(
            agreement=self.jarva, start=date(2025, 9, 1), end=date(2025, 12, 31), by=self.per
        )
        services.start_report(
            agreement=self.soder, start=date(2025, 1, 1), end=date(2025, 4, 30), by=self.sara
        )
        r = self.open(self.anna)
        self.assertEqual(
            (r.context["start"], r.context["end"]), (date(2025, 9, 1), date(2025, 12, 31))
        )
        self.assertContains(
            r, "Visar september–december 2025: det senaste tertialet med lokala rapporter."
        )
        self.assertEqual([row["row"].state for row in r.context["rows"]], ["draft", "missing"])
        # The form shows the period it opened on, so the user sees where to change it.
        self.assertEqual(r.context["form"]["year"].value(), 2025)
        self.assertEqual(r.context["form"]["tertial"].value(), 3)

    def test_the_latest_tertial_is_the_users_own_scope(self) -> None:
        services.start_report(
            agreement=self.jarva, start=date(2025, 9, 1), end=date(2025, 12, 31), by=self.per
        )
        services.start_report(
            agreement=self.soder, start=date(2025, 1, 1), end=date(2025, 4, 30), by=self.sara
        )
        r = self.open(self.sara)  # Södermalm only: Järva's report is not hers to see
        self.assertEqual(r.context["start"], date(2025, 1, 1))
        self.assertEqual([row["row"].agreement for row in r.context["rows"]], [self.soder])

    def test_a_chosen_period_is_kept(self) -> None:
        services.start_report(
            agreement=self.jarva, start=date(2025, 9, 1), end=date(2025, 12, 31), by=self.per
        )
        r = self.open(self.anna, {"frame": self.city_agreement.pk, "year": 2024, "tertial": 2})
        self.assertEqual(r.context["start"], date(2024, 5, 1))
        self.assertNotContains(r, 'id="period-shown"')

    def test_without_reports_it_shows_the_current_tertial_and_says_so(self) -> None:
        today = timezone.localdate()
        r = self.open(self.anna)
        self.assertEqual(r.context["start"], date(today.year, (today.month - 1) // 4 * 4 + 1, 1))
        self.assertContains(r, "Inga lokala rapporter ännu; visar innevarande tertial")
