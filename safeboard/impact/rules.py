"""Who may read the chains of learning and the chair's scrutiny list.

A chain shows every agency's actions and the findings behind them, so it is board business:
the business manager, the chair, board members and lay members read it (the readers of the
partnership's whole action plan, actions/rules.py). The scrutiny list, the gaps in those
chains, is read by the same people: the chair scrutinises, the business manager closes the
gaps, and board and lay members hold agencies to account at the board. Findings of a review
or an audit a reader may not open stay out of both, counted.
"""

import rules

from safeboard.accounts.predicates import is_board_business_reader

rules.add_perm("impact.view_chain", is_board_business_reader)
rules.add_perm("impact.view_scrutiny", is_board_business_reader)
