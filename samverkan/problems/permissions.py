from samverkan.plans.visibility import can_edit_agreement_work

from .models import Problem


def can_edit_problem(user, problem: Problem) -> bool:
    """Coordinators of a party to the problem's agreement (or above it) may edit it."""
    return can_edit_agreement_work(user, problem.priority_area.agreement)
