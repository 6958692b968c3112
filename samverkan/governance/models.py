"""Governance: groups, meetings and decisions, the annual calendar and referral rounds.

The agreement's machinery as Stockholm describes it: local steering groups and the
city-wide preparatory group (beredningsgrupp) meet, decide and follow up; agreements are
made through referral rounds (remiss) in which committees answer with statements
(yttranden). Only users' names and roles are personal data here.
"""

import calendar
from datetime import date

from auditlog.registry import auditlog
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.agreements.models import Agreement, PriorityArea
from samverkan.common.fields import ScrubbedCharField, ScrubbedTextField
from samverkan.common.models import TimestampedModel
from samverkan.organisations.models import Membership, Organisation, Tenant
from samverkan.organisations.visibility import visible_agreements


class TenantScopedQuerySet(models.QuerySet):
    tenant_path = "tenant"

    def visible_to(self, user) -> "TenantScopedQuerySet":
        """Rows of the tenants where ``user`` holds a membership in force; others look missing."""
        return self.filter(**{f"{self.tenant_path}__in": Tenant.objects.for_user(user)})


class GroupQuerySet(TenantScopedQuerySet):
    def visible_to(self, user) -> "GroupQuerySet":
        """Groups ``user`` may see: the tenant gate, then the district rule (ADR 0095).

        The city-wide preparatory group, and a group tied to no agreement and no priority
        area, are seen by every member of the tenant; a group tied to an agreement (or to
        a priority area of one) by those who see that agreement
        (``organisations.visibility.visible_agreements``): Södermalm's district-limited
        members do not see Järva's local steering group. Others look missing (404).
        """
        agreements = visible_agreements(user)
        return (
            super()
            .visible_to(user)
            .filter(
                Q(kind=GroupKind.CITY_PREPARATORY)
                | (
                    (Q(agreement__isnull=True) | Q(agreement__in=agreements))
                    & (Q(priority_area__isnull=True) | Q(priority_area__agreement__in=agreements))
                )
            )
        )


class MeetingQuerySet(TenantScopedQuerySet):
    tenant_path = "group__tenant"

    def visible_to(self, user) -> "MeetingQuerySet":
        """Meetings (agenda, minutes) of the groups ``user`` sees (GroupQuerySet.visible_to)."""
        return self.filter(group__in=Group.objects.visible_to(user))


class GroupKind(models.TextChoices):
    LOCAL_STEERING = "local_steering", _("local steering group")
    CITY_PREPARATORY = "city_preparatory", _("city-wide preparatory group")
    WORKING = "working", _("working group")
    OTHER = "other", _("other group")


class Group(TimestampedModel):
    """A standing group of the cooperation: steering, preparatory or working group."""

    tenant = models.ForeignKey(
        Tenant, on_delete=models.PROTECT, related_name="+", verbose_name=_("tenant")
    )
    name = ScrubbedCharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=GroupKind)
    agreement = models.ForeignKey(
        Agreement,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="groups",
        verbose_name=_("agreement"),
    )
    priority_area = models.ForeignKey(
        PriorityArea,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="groups",
        verbose_name=_("priority area"),
        help_text=_("For a working group per local area."),
    )
    description = ScrubbedTextField(_("description"), blank=True)

    objects = GroupQuerySet.as_manager()

    class Meta:
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["tenant", "name"], name="group_unique_name"),
            models.CheckConstraint(condition=Q(kind__in=GroupKind.values), name="group_kind_valid"),
        ]

    def __str__(self) -> str:
        return self.name


class GroupRole(models.TextChoices):
    CHAIR = "chair", _("chair")
    SECRETARY = "secretary", _("secretary")
    MEMBER = "member", _("member")


