"""The streaming reader: Children in Need census files (XML) into a `CensusExtract`.

`read_census(sources)` reads one or more census files together (DATA.md, "The Children in Need
census (XML)"). Each file is parsed streaming with lxml's `iterparse`: only the end of each
Child and of the Header is handled, and each is cleared with its preceding siblings as soon as
it is read, so memory stays flat however large the file (real files reach hundreds of MB).

Two kinds of trouble, kept apart:
- a file that cannot be read as a census (too large, not well-formed, truncated, not a
  Message, no ReferenceDate, a DOCTYPE or entity declaration) raises `CensusFileError`, naming
  the file, the line and the problem; nothing from any file is used;
- a child whose record cannot be used as it stands (a date that is not YYYY-MM-DD, a plan ending
  before it starts, ...) gives a `RecordProblem`; the caller decides whether to go on with
  those children left out (`leave_out_problem_children=True`, as the command does and as the
  web import does once the user has chosen to) or to keep every row (to show the problems).

A census is UTF-8 (or another encoding that keeps ASCII as it is, named in its XML
declaration): one in UTF-16 or UTF-32 is refused with a message naming its encoding, since
the checks below look at its bytes. Elements are matched by their local name, so a census
whose root declares a namespace (xmlns="...") is read like one that does not.

A census never has a DOCTYPE: any is refused before the parser sees it, so entity expansion
("billion laughs") and external entities (XXE) are never attempted; the parser is also built
with entity resolution, DTD loading and network access off, and lxml's huge-tree mode off.
"""

from __future__ import annotations

import codecs
import datetime
import os
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from django.conf import settings
from lxml import etree  # type: ignore[import-untyped]  # no stubs installed

from safeboard.census import halves
from safeboard.census.collector import cycle_collector_paused
from safeboard.census.extract import TABLES, CensusExtract, RecordProblem

DEFAULT_MAX_BYTES = 2 * 1024**3  # 2 GiB; override with settings.SAFEBOARD_CENSUS_MAX_BYTES

ProgressCallback = Callable[[int, int], None]
Source = str | Path | BinaryIO

# File-level problems (CensusFileError.message).
TOO_LARGE = "The file is {size:,} bytes, more than the limit of {limit:,} bytes."
GREW_TOO_LARGE = "The file is more than the limit of {limit:,} bytes."
EMPTY = "The file is empty."
NOT_WELL_FORMED = "The file is not well-formed XML: {detail}"
DOCTYPE_REFUSED = (
    "The file has a DOCTYPE or entity declaration, which a census never has; "
    "it is refused without being read further."
)
WRONG_ROOT = "The file's root element is <{tag}>, not <Message>: it is not a census file."
NO_REFERENCE_DATE = "The file has no Header/CollectionDetails/ReferenceDate."
BAD_REFERENCE_DATE = "The ReferenceDate {value!r} is not a date (YYYY-MM-DD)."
NOT_READABLE = "The file cannot be read: {detail}"
WIDE_ENCODING = (
    "The census file is encoded as {encoding}; save it as UTF-8, the encoding census files "
    "are sent to the DfE in, and upload it again."
)

# Per-child problems (RecordProblem.problem).
NOT_A_DATE = "not a date (YYYY-MM-DD)"
NOT_A_BOOLEAN = "not 0, 1, true or false"
NOT_A_COUNT = "not a whole number of 0 or more"
NO_CHILD_ID = "the child has no LAchildID"
CLOSED_BEFORE_REFERRAL = "the referral is closed before its CINreferralDate"
AUTHORISED_BEFORE_START = "the assessment is authorised before its AssessmentActualStartDate"
ICPC_BEFORE_S47 = "the initial conference is before its S47ActualStartDate"
PLAN_ENDS_BEFORE_START = "the plan ends before its CPPstartDate"

# Distinct date texts remembered per file: a census has a few thousand; the cap keeps a
# hostile file of every possible date from growing the memo without bound.
_DATE_MEMO_LIMIT = 100_000
_BOOLEANS = {"1": True, "true": True, "0": False, "false": False}
# Anything that declares a DTD or entities: refused before the parser sees it.
_DECLARATION = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_PROLOG_LIMIT = 1024 * 1024
# lxml ends its messages with ", line L, column C": the error gives those itself.
_LXML_POSITION = re.compile(r", line \d+, column \d+$")


