"""The one upload path: every file is checked by its content, and one that would hurt whoever
opens it (a zip bomb, a document with macros, a broken PDF) is refused unread."""

from __future__ import annotations

import codecs
import io
import struct
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from safeboard.core import uploads
from safeboard.core.uploads import decode_csv, validate_upload

GIBIBYTE = 1024**3
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
WORKBOOK_TYPES = (
    b'<Types><Override PartName="/xl/workbook.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
)


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx(extra: dict[str, bytes] | None = None) -> bytes:
    return zip_of(
        {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>", **(extra or {})}
    )


def xlsx(extra: dict[str, bytes] | None = None) -> bytes:
    return zip_of(
        {"[Content_Types].xml": WORKBOOK_TYPES, "xl/workbook.xml": b"<workbook/>", **(extra or {})}
    )


def odt(extra: dict[str, bytes] | None = None) -> bytes:
    mimetype = {"mimetype": b"application/vnd.oasis.opendocument.text"}
    return zip_of({**mimetype, "content.xml": b"<office:document/>", **(extra or {})})


def declaring(content: bytes, member: str, size: int) -> bytes:
    """The archive with `member`'s uncompressed size rewritten in its local header and the
    central directory: a zip bomb's claim, built without compressing a gigabyte."""
    data = bytearray(content)
    name = member.encode()
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        position = data.find(signature)
        while position != -1:
            if data[position + name_at : position + name_at + len(name)] == name:
                struct.pack_into("<I", data, position + size_at, size)
            position = data.find(signature, position + 4)
    return bytes(data)


def docx_bomb() -> bytes:
    """A .docx whose one extra member says it holds a gibibyte."""
    return declaring(docx({"word/media/zeros.bin": b"\0" * 1024}), "word/media/zeros.bin", GIBIBYTE)


def refusal(name: str, content: bytes, **kwargs) -> str:
    with pytest.raises(ValidationError) as refused:
        validate_upload(SimpleUploadedFile(name, content), **kwargs)
    return refused.value.message_dict["file"][0]


# Office and OpenDocument files: zip archives, measured before anything is read -------------


def test_ordinary_office_and_opendocument_files_are_accepted():
    assert validate_upload(SimpleUploadedFile("r.docx", docx())) == uploads.CONTENT_TYPES[".docx"]
    assert validate_upload(SimpleUploadedFile("r.xlsx", xlsx())) == uploads.CONTENT_TYPES[".xlsx"]
    assert validate_upload(SimpleUploadedFile("r.odt", odt())) == uploads.CONTENT_TYPES[".odt"]


def test_a_docx_declaring_a_gibibyte_is_refused_as_a_zip_bomb():
    content = docx_bomb()
    assert len(content) < 4096
    assert refusal("report.docx", content) == uploads.ZIP_BOMB


def test_a_member_compressed_beyond_any_documents_ratio_is_refused_as_a_zip_bomb():
    content = xlsx({"xl/worksheets/sheet1.xml": b"\0" * (8 * 1024 * 1024)})
    assert len(content) < 64 * 1024
    assert refusal("figures.xlsx", content) == uploads.ZIP_BOMB


def test_an_archive_of_too_many_members_is_refused_as_a_zip_bomb(settings):
    settings.SAFEBOARD_UPLOAD_MAX_ARCHIVE_MEMBERS = 10
    content = docx({f"word/media/part{n}.xml": b"<a/>" for n in range(10)})
    assert refusal("report.docx", content) == uploads.ZIP_BOMB


def test_the_zip_bomb_check_reads_no_member(monkeypatch):
    def never_read(*args, **kwargs):
        raise AssertionError("a member of a zip bomb was decompressed")

    monkeypatch.setattr(zipfile.ZipExtFile, "read", never_read)
    assert refusal("report.docx", docx_bomb()) == uploads.ZIP_BOMB


def test_a_workbook_holding_a_vba_project_is_refused_whatever_its_name():
    content = xlsx({"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\0" * 508})
    assert refusal("figures.xlsx", content) == uploads.MACRO_ENABLED


def test_a_word_document_declaring_macros_in_its_content_types_is_refused():
    types = b'<Types><Default ContentType="application/vnd.ms-word.document.macroEnabled"/></Types>'
    content = docx({"[Content_Types].xml": types})
    assert refusal("report.docx", content) == uploads.MACRO_ENABLED


def test_an_opendocument_file_holding_basic_macros_is_refused():
    content = odt({"Basic/Standard/Module1.xml": b"<script:module/>"})
    assert refusal("report.odt", content) == uploads.MACRO_ENABLED


def test_a_zip_without_the_parts_its_name_promises_is_refused():
    message = refusal("report.docx", zip_of({"notes.txt": b"words"}))
    assert message == uploads.CONTENT_DOES_NOT_MATCH.format(extension=".docx")


# PDF: whole, from %PDF- to %%EOF -----------------------------------------------------------


def test_a_whole_pdf_is_accepted():
    assert validate_upload(SimpleUploadedFile("r.pdf", PDF)) == "application/pdf"


def test_a_pdf_with_trailing_blank_lines_after_its_end_marker_is_accepted():
    assert validate_upload(SimpleUploadedFile("r.pdf", PDF + b"\r\n" * 20)) == "application/pdf"


def test_a_pdf_cut_off_before_its_end_marker_is_refused():
    content = PDF[:-7] + b"x" * 4096  # the start of a PDF, the end lost in transfer
    assert refusal("report.pdf", content) == uploads.PDF_INCOMPLETE


def test_a_file_that_only_starts_like_a_pdf_is_refused():
    assert refusal("report.pdf", b"%PDF-1.7 minutes") == uploads.PDF_INCOMPLETE


# CSV and text: UTF-8, UTF-16 or Windows-1252 -----------------------------------------------

NAMES = "name,owes\nRené Dupré,£12\n"


@pytest.mark.parametrize(
    "content",
    [
        NAMES.encode("utf-8"),
        codecs.BOM_UTF8 + NAMES.encode("utf-8"),
        NAMES.encode("cp1252"),
        NAMES.encode("utf-16"),  # with its byte order mark, little-endian here
        codecs.BOM_UTF16_BE + NAMES.encode("utf-16-be"),
    ],
    ids=["utf-8", "utf-8 with bom", "windows-1252", "utf-16-le", "utf-16-be"],
)
def test_a_csv_file_in_any_encoding_excel_saves_is_accepted_and_read(content):
    assert validate_upload(SimpleUploadedFile("people.csv", content)) == "text/csv"
    assert decode_csv(content) == NAMES


def test_a_windows_1252_csv_is_read_as_windows_1252_not_as_latin_1():
    assert decode_csv("cost,€5\n".encode("cp1252")) == "cost,€5\n"


@pytest.mark.parametrize("undefined", [b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"])
def test_a_csv_with_a_byte_windows_1252_does_not_define_is_refused(undefined):
    content = b"name\nRen" + undefined + b"\n"
    assert refusal("people.csv", content) == uploads.TEXT_ENCODING_UNKNOWN
    with pytest.raises(ValidationError) as refused:
        decode_csv(content)
    assert refused.value.message_dict == {"file": [uploads.TEXT_ENCODING_UNKNOWN]}


def test_the_encoding_message_says_how_to_save_as_csv_utf8():
    assert "CSV UTF-8 (Comma delimited)" in uploads.TEXT_ENCODING_UNKNOWN


def test_a_binary_file_named_csv_is_refused_as_not_matching_its_name():
    message = refusal("people.csv", b"MZ\x90\x00\x03\x00\x00\x00program")
    assert message == uploads.CONTENT_DOES_NOT_MATCH.format(extension=".csv")


def test_a_character_cut_by_the_sampled_start_of_a_file_still_counts_as_text():
    # The check reads the first 64 KiB: here that ends halfway through a UTF-16 emoji.
    start = codecs.BOM_UTF16_LE + "a".encode("utf-16-le") * (32 * 1024 - 2)
    assert len(start) == 64 * 1024 - 2
    content = start + "😀\n".encode("utf-16-le")
    assert validate_upload(SimpleUploadedFile("notes.txt", content)) == "text/plain"
