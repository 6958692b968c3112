"""Writes of the governance app: minutes, decisions, reminders and referral rounds."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.accounts.models import User
from samverkan.agreements.models import Agreement, AgreementStatus
from samverkan.organisations.models import Membership

from .models import (
    CalendarEntry,
    Decision,
    Meeting,
    Referral,
    ReferralRecipient,
    ReferralStatus,
    ReminderSent,
    Statement,
    StatementTheme,
)


class GovernanceError(Exception):
    """A step that the rules do not allow; the message is shown to the user."""


def adjust_minutes(*, meeting: Meeting, on: date, immediately: bool = False) -> Meeting:
    """Record that the minutes were adjusted (justerade) on ``on``.

    Adjusted minutes are final: later edits are refused (GovernanceError). Immediate
    adjustment must happen on the meeting day.
    """
    with transaction.atomic():
        current = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if current.adjusted_on is not None:
            raise GovernanceError(_("The minutes are already adjusted."))
        if not current.minutes.strip():
            raise GovernanceError(_("There are no minutes to adjust."))
        if immediately and on != current.held_on:
            raise GovernanceError(_("Immediate adjustment happens on the day of the meeting."))
        if on < current.held_on:
            raise GovernanceError(_("Minutes cannot be adjusted before the meeting."))
        current.adjusted_on = on
        current.adjusted_immediately = immediately
        current.save(update_fields=["adjusted_on", "adjusted_immediately", "updated_at"])
    return current


def write_minutes(*, meeting: Meeting, minutes: str) -> Meeting:
    """Replace the draft minutes; refused once they are adjusted."""
    with transaction.atomic():
        current = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if current.adjusted_on is not None:
            raise GovernanceError(_("Adjusted minutes cannot be changed."))
        current.minutes = minutes
        current.save(update_fields=["minutes", "updated_at"])
    return current


def record_decision(
    *, meeting: Meeting, text: str, responsible_organisation, due_on=None, agenda_item=None
) -> Decision:
    """Record a decision of ``meeting``; the responsible organisation must be of its tenant.

    Adjusted (justerade) minutes are final, and the decisions are part of them: a decision
    added afterwards is refused (GovernanceError), as an edit of the minutes is.
    """
    if responsible_organisation.tenant_id != meeting.group.tenant_id:
        raise GovernanceError(_("The responsible organisation belongs to another tenant."))
    with transaction.atomic():
        current = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if current.adjusted_on is not None:
            raise GovernanceError(
                _("The minutes are adjusted: a decision cannot be added afterwards.")
            )
        return Decision.objects.create(
            meeting=current,
            text=text,
            due_on=due_on,
            responsible_organisation=responsible_organisation,
            agenda_item=agenda_item,
        )


def mark_decision_done(*, decision: Decision, on: date) -> Decision:
    with transaction.atomic():
        current = Decision.objects.select_for_update().get(pk=decision.pk)
        if current.done_on is not None:
            raise GovernanceError(_("The decision is already marked as done."))
        current.done_on = on
        current.save(update_fields=["done_on", "updated_at"])
    return current


def reminder_recipients(entry: CalendarEntry) -> list[str]:
    """E-mail addresses of active users in the entry's responsible organisations."""
    emails = (
        Membership.objects.active()
        .filter(organisation__in=entry.responsible_organisations.all(), user__is_active=True)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
        .distinct()
    )
    return sorted(set(emails))


def send_due_reminders(*, today: date | None = None) -> list[ReminderSent]:
    """Send one e-mail per calendar occurrence that falls within its reminder window.

    An occurrence on day D is reminded on any run from D − remind_days_before to D; a
    ReminderSent row makes sure it is sent once. Returns the rows written by this run.
    """
    today = today or timezone.localdate()
    sent: list[ReminderSent] = []
    horizon = today + timedelta(days=366)
    entries = CalendarEntry.objects.prefetch_related("responsible_organisations")
    for entry in entries:
        for occurrence in entry.occurrences(today, horizon):
            if occurrence - timedelta(days=entry.remind_days_before) > today:
                break
            if ReminderSent.objects.filter(entry=entry, occurrence_on=occurrence).exists():
                continue
            recipients = reminder_recipients(entry)
            with transaction.atomic():
                row = ReminderSent.objects.create(
                    entry=entry, occurrence_on=occurrence, recipient_count=len(recipients)
                )
                if recipients:
                    subject = _("Reminder: %(title)s on %(date)s") % {
                        "title": entry.title,
                        "date": occurrence.isoformat(),
                    }
                    body = _(
                        "%(title)s (%(kind)s) falls on %(date)s.\n\nThis reminder goes to "
                        "the organisations responsible in the annual calendar."
                    ) % {
                        "title": entry.title,
                        "kind": entry.get_kind_display(),
                        "date": occurrence.isoformat(),
                    }
                    transaction.on_commit(
                        lambda s=subject, b=body, r=recipients: send_mail(s, b, None, r)
                    )
            sent.append(row)
    return sent


