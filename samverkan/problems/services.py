"""Writes for problems and cause analyses (each one transaction; auditlog records them)."""

from datetime import date

from django.db import transaction

from samverkan.accounts.models import User
from samverkan.agreements.models import PriorityArea
from samverkan.geography.models import District, Neighbourhood

from .models import Cause, CauseAnalysis, EventChainStep, Evidence, Problem


def create_problem(
    *,
    priority_area: PriorityArea,
    title: str,
    period_start_on: date,
    period_end_on: date,
    by: User | None,
    description: str = "",
    district: District | None = None,
    neighbourhoods: list[Neighbourhood] = (),
    evidence: list[dict] = (),
) -> Problem:
    """Create a problem with its evidence (dicts of Evidence fields: kind, summary, …)."""
    with transaction.atomic():
        problem = Problem.objects.create(
            priority_area=priority_area,
            title=title,
            description=description,
            district=district,
            period_start_on=period_start_on,
            period_end_on=period_end_on,
            created_by=by,
        )
        problem.neighbourhoods.set(neighbourhoods)
        for item in evidence:
            Evidence.objects.create(problem=problem, **item)
    return problem


def add_evidence(*, problem: Problem, by: User | None, **fields) -> Evidence:
    return Evidence.objects.create(problem=problem, **fields)


def start_cause_analysis(*, problem: Problem, analysed_on: date, by: User | None, **fields):
    return CauseAnalysis.objects.create(
        problem=problem, analysed_on=analysed_on, created_by=by, **fields
    )


def add_cause(*, analysis: CauseAnalysis, by: User | None, **fields) -> Cause:
    return Cause.objects.create(analysis=analysis, **fields)


def add_chain_step(
    *, analysis: CauseAnalysis, situation: str, by: User | None, prevention: str = ""
) -> EventChainStep:
    """Append a step at the end of the event chain (positions 1, 2, 3 …)."""
    with transaction.atomic():
        CauseAnalysis.objects.select_for_update().get(pk=analysis.pk)
        position = (
            analysis.chain_steps.order_by("-position").values_list("position", flat=True).first()
            or 0
        ) + 1
        return EventChainStep.objects.create(
            analysis=analysis, position=position, situation=situation, prevention=prevention
        )
