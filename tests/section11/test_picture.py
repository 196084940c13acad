"""The compliance picture: scores by standard and organisation, change, export."""

from __future__ import annotations

import csv
import io

from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.section11 import return_services, scrutiny_services, services
from safeboard.section11.picture import compliance_picture
from tests.conftest import signed_in_client

from .conftest import days, ratings_of, set_up_cycle


def _answer(agency_return, scores, owner):
    for rating, score in zip(ratings_of(agency_return), scores, strict=True):
        return_services.rating_save(rating=rating, self_score=score)
        if score < 3:
            return_services.improvement_add(
                rating=rating, text="Improve", owner_person=owner, due_on=days(30)
            )
    return_services.return_submit(agency_return=agency_return)


def _two_cycles(cast, standard_set):
    lead = cast[Role.AGENCY_LEAD].person
    earlier = services.cycle_open(
        cycle=set_up_cycle(standard_set, [cast.home_agency], title="S11 2024")
    )
    _answer(earlier.returns.get(), [1, 3, 2], lead)
    services.cycle_close(cycle=earlier)
    cycle = services.cycle_open(
        cycle=set_up_cycle(standard_set, [cast.home_agency, cast.other_agency], title="S11 2026")
    )
    home = cycle.returns.get(agency=cast.home_agency)
    for rating in ratings_of(home):
        return_services.rating_save(rating=rating, self_score=3)
    return_services.return_submit(agency_return=home)
    scrutiny_services.return_moderate(
        agency_return=home,
        scores=[
            scrutiny_services.ModeratedScore(
                rating=ratings_of(home)[1], score=2, reason="Training records incomplete."
            )
        ],
    )
    return cycle


def test_each_cell_counts_the_moderated_score_and_the_change(cast, standard_set):
    picture = compliance_picture(_two_cycles(cast, standard_set))
    home_column = [row[0] for row in picture.rows]
    assert [(cell.score, cell.label, cell.colour) for cell in home_column] == [
        (3, "Fully met", "green"),
        (2, "Mostly met", "yellow"),
        (3, "Fully met", "green"),
    ]
    assert [cell.change_words for cell in home_column] == [
        "Up from 1",
        "Down from 3",
        "Up from 2",
    ]
    assert home_column[1].is_moderated
    other = picture.rows[0][1]
    assert (other.score, other.label, other.colour) == (None, "Not returned", "grey")


def test_the_summary_compares_the_share_of_returns_meeting_each_standard(cast, standard_set):
    picture = compliance_picture(_two_cycles(cast, standard_set))
    # One return in each cycle: the home agency's (the other agency has not returned).
    assert [(s.met_now, s.returned_now, s.met_before, s.change) for s in picture.summaries] == [
        (1, 1, 0, 100),
        (0, 1, 1, -100),
        (1, 1, 0, 100),
    ]


def test_the_picture_is_a_table_with_words_beside_the_colours(cast, standard_set):
    cycle = _two_cycles(cast, standard_set)
    page = signed_in_client(cast[Role.CHAIR]).get(reverse("section11:picture", args=[cycle.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'govuk-tag--yellow">2 Mostly met' in html
    assert "Moderated; self-assessed 3" in html
    assert "Down from 3" in html


def test_the_picture_exports_every_score(cast, standard_set):
    cycle = _two_cycles(cast, standard_set)
    response = signed_in_client(cast[Role.BOARD_MEMBER]).get(
        reverse("section11:picture", args=[cycle.pk]) + "?format=csv"
    )
    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    )
    assert len(rows) == 6
    moderated = next(
        row
        for row in rows
        if row["Organisation"] == cast.home_agency.name and row["Standard"] == "S-2"
    )
    assert moderated["Self-assessed score"] == "3"
    assert moderated["Moderated score"] == "2"
    assert moderated["Change"] == "-1"
    assert moderated["Moderation reason"] == "Training records incomplete."


def test_the_picture_exports_to_excel(cast, standard_set):
    cycle = _two_cycles(cast, standard_set)
    response = signed_in_client(cast[Role.CHAIR]).get(
        reverse("section11:picture", args=[cycle.pk]) + "?format=xlsx"
    )
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
