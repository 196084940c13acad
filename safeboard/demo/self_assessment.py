"""The board's self-assessment in the demo: two, a year apart, the latest completed a few
weeks before the demo's today, so the results page and the yearly report have a change to
show. The board rates itself weakest on children's voice and measuring impact, and better
the second year on learning from reviews; one agreed improvement is on the action plan.

Everything is made through the self-assessment's services, as the business manager and the
members would.
"""

from __future__ import annotations

import datetime
import random

from safeboard.self_assessment import services
from safeboard.self_assessment.models import Question, SelfAssessment

from .people import Directory
from .timeline import Clock

RATERS = ("manager", "chair", "la.board", "police.board", "acute.board", "schools.board")
# Each area's usual rating in the earlier and the later self-assessment.
LEVELS = {
    "Governance and membership": (3, 3),
    "A few clear priorities": (2, 3),
    "Scrutiny and challenge": (3, 3),
    "Learning from reviews": (2, 3),
    "Training": (3, 3),
    "Children's voice": (1, 2),
    "Measuring impact": (2, 2),
}
EVIDENCE = {
    "Scrutiny and challenge": "/challenges/",
    "Learning from reviews": "/reviews/",
    "Training": "/training/",
    "Measuring impact": "/scorecard/grid/",
}
IMPROVEMENT = "Hear from children and young people at every board meeting"


def build_self_assessments(
    *, rng: random.Random, clock: Clock, directory: Directory
) -> list[SelfAssessment]:
    questions = list(Question.objects.filter(is_active=True).select_related("area"))
    made = []
    for year, (opened_ago, completed_ago) in enumerate(((400, 380), (35, 21))):
        opened_on = clock.days_ago(opened_ago)
        assessment = services.self_assessment_open(
            title=f"Board self-assessment {opened_on.year}",
            opened_on=opened_on,
            opened_by=directory.manager,
        )
        for offset, key in enumerate(RATERS):
            rated_on = opened_on + datetime.timedelta(days=3 + offset)
            services.ratings_record(
                assessment=assessment,
                rater=directory.people[key],
                answers=[_answer(rng, question, year) for question in questions],
                rated_at=clock.at(rated_on),
            )
        made.append(
            services.self_assessment_complete(
                assessment=assessment,
                completed_on=clock.days_ago(completed_ago),
                today=clock.today,
            )
        )
    services.self_assessment_add_action(
        assessment=made[-1],
        title=IMPROVEMENT,
        description="The board rated itself lowest on children's voice two years running.",
        owner_person=directory.people["chair"],
        due_on=clock.days_ahead(150),
        created_by=directory.manager,
    )
    return made


def _answer(rng: random.Random, question: Question, year: int) -> services.Answer:
    level = LEVELS.get(question.area.name, (2, 2))[year]
    score = min(4, max(1, level + rng.choice((-1, 0, 0, 0, 1))))
    return services.Answer(
        question=question, score=score, evidence=EVIDENCE.get(question.area.name, "")
    )
