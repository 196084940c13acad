"""The life of an organisation's return, as named states and the changes each allows.

Not started -> draft (anything saved) -> submitted (locked; the board moderates it and may
ask for evidence). The organisation changes it while the cycle is open and until it submits;
the business manager chases it and extends its deadline until then. The return's page, the
form pages (GET and POST alike) and the services all ask these predicates; the refusals are
the errors they show.
"""

from __future__ import annotations

from safeboard.core.transitions import Transition

from .models import Return

RETURN_SUBMITTED = "This return has been submitted: it can no longer be changed."
CYCLE_NOT_OPEN = "The cycle is not open for returns: the return cannot be changed."
CYCLE_CLOSED = "This cycle is closed: it cannot be changed."
NOT_SUBMITTED = "The return has not been submitted yet: there is nothing to moderate."
RETURN_ALREADY_SUBMITTED = "This return has been submitted: its deadline no longer matters."
NOTHING_TO_CHASE = "This return has been submitted: there is nothing to chase."
CHASED_ONLY_WHILE_OPEN = "Returns are chased only while the cycle is open."


def is_outstanding(agency_return: Return) -> bool:
    """The cycle is open and the organisation has not submitted: it may still answer."""
    return agency_return.cycle.is_open and not agency_return.is_submitted


def is_under_scrutiny(agency_return: Return) -> bool:
    """Submitted, in a cycle not yet closed: the board moderates it and may ask for evidence."""
    return agency_return.is_submitted and not agency_return.cycle.is_closed


def _edit_refusal(agency_return: Return) -> str | None:
    if agency_return.is_submitted:
        return RETURN_SUBMITTED
    return None if agency_return.cycle.is_open else CYCLE_NOT_OPEN


def _scrutiny_refusal(agency_return: Return) -> str | None:
    if agency_return.cycle.is_closed:
        return CYCLE_CLOSED
    return None if agency_return.is_submitted else NOT_SUBMITTED


def _extension_refusal(agency_return: Return) -> str | None:
    if agency_return.cycle.is_closed:
        return CYCLE_CLOSED
    return RETURN_ALREADY_SUBMITTED if agency_return.is_submitted else None


def _chase_refusal(agency_return: Return) -> str | None:
    if not agency_return.cycle.is_open:
        return CHASED_ONLY_WHILE_OPEN
    return NOTHING_TO_CHASE if agency_return.is_submitted else None


# The organisation's scores, evidence, improvement plan and submission.
EDIT = Transition("return_may_be_changed", _edit_refusal)
# The board's moderation and its requests for evidence.
SCRUTINISE = Transition("return_may_be_scrutinised", _scrutiny_refusal)
EXTEND_DEADLINE = Transition("return_deadline_may_be_extended", _extension_refusal)
CHASE = Transition("return_may_be_chased", _chase_refusal)
