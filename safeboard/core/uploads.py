"""The one upload path: size limit, and a file type checked by its content, not its name.

Every uploaded file is untrusted input. Beyond its type, `validate_upload` checks what would
hurt whoever opens it: an Office or OpenDocument file (a zip archive) is measured before any
member is read, so a "zip bomb" (a small file that expands to gigabytes) is refused unread,
and one holding macros is refused; a PDF must be whole (its %%EOF marker near the end). A CSV
file is read through `decode_csv`, which takes the encodings Excel saves in.
"""

from __future__ import annotations

import codecs
import zipfile
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat

EMPTY_FILE = "The selected file is empty."
NOT_ALLOWED_TYPE = (
    "The selected file must be a PDF, Word, Excel, PowerPoint, OpenDocument, CSV, "
    "plain text, PNG or JPEG file."
)
CONTENT_DOES_NOT_MATCH = "The selected file's content does not match its name ({extension})."
MACRO_ENABLED = (
    "The selected file contains macros, which SafeBoard does not accept. Save it without "
    "macros (from Excel as an Excel Workbook (.xlsx), from Word as a Word Document (.docx)) "
    "and upload that."
)
ZIP_BOMB = (
    "The selected file expands to far more data than a document of its size should, so "
    "SafeBoard has not opened it. Save it again from the program that made it and upload that."
)
PDF_INCOMPLETE = (
    "The selected file is not a complete PDF: it has no end-of-file marker, so it may be "
    "damaged or only partly downloaded. Save it as a PDF again and upload that."
)
TEXT_ENCODING_UNKNOWN = (
    "The selected file\u2019s text is not in an encoding SafeBoard can read (UTF-8, UTF-16 "
    "or Windows-1252). In Excel, choose File, Save As, and save it as "
    "\u201cCSV UTF-8 (Comma delimited) (*.csv)\u201d, then upload it again."
)

_OFFICE_ZIP_MEMBERS = {
    ".docx": "word/document.xml",
    ".xlsx": "xl/workbook.xml",
    ".pptx": "ppt/presentation.xml",
}
_OPENDOCUMENT_MIMETYPES = {
    ".odt": b"application/vnd.oasis.opendocument.text",
    ".ods": b"application/vnd.oasis.opendocument.spreadsheet",
    ".odp": b"application/vnd.oasis.opendocument.presentation",
}
CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".odp": "application/vnd.oasis.opendocument.presentation",
    ".csv": "text/csv",
    ".txt": "text/plain",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
}


_TYPE_NAMES = {
    ".pdf": "PDF",
    ".docx": "Word (.docx)",
    ".xlsx": "Excel (.xlsx)",
    ".pptx": "PowerPoint (.pptx)",
    ".odt": "OpenDocument text",
    ".ods": "OpenDocument spreadsheet",
    ".odp": "OpenDocument presentation",
    ".csv": "CSV",
    ".txt": "plain text",
    ".png": "PNG",
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
}


def only_these_types_message(extensions: Collection[str]) -> str:
    names = list(dict.fromkeys(_TYPE_NAMES[extension] for extension in sorted(extensions)))
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    return f"The selected file must be a {listed} file."


def too_large_message(limit: int) -> str:
    return f"The selected file must be smaller than {filesizeformat(limit)}."


@dataclass(frozen=True)
class ArchiveLimits:
    """How far a zip archive may expand, judged by the sizes its directory declares."""

    members: int
    uncompressed_bytes: int
    ratio: int  # of a member's declared size to its compressed size
    ratio_from_bytes: int = 1024 * 1024  # a small member may compress well without harm


def upload_archive_limits() -> ArchiveLimits:
    """The limits for any uploaded Office or OpenDocument file: room for a long report full
    of images, and far short of what a zip bomb expands to."""
    return ArchiveLimits(
        members=getattr(settings, "SAFEBOARD_UPLOAD_MAX_ARCHIVE_MEMBERS", 10_000),
        uncompressed_bytes=getattr(
            settings, "SAFEBOARD_UPLOAD_MAX_UNCOMPRESSED_BYTES", 250 * 1024 * 1024
        ),
        ratio=getattr(settings, "SAFEBOARD_UPLOAD_MAX_COMPRESSION_RATIO", 200),
    )