# How a file in a two- or four-byte encoding starts: with its byte order mark or, without
# one, with "<" next to zero bytes. UTF-32's marks first: they begin like UTF-16's.
_WIDE_STARTS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
    (b"<\x00\x00\x00", "UTF-32"),
    (b"\x00\x00\x00<", "UTF-32"),
    (b"<\x00", "UTF-16"),
    (b"\x00<", "UTF-16"),
)


def wide_encoding(head: bytes) -> str | None:
    """ "UTF-16" or "UTF-32" when a file starting with `head` is in that encoding, else None."""
    for start, encoding in _WIDE_STARTS:
        if head.startswith(start):
            return encoding
    return None


class CensusFileError(Exception):
    """A census file that cannot be read at all: the import stops.

    `file_name` is the path or upload name, `line` the line where the problem was found (1 for
    a problem with the file as a whole, such as its size), `message` the problem in words.
    """

    def __init__(self, file_name: str, line: int, message: str) -> None:
        super().__init__(f"{file_name}, line {line}: {message}")
        self.file_name = file_name
        self.line = line
        self.message = message


def read_census(
    sources: Sequence[Source],
    *,
    leave_out_problem_children: bool = False,
    progress: ProgressCallback | None = None,
    processes: int = 1,
) -> CensusExtract:
    """Read census files together into one `CensusExtract`.

    `sources` are paths or binary file objects (an upload: its `.name` and `.size` are used
    when present). `referral_id` numbers the referrals kept, from 1, across all the files in
    order; the extract's `reference_date` is the latest ReferenceDate of the files. `children`
    counts every Child read. Each problem in a child's record is in `problems`; with
    `leave_out_problem_children` those children contribute no rows and are counted in
    `children_left_out`, otherwise their rows are kept as far as they could be read (a value
    that could not be read is None).

    `progress(bytes_read, total_bytes)` is called as the files are read, across all of them;
    a stream of unknown size adds what has been read of it to the total.

    With `processes=2` (and no `progress`), a large file on disk is read as two halves at once
    when it can be cut safely (halves.py); the result and any error are those of reading it in
    one piece.

    Raises `CensusFileError` for a file larger than `SAFEBOARD_CENSUS_MAX_BYTES` (checked
    before parsing and again while reading), not well-formed or truncated, whose root is not
    Message, which has no ReferenceDate, or which declares a DOCTYPE or entities.
    """
    limit = getattr(settings, "SAFEBOARD_CENSUS_MAX_BYTES", DEFAULT_MAX_BYTES)
    extract = CensusExtract()
    sizes: list[int | None] = []
    with _opened_all(sources) as opened:
        for name, stream in opened:
            size = _size_of(stream)
            if size is not None and size > limit:
                raise CensusFileError(name, 1, TOO_LARGE.format(size=size, limit=limit))
            sizes.append(size)
        counter = _Progress(progress, sizes)
        with cycle_collector_paused():
            _read_all(
                opened,
                extract,
                counter,
                limit=limit,
                leave_out=leave_out_problem_children,
                halves=processes > 1 and progress is None and halves.core_to_spare(),
            )
        counter.finish()
    return extract


def _read_all(
    opened: list[tuple[str, BinaryIO]],
    extract: CensusExtract,
    counter: _Progress,
    *,
    limit: int,
    leave_out: bool,
    halves: bool,
) -> None:
    for index, (name, stream) in enumerate(opened):
        cut = _cut_for(stream) if halves else None
        if cut is None or not _read_in_halves(
            stream, cut, name, extract, limit=limit, leave_out=leave_out
        ):
            reader = _CountingReader(stream, name=name, limit=limit, counter=counter, index=index)
            _read_file(reader, name, extract, leave_out=leave_out)
        extract.files.append(name)


def _cut_for(stream: BinaryIO) -> halves.Cut | None:
    try:
        return halves.find_cut(stream)
    except OSError:
        return None


