"""The one upload path: size limit, and a file type checked by its content, not its name."""

from __future__ import annotations

import zipfile
from collections.abc import Collection
from pathlib import PurePath

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


def _content_matches(extension: str, upload: UploadedFile) -> bool:
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if extension == ".pdf":
        return head.startswith(b"%PDF-")
    if extension == ".png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if extension in {".jpg", ".jpeg"}:
        return head.startswith(b"\xff\xd8\xff")
    if extension in _OFFICE_ZIP_MEMBERS or extension in _OPENDOCUMENT_MIMETYPES:
        if not head.startswith(b"PK\x03\x04"):
            return False
        try:
            with zipfile.ZipFile(upload) as archive:
                if extension in _OFFICE_ZIP_MEMBERS:
                    return _OFFICE_ZIP_MEMBERS[extension] in archive.namelist()
                return archive.read("mimetype").strip() == _OPENDOCUMENT_MIMETYPES[extension]
        except (zipfile.BadZipFile, KeyError):
            return False
        finally:
            upload.seek(0)
    if extension in {".csv", ".txt"}:
        sample = upload.read(64 * 1024)
        upload.seek(0)
        if b"\x00" in sample:
            return False
        try:
            sample.decode("utf-8")
        except UnicodeDecodeError as error:
            # A multi-byte character cut at the end of the sample is still text.
            return error.start >= len(sample) - 3
        return True
    return False


def validate_upload(
    upload: UploadedFile, *, field: str = "file", extensions: Collection[str] | None = None
) -> str:
    """Check an uploaded file; return its content type or raise a ValidationError on `field`.

    `extensions` narrows the accepted types (e.g. {".pdf", ".docx"} for a review report); the
    message then names exactly those types.
    """
    limit = settings.MAX_UPLOAD_BYTES
    if upload.size is None or upload.size == 0:
        raise ValidationError({field: EMPTY_FILE})
    if upload.size > limit:
        raise ValidationError({field: too_large_message(limit)})
    extension = PurePath(upload.name or "").suffix.lower()
    if extensions is not None and extension not in extensions:
        raise ValidationError({field: only_these_types_message(extensions)})
    if extension not in CONTENT_TYPES:
        raise ValidationError({field: NOT_ALLOWED_TYPE})
    if not _content_matches(extension, upload):
        raise ValidationError({field: CONTENT_DOES_NOT_MATCH.format(extension=extension)})
    return CONTENT_TYPES[extension]
