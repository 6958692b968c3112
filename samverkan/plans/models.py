"""Action plans (handlingsplan), activities, targets, indicators and follow-up.

An **action plan** belongs to an agreement (city-wide or local) and a period. Its
**activities** carry priority areas, the causes they act on, an owner party, places, a
period, a target and indicators. **Follow-up** is append-only: the state of an activity
on any date is its latest entry dated on or before that date; nothing is overwritten.
Change activities and write follow-up only through ``services``.
"""

from datetime import date

from auditlog.registry import auditlog
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samverkan.agreements.models import Agreement, PriorityArea
from samverkan.common.fields import ScrubbedCharField, ScrubbedTextField
from samverkan.common.models import TimestampedModel
from samverkan.geography.models import Neighbourhood
from samverkan.organisations.models import Organisation

from . import targets as target_math
from .visibility import visible_agreements


class ActionPlanQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ActionPlanQuerySet":
        """Plans of agreements the user may see: the one gate for views, exports, commands."""
        return self.filter(agreement__in=visible_agreements(user))


class ActionPlan(TimestampedModel):
    """A plan of activities for one agreement and period (dates, both inclusive)."""

    agreement = models.ForeignKey(
        Agreement,
        on_delete=models.PROTECT,
        related_name="action_plans",
        verbose_name=_("agreement"),
    )
    title = ScrubbedCharField(_("title"), max_length=300)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    previous_plan = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="next_plans",
        verbose_name=_("previous plan"),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    objects = ActionPlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["-starts_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="action_plan_period_ordered"
            )
        ]

    def __str__(self) -> str:
        return self.title


class TargetComparator(models.TextChoices):
    AT_LEAST = target_math.AT_LEAST, _("at least")
    AT_MOST = target_math.AT_MOST, _("at most")


class TargetFrequency(models.TextChoices):
    PER_DAY = target_math.PER_DAY, _("per day")
    PER_WEEK = target_math.PER_WEEK, _("per week")
    PER_MONTH = target_math.PER_MONTH, _("per month")
    PER_YEAR = target_math.PER_YEAR, _("per year")
    PER_WEEKEND = target_math.PER_WEEKEND, _("per weekend")
    PER_PERIOD = target_math.PER_PERIOD, _("in the period")


class TargetUnit(models.TextChoices):
    OCCURRENCES = target_math.UNIT_OCCURRENCES, _("times")
    WEEKENDS = target_math.UNIT_WEEKENDS, _("weekends")


class ActivityType(models.TextChoices):
    """What kind of measure (DOCUMENTS.md §3.3); several types can count to one target."""

    FOOT_PATROL = "foot_patrol", _("foot patrol")
    WEEKEND_REINFORCEMENT = "weekend_reinforcement", _("weekend reinforcement")
    TARGETED_ACTION = "targeted_action", _("targeted action")
    TRAFFIC_CHECK = "traffic_check", _("traffic check")
    NARCOTICS_ACTION = "narcotics_action", _("narcotics action")
    PHYSICAL_MEASURE = "physical_measure", _("physical measure (lighting, pruning, cleaning)")
    CAMERAS_GUARDS = "cameras_guards", _("cameras or guards")
    FIELD_WORK = "field_work", _("field work and youth leisure")
    PARENT_SUPPORT = "parent_support", _("parent support")
    SCHOOL_INFORMATION = "school_information", _("information in schools")
    SAFETY_WALK = "safety_walk", _("safety walk")
    CITIZEN_DIALOGUE = "citizen_dialogue", _("citizen dialogue")
    SSPF = "sspf", _("SSPF (school, social services, police, leisure)")
    NEIGHBOURHOOD_WATCH = "neighbourhood_watch", _("neighbourhood watch")
    INFORMATION = "information", _("information to the public")
    OTHER = "other", _("other")


