import datetime

from django.contrib.contenttypes.models import ContentType

from safeboard.actions.factories import ActionFactory
from safeboard.actions.models import Action
from safeboard.partnership.factories import AgencyFactory
from safeboard.reviews.factories import DecisionFactory
from safeboard.reviews.models import Decision, Recommendation, Review
from safeboard.reviews.report_section import review_figures, review_summary
from tests.reviews.builders import recommendation, review

START, END = datetime.date(2024, 4, 1), datetime.date(2025, 3, 31)


def _answer(rec: Recommendation, agency, *, due_on, complete=False) -> Action:
    return ActionFactory(
        owner_agency=agency,
        due_on=due_on,
        status=Action.Status.COMPLETE if complete else Action.Status.NOT_STARTED,
        completed_on=due_on if complete else None,
        source_type=ContentType.objects.get_for_model(Recommendation),
        source_id=rec.pk,
    )


def test_reviews_notified_started_and_published_in_the_period(db):
    review(reference="CR-1", notification_sent_on=datetime.date(2024, 5, 2))
    review(reference="CR-OLD", notification_sent_on=datetime.date(2024, 3, 31))
    held = review(reference="CR-2")
    DecisionFactory(
        review=held, outcome=Decision.Outcome.LCSPR, decided_on=datetime.date(2024, 6, 1)
    )
    not_held = review(reference="CR-3", stage=Review.Stage.CLOSED)
    DecisionFactory(
        review=not_held, outcome=Decision.Outcome.NO_REVIEW, decided_on=datetime.date(2024, 6, 1)
    )
    review(reference="CR-4", published=True, published_on=datetime.date(2025, 1, 10))
    review(reference="CR-5", published=True, published_on=datetime.date(2025, 4, 1))  # after

    figures = review_figures(start=START, end=END)

    assert [r["reference"] for r in figures["notified"]] == ["CR-1"]
    assert [(r["reference"], r["kind"]) for r in figures["started"]] == [
        ("CR-2", "Local child safeguarding practice review")
    ]
    assert [r["reference"] for r in figures["published"]] == ["CR-4"]
    assert review_summary(figures).startswith("1 serious incidents were notified")


def test_published_reviews_recommendations_with_their_action_plan_progress(db):
    police, health = AgencyFactory(name="Police"), AgencyFactory(name="Health")
    published = review(reference="CR-9", published=True, published_on=datetime.date(2024, 9, 1))
    first = recommendation(published, agencies=[police, health])
    second = recommendation(published, agencies=[health])
    _answer(first, police, due_on=datetime.date(2024, 12, 1), complete=True)
    _answer(first, health, due_on=datetime.date(2024, 12, 1))  # overdue at the period's end
    _answer(second, health, due_on=datetime.date(2099, 1, 1))  # not yet due

    figures = review_figures(start=START, end=END)

    (row,) = figures["published"]
    assert [
        (r["number"], r["complete"], r["open"], r["overdue"]) for r in row["recommendations"]
    ] == [
        (1, 1, 1, 1),  # open counts the overdue one too
        (2, 0, 1, 0),
    ]
    assert sorted(row["recommendations"][0]["agencies"]) == ["Health", "Police"]
    assert figures["recommendations"] == 2
    assert figures["actions"] == {"complete": 1, "open": 2, "overdue": 1}
    assert figures["chart"] == [["Complete", 1], ["Open, not yet due", 1], ["Overdue", 1]]
    assert "2 recommendations" in review_summary(figures)


def test_a_quiet_year_says_so(db):
    figures = review_figures(start=START, end=END)
    assert figures["published"] == [] and figures["notified"] == []
    assert review_summary(figures).startswith("No serious incident")
