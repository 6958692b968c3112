from .models import ActionPlan
from .visibility import can_edit_agreement_work


def can_edit_plan(user, plan: ActionPlan) -> bool:
    """Coordinators (edit_plans) of a party to the plan's agreement or of an organisation above."""
    return can_edit_agreement_work(user, plan.agreement)