def archive_problem(archive_file: IO[bytes], *, limits: ArchiveLimits) -> str | None:
    """ZIP_BOMB or MACRO_ENABLED when the archive must be refused, else None.

    Nothing is decompressed to judge the size: the sizes are those the archive declares, and
    Python's zipfile never yields more than the declared size of a member, so they bound what
    any later reader can be made to read. Raises zipfile.BadZipFile for a file that is not a
    zip archive.
    """
    try:
        with zipfile.ZipFile(archive_file) as archive:
            members = archive.infolist()
            if len(members) > limits.members or _expands_too_far(members, limits):
                return ZIP_BOMB
            if any(_is_macro_member(member.filename) for member in members):
                return MACRO_ENABLED
            if _content_types_declare_macros(archive):
                return MACRO_ENABLED
    except (zipfile.LargeZipFile, OSError, EOFError, ValueError) as error:
        raise zipfile.BadZipFile(str(error)) from error
    finally:
        archive_file.seek(0)
    return None


def _expands_too_far(members: list[zipfile.ZipInfo], limits: ArchiveLimits) -> bool:
    if sum(member.file_size for member in members) > limits.uncompressed_bytes:
        return True
    return any(
        member.file_size >= limits.ratio_from_bytes
        and member.file_size > limits.ratio * max(member.compress_size, 1)
        for member in members
    )


def _is_macro_member(name: str) -> bool:
    """VBA in an Office file; Basic or other scripts in an OpenDocument file."""
    lowered = name.lower()
    if lowered.endswith(("vbaproject.bin", "vbadata.xml")):
        return True
    return lowered.startswith(("basic/", "scripts/")) and not lowered.endswith("/")


def _content_types_declare_macros(archive: zipfile.ZipFile) -> bool:
    try:
        info = archive.getinfo("[Content_Types].xml")
    except KeyError:
        return False
    with archive.open(info) as member:
        text = member.read(1024 * 1024).decode("utf-8", "replace").lower()
    return "macroenabled" in text or "vbaproject" in text


def _archive_type_problem(extension: str, upload: UploadedFile) -> str | None:
    mismatch = CONTENT_DOES_NOT_MATCH.format(extension=extension)
    try:
        problem = archive_problem(upload, limits=upload_archive_limits())
        if problem:
            return problem
        with zipfile.ZipFile(upload) as archive:
            if extension in _OFFICE_ZIP_MEMBERS:
                matches = _OFFICE_ZIP_MEMBERS[extension] in archive.namelist()
            else:
                with archive.open("mimetype") as member:
                    matches = member.read(100).strip() == _OPENDOCUMENT_MIMETYPES[extension]
    except (zipfile.BadZipFile, KeyError):
        return mismatch
    finally:
        upload.seek(0)
    return None if matches else mismatch


# A PDF ends with %%EOF; readers look for it in the last kilobyte, as this check does.
_PDF_TAIL_BYTES = 1024


def _pdf_problem(upload: UploadedFile) -> str | None:
    upload.seek(max(0, (upload.size or 0) - _PDF_TAIL_BYTES))
    tail = upload.read(_PDF_TAIL_BYTES)
    upload.seek(0)
    return None if b"%%EOF" in tail else PDF_INCOMPLETE