@dataclass
class ReferralOverview:
    """Who has answered a referral, who is late, and who still has time.

    Each list holds ReferralRecipient rows; ``late`` = no statement and the deadline passed.
    """

    answered: list[ReferralRecipient] = field(default_factory=list)
    late: list[ReferralRecipient] = field(default_factory=list)
    pending: list[ReferralRecipient] = field(default_factory=list)


def referral_overview(referral: Referral, *, today: date | None = None) -> ReferralOverview:
    today = today or timezone.localdate()
    overview = ReferralOverview()
    for recipient in referral.recipients.select_related("organisation", "statement"):
        if hasattr(recipient, "statement"):
            overview.answered.append(recipient)
        elif referral.deadline_on is not None and referral.deadline_on < today:
            overview.late.append(recipient)
        else:
            overview.pending.append(recipient)
    return overview


def compile_statements(referral: Referral) -> list[dict]:
    """Statements grouped by theme, for the owner's compilation.

    Shape: [{"theme": code, "label": str, "statements": [Statement, …]}, …] in the order of
    StatementTheme; themes nobody raised are left out. A statement with no theme is
    listed under "other".
    """
    by_theme: dict[str, list[Statement]] = {}
    statements = (
        Statement.objects.filter(recipient__referral=referral)
        .select_related("recipient__organisation")
        .order_by("recipient__organisation__name")
    )
    for statement in statements:
        for theme in statement.themes or [StatementTheme.OTHER]:
            by_theme.setdefault(theme, []).append(statement)
    return [
        {"theme": theme.value, "label": theme.label, "statements": by_theme[theme.value]}
        for theme in StatementTheme
        if theme.value in by_theme
    ]


@transaction.atomic
def send_referral(*, referral: Referral, on: date) -> Referral:
    """Send a draft referral round; the draft agreement goes to status "on referral"."""
    current = Referral.objects.select_for_update().get(pk=referral.pk)
    if current.status != ReferralStatus.DRAFT:
        raise GovernanceError(_("Only a draft referral can be sent."))
    if not current.recipients.exists():
        raise GovernanceError(_("Add at least one recipient before sending."))
    if current.deadline_on is None or current.deadline_on <= on:
        raise GovernanceError(_("The deadline must be after the day the referral is sent."))
    current.status = ReferralStatus.SENT
    current.sent_on = on
    current.save(update_fields=["status", "sent_on", "updated_at"])
    if current.draft_agreement and current.draft_agreement.status == AgreementStatus.DRAFT:
        current.draft_agreement.status = AgreementStatus.ON_REFERRAL
        current.draft_agreement.save(update_fields=["status", "updated_at"])
    return current


@transaction.atomic
def record_statement(*, recipient: ReferralRecipient, by: User, **fields) -> Statement:
    """Record a recipient's statement. One statement per recipient; a closed round refuses."""
    referral = Referral.objects.select_for_update().get(pk=recipient.referral_id)
    if referral.status == ReferralStatus.CLOSED:
        raise GovernanceError(_("The referral round is closed."))
    if Statement.objects.filter(recipient=recipient).exists():
        raise GovernanceError(_("This body has already answered."))
    themes = [t for t in fields.pop("themes", []) if t in StatementTheme.values]
    return Statement.objects.create(recipient=recipient, themes=themes, **fields)


@transaction.atomic
def close_referral(*, referral: Referral, resulting_agreement: Agreement) -> Referral:
    """Close the round and link the revised agreement (a new version of the one referred)."""
    current = Referral.objects.select_for_update().get(pk=referral.pk)
    if current.status != ReferralStatus.SENT:
        raise GovernanceError(_("Only a referral that was sent can be closed."))
    if resulting_agreement.tenant_id != current.tenant_id:
        raise GovernanceError(_("The agreement belongs to another tenant."))
    current.status = ReferralStatus.CLOSED
    current.resulting_agreement = resulting_agreement
    current.save(update_fields=["status", "resulting_agreement", "updated_at"])
    return current