class GroupMember(models.Model):
    """An organisation (and optionally one of its users) sits in a group in a role."""

    group = models.ForeignKey(
        Group, on_delete=models.CASCADE, related_name="members", verbose_name=_("group")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("person"),
    )
    role = models.CharField(_("role"), max_length=20, choices=GroupRole, default=GroupRole.MEMBER)

    class Meta:
        verbose_name = _("group member")
        verbose_name_plural = _("group members")
        ordering = ["group", "role", "organisation__name"]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class Meeting(TimestampedModel):
    """A meeting of a group with agenda, minutes and their adjustment (justering).

    ``adjusted_on`` is the date the minutes were adjusted; ``adjusted_immediately`` means
    they were adjusted at the meeting itself (justeras omedelbart), so decisions apply at once.
    """

    group = models.ForeignKey(
        Group, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("group")
    )
    held_on = models.DateField(_("date"))
    location = ScrubbedCharField(_("place"), max_length=200, blank=True)
    minutes = ScrubbedTextField(_("minutes"), blank=True)
    adjusted_on = models.DateField(_("minutes adjusted on"), null=True, blank=True)
    adjusted_immediately = models.BooleanField(_("adjusted immediately"), default=False)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"{self.group} {self.held_on:%Y-%m-%d}"

    @property
    def minutes_adjusted(self) -> bool:
        return self.adjusted_on is not None


class AgendaItemKind(models.TextChoices):
    INFORMATION = "information", _("information")
    DISCUSSION = "discussion", _("discussion")
    DECISION = "decision", _("decision")


class AgendaItem(models.Model):
    """One item on a meeting's agenda; may point at an artefact by its internal link.

    ``reference_url`` is a site-internal path (e.g. "/situation/district/80125/" or
    "/governance/referrals/3/") so an item can point at a situation picture, a plan, a
    report or a referral without the meeting app depending on every other app.
    """

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda_items", verbose_name=_("meeting")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = ScrubbedCharField(_("title"), max_length=300)
    kind = models.CharField(
        _("kind"), max_length=20, choices=AgendaItemKind, default=AgendaItemKind.INFORMATION
    )
    reference_url = models.CharField(_("link to"), max_length=300, blank=True)
    notes = ScrubbedTextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "order", "pk"]

    def __str__(self) -> str:
        return self.title


class DecisionQuerySet(TenantScopedQuerySet):
    tenant_path = "meeting__group__tenant"

    def visible_to(self, user) -> "DecisionQuerySet":
        """Decisions of meetings ``user`` sees, and those their own organisation must carry
        out (so a responsible organisation always finds its decisions); others look missing."""
        if not user.is_authenticated:
            return self.none()
        own = Membership.objects.active().filter(user=user).values("organisation")
        return self.filter(
            Q(meeting__in=Meeting.objects.visible_to(user))
            | (
                Q(responsible_organisation__in=own)
                & Q(meeting__group__tenant__in=Tenant.objects.for_user(user))
            )
        )

    def open(self) -> "DecisionQuerySet":
        return self.filter(done_on__isnull=True)


