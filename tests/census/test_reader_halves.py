"""A census file read as two halves at once reads exactly as it does in one piece: the same
rows, referral numbers, problems in the same order, line numbers and errors; and where the cut
is not sound, the file is read in one piece."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safeboard.census import halves, reader
from safeboard.census.reader import CensusFileError, read_census
from safeboard.census.synth import write_census

from .test_reader import FULL_EPISODE, census, child

core_to_spare = halves.core_to_spare  # before the fixture below stands in for it


@pytest.fixture(autouse=True)
def small_files_are_cut(monkeypatch):
    """Cut even the small files of these tests, on any machine."""
    monkeypatch.setattr(halves, "CUT_FROM_BYTES", 0)
    monkeypatch.setattr(halves, "core_to_spare", lambda: True)


@pytest.fixture
def cuts(monkeypatch) -> list[bool]:
    """Whether each file was read in halves (True) or, the halves refused, in one piece."""
    outcomes: list[bool] = []
    original = reader._read_in_halves

    def recorded(*arguments, **keywords):
        outcomes.append(original(*arguments, **keywords))
        return outcomes[-1]

    monkeypatch.setattr(reader, "_read_in_halves", recorded)
    return outcomes


def outcome(path: Path, processes: int, leave_out: bool = False):
    """Everything a reading gives, or its error."""
    try:
        extract = read_census([path], processes=processes, leave_out_problem_children=leave_out)
    except CensusFileError as error:
        return ("error", str(error))
    return (
        extract.reference_date,
        extract.files,
        extract.children,
        extract.rows,
        extract.problems,
        extract.children_left_out,
    )


def assert_same_in_halves(path: Path, leave_out: bool = False) -> None:
    assert outcome(path, 2, leave_out) == outcome(path, 1, leave_out)


def test_a_synthetic_census_reads_the_same_in_halves(tmp_path, cuts):
    path = tmp_path / "census.xml"
    write_census(path, children=400, seed=5, year=2025)

    assert_same_in_halves(path)
    assert_same_in_halves(path, leave_out=True)
    assert cuts == [True, True]


def test_the_second_halfs_referrals_follow_the_firsts(tmp_path, cuts):
    path = tmp_path / "census.xml"
    path.write_bytes(census(*(child(f"C{n}".encode(), FULL_EPISODE) for n in range(40))))

    extract = read_census([path], processes=2)

    assert cuts == [True]
    assert [row[0] for row in extract.rows["referrals"]] == list(range(1, 41))
    assert [row[:2] for row in extract.rows["cp_plans"]][-1] == (40, "C39")


def test_a_problem_in_the_second_half_names_the_line_of_the_file(tmp_path, cuts):
    children = [child(f"C{n}".encode(), FULL_EPISODE) for n in range(40)]
    children[35] = b"<Child>\n<CINdetails>" + FULL_EPISODE + b"</CINdetails></Child>"
    path = tmp_path / "census.xml"
    path.write_bytes(census(*children))

    extract = read_census([path], processes=2)

    assert cuts == [True]
    (problem,) = extract.problems
    assert problem.child_id == "(no LAchildID, line 40)"  # 4 lines of opening, then a child a line


def test_several_files_each_cut_read_as_in_one_piece(tmp_path, cuts):
    first, second = tmp_path / "2024.xml", tmp_path / "2025.xml"
    write_census(first, children=150, seed=1, year=2024)
    write_census(second, children=150, seed=2, year=2025)

    two = read_census([first, second], processes=2)
    one = read_census([first, second])

    assert cuts == [True, True]
    assert two.rows == one.rows
    assert two.problems == one.problems
    assert two.reference_date == one.reference_date


def test_a_cut_inside_a_comment_is_refused_and_the_file_read_in_one_piece(tmp_path, cuts):
    children = [child(f"C{n}".encode(), FULL_EPISODE) for n in range(40)]
    commented = b"<!-- " + b"\n".join(children[10:30]) + b" -->"
    path = tmp_path / "census.xml"
    path.write_bytes(census(*children[:10], commented, *children[30:]))

    assert_same_in_halves(path)
    assert cuts == [False]
    assert read_census([path], processes=2).children == 20


def test_a_second_header_is_refused_and_the_file_read_in_one_piece(tmp_path, cuts):
    children = [child(f"C{n}".encode(), FULL_EPISODE) for n in range(40)]
    late_header = (
        b"<Header><CollectionDetails><ReferenceDate>2024-03-31</ReferenceDate>"
        b"</CollectionDetails></Header>"
    )
    path = tmp_path / "census.xml"
    path.write_bytes(census(*children[:35], late_header, *children[35:]))

    assert_same_in_halves(path)
    assert cuts == [False]


def test_an_error_in_the_second_half_is_the_one_piece_reading_error(tmp_path, cuts):
    children = [child(f"C{n}".encode(), FULL_EPISODE) for n in range(40)]
    children[30] = children[30].replace(b"</Sex>", b"</Sexx>")
    path = tmp_path / "census.xml"
    path.write_bytes(census(*children))

    with pytest.raises(CensusFileError) as raised:
        read_census([path], processes=2)

    assert cuts == [False]
    assert raised.value.line == 35
    assert_same_in_halves(path)


@pytest.mark.parametrize(
    "opening",
    [
        pytest.param(b'<?xml version="1.0" encoding="ISO-8859-1"?>\n<Message>', id="latin-1"),
        pytest.param(b'<?xml version="1.0"?>\n<!-- a note -->\n<Message>', id="comment"),
        pytest.param(b'<cin:Message xmlns:cin="urn:cin">', id="namespace prefix"),
    ],
)
def test_a_file_whose_opening_is_not_plain_is_not_cut(tmp_path, opening):
    path = tmp_path / "census.xml"
    data = census(*(child(f"C{n}".encode(), FULL_EPISODE) for n in range(40)))
    path.write_bytes(opening + data.split(b"<Message>", 1)[1])

    with path.open("rb") as stream:
        assert halves.find_cut(stream) is None


def test_a_plain_file_is_cut_at_a_child_after_its_middle(tmp_path):
    path = tmp_path / "census.xml"
    data = census(*(child(f"C{n}".encode(), FULL_EPISODE) for n in range(40)))
    path.write_bytes(data)

    with path.open("rb") as stream:
        cut = halves.find_cut(stream)

    assert cut is not None
    assert data[cut.opening_end - len(b"<Children>") : cut.opening_end] == b"<Children>"
    assert cut.at >= len(data) * halves.CUT_SHARE
    assert data[cut.at :].startswith(b"<Child>")


def test_a_small_file_is_read_in_one_piece(tmp_path, monkeypatch):
    monkeypatch.setattr(halves, "CUT_FROM_BYTES", 16 * 1024**2)
    path = tmp_path / "census.xml"
    write_census(path, children=50, seed=5, year=2025)

    with path.open("rb") as stream:
        assert halves.find_cut(stream) is None


def test_a_busy_machine_reads_in_one_piece(tmp_path, monkeypatch, cuts):
    monkeypatch.setattr(halves, "core_to_spare", lambda: False)
    path = tmp_path / "census.xml"
    write_census(path, children=50, seed=5, year=2025)

    read_census([path], processes=2)

    assert cuts == []


def test_a_core_is_to_spare_only_when_the_load_leaves_one(monkeypatch):
    monkeypatch.setattr(halves, "cores", lambda: 2)
    monkeypatch.setattr(halves.os, "getloadavg", lambda: (1.2, 1.0, 1.0))
    assert core_to_spare() is True
    monkeypatch.setattr(halves.os, "getloadavg", lambda: (1.8, 1.0, 1.0))
    assert core_to_spare() is False


def test_an_upload_without_a_file_on_disk_is_read_in_one_piece():
    import io

    assert halves.find_cut(io.BytesIO(census(child(b"A", FULL_EPISODE)))) is None


# Hypothesis: census files with sound and unsound children, comments, processing instructions,
# CDATA and blank lines anywhere between the children, a root with or without a namespace, and
# sometimes cut off, read the same in halves and in one piece.
DATES = st.sampled_from([b"2024-05-01", b"2024-06-30", b" 2024-07-01 ", b"2024-02-30", b"", b"x"])
NOISE = st.sampled_from(
    [b"", b"\n", b"\n\n  ", b"<!-- <Child> -->", b"<?note <Child>?>", b"<!-- \n -->"]
)


@st.composite
def a_child(draw) -> bytes:
    episodes = []
    for _ in range(draw(st.integers(0, 3))):
        episode = b"<CINreferralDate>" + draw(DATES) + b"</CINreferralDate>"
        if draw(st.booleans()):
            episode += (
                b"<Assessments><AssessmentActualStartDate>"
                + draw(DATES)
                + b"</AssessmentActualStartDate></Assessments>"
            )
        if draw(st.booleans()):
            episode += (
                b"<ReferralNFA>" + draw(st.sampled_from([b"0", b"true", b"2"])) + b"</ReferralNFA>"
            )
        if draw(st.booleans()):
            episode += (
                b"<ChildProtectionPlans><CPPstartDate>"
                + draw(DATES)
                + b"</CPPstartDate><NumberOfPreviousCPP>"
                + draw(st.sampled_from([b"0", b"3", b"-1"]))
                + b"</NumberOfPreviousCPP></ChildProtectionPlans>"
            )
        episodes.append(episode)
    identifier = draw(st.sampled_from([b"A1", b"B2", b"<![CDATA[C3]]>", None]))
    if identifier is None:
        return (
            b"<Child>\n"
            + b"".join(b"<CINdetails>" + e + b"</CINdetails>" for e in episodes)
            + b"</Child>"
        )
    return child(identifier, *episodes)


@st.composite
def a_census(draw) -> bytes:
    parts = []
    for item in draw(st.lists(a_child(), min_size=1, max_size=30)):
        parts.append(draw(NOISE) + item)
    data = census(*parts)
    if draw(st.booleans()):
        data = data.replace(b"<Message>", b'<Message xmlns="urn:cin">', 1)
    if draw(st.integers(0, 4)) == 0:
        data = data[: draw(st.integers(0, len(data)))]
    return data


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=a_census(), leave_out=st.booleans())
def test_any_census_reads_the_same_in_halves_as_in_one_piece(data, leave_out):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "census.xml"
        path.write_bytes(data)
        assert_same_in_halves(path, leave_out)
