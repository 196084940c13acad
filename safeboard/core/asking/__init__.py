"""Asking an agency to account for something, and judging its answer.

The board asks (a challenge, a query about an indicator's figure), the agency answers by a
due date, and the board judges the answer: it accepts it, or asks again with a new due
date. Challenges and indicator queries both live this life; this package is the part they
share: the stages and their predicates (stages.py), the locked read every change starts
from (locking.py), the judgement form (forms.py) and the list page
(templates/core/asking/list.html).
"""
