"""The demo's evidence of impact reads as the data says: the contradicted challenge is caught,
and the chains for "Fathers and unseen men" and for priority 1 close with supported changes."""

from __future__ import annotations

from safeboard.actions.models import Action
from safeboard.challenges.models import Challenge
from safeboard.demo import impact
from safeboard.impact.judging import Standing
from safeboard.impact.models import Claim
from safeboard.impact.selectors import claims_for, subject_key
from safeboard.learning.models import FollowUp
from safeboard.priorities.models import Priority
from safeboard.reviews.models import Recommendation
from safeboard.scorecard.models import Figure


def _judged(record):
    return claims_for([record]).get(subject_key(record), [])


def _by_kind(records) -> dict[str, list]:
    judged = claims_for(records)
    by_kind: dict[str, list] = {}
    for claims in judged.values():
        for claim in claims:
            by_kind.setdefault(claim.claim.kind, []).append(claim.verdict)
    return by_kind


def test_the_contradicted_challenge_moved_the_wrong_way(demo_db):
    challenge = Challenge.objects.get(title=impact.CONTRADICTED_CHALLENGE)
    [judged] = _judged(challenge)
    assert judged.claim.statement.startswith("Plans lasting two years or more fell this year")
    assert judged.verdict.label == "not supported: moved the wrong way"
    # The figure the census import computed from the year's census, never a typed one.
    latest = Figure.objects.filter(indicator__code="CIN-04").latest("period__starts_on")
    assert latest.source == Figure.Source.CENSUS
    assert judged.verdict.details[1] == (
        f"After ({latest.period.label}): 1 period with figures, mean {latest.value:.1f}%."
    )
    assert challenge.impact_evidence == ""


def test_the_other_challenges_free_text_impact_is_a_story_not_checked(demo_db):
    stories = Claim.objects.filter(kind=Claim.Kind.STORY, carried_over=True)
    assert stories.count() == 2
    for story in stories:
        [judged] = _judged(story.subject)
        assert judged.verdict.label == "story: not checked against data"
    assert not Challenge.objects.exclude(impact_evidence="").exists()


def test_the_fathers_chain_closes_with_supported_changes(demo_db):
    recommendation = Recommendation.objects.get(text__startswith=impact.FATHERS_RECOMMENDATION)
    actions = list(
        Action.objects.filter(source_id=recommendation.pk, source_type__model="recommendation")
    )
    by_kind = _by_kind([recommendation, *actions])
    assert [v.label for v in by_kind["indicator"]] == ["supported: special-cause improvement"]
    [reaudit] = by_kind["reaudit"]
    assert reaudit.label == "supported: standard met rose"
    assert reaudit.details[1].startswith("All questions asked in both rounds")
    [training] = by_kind["training"]
    assert training.standing is Standing.SELF_REPORTED
    course_follow_ups = FollowUp.objects.filter(
        booking__session__course__title=impact.FATHERS_COURSE
    )
    sent = course_follow_ups.count()
    responded = course_follow_ups.filter(responded_at__isnull=False).count()
    # The demo dates its sessions from today, so how many follow-ups are due moves by the day.
    assert 0 < responded < sent
    assert training.details[0].startswith(f"Response rate: {responded} of {sent} (")


def test_priority_1_chain_closes_with_supported_changes(demo_db):
    priority = Priority.objects.get(number=1)
    actions = list(
        Action.objects.filter(
            title__in=[impact.NEGLECT_ACTION, impact.GRADED_CARE_ACTION, impact.TEMPLATE_ACTION]
        )
    )
    by_kind = _by_kind([priority, *actions])
    assert [v.label for v in by_kind["indicator"]] == ["supported: special-cause improvement"]
    assert {v.label for v in by_kind["reaudit"]} == {"supported: standard met rose"}
    [training] = by_kind["training"]
    assert training.standing is Standing.SELF_REPORTED
