import datetime

from safeboard.challenges.factories import ChallengeFactory
from safeboard.challenges.report_section import challenge_figures, challenge_printed
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


def test_the_printed_table_keeps_the_agencies_challenged_most():
    by_agency = [
        {"agency": f"Agency {n:02d}", "raised": n % 7, "closed": 1, "open": n % 3}
        for n in range(14)
    ]
    figures = {"by_agency": by_agency, "chart": [], "outcomes": [{"outcome": "Done."}]}
    printed = challenge_printed(figures)
    kept = [row["agency"] for row in printed["by_agency"]]
    assert len(kept) == 10
    assert kept == sorted(kept)  # in the table's own order, by name
    assert {"Agency 00", "Agency 07", "Agency 01", "Agency 08"}.isdisjoint(kept)
    left_out = [row for row in by_agency if row["agency"] not in kept]
    assert printed["others"] == {
        "agency": "All 4 other agencies",
        "raised": sum(row["raised"] for row in left_out),
        "closed": 4,
        "open": sum(row["open"] for row in left_out),
    }
    assert printed["chart"][-1] == ["All 4 other agencies", printed["others"]["raised"], 4]
    assert printed["outcomes"] == figures["outcomes"]
