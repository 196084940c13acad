"""The text a PDF's pages draw, read back through its fonts' ToUnicode maps: proof that the
PDF holds text, not pictures of text. Enough for WeasyPrint's output (no pypdf here)."""

from __future__ import annotations

import re
import zlib

_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.DOTALL)
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.DOTALL)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.DOTALL)
_PAIR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_TRIPLE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_SHOWN = re.compile(rb"\[(.*?)\]\s*TJ|<([0-9A-Fa-f]+)>\s*Tj", re.DOTALL)
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


def _streams(pdf: bytes) -> list[bytes]:
    found = []
    for raw in _STREAM.findall(pdf):
        try:
            found.append(zlib.decompress(raw))
        except zlib.error:
            found.append(raw)
    return found


def _unicode(hex_text: bytes) -> str:
    return bytes.fromhex(hex_text.decode()).decode("utf-16-be", errors="replace")


def pdf_text(pdf: bytes) -> str:
    streams = _streams(pdf)
    glyphs: dict[str, str] = {}
    for stream in streams:
        for block in _BFCHAR.findall(stream):
            for code, text in _PAIR.findall(block):
                glyphs[code.decode().upper()] = _unicode(text)
        for block in _BFRANGE.findall(stream):
            for low, high, text in _TRIPLE.findall(block):
                first = int(_unicode(text) and ord(_unicode(text)[0]))
                width = len(low)
                for offset in range(int(high, 16) - int(low, 16) + 1):
                    glyphs[f"{int(low, 16) + offset:0{width}X}"] = chr(first + offset)
    width = len(next(iter(glyphs), "0000"))
    words = []
    for stream in streams:
        for array, single in _SHOWN.findall(stream):
            shown = ""
            for hex_text in _HEX.findall(array) if array else [single]:
                code = hex_text.decode().upper()
                shown += "".join(
                    glyphs.get(code[i : i + width], "") for i in range(0, len(code), width)
                )
            words.append(shown)
    return " ".join(words)


def is_tagged(pdf: bytes) -> bool:
    """The PDF carries a structure tree (a tagged PDF), perhaps inside an object stream."""
    return any(b"/StructTreeRoot" in part for part in [pdf, *_streams(pdf)])
