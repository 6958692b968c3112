"""Read-side assembly for plans: state as of a date, target progress, traceability, before/after."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Max, Prefetch, QuerySet

from samverkan.agreements.models import PriorityArea
from samverkan.geography.models import Neighbourhood
from samverkan.police_events.models import PoliceEvent
from samverkan.problems.models import Problem

from . import evaluation
from . import targets as target_math
from .models import ActionPlan, Activity, FollowUp, Indicator, IndicatorKind, Target

# An indicator without a value in the last RECENT_DAYS (one tertial) is a gap.
RECENT_DAYS = 122
# Police-event indicators count events in a trailing window of this many days.
EVENT_WINDOW_DAYS = 90


@dataclass
class TargetProgress:
    """A target's standing on a date.

    ``required_so_far``: the whole count required from the target's start to ``on``
    (targets.required_whole); ``required_total``: over the whole target period;
    ``achieved``: sum of the latest counts of the target's activities (counted types
    only) as of ``on``; ``met_so_far``: achieved satisfies the requirement so far.
    """

    target: Target
    required_so_far: int
    required_total: int
    achieved: int
    met_so_far: bool
    percent_of_total: int | None


def target_progress(target: Target, on: date) -> TargetProgress:
    spec = target.spec()
    start, end = target.period
    latest: dict[int, FollowUp] = {}
    entries = FollowUp.objects.filter(activity__target=target, reported_on__lte=on)
    for entry in entries.select_related("activity").order_by("reported_on", "pk"):
        latest[entry.activity_id] = entry
    counts = [
        (entry.activity.activity_type, entry.done_count)
        for entry in latest.values()
        if entry.done_count is not None
    ]
    achieved = target_math.achieved_total(counts, target.counted_types or ())
    until = min(on, end)
    return TargetProgress(
        target=target,
        required_so_far=target_math.required_whole(spec, start, until),
        required_total=target_math.required_whole(spec),
        achieved=achieved,
        met_so_far=target_math.is_met(spec, achieved, start, until),
        percent_of_total=target_math.progress_percent(spec, achieved),
    )


@dataclass
class ActivityState:
    activity: Activity
    entry: FollowUp | None


def plan_state(plan: ActionPlan, on: date) -> list[ActivityState]:
    """Every activity of ``plan`` with the follow-up entry in force on ``on`` (or None).

    Entries dated after ``on`` are ignored, so the result is the plan as it stood on that
    date (as reported for that date; corrections are later-dated entries).
    """
    activities = list(plan.activities.select_related("target", "responsible_organisation"))
    entries: dict[int, FollowUp] = {}
    for entry in FollowUp.objects.filter(activity__plan=plan, reported_on__lte=on).order_by(
        "reported_on", "pk"
    ):
        entries[entry.activity_id] = entry
    return [ActivityState(activity=a, entry=entries.get(a.pk)) for a in activities]


@dataclass
class IndicatorReading:
    """The latest value of an indicator on a date, or None, and when it was measured."""

    indicator: Indicator
    value: Decimal | int | None
    measured_on: date | None
    is_recent: bool


def police_event_count(
    *, neighbourhood: Neighbourhood, start: date, end: date, event_types: list[str] | None = None
) -> int:
    """Police events placed in ``neighbourhood`` with incident date in [start, end].

    Source: Polisen's public events feed, placed into neighbourhoods from the text
    (PoliceEvent.neighbourhood). Events are publications, not crimes.
    """
    events = PoliceEvent.objects.in_period(start, end).filter(neighbourhood=neighbourhood)
    if event_types:
        events = events.filter(type__in=event_types)
    return events.count()


def indicator_reading(indicator: Indicator, on: date) -> IndicatorReading:
    recent_from = on - timedelta(days=RECENT_DAYS)
    value: Decimal | int | None = None
    measured_on: date | None = None
    if indicator.kind == IndicatorKind.ACTIVITY_COUNT:
        entry = (
            indicator.activity.follow_ups.filter(reported_on__lte=on, done_count__isnull=False)
            .order_by("-reported_on", "-pk")
            .first()
        )
        if entry is not None:
            value, measured_on = entry.done_count, entry.reported_on
    elif indicator.kind == IndicatorKind.POLICE_EVENTS:
        place = indicator.neighbourhood or indicator.activity.neighbourhoods.first()
        latest = PoliceEvent.objects.filter(occurred_on__lte=on).aggregate(m=Max("occurred_on"))
        if place is not None and latest["m"] is not None:
            measured_on = latest["m"]
            value = police_event_count(
                neighbourhood=place,
                start=measured_on - timedelta(days=EVENT_WINDOW_DAYS - 1),
                end=measured_on,
                event_types=indicator.event_types,
            )
    else:
        row = (
            indicator.values.filter(period_end_on__lte=on).order_by("-period_end_on", "-pk").first()
        )
        if row is not None:
            value, measured_on = row.value, row.period_end_on
    return IndicatorReading(
        indicator=indicator,
        value=value,
        measured_on=measured_on,
        is_recent=measured_on is not None and measured_on >= recent_from,
    )


# --- Traceability -------------------------------------------------------------------------

GAP_NO_ANALYSIS = "problem_without_analysis"
GAP_CAUSE_WITHOUT_ACTIVITY = "cause_without_activity"
GAP_ACTIVITY_WITHOUT_INDICATOR = "activity_without_indicator"
GAP_INDICATOR_NOT_RECENT = "indicator_without_recent_value"
GAP_ACTIVITY_WITHOUT_CAUSE = "activity_without_cause"


@dataclass
class TraceActivity:
    activity: Activity
    entry: FollowUp | None
    readings: list[IndicatorReading]
    gaps: list[str] = field(default_factory=list)


@dataclass
class TraceCause:
    cause: object
    activities: list[TraceActivity]
    gaps: list[str] = field(default_factory=list)


@dataclass
class TraceProblem:
    problem: Problem
    causes: list[TraceCause]
    gaps: list[str] = field(default_factory=list)


@dataclass
class Traceability:
    """Evidence → causes → activities → indicators → latest results, with gaps.

    ``gap_counts``: gap code → number of occurrences (codes are the GAP_* constants).
    ``unlinked_activities``: activities of the area that act on no analysed cause.
    """

    on: date
    problems: list[TraceProblem]
    unlinked_activities: list[TraceActivity]
    gap_counts: dict[str, int]


def _trace_activity(activity: Activity, on: date) -> TraceActivity:
    readings = [indicator_reading(i, on) for i in activity.indicators.all()]
    item = TraceActivity(
        activity=activity, entry=activity.latest_follow_up(on=on), readings=readings
    )
    if not readings:
        item.gaps.append(GAP_ACTIVITY_WITHOUT_INDICATOR)
    item.gaps.extend(GAP_INDICATOR_NOT_RECENT for r in readings if not r.is_recent)
    return item


def traceability(
    *, problems: QuerySet[Problem], activities: QuerySet[Activity], on: date
) -> Traceability:
    """Build the chain for ``problems`` and the ``activities`` that may act on them.

    Both querysets must already be passed through ``visible_to``; activities outside
    ``activities`` are not shown even when linked to a cause. A problem's latest cause
    analysis is the one shown.
    """
    allowed = set(activities.values_list("pk", flat=True))
    problems = problems.prefetch_related(
        "evidence",
        Prefetch("analyses__causes__activities", queryset=Activity.objects.order_by("code")),
    )
    result: list[TraceProblem] = []
    seen: set[int] = set()
    for problem in problems:
        analysis = problem.analyses.all()[0] if problem.analyses.all() else None
        trace = TraceProblem(problem=problem, causes=[])
        if analysis is None:
            trace.gaps.append(GAP_NO_ANALYSIS)
        else:
            for cause in analysis.causes.all():
                linked = [a for a in cause.activities.all() if a.pk in allowed]
                item = TraceCause(cause=cause, activities=[_trace_activity(a, on) for a in linked])
                seen.update(a.pk for a in linked)
                if not linked:
                    item.gaps.append(GAP_CAUSE_WITHOUT_ACTIVITY)
                trace.causes.append(item)
        result.append(trace)
    unlinked = []
    for activity in activities.exclude(pk__in=seen).order_by("plan", "code"):
        item = _trace_activity(activity, on)
        item.gaps.insert(0, GAP_ACTIVITY_WITHOUT_CAUSE)
        unlinked.append(item)
    counts: dict[str, int] = {}
    for trace in result:
        for gap in trace.gaps:
            counts[gap] = counts.get(gap, 0) + 1
        for cause in trace.causes:
            for gap in cause.gaps:
                counts[gap] = counts.get(gap, 0) + 1
            for act in cause.activities:
                for gap in act.gaps:
                    counts[gap] = counts.get(gap, 0) + 1
    for act in unlinked:
        for gap in act.gaps:
            counts[gap] = counts.get(gap, 0) + 1
    return Traceability(on=on, problems=result, unlinked_activities=unlinked, gap_counts=counts)


def area_activities(area: PriorityArea, visible: QuerySet[Activity]) -> QuerySet[Activity]:
    """Activities tagged with ``area`` or with a local area that addresses it."""
    return visible.filter(priority_areas__in=[area, *area.local_areas.all()]).distinct()


# --- Before / after -----------------------------------------------------------------------


@dataclass
class BeforeAfterResult:
    """Counts in equal windows before and after ``start`` (the activity's start date).

    before = [start - window, start - 1]; after = [start, start + window - 1], both
    clipped to nothing beyond ``data_until`` (the last date with police events): when the
    after-window is not complete both windows shrink to the same length.
    """

    place: Neighbourhood
    comparison: Neighbourhood
    start: date
    window_days: int
    before: tuple[date, date]
    after: tuple[date, date]
    result: evaluation.BeforeAfter


def before_after(
    *,
    place: Neighbourhood,
    comparison: Neighbourhood,
    start: date,
    window_days: int,
    event_types: list[str] | None = None,
    data_until: date | None = None,
) -> BeforeAfterResult:
    """Compare police events in ``place`` with ``comparison`` before/after ``start``.

    Raises ValueError when there is no data after ``start`` at all.
    """
    if data_until is None:
        data_until = PoliceEvent.objects.aggregate(m=Max("occurred_on"))["m"]
    if data_until is None or data_until < start:
        raise ValueError("no police events after the start date")
    days = min(window_days, (data_until - start).days + 1)
    before = (start - timedelta(days=days), start - timedelta(days=1))
    after = (start, start + timedelta(days=days - 1))

    def count(area: Neighbourhood, period: tuple[date, date]) -> int:
        return police_event_count(
            neighbourhood=area, start=period[0], end=period[1], event_types=event_types
        )

    return BeforeAfterResult(
        place=place,
        comparison=comparison,
        start=start,
        window_days=days,
        before=before,
        after=after,
        result=evaluation.compare(
            place_before=count(place, before),
            place_after=count(place, after),
            comparison_before=count(comparison, before),
            comparison_after=count(comparison, after),
        ),
    )
