"""A large census file read as two halves at once, one in a second process.

Parsing is most of the time the census command takes, and lxml parses on one core. When the
machine has a core to spare, a file on disk can be cut at a <Child> near its middle: the first
half is the file up to there followed by `</Children></Message>`; the second is the file's opening up to and including <Children>,
then as many newlines as the first half has lines after that opening (so that every line
number lxml gives is the line in the file), then the rest of the file. Each half is read by
the same reader, with the same hardened parser, the second in a forked process.

The cut only needs to be plausible, not proven, because the reader checks it (reader.py,
`_read_in_halves`): the first half parses only if the cut is between two elements whose open
ancestors are exactly <Message><Children> (not in a comment, CDATA section or processing
instruction, nor inside a Child), and each half must hold exactly the one Header of the
file's opening. Anything else, any error in either half or a second process that fails, and
the file is read again in one piece, so that its result and its errors are exactly those of
the one-piece reading. `find_cut` proposes a cut only for a file whose opening is plain: a
UTF-8 file, an optional XML declaration, <Message> without a namespace prefix, then elements
only up to <Children>, among them the <Header>.
"""

from __future__ import annotations

import codecs
import multiprocessing
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, BinaryIO

# Below this a file is read in one piece: a second process would save less than it costs.
CUT_FROM_BYTES = 16 * 1024**2
OPENING_LIMIT = 64 * 1024  # the opening up to <Children> is a Header: well within this
WINDOW = 256 * 1024  # where to look for a <Child> after the cut's place
# Where to cut, as a share of the file: a little after the middle, since the second process
# also counts the lines before its half and sends its rows back, while the first waits.
CUT_SHARE = 0.52
CLOSING = b"</Children></Message>"
_CHUNK = 1024**2

_DECLARATION = re.compile(rb"<\?xml[^>]*?\?>")
_UTF8 = re.compile(rb"""encoding\s*=\s*["']utf-?8["']""", re.IGNORECASE)
_ROOT = re.compile(rb"\s*<Message[\s>]")
_HEADER = re.compile(rb"<Header[\s>]")

# A part of a half: bytes of the file (a range of offsets) or bytes of its own.
Piece = range | bytes


@dataclass(frozen=True)
class Cut:
    """Where a file is cut: `opening_end` is just after its <Children> start tag, `at` the
    start of the <Child> the second half begins with, `size` the file's size."""

    opening_end: int
    at: int
    size: int

    def first_half(self) -> list[Piece]:
        return [range(0, self.at), CLOSING]

    def second_half(self, descriptor: int) -> list[Piece]:
        """Counting the newlines it skips reads the first half once more: done in the second
        process, while the first reads its half."""
        lines = count_newlines(descriptor, self.opening_end, self.at)
        return [range(0, self.opening_end), b"\n" * lines, range(self.at, self.size)]


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1


def core_to_spare() -> bool:
    """Whether a second process would find a core free: over the last minute, fewer processes
    have been running on average than the cores less the one this process needs. On a machine
    already busy the two halves only take turns, and waiting for the later one costs more
    than the cut saves."""
    try:
        running = os.getloadavg()[0]
    except (AttributeError, OSError):  # no load average to tell: one process, to be safe
        return False
    return running < cores() - 0.5


def find_cut(stream: BinaryIO) -> Cut | None:
    """A cut near the middle of a file on disk whose opening is plain; None otherwise."""
    try:
        descriptor = stream.fileno()
        size = os.fstat(descriptor).st_size
    except (AttributeError, OSError, ValueError):
        return None
    if size < CUT_FROM_BYTES:
        return None
    head = os.pread(descriptor, OPENING_LIMIT, 0)
    children = head.find(b"<Children>")
    if children == -1 or not _plain_opening(head[:children]):
        return None
    opening_end = children + len(b"<Children>")
    start = max(opening_end, int(size * CUT_SHARE))
    child = os.pread(descriptor, WINDOW, start).find(b"<Child>")
    if child == -1:
        return None
    return Cut(opening_end, start + child, size)


def _plain_opening(opening: bytes) -> bool:
    """UTF-8, at most an XML declaration, then <Message> and elements only (no comment, CDATA
    section, processing instruction or DOCTYPE, in which "<Children>" could hide), with a
    Header among them."""
    opening = opening.removeprefix(codecs.BOM_UTF8)
    declaration = _DECLARATION.match(opening)
    if declaration is not None:
        encoding = re.search(rb"encoding\s*=", declaration.group())
        if encoding is not None and not _UTF8.search(declaration.group()):
            return False
        opening = opening[declaration.end() :]
    if b"<?" in opening or b"<!" in opening:
        return False
    return _ROOT.match(opening) is not None and _HEADER.search(opening) is not None


def count_newlines(descriptor: int, start: int, end: int) -> int:
    count = 0
    while start < end:
        data = os.pread(descriptor, min(_CHUNK, end - start), start)
        if not data:
            break
        count += data.count(b"\n")
        start += len(data)
    return count


class Pieces:
    """A file-like object reading the pieces in turn, with `os.pread` (so that two processes
    sharing the file's descriptor never move each other's position)."""

    def __init__(self, descriptor: int, pieces: list[Piece]) -> None:
        self.descriptor = descriptor
        self.pieces = list(reversed(pieces))

    def read(self, size: int = -1) -> bytes:
        if size < 0:
            size = _CHUNK
        while self.pieces:
            piece = self.pieces[-1]
            if isinstance(piece, bytes):
                data, rest = piece[:size], piece[size:]
                piece_left: Piece = rest
            else:
                data = os.pread(self.descriptor, min(size, len(piece)), piece.start)
                piece_left = range(piece.start + len(data), piece.stop) if data else range(0)
            if piece_left:
                self.pieces[-1] = piece_left
            else:
                self.pieces.pop()
            if data:
                return data
        return b""


class Background:
    """`function(*arguments)` run in a forked process; `result()` is its value, or None if it
    raised or the process died."""

    def __init__(self, function: Callable[..., Any], *arguments: Any) -> None:
        context = multiprocessing.get_context("fork")
        self._receiving, sending = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_send_result, args=(sending, function, arguments), daemon=True
        )
        self._process.start()
        sending.close()

    def result(self) -> Any:
        try:
            succeeded, value = self._receiving.recv()
        except (EOFError, OSError):
            succeeded, value = False, None
        finally:
            self._receiving.close()
            self._process.join()
        return value if succeeded else None

    def cancel(self) -> None:
        self._process.terminate()
        self._process.join()
        self._receiving.close()


def _send_result(sending: Connection, function: Callable[..., Any], arguments: tuple) -> None:
    try:
        outcome = (True, function(*arguments))
    except Exception:  # noqa: BLE001 - the caller reads the file in one piece instead
        outcome = (False, None)
    sending.send(outcome)
    sending.close()