def _read_in_halves(
    stream: BinaryIO,
    cut: halves.Cut,
    name: str,
    extract: CensusExtract,
    *,
    limit: int,
    leave_out: bool,
) -> bool:
    """Read the file cut in two, the second half in a second process, into `extract`; False,
    with `extract` untouched, when the halves do not read as the whole file would (halves.py)."""
    descriptor = stream.fileno()
    second = halves.Background(_read_half, descriptor, cut, name, limit, leave_out, True)
    try:
        first, headers = _read_half(descriptor, cut, name, limit, leave_out, False)
    except CensusFileError:
        second.cancel()
        return False
    except BaseException:
        second.cancel()
        raise
    read = second.result()
    if read is None or headers != 1 or read[1] != 1:
        return False
    _add_part(extract, first)
    _add_part(extract, read[0])
    return True


def _read_half(
    descriptor: int, cut: halves.Cut, name: str, limit: int, leave_out: bool, second: bool
) -> tuple[CensusExtract, int]:
    """One half of the file, on its own, and the number of Headers it has."""
    pieces = cut.second_half(descriptor) if second else cut.first_half()
    reader = _CountingReader(
        halves.Pieces(descriptor, pieces),
        name=name,
        # The file's size is within the limit; neither half is longer, but for the closing.
        limit=limit + len(halves.CLOSING),
        counter=_Progress(None, [None]),
        index=0,
    )
    part = CensusExtract()
    headers = _read_file(reader, name, part, leave_out=leave_out)
    return part, headers


def _add_part(extract: CensusExtract, part: CensusExtract) -> None:
    """Add a part read on its own after what `extract` holds: its referrals renumbered to
    follow those already there, one row at a time so that the old rows are freed as it goes."""
    offset = len(extract.rows["referrals"])
    for table, rows in part.rows.items():
        if offset:
            for index, row in enumerate(rows):
                rows[index] = (row[0] + offset, *row[1:])
        if extract.rows[table]:
            extract.rows[table].extend(rows)
        else:
            extract.rows[table] = rows
    extract.children += part.children
    extract.problems.extend(part.problems)
    extract.children_left_out += part.children_left_out
    if part.reference_date is not None and (
        extract.reference_date is None or part.reference_date > extract.reference_date
    ):
        extract.reference_date = part.reference_date


@contextmanager
def _opened_all(sources: Sequence[Source]) -> Iterator[list[tuple[str, BinaryIO]]]:
    opened: list[tuple[str, BinaryIO]] = []
    to_close: list[BinaryIO] = []
    try:
        for position, source in enumerate(sources, start=1):
            if isinstance(source, str | Path):
                try:
                    stream: BinaryIO = open(source, "rb")  # noqa: SIM115 - closed in finally
                except OSError as error:
                    raise CensusFileError(
                        str(source), 1, NOT_READABLE.format(detail=error.strerror)
                    ) from error
                to_close.append(stream)
                opened.append((str(source), stream))
            else:
                opened.append((str(getattr(source, "name", None) or f"file {position}"), source))
        yield opened
    finally:
        for stream in to_close:
            stream.close()


def _size_of(stream: BinaryIO) -> int | None:
    """The stream's size without reading it: an upload's `.size`, `fstat`, or seek to the end."""
    size = getattr(stream, "size", None)
    if isinstance(size, int):
        return size
    try:
        return os.fstat(stream.fileno()).st_size
    except (AttributeError, OSError, ValueError):
        pass
    try:
        if stream.seekable():
            here = stream.tell()
            end = stream.seek(0, os.SEEK_END)
            stream.seek(here)
            return end - here
    except (AttributeError, OSError, ValueError):
        pass
    return None


class _Progress:
    """Bytes read across every file, reported to the caller's callback."""

    def __init__(self, callback: ProgressCallback | None, sizes: list[int | None]) -> None:
        self.callback = callback
        self.sizes = sizes
        self.read = [0] * len(sizes)

    def add(self, index: int, count: int) -> None:
        self.read[index] += count
        if self.callback is not None:
            self.callback(sum(self.read), self._total())

    def finish(self) -> None:
        if self.callback is not None:
            total = self._total()
            self.callback(total, total)

    def _total(self) -> int:
        return sum(
            max(size, read) if size is not None else read
            for size, read in zip(self.sizes, self.read, strict=True)
        )


