"""Who may read the scorecard and who may change it.

The business manager keeps the catalogue: indicators, their definitions, targets and
comparators. Each agency's data contact (the agency lead) submits and revises the figures of
its own agency's indicators, and of no other agency's: a police data contact never touches
health's figures. Board business readers read the whole scorecard; a data contact reads the
catalogue and their own agency's indicators.

Object rules take an Indicator, a Figure or an Agency: each has `owning_agency_id`.

Queries about an indicator's figures (an IndicatorQuery, whose `owning_agency_id` is the
agency asked) are read by board business readers and by the asked agency's representatives
(its leads and its board member), who alone answer them and add actions; the business
manager and the chair raise queries by hand and accept or challenge the answers.
"""

import rules

from safeboard.accounts.predicates import (
    has_any_role,
    is_agency_representative,
    is_board_business_reader,
    is_business_manager,
    is_chair,
    is_staff_of_owning_agency,
)
from safeboard.accounts.roles import Role

is_data_contact = has_any_role(Role.AGENCY_LEAD)

# The agency lead of the agency that owns the indicator (or figure, or the agency itself).
is_owning_agencys_data_contact = is_data_contact & is_staff_of_owning_agency

can_read_scorecard = is_board_business_reader | is_data_contact
can_view_indicator = is_board_business_reader | is_owning_agencys_data_contact

rules.add_perm("scorecard.list_indicators", can_read_scorecard)
rules.add_perm("scorecard.view_indicator", can_view_indicator)
# Without this, the grid and the API show only the user's own agency's figures.
rules.add_perm("scorecard.read_every_agencys_figures", is_board_business_reader)
rules.add_perm("scorecard.add_indicator", is_business_manager)
rules.add_perm("scorecard.change_indicator", is_business_manager)
rules.add_perm("scorecard.record_comparators", is_business_manager)
# Submitting lists the periods of the user's own agency; the object is an Agency.
rules.add_perm("scorecard.submit_own_figures", is_data_contact)
rules.add_perm("scorecard.submit_figures", is_owning_agencys_data_contact)
rules.add_perm("scorecard.revise_figure", is_owning_agencys_data_contact)

# Queries to an indicator's owning agency.
is_performance_judge = is_business_manager | is_chair
is_representative_of_asked_agency = is_agency_representative & is_staff_of_owning_agency

rules.add_perm("scorecard.list_queries", is_board_business_reader | is_agency_representative)
# Without this, the list shows only the user's own agency's queries.
rules.add_perm("scorecard.list_every_agencys_queries", is_board_business_reader)
rules.add_perm("scorecard.view_query", is_board_business_reader | is_representative_of_asked_agency)
# Explicitly not the business manager or chair: the board does not answer its own queries.
rules.add_perm("scorecard.answer_query", is_representative_of_asked_agency & ~is_performance_judge)
rules.add_perm("scorecard.judge_query", is_performance_judge)
rules.add_perm("scorecard.raise_query", is_performance_judge)


# A token for the API is a password that never asks for a second factor: the accounts that
# must prove one at every sign-in (business manager, chair) may not hold one, even when they
# are also an agency's lead. Checked when a token is made and on every request made with it.
@rules.predicate
def signs_in_with_second_factor(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.requires_two_factor)


rules.add_perm("scorecard.hold_api_token", is_data_contact & ~signs_in_with_second_factor)
