"""What the business plan's views share: the focus warning."""

from __future__ import annotations

from .. import selectors
from ..models import BusinessPlan

FORM_TEMPLATE = "priorities/form.html"


def focus_warning(plan: BusinessPlan, active_count: int) -> str:
    """The GOV.UK warning text for a plan with too many active priorities."""
    return (
        f"This plan has {active_count} active priorities, more than the "
        f"{plan.max_active_priorities} it allows before the board loses focus. Consider which "
        "priorities to achieve, withdraw or combine."
    )


def with_focus_warning(message: str, plan: BusinessPlan) -> str:
    """Add the warning to a success message when the plan now has too many active priorities."""
    count = selectors.active_priority_count(plan=plan)
    if not selectors.too_many_active_priorities(plan=plan, active_count=count):
        return message
    return f"{message} Warning: {focus_warning(plan, count)}"