class Decision(TimestampedModel):
    """A decision taken at a meeting, with the organisation responsible and a due date.

    Open (``done_on`` empty) decisions show in the responsible organisation's list until done.
    """

    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="decisions", verbose_name=_("meeting")
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("agenda item"),
    )
    text = ScrubbedTextField(_("decision"))
    responsible_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="governance_decisions",
        verbose_name=_("responsible organisation"),
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.text[:60]

    def is_overdue(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.done_on is None and self.due_on is not None and self.due_on < today


class CalendarEntryKind(models.TextChoices):
    MEETING = "meeting", _("meeting")
    REPORT_DEADLINE = "report_deadline", _("report deadline")
    SURVEY_WAVE = "survey_wave", _("survey wave")
    YEAR_END_COMPILATION = "year_end_compilation", _("year-end compilation")
    OTHER = "other", _("other")


class CalendarEntryQuerySet(TenantScopedQuerySet):
    def visible_to(self, user) -> "CalendarEntryQuerySet":
        """Entries of the user's tenants that belong to no group or to a group they see."""
        return (
            super()
            .visible_to(user)
            .filter(Q(group__isnull=True) | Q(group__in=Group.objects.visible_to(user)))
        )


class Recurrence(models.TextChoices):
    NONE = "none", _("once")
    MONTHLY = "monthly", _("every month")
    TERTIAL = "tertial", _("every tertial (every four months)")
    QUARTERLY = "quarterly", _("every quarter")
    YEARLY = "yearly", _("every year")


RECURRENCE_MONTHS = {
    Recurrence.MONTHLY: 1,
    Recurrence.TERTIAL: 4,
    Recurrence.QUARTERLY: 3,
    Recurrence.YEARLY: 12,
}


class CalendarEntry(TimestampedModel):
    """An entry in the annual calendar (årshjul): a recurring meeting, deadline or wave.

    ``first_on`` is the first occurrence; later ones follow ``recurrence`` until
    ``last_on`` (inclusive, empty = no end). Reminders go ``remind_days_before`` days
    before each occurrence to the users of ``responsible_organisations``.
    """

    tenant = models.ForeignKey(
        Tenant, on_delete=models.PROTECT, related_name="+", verbose_name=_("tenant")
    )
    title = ScrubbedCharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=CalendarEntryKind)
    group = models.ForeignKey(
        Group,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="calendar_entries",
        verbose_name=_("group"),
    )
    first_on = models.DateField(_("first date"))
    recurrence = models.CharField(
        _("recurrence"), max_length=20, choices=Recurrence, default=Recurrence.NONE
    )
    last_on = models.DateField(_("last date"), null=True, blank=True)
    remind_days_before = models.PositiveSmallIntegerField(_("remind days before"), default=7)
    responsible_organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="+", verbose_name=_("responsible organisations")
    )

    objects = CalendarEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("calendar entry")
        verbose_name_plural = _("calendar entries")
        ordering = ["first_on", "title"]

    def __str__(self) -> str:
        return self.title

    def occurrences(self, start: date, end: date) -> list[date]:
        """Dates of this entry's occurrences in [start, end] (both inclusive), in order.

        A monthly/tertial/quarterly/yearly step keeps the day of month, clamped to the
        month's last day (31 January + 1 month = 28/29 February).
        """
        step = RECURRENCE_MONTHS.get(self.recurrence)
        result: list[date] = []
        n = 0
        while True:
            day = self.first_on if step is None else add_months(self.first_on, n * step)
            if day > end or (self.last_on and day > self.last_on):
                break
            if day >= start:
                result.append(day)
            if step is None:
                break
            n += 1
        return result


