"""Writes of the reporting chain: start, fill, submit and correct reports; compile the year."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.accounts.models import User
from samverkan.agreements.models import Agreement, AgreementLevel, PriorityArea
from samverkan.plans.models import ActionPlan, Activity, FollowUp, FollowUpStatus
from samverkan.plans.selectors import plan_state, target_progress
from samverkan.plans.services import AlreadyCarriedOver, carry_over_plan
from samverkan.problems.models import Problem
from samverkan.situations.selectors import situation_picture

from .models import (
    AnnualCompilation,
    CompilationAreaText,
    CompilationStatus,
    LocalReport,
    ReportAreaText,
    ReportStatus,
)

# Days after the period's end by which a report is due, unless the tenant sets
# ``report_deadline_days``.
DEFAULT_DEADLINE_DAYS = 15


class ReportingError(Exception):
    """A step the reporting rules do not allow; the message is shown to the user."""


class ReportIncomplete(ReportingError):
    def __init__(self, missing: list[PriorityArea]) -> None:
        self.missing = missing
        super().__init__(
            _(
                "Every city-wide priority area must be addressed before submitting. Missing: "
                '%(areas)s. "No activity this period, because …" is an answer.'
            )
            % {"areas": "; ".join(a.name for a in missing)}
        )


def frame_areas(agreement: Agreement) -> list[PriorityArea]:
    """The city-wide priority areas a local agreement reports on (its frame's areas)."""
    if agreement.level != AgreementLevel.LOCAL or agreement.parent is None:
        raise ReportingError(_("Only a local agreement under a city-wide frame reports upward."))
    return list(agreement.parent.priority_areas.order_by("order", "name"))


@transaction.atomic
def start_report(*, agreement: Agreement, start: date, end: date, by: User) -> LocalReport:
    """Open a draft report for ``agreement`` and the period [start, end] with one empty text
    per city-wide area. A second current report for the same period is refused."""
    if end < start:
        raise ReportingError(_("The period ends before it starts."))
    areas = frame_areas(agreement)
    if (
        LocalReport.objects.current()
        .filter(agreement=agreement, period_start_on=start, period_end_on=end)
        .exists()
    ):
        raise ReportingError(_("There is already a report for this agreement and period."))
    report = LocalReport.objects.create(
        tenant=agreement.tenant,
        agreement=agreement,
        period_start_on=start,
        period_end_on=end,
        created_by=by,
    )
    ReportAreaText.objects.bulk_create([ReportAreaText(report=report, frame_area=a) for a in areas])
    return report


@transaction.atomic
def save_report_texts(*, report: LocalReport, texts: dict[int, str], summary: str) -> LocalReport:
    """Store the draft's summary and texts (keyed by frame area id). Submitted: refused."""
    locked = LocalReport.objects.select_for_update().get(pk=report.pk)
    if locked.is_submitted:
        raise ReportingError(_("A submitted report cannot be changed; make a correction."))
    locked.summary = summary
    locked.save(update_fields=["summary", "updated_at"])
    for row in locked.area_texts.all():
        if row.frame_area_id in texts:
            row.text = texts[row.frame_area_id].strip()
            row.save(update_fields=["text"])
    return locked


def build_snapshot(report: LocalReport) -> dict:
    """The figures a report freezes (see LocalReport.snapshot for the keys)."""
    start, end = report.period_start_on, report.period_end_on
    situation = []
    for district in report.agreement.districts.order_by("name"):
        picture = situation_picture(area=district, start=start, end=end)
        situation.append(
            {
                "district": district.name,
                "police_events": picture["police_events"]["total"],
                "previous_period": picture["police_events"]["previous_period_total"],
                "by_type": picture["police_events"]["by_type"][:10],
                "population": picture["population"],
            }
        )
    plans = ActionPlan.objects.filter(
        agreement=report.agreement, starts_on__lte=end, ends_on__gte=start
    )
    plan_rows, follow_ups = [], []
    for plan in plans:
        plan_rows.append(
            {
                "plan": plan.title,
                "activities": [
                    {
                        "code": s.activity.code,
                        "title": s.activity.title,
                        "status": s.entry.status if s.entry else None,
                        "done_count": s.entry.done_count if s.entry else None,
                    }
                    for s in plan_state(plan, end)
                ],
            }
        )
        for entry in (
            FollowUp.objects.filter(
                activity__plan=plan, reported_on__gte=start, reported_on__lte=end
            )
            .select_related("activity")
            .order_by("reported_on", "pk")
        ):
            follow_ups.append(
                {
                    "activity": entry.activity.code,
                    "reported_on": entry.reported_on.isoformat(),
                    "status": entry.status,
                    "done_count": entry.done_count,
                    "note": entry.note,
                }
            )
    problems = [
        {"title": p.title, "priority_area": p.priority_area.name}
        for p in Problem.objects.filter(
            priority_area__agreement=report.agreement,
            created_at__date__gte=start,
            created_at__date__lte=end,
        ).select_related("priority_area")
    ]
    return {
        "situation": situation,
        "plans": plan_rows,
        "follow_ups": follow_ups,
        "problems": problems,
        "generated_at": timezone.now().isoformat(),
    }


@transaction.atomic
def submit_report(*, report: LocalReport, by: User) -> LocalReport:
    """Freeze and submit. Refused (ReportIncomplete) if a city-wide area has no text."""
    locked = LocalReport.objects.select_for_update().get(pk=report.pk)
    if locked.is_submitted:
        raise ReportingError(_("The report is already submitted."))
    missing = [
        t.frame_area for t in locked.area_texts.select_related("frame_area") if not t.text.strip()
    ]
    if missing:
        raise ReportIncomplete(missing)
    locked.snapshot = build_snapshot(locked)
    locked.status = ReportStatus.SUBMITTED
    locked.submitted_at = timezone.now()
    locked.submitted_by = by
    locked.save(update_fields=["snapshot", "status", "submitted_at", "submitted_by", "updated_at"])
    return locked


@transaction.atomic
def correct_report(*, report: LocalReport, reason: str, by: User) -> LocalReport:
    """Start a correction: a new draft version that will supersede ``report`` (kept as is)."""
    locked = LocalReport.objects.select_for_update().get(pk=report.pk)
    if not locked.is_submitted:
        raise ReportingError(_("Only a submitted report is corrected; edit the draft instead."))
    if LocalReport.objects.filter(supersedes=locked).exists():
        raise ReportingError(_("This version already has a correction."))
    if not reason.strip():
        raise ReportingError(_("Say why the report is corrected."))
    new = LocalReport.objects.create(
        tenant=locked.tenant,
        agreement=locked.agreement,
        period_start_on=locked.period_start_on,
        period_end_on=locked.period_end_on,
        version=locked.version + 1,
        supersedes=locked,
        correction_reason=reason.strip(),
        summary=locked.summary,
        created_by=by,
    )
    ReportAreaText.objects.bulk_create(
        [
            ReportAreaText(report=new, frame_area_id=t.frame_area_id, text=t.text)
            for t in locked.area_texts.all()
        ]
    )
    return new


@dataclass
class OverviewRow:
    """One local agreement in the preparatory group's period view.

    ``state``: "submitted", "draft" or "missing"; ``late``: not submitted and the deadline
    (period end + the tenant's report_deadline_days) has passed; ``texts`` maps frame
    area id → text (empty when not written).
    """

    agreement: Agreement
    report: LocalReport | None
    state: str
    late: bool
    deadline: date
    texts: dict[int, str] = field(default_factory=dict)


def period_overview(
    *, agreements, frame: Agreement, start: date, end: date, today: date | None = None
) -> list[OverviewRow]:
    """All local agreements under ``frame`` (from the visible ``agreements``) for a period."""
    today = today or timezone.localdate()
    deadline = end + timedelta(
        days=int(frame.tenant.option("report_deadline_days", DEFAULT_DEADLINE_DAYS))
    )
    rows = []
    locals_ = agreements.filter(parent=frame, level=AgreementLevel.LOCAL).order_by("title")
    reports = {
        r.agreement_id: r
        for r in LocalReport.objects.current()
        .filter(agreement__in=locals_, period_start_on=start, period_end_on=end)
        .prefetch_related("area_texts")
    }
    for agreement in locals_:
        report = reports.get(agreement.pk)
        state = "missing" if report is None else report.status
        rows.append(
            OverviewRow(
                agreement=agreement,
                report=report,
                state=state,
                deadline=deadline,
                late=state != ReportStatus.SUBMITTED and today > deadline,
                texts={t.frame_area_id: t.text for t in report.area_texts.all()} if report else {},
            )
        )
    return rows


def latest_report_tertial(*, agreements, frame: Agreement, today: date) -> tuple[int, int] | None:
    """(year, tertial 1–3) of the latest period with a local report under ``frame``.

    Reads the current version of reports (draft or submitted) of the local agreements
    under ``frame`` among the visible ``agreements``, for periods that have begun by
    ``today``. None when there is none. The preparatory group's view opens on it (the
    bundled demo report is for September–December 2025).
    """
    locals_ = agreements.filter(parent=frame, level=AgreementLevel.LOCAL)
    start = (
        LocalReport.objects.current()
        .filter(agreement__in=locals_, period_start_on__lte=today)
        .order_by("-period_start_on")
        .values_list("period_start_on", flat=True)
        .first()
    )
    if start is None:
        return None
    return start.year, (start.month - 1) // 4 + 1


def _activities_for_area(activities: list[Activity], area: PriorityArea) -> list[Activity]:
    result = []
    for activity in activities:
        areas = list(activity.priority_areas.all())
        if any(a.pk == area.pk or area in a.frame_areas.all() for a in areas):
            result.append(activity)
    return result


def compilation_figures(*, frame: Agreement, year: int) -> dict:
    """Results and measures per city-wide area for ``year`` across all plans under ``frame``.

    Shape: {"year", "plans": [titles], "areas": [{"code", "name", "activities": n,
    "by_status": {status: n}, "targets": [{"description", "required", "achieved", "met"}],
    "not_done": [{"plan", "code", "title", "status", "note"}]}]}. The state of every
    activity is its latest follow-up entry dated on or before 31 December (no entry =
    "no follow-up").
    """
    year_start, year_end = date(year, 1, 1), date(year, 12, 31)
    agreements = [frame, *frame.local_agreements.all()]
    plans = list(
        ActionPlan.objects.filter(
            agreement__in=agreements, starts_on__lte=year_end, ends_on__gte=year_start
        ).order_by("title")
    )
    activities = list(
        Activity.objects.filter(plan__in=plans)
        .select_related("plan", "target")
        .prefetch_related("priority_areas__frame_areas")
    )
    latest = {}
    for entry in FollowUp.objects.filter(
        activity__in=activities, reported_on__lte=year_end
    ).order_by("reported_on", "pk"):
        latest[entry.activity_id] = entry
    areas = []
    for area in frame.priority_areas.order_by("order", "name"):
        acts = _activities_for_area(activities, area)
        by_status: dict[str, int] = {}
        not_done = []
        targets = {}
        for activity in acts:
            entry = latest.get(activity.pk)
            status = entry.status if entry else "no_follow_up"
            by_status[status] = by_status.get(status, 0) + 1
            if status in (FollowUpStatus.NOT_DONE, FollowUpStatus.PARTLY_DONE, "no_follow_up"):
                not_done.append(
                    {
                        "plan": activity.plan.title,
                        "code": activity.code,
                        "title": activity.title,
                        "status": status,
                        "note": entry.note if entry else "",
                    }
                )
            if activity.target_id and activity.target_id not in targets:
                progress = target_progress(activity.target, year_end)
                targets[activity.target_id] = {
                    "description": activity.target.description,
                    "required": progress.required_total,
                    "achieved": progress.achieved,
                    "met": progress.achieved >= progress.required_total,
                }
        areas.append(
            {
                "code": area.code,
                "name": area.name,
                "activities": len(acts),
                "by_status": dict(sorted(by_status.items())),
                "targets": list(targets.values()),
                "not_done": not_done,
            }
        )
    return {"year": year, "plans": [p.title for p in plans], "areas": areas}


@transaction.atomic
def compile_year(*, frame: Agreement, year: int, by: User) -> AnnualCompilation:
    """Create (or regenerate, while still a draft) the year-end compilation."""
    if frame.level != AgreementLevel.CITY:
        raise ReportingError(_("The year-end compilation is made for a city-wide agreement."))
    compilation, _created = AnnualCompilation.objects.select_for_update().get_or_create(
        frame=frame, year=year, defaults={"tenant": frame.tenant, "created_by": by}
    )
    if compilation.status == CompilationStatus.DECIDED:
        raise ReportingError(_("The compilation is decided and cannot be regenerated."))
    compilation.figures = compilation_figures(frame=frame, year=year)
    compilation.save(update_fields=["figures", "updated_at"])
    existing = set(compilation.area_texts.values_list("frame_area_id", flat=True))
    CompilationAreaText.objects.bulk_create(
        [
            CompilationAreaText(compilation=compilation, frame_area=a)
            for a in frame.priority_areas.all()
            if a.pk not in existing
        ]
    )
    return compilation


@transaction.atomic
def save_compilation_texts(
    *, compilation: AnnualCompilation, introduction: str, texts: dict[int, str]
) -> AnnualCompilation:
    locked = AnnualCompilation.objects.select_for_update().get(pk=compilation.pk)
    if locked.status == CompilationStatus.DECIDED:
        raise ReportingError(_("A decided compilation cannot be changed."))
    locked.introduction = introduction
    locked.save(update_fields=["introduction", "updated_at"])
    for row in locked.area_texts.all():
        if row.frame_area_id in texts:
            row.text = texts[row.frame_area_id]
            row.save(update_fields=["text"])
    return locked


@transaction.atomic
def decide_compilation(*, compilation: AnnualCompilation, on: date) -> AnnualCompilation:
    locked = AnnualCompilation.objects.select_for_update().get(pk=compilation.pk)
    if locked.status == CompilationStatus.DECIDED:
        raise ReportingError(_("The compilation is already decided."))
    locked.status = CompilationStatus.DECIDED
    locked.decided_on = on
    locked.save(update_fields=["status", "decided_on", "updated_at"])
    return locked


def draft_next_year_plans(*, compilation: AnnualCompilation, by: User) -> list[ActionPlan]:
    """Next year's draft plans: each plan of the year carries its unfinished activities over.

    Plans that already have a successor are skipped; returns the plans created.
    """
    year = compilation.year
    agreements = [compilation.frame, *compilation.frame.local_agreements.all()]
    created = []
    for plan in ActionPlan.objects.filter(
        agreement__in=agreements, starts_on__lte=date(year, 12, 31), ends_on__gte=date(year, 1, 1)
    ):
        if ActionPlan.objects.filter(previous_plan=plan).exists():
            continue
        try:
            result = carry_over_plan(
                plan=plan,
                title=_("%(title)s – draft %(year)s") % {"title": plan.title, "year": year + 1},
                starts_on=date(year + 1, 1, 1),
                ends_on=date(year + 1, 12, 31),
                by=by,
                as_of=min(plan.ends_on, date(year, 12, 31)),
            )
        except AlreadyCarriedOver:
            continue
        created.append(result.plan)
    return created
