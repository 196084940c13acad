"""The streaming census reader on small hand-made files: every element, several files, the
per-child problems, leaving children out, progress and memory."""

from __future__ import annotations

import datetime
import io
import tracemalloc

import pytest

from safeboard.census import reader
from safeboard.census.extract import RecordProblem
from safeboard.census.reader import read_census
from safeboard.census.synth import write_census

D = datetime.date


def census(*children: bytes, reference_date: bytes = b"2025-03-31") -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<Message>\n<Header><CollectionDetails>'
        b"<Collection>CIN</Collection><Year>2025</Year><ReferenceDate>"
        + reference_date
        + b"</ReferenceDate></CollectionDetails></Header>\n<Children>\n"
        + b"\n".join(children)
        + b"\n</Children>\n</Message>\n"
    )


def child(child_id: bytes, *details: bytes) -> bytes:
    return (
        b"<Child><ChildIdentifiers><LAchildID>"
        + child_id
        + b"</LAchildID><Sex>F</Sex></ChildIdentifiers>"
        + b"".join(b"<CINdetails>" + d + b"</CINdetails>" for d in details)
        + b"</Child>"
    )


def named(data: bytes, name: str = "census.xml") -> io.BytesIO:
    stream = io.BytesIO(data)
    stream.name = name
    return stream


FULL_EPISODE = (
    b"<CINreferralDate>2024-05-01</CINreferralDate><ReferralSource>1A</ReferralSource>"
    b"<CINclosureDate>2025-01-10</CINclosureDate><DateOfInitialCPC>2024-05-20</DateOfInitialCPC>"
    b"<Assessments><AssessmentActualStartDate>2024-05-02</AssessmentActualStartDate>"
    b"<AssessmentAuthorisationDate>2024-06-10</AssessmentAuthorisationDate></Assessments>"
    b"<Section47><S47ActualStartDate>2024-05-03</S47ActualStartDate>"
    b"<DateOfInitialCPC>2024-05-20</DateOfInitialCPC><ICPCnotRequired>0</ICPCnotRequired></Section47>"
    b"<ReferralNFA>0</ReferralNFA>"
    b"<ChildProtectionPlans><CPPstartDate>2024-05-20</CPPstartDate><CPPendDate>2024-12-01</CPPendDate>"
    b"<NumberOfPreviousCPP>1</NumberOfPreviousCPP></ChildProtectionPlans>"
)


def test_every_element_is_read_into_its_table():
    extract = read_census([named(census(child(b"A1", FULL_EPISODE)))])

    assert extract.reference_date == D(2025, 3, 31)
    assert extract.files == ["census.xml"]
    assert extract.children == 1
    assert extract.rows["referrals"] == [(1, "A1", D(2024, 5, 1), False, D(2025, 1, 10))]
    assert extract.rows["assessments"] == [(1, "A1", D(2024, 5, 2), D(2024, 6, 10))]
    assert extract.rows["section47"] == [(1, "A1", D(2024, 5, 3), D(2024, 5, 20))]
    assert extract.rows["cp_plans"] == [(1, "A1", D(2024, 5, 20), D(2024, 12, 1), 1)]
    assert extract.problems == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [(b"1", True), (b"0", False), (b"true", True), (b"false", False), (b" TRUE ", True)],
)
def test_referral_nfa_is_read_as_0_1_true_or_false(text, expected):
    episode = (
        b"<CINreferralDate>2024-05-01</CINreferralDate><ReferralNFA>" + text + b"</ReferralNFA>"
    )

    extract = read_census([named(census(child(b"A1", episode)))])

    assert extract.rows["referrals"][0][3] is expected


def test_empty_and_missing_elements_are_none_and_not_problems():
    episode = (
        b"<CINreferralDate></CINreferralDate><CINclosureDate/><ReferralNFA>  </ReferralNFA>"
        b"<Assessments><AssessmentActualStartDate>2024-05-02</AssessmentActualStartDate></Assessments>"
        b"<Section47><S47ActualStartDate/></Section47>"
        b"<ChildProtectionPlans><CPPstartDate>2024-05-20</CPPstartDate><NumberOfPreviousCPP/>"
        b"</ChildProtectionPlans>"
    )

    extract = read_census([named(census(child(b"A1", episode)))])

    assert extract.problems == []
    assert extract.rows["referrals"] == [(1, "A1", None, None, None)]
    assert extract.rows["assessments"] == [(1, "A1", D(2024, 5, 2), None)]
    assert extract.rows["section47"] == [(1, "A1", None, None)]
    assert extract.rows["cp_plans"] == [(1, "A1", D(2024, 5, 20), None, None)]