class _Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class _CountingReader:
    """The file as lxml reads it: counts bytes and lines, enforces the size limit, and refuses
    any DOCTYPE or entity declaration in the prolog before the parser is given it."""

    def __init__(
        self, stream: _Readable, *, name: str, limit: int, counter: _Progress, index: int
    ) -> None:
        self.stream = stream
        self.name = name
        self.limit = limit
        self.counter = counter
        self.index = index
        self.bytes_read = 0
        self.lines_read = 1
        self.prolog: bytes | None = b""  # None once the root element has started

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        if not data:
            return b""
        if self.bytes_read + len(data) > self.limit:
            raise CensusFileError(
                self.name, self.lines_read, GREW_TOO_LARGE.format(limit=self.limit)
            )
        if self.prolog is not None:
            self._check_prolog(data)
        self.bytes_read += len(data)
        self.lines_read += data.count(b"\n")
        self.counter.add(self.index, len(data))
        return data

    def _check_prolog(self, data: bytes) -> None:
        assert self.prolog is not None
        prolog = self.prolog + data
        if len(self.prolog) < 4:  # the file's first bytes tell its encoding
            encoding = wide_encoding(prolog)
            if encoding is not None:
                raise CensusFileError(self.name, 1, WIDE_ENCODING.format(encoding=encoding))
        root = _root_start(prolog)
        declaration = _DECLARATION.search(prolog, 0, root if root is not None else len(prolog))
        if declaration is not None:
            line = self.lines_read + prolog.count(b"\n", 0, declaration.start())
            line -= self.prolog.count(b"\n")
            raise CensusFileError(self.name, line, DOCTYPE_REFUSED)
        if root is not None:
            self.prolog = None
        elif len(prolog) > _PROLOG_LIMIT:
            # A census starts with its root element at once; a megabyte of prolog is hostile.
            raise CensusFileError(self.name, self.lines_read, DOCTYPE_REFUSED)
        else:
            self.prolog = prolog


def _root_start(prolog: bytes) -> int | None:
    """Where the root element starts, skipping the XML declaration, PIs and comments; None
    while more of the file is needed to tell."""
    position = 0
    while True:
        start = prolog.find(b"<", position)
        if start == -1 or len(prolog) - start < len(b"<!DOCTYPE"):
            return None
        if prolog.startswith(b"<?", start):
            end, skip = prolog.find(b"?>", start), 2
        elif prolog.startswith(b"<!--", start):
            end, skip = prolog.find(b"-->", start), 3
        elif prolog.startswith(b"<!", start):
            end, skip = start, 2  # a declaration, not the root: refused by the caller
        else:
            return start
        if end == -1:
            return None
        position = end + skip