class Target(models.Model):
    """A quantitative target, e.g. "at least 5 per week" or "at least 30 weekends in 2026".

    Several activities may point at one target; their latest reported counts add up
    (only activities whose type is in ``counted_types``, or all when it is empty). The
    target's own period defaults to the plan's. Arithmetic: ``plans.targets``.
    """

    plan = models.ForeignKey(
        ActionPlan, on_delete=models.CASCADE, related_name="targets", verbose_name=_("plan")
    )
    description = ScrubbedCharField(_("description"), max_length=300)
    comparator = models.CharField(
        _("comparator"), max_length=10, choices=TargetComparator, default=TargetComparator.AT_LEAST
    )
    quantity = models.DecimalField(_("quantity"), max_digits=9, decimal_places=2)
    unit = models.CharField(
        _("unit"), max_length=20, choices=TargetUnit, default=TargetUnit.OCCURRENCES
    )
    frequency = models.CharField(_("frequency"), max_length=20, choices=TargetFrequency)
    starts_on = models.DateField(_("target period from"), null=True, blank=True)
    ends_on = models.DateField(_("target period to"), null=True, blank=True)
    counted_types = models.JSONField(_("activity types counted"), default=list, blank=True)

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["plan", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(comparator__in=TargetComparator.values), name="target_comparator_valid"
            ),
            models.CheckConstraint(
                condition=Q(frequency__in=TargetFrequency.values), name="target_frequency_valid"
            ),
            models.CheckConstraint(condition=Q(quantity__gte=0), name="target_quantity_positive"),
        ]

    def __str__(self) -> str:
        return self.description

    @property
    def period(self) -> tuple[date, date]:
        return (self.starts_on or self.plan.starts_on, self.ends_on or self.plan.ends_on)

    def spec(self) -> target_math.TargetSpec:
        start, end = self.period
        return target_math.TargetSpec(
            comparator=self.comparator,
            quantity=self.quantity,
            frequency=self.frequency,
            period_start=start,
            period_end=end,
            unit=self.unit,
        )


class OwnerParty(models.TextChoices):
    POLICE = "police", _("police")
    MUNICIPALITY = "municipality", _("municipality")
    JOINT = "joint", _("together")
    OTHER = "other", _("other party")


class ExpectedEffect(models.TextChoices):
    SHORT_TERM = "short_term", _("short term")
    LONG_TERM = "long_term", _("long term")


class ActivityQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ActivityQuerySet":
        """Activities of plans the user may see (ActionPlan.objects.visible_to)."""
        return self.filter(plan__in=ActionPlan.objects.visible_to(user))


