import datetime

from safeboard.challenges.factories import ChallengeFactory
from safeboard.challenges.report_section import challenge_figures
from safeboard.partnership.factories import AgencyFactory

START, END = datetime.date(2024, 4, 1), datetime.date(2025, 3, 31)


def test_challenges_raised_closed_and_open_in_the_period(db):
    police = AgencyFactory(name="Police")
    ChallengeFactory(agency=police, raised_on=datetime.date(2024, 5, 1))
    ChallengeFactory(
        agency=police,
        raised_on=datetime.date(2024, 1, 10),
        closed=True,
        closed_on=datetime.date(2024, 6, 1),
        outcome="Attends every discussion now.",
    )
    ChallengeFactory(agency=police, raised_on=datetime.date(2025, 5, 1))  # after the period
    figures = challenge_figures(start=START, end=END)
    assert figures["by_agency"] == [{"agency": "Police", "raised": 1, "closed": 1, "open": 1}]
    assert [o["outcome"] for o in figures["outcomes"]] == ["Attends every discussion now."]