def test_several_episodes_of_a_child_each_have_their_own_referral_id():
    first = b"<CINreferralDate>2023-06-01</CINreferralDate><ReferralNFA>1</ReferralNFA>"
    second = (
        b"<CINreferralDate>2024-06-01</CINreferralDate><ReferralNFA>0</ReferralNFA>"
        b"<Assessments><AssessmentActualStartDate>2024-06-02</AssessmentActualStartDate></Assessments>"
        b"<Assessments><AssessmentActualStartDate>2024-09-02</AssessmentActualStartDate></Assessments>"
    )

    extract = read_census([named(census(child(b"A1", first, second)))])

    assert [row[:3] for row in extract.rows["referrals"]] == [
        (1, "A1", D(2023, 6, 1)),
        (2, "A1", D(2024, 6, 1)),
    ]
    assert [row[0] for row in extract.rows["assessments"]] == [2, 2]


def test_referral_ids_run_on_across_files_and_the_latest_reference_date_is_kept():
    episode = b"<CINreferralDate>2024-05-01</CINreferralDate><ReferralNFA>0</ReferralNFA>"
    older = census(child(b"A1", episode), child(b"A2", episode), reference_date=b"2024-03-31")
    newer = census(child(b"A1", episode, episode), reference_date=b"2025-03-31")

    extract = read_census([named(newer, "2025.xml"), named(older, "2024.xml")])

    assert extract.reference_date == D(2025, 3, 31)
    assert extract.files == ["2025.xml", "2024.xml"]
    assert extract.children == 3
    assert [row[:2] for row in extract.rows["referrals"]] == [
        (1, "A1"),
        (2, "A1"),
        (3, "A1"),
        (4, "A2"),
    ]


def test_paths_are_read_and_named_as_given(tmp_path):
    path = tmp_path / "census.xml"
    path.write_bytes(census(child(b"A1", FULL_EPISODE)))

    extract = read_census([path, str(path)])

    assert extract.files == [str(path), str(path)]
    assert [row[0] for row in extract.rows["referrals"]] == [1, 2]


PROBLEM_CASES = [
    pytest.param(
        b"<CINreferralDate>01/05/2024</CINreferralDate>",
        RecordProblem("A1", "CINreferralDate", "01/05/2024", reader.NOT_A_DATE),
        id="date-not-yyyy-mm-dd",
    ),
    pytest.param(
        b"<CINreferralDate>2023-02-29</CINreferralDate>",
        RecordProblem("A1", "CINreferralDate", "2023-02-29", reader.NOT_A_DATE),
        id="date-that-does-not-exist",
    ),
    pytest.param(
        b"<CINreferralDate>2024-05-01</CINreferralDate><ReferralNFA>maybe</ReferralNFA>",
        RecordProblem("A1", "ReferralNFA", "maybe", reader.NOT_A_BOOLEAN),
        id="nfa-not-a-boolean",
    ),
    pytest.param(
        b"<CINreferralDate>2024-05-01</CINreferralDate><CINclosureDate>2024-04-30</CINclosureDate>",
        RecordProblem("A1", "CINclosureDate", "2024-04-30", reader.CLOSED_BEFORE_REFERRAL),
        id="closed-before-referral",
    ),
    pytest.param(
        b"<Assessments><AssessmentActualStartDate>2024-05-02</AssessmentActualStartDate>"
        b"<AssessmentAuthorisationDate>2024-05-01</AssessmentAuthorisationDate></Assessments>",
        RecordProblem(
            "A1", "AssessmentAuthorisationDate", "2024-05-01", reader.AUTHORISED_BEFORE_START
        ),
        id="authorised-before-start",
    ),
    pytest.param(
        b"<Section47><S47ActualStartDate>2024-05-03</S47ActualStartDate>"
        b"<DateOfInitialCPC>2024-05-02</DateOfInitialCPC></Section47>",
        RecordProblem("A1", "DateOfInitialCPC", "2024-05-02", reader.ICPC_BEFORE_S47),
        id="icpc-before-s47",
    ),
    pytest.param(
        b"<ChildProtectionPlans><CPPstartDate>2024-05-20</CPPstartDate>"
        b"<CPPendDate>2024-05-19</CPPendDate></ChildProtectionPlans>",
        RecordProblem("A1", "CPPendDate", "2024-05-19", reader.PLAN_ENDS_BEFORE_START),
        id="plan-ends-before-start",
    ),
    pytest.param(
        b"<ChildProtectionPlans><CPPstartDate>2024-05-20</CPPstartDate>"
        b"<NumberOfPreviousCPP>-1</NumberOfPreviousCPP></ChildProtectionPlans>",
        RecordProblem("A1", "NumberOfPreviousCPP", "-1", reader.NOT_A_COUNT),
        id="previous-plans-not-a-count",
    ),
]