class Activity(TimestampedModel):
    """One measure of a plan: who does what, where, when, against which causes.

    ``code`` is the plan's own short reference ("A3"), stable across exports. ``version``
    counts edits; an edit from a stale copy is refused (optimistic locking, see
    services.update_activity). ``carried_from`` links to last year's activity this one
    continues; its follow-up history stays there and is read through ``history()``.
    """

    plan = models.ForeignKey(
        ActionPlan, on_delete=models.CASCADE, related_name="activities", verbose_name=_("plan")
    )
    code = models.CharField(_("code"), max_length=20)
    title = ScrubbedCharField(_("title"), max_length=300)
    description = ScrubbedTextField(_("description"), blank=True)
    activity_type = models.CharField(
        _("activity type"), max_length=30, choices=ActivityType, default=ActivityType.OTHER
    )
    priority_areas = models.ManyToManyField(
        PriorityArea, blank=True, related_name="activities", verbose_name=_("priority areas")
    )
    causes = models.ManyToManyField(
        "problems.Cause", blank=True, related_name="activities", verbose_name=_("causes acted on")
    )
    owner_party = models.CharField(_("owner party"), max_length=20, choices=OwnerParty)
    responsible_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible organisation"),
    )
    contributing_organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="+", verbose_name=_("contributing organisations")
    )
    # Places: neighbourhoods for now; to be linked to samverkan.places when it lands.
    neighbourhoods = models.ManyToManyField(
        Neighbourhood, blank=True, related_name="+", verbose_name=_("places (neighbourhoods)")
    )
    place_note = ScrubbedCharField(_("place"), max_length=300, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    expected_effect = models.CharField(
        _("expected effect"), max_length=20, choices=ExpectedEffect, blank=True
    )
    expected_effect_note = ScrubbedTextField(_("expected effect, described"), blank=True)
    target = models.ForeignKey(
        Target,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("target"),
    )
    child_rights_note = ScrubbedTextField(_("impact on children's rights"), blank=True)
    gender_equality_note = ScrubbedTextField(_("impact on gender equality"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    carried_from = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="carried_to",
        verbose_name=_("continues activity"),
    )

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["plan", "code"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="activity_unique_code"),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="activity_period_ordered"
            ),
            models.CheckConstraint(
                condition=Q(owner_party__in=OwnerParty.values), name="activity_owner_party_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def latest_follow_up(self, on: date | None = None) -> "FollowUp | None":
        """The entry in force on ``on`` (latest dated on or before it); None before any."""
        entries = self.follow_ups.all()
        if on is not None:
            entries = entries.filter(reported_on__lte=on)
        return entries.order_by("-reported_on", "-pk").first()

    def history(self) -> list["FollowUp"]:
        """Follow-up entries of this activity and of the activities it continues, oldest first."""
        chain: list[Activity] = []
        node: Activity | None = self
        while node is not None and len(chain) < 50:
            chain.append(node)
            node = node.carried_from
        entries = FollowUp.objects.filter(activity__in=chain).select_related(
            "activity__plan", "reported_by"
        )
        return list(entries.order_by("reported_on", "pk"))


class FollowUpStatus(models.TextChoices):
    """Statuses as real follow-ups use them (DOCUMENTS.md §2.8)."""

    PLANNED = "planned", _("planned")
    ONGOING = "ongoing", _("ongoing")
    DONE = "done", _("done")
    PARTLY_DONE = "partly_done", _("partly done")
    NOT_DONE = "not_done", _("not done")
    CONTINUED_ELSEWHERE = "continued_elsewhere", _("continued in other work")


# An activity in one of these states (or with no entry at all) is unfinished: carry-over
# takes it into next year's plan.
UNFINISHED_STATUSES = {FollowUpStatus.PLANNED, FollowUpStatus.ONGOING, FollowUpStatus.PARTLY_DONE}


class AppendOnlyModel(models.Model):
    """A history row: inserted once, never updated or deleted through the ORM."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise ValueError(f"{type(self).__name__} rows are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError(f"{type(self).__name__} rows are append-only")


class FollowUp(AppendOnlyModel):
    """One dated follow-up entry of an activity. Rows are added, never edited.

    ``done_count``: occurrences carried out from the activity's start up to
    ``reported_on`` (cumulative; the latest entry is the current count), None when not
    counted. ``progress_percent``: 0–100, the reporter's judgement. ``previous`` is the
    entry the reporter saw as latest when writing (optimistic locking).
    """

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("activity")
    )
    reported_on = models.DateField(_("refers to date"))
    status = models.CharField(_("status"), max_length=30, choices=FollowUpStatus)
    progress_percent = models.PositiveSmallIntegerField(_("progress (%)"), null=True, blank=True)
    done_count = models.PositiveIntegerField(_("done so far"), null=True, blank=True)
    note = ScrubbedTextField(_("note"), blank=True)
    previous = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="next",
        verbose_name=_("previous entry"),
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reported by"),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow-up entry")
        verbose_name_plural = _("follow-up entries")
        ordering = ["activity", "reported_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=FollowUpStatus.values), name="follow_up_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(progress_percent__isnull=True) | Q(progress_percent__lte=100),
                name="follow_up_progress_0_100",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity.code} {self.reported_on:%Y-%m-%d} {self.get_status_display()}"


class IndicatorKind(models.TextChoices):
    ACTIVITY_COUNT = "activity_count", _("count of activity done (from follow-up)")
    POLICE_EVENTS = "police_events", _("police events in the place (Polisen's feed)")
    MANUAL = "manual", _("series entered by hand (survey, statistics, EST)")


class IndicatorDirection(models.TextChoices):
    INCREASE = "increase", _("higher is better")
    DECREASE = "decrease", _("lower is better")


class Indicator(models.Model):
    """What shows whether an activity works, with its baseline and desired direction.

    For ``police_events``: events in ``neighbourhood`` (PoliceEvent.neighbourhood) of the
    types in ``event_types`` (all when empty), counted per period. For ``manual``: the
    IndicatorValue rows. For ``activity_count``: the activity's latest ``done_count``.
    Baseline: ``baseline_value`` over [baseline_start_on, baseline_end_on].
    """

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("activity")
    )
    name = ScrubbedCharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=IndicatorKind)
    direction = models.CharField(_("desired direction"), max_length=10, choices=IndicatorDirection)
    unit = ScrubbedCharField(_("unit"), max_length=60, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("neighbourhood of the series"),
    )
    event_types = models.JSONField(_("police event types"), default=list, blank=True)
    baseline_value = models.DecimalField(
        _("baseline"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    baseline_start_on = models.DateField(_("baseline from"), null=True, blank=True)
    baseline_end_on = models.DateField(_("baseline to"), null=True, blank=True)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["activity", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=IndicatorKind.values), name="indicator_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(direction__in=IndicatorDirection.values),
                name="indicator_direction_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class IndicatorValue(AppendOnlyModel):
    """One measured value of a manual indicator for a period (dates, inclusive)."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="values", verbose_name=_("indicator")
    )
    period_start_on = models.DateField(_("period from"))
    period_end_on = models.DateField(_("period to"))
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    source = models.CharField(_("source"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["indicator", "period_end_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end_on__gte=models.F("period_start_on")),
                name="indicator_value_period_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} ({self.period_end_on:%Y-%m-%d})"


auditlog.register(ActionPlan)
auditlog.register(Target)
auditlog.register(Activity, m2m_fields={"priority_areas", "causes", "neighbourhoods"})
auditlog.register(FollowUp)
auditlog.register(Indicator)
auditlog.register(IndicatorValue)