def text_encoding(data: bytes, *, partial: bool = False) -> str | None:
    """The encoding of a CSV or text file's bytes, or None when it is none SafeBoard reads.

    UTF-8 (with or without a byte order mark) first; UTF-16 when it starts with its byte
    order mark; else Windows-1252, Excel's "CSV (Comma delimited)", when every byte is defined
    in it (0x81, 0x8D, 0x8F, 0x90 and 0x9D are not, and Python's cp1252 codec refuses them).
    `partial` data is the start of a file: a character cut off at its end is still text.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    elif b"\x00" in data:
        return None
    else:
        candidates = ["utf-8-sig", "cp1252"]
    for encoding in candidates:
        try:
            # Whole files are decoded whole: the incremental utf-8-sig decoder takes a file
            # of only the first bytes of a byte order mark (b"\xef") for empty text.
            if partial:
                text = codecs.getincrementaldecoder(encoding)().decode(data, final=False)
            else:
                text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return None if "\x00" in text else encoding
    return None


def decode_csv(data: bytes, *, field: str = "file") -> str:
    """The text of an uploaded CSV file, in whichever encoding `text_encoding` finds; a
    ValidationError on `field` saying how to save it as CSV UTF-8 when none fits."""
    encoding = text_encoding(data)
    if encoding is None:
        raise ValidationError({field: TEXT_ENCODING_UNKNOWN})
    return data.decode(encoding)


_TEXT_SAMPLE_BYTES = 64 * 1024


def _text_problem(extension: str, upload: UploadedFile) -> str | None:
    upload.seek(0)
    sample = upload.read(_TEXT_SAMPLE_BYTES)
    upload.seek(0)
    if text_encoding(sample, partial=len(sample) == _TEXT_SAMPLE_BYTES) is not None:
        return None
    is_binary = b"\x00" in sample and not sample.startswith(
        (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    )
    return (
        CONTENT_DOES_NOT_MATCH.format(extension=extension) if is_binary else TEXT_ENCODING_UNKNOWN
    )


_SIGNATURES = {
    ".pdf": b"%PDF-",
    ".png": b"\x89PNG\r\n\x1a\n",
    ".jpg": b"\xff\xd8\xff",
    ".jpeg": b"\xff\xd8\xff",
    **dict.fromkeys([*_OFFICE_ZIP_MEMBERS, *_OPENDOCUMENT_MIMETYPES], b"PK\x03\x04"),
}


def _content_problem(extension: str, upload: UploadedFile) -> str | None:
    """Why the file's content is not what its name says, or is unsafe to open; None if fine."""
    if extension in {".csv", ".txt"}:
        return _text_problem(extension, upload)
    signature = _SIGNATURES[extension]
    upload.seek(0)
    head = upload.read(len(signature))
    upload.seek(0)
    if head != signature:
        return CONTENT_DOES_NOT_MATCH.format(extension=extension)
    if extension == ".pdf":
        return _pdf_problem(upload)
    if extension in _OFFICE_ZIP_MEMBERS or extension in _OPENDOCUMENT_MIMETYPES:
        return _archive_type_problem(extension, upload)
    return None


def size_problem(upload: UploadedFile, *, limit: int) -> str | None:
    """Why the upload's size is refused (empty, or over `limit` bytes), or None. The census,
    read by its own streaming path, is held to its own limit through this same check."""
    if not upload.size:
        return EMPTY_FILE
    if upload.size > limit:
        return too_large_message(limit)
    return None


def validate_upload(
    upload: UploadedFile, *, field: str = "file", extensions: Collection[str] | None = None
) -> str:
    """Check an uploaded file; return its content type or raise a ValidationError on `field`.

    `extensions` narrows the accepted types (e.g. {".pdf", ".docx"} for a review report); the
    message then names exactly those types.
    """
    problem = size_problem(upload, limit=settings.MAX_UPLOAD_BYTES)
    if problem:
        raise ValidationError({field: problem})
    extension = PurePath(upload.name or "").suffix.lower()
    if extensions is not None and extension not in extensions:
        raise ValidationError({field: only_these_types_message(extensions)})
    if extension not in CONTENT_TYPES:
        raise ValidationError({field: NOT_ALLOWED_TYPE})
    problem = _content_problem(extension, upload)
    if problem:
        raise ValidationError({field: problem})
    return CONTENT_TYPES[extension]