def add_months(day: date, months: int) -> date:
    """``day`` moved ``months`` calendar months forward, clamped to the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class ReminderSent(models.Model):
    """A reminder was sent for one occurrence of a calendar entry (never sent twice)."""

    entry = models.ForeignKey(
        CalendarEntry,
        on_delete=models.CASCADE,
        related_name="reminders",
        verbose_name=_("calendar entry"),
    )
    occurrence_on = models.DateField(_("occurrence"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    recipient_count = models.PositiveIntegerField(_("recipients"))

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(fields=["entry", "occurrence_on"], name="reminder_once")
        ]

    def __str__(self) -> str:
        return f"{self.entry} {self.occurrence_on}"


class ReferralStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SENT = "sent", _("sent on referral")
    CLOSED = "closed", _("closed")


class ReferralQuerySet(TenantScopedQuerySet):
    def visible_to(self, user) -> "ReferralQuerySet":
        """Referral rounds of the user's tenants, narrowed by the agreement referred.

        A round with no draft agreement, or one of a city-wide agreement, is seen by every
        member of the tenant; a round of a local agreement by those who see that agreement
        (``visible_agreements``) and by members of its owner and of the bodies asked to
        answer (who must read what they answer). Others look missing (404).
        """
        if not user.is_authenticated:
            return self.none()
        own = Membership.objects.active().filter(user=user).values("organisation")
        asked = ReferralRecipient.objects.filter(organisation__in=own).values("referral")
        return (
            super()
            .visible_to(user)
            .filter(
                Q(draft_agreement__isnull=True)
                | Q(draft_agreement__in=visible_agreements(user))
                | Q(owner__in=own)
                | Q(pk__in=asked)
            )
        )


class Referral(TimestampedModel):
    """A referral round (remiss): a draft agreement or plan sent to bodies for statements.

    ``resulting_agreement`` is the revised agreement recorded after the round (a new
    version that supersedes the one referred).
    """

    tenant = models.ForeignKey(
        Tenant, on_delete=models.PROTECT, related_name="+", verbose_name=_("tenant")
    )
    title = ScrubbedCharField(_("title"), max_length=300)
    case_number = models.CharField(_("case number"), max_length=40)
    owner = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("owner"),
        help_text=_("The body that refers."),
    )
    draft_agreement = models.ForeignKey(
        Agreement,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("draft agreement referred"),
    )
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    deadline_on = models.DateField(_("answer by"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ReferralStatus, default=ReferralStatus.DRAFT
    )
    resulting_agreement = models.ForeignKey(
        Agreement,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revised agreement"),
    )
    description = ScrubbedTextField(_("description"), blank=True)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        verbose_name = _("referral round")
        verbose_name_plural = _("referral rounds")
        ordering = ["-deadline_on"]
        constraints = [
            models.UniqueConstraint(fields=["tenant", "case_number"], name="referral_case_unique")
        ]

    def __str__(self) -> str:
        return f"{self.case_number} {self.title}"


class ReferralRecipient(models.Model):
    """A body asked to answer a referral (committee, district committee, council, union)."""

    referral = models.ForeignKey(
        Referral,
        on_delete=models.CASCADE,
        related_name="recipients",
        verbose_name=_("referral round"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("recipient")
    )

    class Meta:
        verbose_name = _("referral recipient")
        verbose_name_plural = _("referral recipients")
        constraints = [
            models.UniqueConstraint(fields=["referral", "organisation"], name="recipient_unique")
        ]

    def __str__(self) -> str:
        return str(self.organisation)


class StatementTheme(models.TextChoices):
    PRIORITY_AREAS = "priority_areas", _("priority areas")
    ORGANISATION = "organisation", _("organisation of the cooperation")
    FOLLOW_UP = "follow_up", _("follow-up and reporting")
    CHILD_RIGHTS = "child_rights", _("children's rights")
    GENDER_EQUALITY = "gender_equality", _("gender equality")
    RESOURCES = "resources", _("resources")
    OTHER = "other", _("other")


class StatementQuerySet(models.QuerySet):
    def visible_to(self, user) -> "StatementQuerySet":
        """Statements of the referral rounds ``user`` sees (ReferralQuerySet.visible_to)."""
        return self.filter(recipient__referral__in=Referral.objects.visible_to(user))


class Statement(TimestampedModel):
    """A recipient's answer (yttrande): the officer's report, proposed and taken decision.

    ``themes`` is a list of StatementTheme codes used by the owner's compilation.
    ``public`` is False until the body's decision is public; reads before that are
    sensitive.
    """

    recipient = models.OneToOneField(
        ReferralRecipient,
        on_delete=models.PROTECT,
        related_name="statement",
        verbose_name=_("recipient"),
    )
    summary = ScrubbedTextField(_("summary"))
    background = ScrubbedTextField(_("background"), blank=True)
    views = ScrubbedTextField(_("views and proposals"), blank=True)
    proposed_decision = ScrubbedTextField(_("proposed decision"), blank=True)
    decision = ScrubbedTextField(_("decision taken"), blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    adjusted_immediately = models.BooleanField(_("minutes adjusted immediately"), default=False)
    child_rights_notes = ScrubbedTextField(_("children's rights"), blank=True)
    gender_equality_notes = ScrubbedTextField(_("gender equality"), blank=True)
    themes = models.JSONField(_("themes"), default=list, blank=True)
    public = models.BooleanField(_("public"), default=False)

    objects = StatementQuerySet.as_manager()

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")

    def __str__(self) -> str:
        return f"{self.recipient} – {self.recipient.referral.case_number}"


class StatementAttachment(models.Model):
    """A file attached to a statement (e.g. the officer's report as PDF)."""

    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("statement")
    )
    title = ScrubbedCharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="statements/%Y/")

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.title


for _model in (
    Group,
    GroupMember,
    Meeting,
    AgendaItem,
    Decision,
    CalendarEntry,
    ReminderSent,
    Referral,
    ReferralRecipient,
    Statement,
    StatementAttachment,
):
    auditlog.register(_model)
