from datetime import date
from io import StringIO

from django.core import mail
from django.core.management import call_command

from samverkan.governance.models import (
    CalendarEntry,
    CalendarEntryKind,
    Recurrence,
    ReminderSent,
)
from samverkan.test import BaseTestCase


class OccurrenceTests(BaseTestCase):
    def entry(self, **kw) -> CalendarEntry:
        kw.setdefault("kind", CalendarEntryKind.REPORT_DEADLINE)
        return CalendarEntry.objects.create(tenant=self.stockholm, title="Rapport", **kw)

    def test_monthly_steps_clamp_to_the_last_day_of_the_month(self) -> None:
        e = self.entry(first_on=date(2026, 1, 31), recurrence=Recurrence.MONTHLY)
        self.assertEqual(
            e.occurrences(date(2026, 1, 1), date(2026, 4, 30)),
            [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 30)],
        )

    def test_tertial_and_end_date(self) -> None:
        e = self.entry(
            first_on=date(2026, 1, 15), recurrence=Recurrence.TERTIAL, last_on=date(2027, 1, 14)
        )
        self.assertEqual(
            e.occurrences(date(2026, 1, 1), date(2027, 12, 31)),
            [date(2026, 1, 15), date(2026, 5, 15), date(2026, 9, 15)],
        )

    def test_once_only_once(self) -> None:
        e = self.entry(first_on=date(2026, 6, 1))
        self.assertEqual(e.occurrences(date(2026, 1, 1), date(2030, 1, 1)), [date(2026, 6, 1)])
        self.assertEqual(e.occurrences(date(2026, 6, 2), date(2030, 1, 1)), [])


class ReminderTests(BaseTestCase):
    def setUp(self) -> None:
        self.entry = CalendarEntry.objects.create(
            tenant=self.stockholm,
            title="Tertialrapport maj–augusti",
            kind=CalendarEntryKind.REPORT_DEADLINE,
            first_on=date(2026, 9, 15),
            recurrence=Recurrence.YEARLY,
            remind_days_before=14,
        )
        self.entry.responsible_organisations.add(self.jarva_sdf)

    def run_reminders(self, today: str) -> None:
        with self.captureOnCommitCallbacks(execute=True):
            call_command("send-reminders", "--today", today, stdout=StringIO())

    def test_reminders_go_once_to_the_responsible_organisations_users(self) -> None:
        self.run_reminders("2026-08-31")  # 15 days before: too early
        self.assertEqual(len(mail.outbox), 0)
        self.run_reminders("2026-09-01")
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(sorted(mail.outbox[0].to), ["olle@example.org", "rut@example.org"])
        self.assertIn("Tertialrapport maj–augusti", mail.outbox[0].subject)
        self.run_reminders("2026-09-02")  # same occurrence: not again
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(ReminderSent.objects.get().occurrence_on, date(2026, 9, 15))

    def test_the_calendar_page_lists_occurrences_of_the_year(self) -> None:
        self.client.force_login(self.olle)
        r = self.client.get("/governance/calendar/?year=2027")
        self.assertContains(r, "2027-09-15")
        self.client.force_login(self.karin)
        self.assertNotContains(self.client.get("/governance/calendar/?year=2027"), "Tertialrapport")
