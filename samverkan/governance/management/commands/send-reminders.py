"""``samverkan send-reminders [--today YYYY-MM-DD]``: e-mail reminders before calendar dates.

Run it daily (cron or a scheduler). Each occurrence is reminded once, to the users of the
entry's responsible organisations, through Django's mail framework (console by default).
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from samverkan.governance.services import send_due_reminders


class Command(BaseCommand):
    help = "Send e-mail reminders for annual-calendar occurrences that are near."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--today", help="pretend today is this date (YYYY-MM-DD)")

    def handle(self, *args, **options) -> None:
        today = None
        if options["today"]:
            try:
                today = date.fromisoformat(options["today"])
            except ValueError as e:
                raise CommandError(f"--today must be YYYY-MM-DD, not {options['today']!r}") from e
        sent = send_due_reminders(today=today)
        for row in sent:
            self.stdout.write(
                f"{row.occurrence_on} {row.entry.title}: {row.recipient_count} recipient(s)"
            )
        self.stdout.write(f"{len(sent)} reminder(s) sent.")