@pytest.mark.parametrize(("episode", "problem"), PROBLEM_CASES)
def test_each_kind_of_record_problem_is_reported(episode, problem):
    extract = read_census([named(census(child(b"A1", episode)))])

    assert extract.problems == [problem]


@pytest.mark.parametrize(("episode", "problem"), PROBLEM_CASES)
def test_a_problem_child_is_left_out_and_counted_when_asked(episode, problem):
    good = child(b"B2", FULL_EPISODE)

    extract = read_census(
        [named(census(child(b"A1", episode), good))], leave_out_problem_children=True
    )

    assert extract.problems == [problem]
    assert extract.children == 2
    assert extract.children_left_out == 1
    assert {row[1] for table in extract.rows.values() for row in table} == {"B2"}
    assert extract.rows["referrals"][0][0] == 1


def test_a_problem_childs_rows_are_kept_unless_asked_to_leave_them_out():
    episode = (
        b"<CINreferralDate>2024-05-01</CINreferralDate><CINclosureDate>2024-04-30</CINclosureDate>"
        b"<Assessments><AssessmentActualStartDate>2024-13-01</AssessmentActualStartDate></Assessments>"
    )

    extract = read_census([named(census(child(b"A1", episode)))])

    assert len(extract.problems) == 2
    assert extract.children_left_out == 0
    assert extract.rows["referrals"] == [(1, "A1", D(2024, 5, 1), None, D(2024, 4, 30))]
    assert extract.rows["assessments"] == [(1, "A1", None, None)]


def test_a_child_without_an_id_is_a_problem():
    no_id = (
        b"<Child><ChildIdentifiers/><CINdetails><ReferralNFA>1</ReferralNFA></CINdetails></Child>"
    )

    extract = read_census([named(census(no_id))], leave_out_problem_children=True)

    assert [problem.problem for problem in extract.problems] == [reader.NO_CHILD_ID]
    assert extract.children_left_out == 1
    assert extract.rows["referrals"] == []


def test_progress_is_reported_in_increasing_bytes_up_to_the_total(tmp_path):
    path = tmp_path / "synthetic.xml"
    write_census(path, children=300, seed=1)
    size = path.stat().st_size
    calls: list[tuple[int, int]] = []

    read_census(
        [path, named(path.read_bytes())], progress=lambda done, total: calls.append((done, total))
    )

    assert len(calls) > 3
    assert all(total == 2 * size for _done, total in calls)
    done = [done for done, _total in calls]
    assert done == sorted(done)
    assert done[-1] == 2 * size


def test_memory_beyond_the_rows_kept_stays_flat(tmp_path):
    path = tmp_path / "synthetic.xml"
    write_census(path, children=20_000, seed=2)
    size = path.stat().st_size

    tracemalloc.start()
    try:
        extract = read_census([path])
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert extract.children == 20_000
    # What is kept is the rows (a few hundred bytes a child); the document never is, so the
    # peak is barely above what is kept at the end, and well under the file size.
    assert peak - kept < 1024 * 1024, f"peak {peak:,} bytes, {kept:,} kept"
    assert peak < size * 0.75, f"peak {peak:,} bytes for a {size:,}-byte file"