def _read_file(
    reader: _CountingReader, name: str, extract: CensusExtract, *, leave_out: bool
) -> int:
    """Read one file into `extract`; the number of Headers it has."""
    parser_events = etree.iterparse(
        reader,
        events=("end",),
        tag=("{*}Header", "{*}Child"),  # in any namespace, or none
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    reference_date: datetime.date | None = None
    headers = 0
    checked_root = False
    dates: dict[str, datetime.date] = {}
    try:
        for _event, element in parser_events:
            if element.tag[0] == "{":
                _drop_namespaces(element)
            if not checked_root:
                _check_root(element.getroottree(), name, element.sourceline or 1)
                checked_root = True
            if element.tag == "Header":
                reference_date = _reference_date(element, name)
                headers += 1
            else:
                if reference_date is None:
                    raise CensusFileError(name, element.sourceline or 1, NO_REFERENCE_DATE)
                _read_child(element, extract, leave_out=leave_out, dates=dates)
            _forget(element)
        root = parser_events.root
    except etree.XMLSyntaxError as error:
        if reader.bytes_read == 0:
            raise CensusFileError(name, 1, EMPTY) from error
        line = error.lineno or reader.lines_read
        detail = _LXML_POSITION.sub("", error.msg or "")
        if error.position and error.position[1]:
            detail += f" (column {error.position[1]})"
        raise CensusFileError(name, line, NOT_WELL_FORMED.format(detail=detail)) from error
    if root is not None:
        _check_root(root.getroottree(), name, root.sourceline or 1)
    if reference_date is None:
        raise CensusFileError(name, reader.lines_read, NO_REFERENCE_DATE)
    if extract.reference_date is None or reference_date > extract.reference_date:
        extract.reference_date = reference_date
    return headers


def _check_root(tree: etree._ElementTree, name: str, line: int) -> None:
    # A second guard: a DTD the prolog check could not see (another encoding) is still refused.
    if tree.docinfo.internalDTD is not None or tree.docinfo.externalDTD is not None:
        raise CensusFileError(name, 1, DOCTYPE_REFUSED)
    root = tree.getroot()
    tag = etree.QName(root).localname
    if tag != "Message":
        raise CensusFileError(name, root.sourceline or line, WRONG_ROOT.format(tag=tag))


def _drop_namespaces(element: etree._Element) -> None:
    """Name the element and everything in it by local name: a census read the same whether
    or not its root declares a namespace."""
    for item in element.iter():
        if item.tag[0] == "{":
            item.tag = item.tag.split("}", 1)[1]


def _forget(element: etree._Element) -> None:
    """Free what has been read: the element, and every earlier sibling still held."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def _reference_date(header: etree._Element, name: str) -> datetime.date:
    element = header.find("CollectionDetails/ReferenceDate")
    text = _text(element)
    if text is None:
        raise CensusFileError(name, header.sourceline or 1, NO_REFERENCE_DATE)
    value = _parse_date(text)
    if value is None:
        raise CensusFileError(name, element.sourceline or 1, BAD_REFERENCE_DATE.format(value=text))
    return value


def _text(element: etree._Element | None) -> str | None:
    return None if element is None else _stripped(element.text)


def _stripped(text: str | None) -> str | None:
    if text is None:
        return None
    text = text.strip()
    return text or None


def _parse_date(text: str) -> datetime.date | None:
    """A YYYY-MM-DD date, or None. `fromisoformat` alone would also take 20240501 and week
    dates (2024-W18-3), so the shape is checked first."""
    if (
        len(text) != 10
        or text[4] != "-"
        or text[7] != "-"
        or not text.isascii()
        or not (text[:4].isdigit() and text[5:7].isdigit() and text[8:].isdigit())
    ):
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:  # a day that does not exist, such as 2023-02-29
        return None


def _first_texts(element: etree._Element) -> dict[object, str | None]:
    """The text of the first child element with each tag: what `element.find(tag).text` gives,
    from one walk over the children instead of a search per field. (Walking every child is
    faster than `iterchildren(*tags)`, which builds a tag matcher on each call.)"""
    texts: dict[object, str | None] = {}
    for item in element:
        if item.tag not in texts:
            texts[item.tag] = item.text
    return texts


class _ChildRecord:
    """One child's rows and problems, before they are added to the extract (or left out).

    Values arrive as an element's raw text (None when the element is missing). `dates` maps
    raw text already read as a date to that date, shared across the file: a census holds a
    few thousand distinct dates among a million date elements.
    """

    def __init__(self, child_id: str, dates: dict[str, datetime.date]) -> None:
        self.child_id = child_id
        self.problems: list[RecordProblem] = []
        self.dates = dates

    def problem(self, element: str, value: str, problem: str) -> None:
        self.problems.append(RecordProblem(self.child_id, element, value, problem))

    def date(self, tag: str, raw: str | None) -> datetime.date | None:
        if raw is None:
            return None
        value = self.dates.get(raw)
        if value is not None:
            return value
        text = _stripped(raw)
        if text is None:
            return None
        value = _parse_date(text)
        if value is None:
            self.problem(tag, text, NOT_A_DATE)
        elif len(self.dates) < _DATE_MEMO_LIMIT:
            self.dates[raw] = value
        return value

    def boolean(self, tag: str, raw: str | None) -> bool | None:
        text = _stripped(raw)
        if text is None:
            return None
        value = _BOOLEANS.get(text.lower())
        if value is None:
            self.problem(tag, text, NOT_A_BOOLEAN)
        return value

    def count(self, tag: str, raw: str | None) -> int | None:
        text = _stripped(raw)
        if text is None:
            return None
        if text.isascii() and text.isdigit():
            return int(text)
        self.problem(tag, text, NOT_A_COUNT)
        return None

    def in_order(
        self, earlier: datetime.date | None, later: datetime.date | None, tag: str, problem: str
    ) -> None:
        if earlier is not None and later is not None and later < earlier:
            self.problem(tag, later.isoformat(), problem)


def _child_id(child: etree._Element) -> tuple[str | None, list[etree._Element]]:
    """The child's LAchildID (as `child.find("ChildIdentifiers/LAchildID")` would find it) and
    its CINdetails, from one walk over the Child's elements."""
    child_id: str | None = None
    found = False
    episodes: list[etree._Element] = []
    for part in child:
        tag = part.tag
        if tag == "CINdetails":
            episodes.append(part)
        elif tag == "ChildIdentifiers" and not found:
            for item in part:
                if item.tag == "LAchildID":
                    child_id, found = _stripped(item.text), True
                    break
    return child_id, episodes


def _read_child(
    child: etree._Element,
    extract: CensusExtract,
    *,
    leave_out: bool,
    dates: dict[str, datetime.date],
) -> None:
    extract.children += 1
    child_id, episodes = _child_id(child)
    rows = extract.rows
    if child_id is not None:
        quick = _sound_child_rows(child_id, episodes, len(rows["referrals"]) + 1, dates)
        if quick is not None:
            for table, table_rows in zip(TABLES, quick, strict=True):
                rows[table].extend(table_rows)
            return
    record = _ChildRecord(child_id or f"(no LAchildID, line {child.sourceline})", dates)
    if child_id is None:
        record.problem("LAchildID", "", NO_CHILD_ID)

    first_id = len(rows["referrals"]) + 1
    referrals: list[tuple] = []
    assessments: list[tuple] = []
    section47: list[tuple] = []
    cp_plans: list[tuple] = []
    for index, details in enumerate(episodes):
        referral_id = first_id + index
        _read_episode(details, record, referral_id, referrals, assessments, section47, cp_plans)

    extract.problems.extend(record.problems)
    if record.problems and leave_out:
        extract.children_left_out += 1
        return
    rows["referrals"].extend(referrals)
    rows["assessments"].extend(assessments)
    rows["section47"].extend(section47)
    rows["cp_plans"].extend(cp_plans)


def _read_episode(
    details: etree._Element,
    record: _ChildRecord,
    referral_id: int,
    referrals: list[tuple],
    assessments: list[tuple],
    section47: list[tuple],
    cp_plans: list[tuple],
) -> None:
    """One CINdetails: its own fields, then its Assessments, Section47 and plans in turn (the
    order the problems are reported in, whatever the order of the elements)."""
    fields: dict[object, str | None] = {}
    parts: dict[object, list[etree._Element]] = {
        "Assessments": [],
        "Section47": [],
        "ChildProtectionPlans": [],
    }
    for item in details:
        tag = item.tag
        held = parts.get(tag)
        if held is not None:
            held.append(item)
        elif tag not in fields:
            fields[tag] = item.text
    child_id = record.child_id
    referral_date = record.date("CINreferralDate", fields.get("CINreferralDate"))
    closure_date = record.date("CINclosureDate", fields.get("CINclosureDate"))
    record.in_order(referral_date, closure_date, "CINclosureDate", CLOSED_BEFORE_REFERRAL)
    nfa = record.boolean("ReferralNFA", fields.get("ReferralNFA"))
    referrals.append((referral_id, child_id, referral_date, nfa, closure_date))
    for assessment in parts["Assessments"]:
        texts = _first_texts(assessment)
        start = record.date("AssessmentActualStartDate", texts.get("AssessmentActualStartDate"))
        authorised = record.date(
            "AssessmentAuthorisationDate", texts.get("AssessmentAuthorisationDate")
        )
        record.in_order(start, authorised, "AssessmentAuthorisationDate", AUTHORISED_BEFORE_START)
        assessments.append((referral_id, child_id, start, authorised))
    for enquiry in parts["Section47"]:
        texts = _first_texts(enquiry)
        start = record.date("S47ActualStartDate", texts.get("S47ActualStartDate"))
        icpc = record.date("DateOfInitialCPC", texts.get("DateOfInitialCPC"))
        record.in_order(start, icpc, "DateOfInitialCPC", ICPC_BEFORE_S47)
        section47.append((referral_id, child_id, start, icpc))
    for plan in parts["ChildProtectionPlans"]:
        texts = _first_texts(plan)
        start = record.date("CPPstartDate", texts.get("CPPstartDate"))
        end = record.date("CPPendDate", texts.get("CPPendDate"))
        record.in_order(start, end, "CPPendDate", PLAN_ENDS_BEFORE_START)
        previous = record.count("NumberOfPreviousCPP", texts.get("NumberOfPreviousCPP"))
        cp_plans.append((referral_id, child_id, start, end, previous))


# The quick reading of a sound child, below: a value it cannot take as it stands.
_UNSURE: Any = object()
_PLAIN_BOOLEANS = {"1": True, "true": True, "0": False, "false": False}


def _sound_child_rows(
    child_id: str, episodes: list[etree._Element], first_id: int, dates: dict[str, datetime.date]
) -> tuple[list[tuple], list[tuple], list[tuple], list[tuple]] | None:
    """The child's rows (referrals, assessments, section47, cp_plans), or None for the careful
    reading in `_read_child`: read only when every value is one already seen in this file
    (a date in `dates`) or plainly sound (0/1/true/false, digits), and every pair of dates is in
    order. Nearly every child is such a child, and this way it costs no record, no problem
    list and no call per value; any other child, problems and all, is read by `_ChildRecord`,
    which also teaches `dates` the dates it meets."""
    get = dates.get
    referrals: list[tuple] = []
    assessments: list[tuple] = []
    section47: list[tuple] = []
    cp_plans: list[tuple] = []
    for referral_id, details in enumerate(episodes, start=first_id):
        fields: dict[object, str | None] = {}
        parts: list[etree._Element] = []
        for item in details:
            tag = item.tag
            if tag == "Assessments" or tag == "Section47" or tag == "ChildProtectionPlans":
                parts.append(item)
            elif tag not in fields:
                fields[tag] = item.text
        raw = fields.get("CINreferralDate")
        referral = None if raw is None else get(raw, _UNSURE)
        raw = fields.get("CINclosureDate")
        closure = None if raw is None else get(raw, _UNSURE)
        raw = fields.get("ReferralNFA")
        nfa = None if raw is None else _PLAIN_BOOLEANS.get(raw, _UNSURE)
        if referral is _UNSURE or closure is _UNSURE or nfa is _UNSURE:
            return None
        if referral is not None and closure is not None and closure < referral:
            return None
        referrals.append((referral_id, child_id, referral, nfa, closure))
        for part in parts:
            texts = _first_texts(part)
            tag = part.tag
            if tag == "Assessments":
                first, second = "AssessmentActualStartDate", "AssessmentAuthorisationDate"
            elif tag == "Section47":
                first, second = "S47ActualStartDate", "DateOfInitialCPC"
            else:
                first, second = "CPPstartDate", "CPPendDate"
            raw = texts.get(first)
            start = None if raw is None else get(raw, _UNSURE)
            raw = texts.get(second)
            end = None if raw is None else get(raw, _UNSURE)
            if start is _UNSURE or end is _UNSURE:
                return None
            if start is not None and end is not None and end < start:
                return None
            if tag == "Assessments":
                assessments.append((referral_id, child_id, start, end))
            elif tag == "Section47":
                section47.append((referral_id, child_id, start, end))
            else:
                raw = texts.get("NumberOfPreviousCPP")
                if raw is None:
                    previous = None
                elif raw.isascii() and raw.isdigit():
                    previous = int(raw)
                else:
                    return None
                cp_plans.append((referral_id, child_id, start, end, previous))
    # The careful reading adds each episode's rows in the order assessments, section 47s,
    # plans; so does this, since the rows of each table are kept apart.
    return referrals, assessments, section47, cp_plans
