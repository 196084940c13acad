"""Census files as local authorities' systems write them: a root that declares a namespace
is read by local names; a file in UTF-16 or UTF-32 is refused with a message naming it."""

from __future__ import annotations

import codecs
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from safeboard.census import reader, services
from safeboard.census.reader import CensusFileError, read_census
from safeboard.census.synth import write_census
from safeboard.core.uploads import EMPTY_FILE, too_large_message

NAMESPACE = b"http://www.education.gov.uk/cin/2025"


def synthetic(children: int = 12) -> bytes:
    stream = io.BytesIO()
    write_census(stream, children=children, seed=3, year=2025)
    return stream.getvalue()


def named(data: bytes, name: str = "census.xml") -> io.BytesIO:
    stream = io.BytesIO(data)
    stream.name = name
    return stream


def read(data: bytes):
    return read_census([named(data)])


def test_a_census_whose_root_declares_a_namespace_is_read_like_one_without():
    plain = synthetic()
    namespaced = plain.replace(b"<Message>", b'<Message xmlns="' + NAMESPACE + b'">', 1)
    assert namespaced != plain

    expected, got = read(plain), read(namespaced)

    assert got.children == expected.children == 12
    assert got.reference_date == expected.reference_date
    assert got.rows == expected.rows
    assert got.problems == expected.problems


def test_a_census_written_with_a_namespace_prefix_is_read():
    plain = synthetic()
    body = plain.split(b"?>", 1)[1].replace(b"</", b"</cin:").replace(b"<", b"<cin:")
    body = body.replace(b"<cin:/cin:", b"</cin:")
    prefixed = body.replace(b"<cin:Message>", b'<cin:Message xmlns:cin="' + NAMESPACE + b'">', 1)

    assert read(prefixed).rows == read(plain).rows


def test_a_namespaced_file_whose_root_is_not_message_is_refused_by_its_local_name():
    data = b'<Report xmlns="' + NAMESPACE + b'"><Header/></Report>'

    with pytest.raises(CensusFileError) as refused:
        read(data)

    assert refused.value.message == reader.WRONG_ROOT.format(tag="Report")


@pytest.mark.parametrize(
    ("codec", "bom", "encoding"),
    [
        ("utf-16-le", codecs.BOM_UTF16_LE, "UTF-16"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "UTF-16"),
        ("utf-16-le", b"", "UTF-16"),
        ("utf-32-le", codecs.BOM_UTF32_LE, "UTF-32"),
    ],
    ids=["utf-16-le", "utf-16-be", "utf-16 without a byte order mark", "utf-32"],
)
def test_a_census_in_a_wide_encoding_is_refused_naming_its_encoding(codec, bom, encoding):
    text = synthetic(2).decode().replace('encoding="UTF-8"', f'encoding="{encoding}"')

    with pytest.raises(CensusFileError) as refused:
        read(bom + text.encode(codec))

    assert refused.value.line == 1
    assert refused.value.message == reader.WIDE_ENCODING.format(encoding=encoding)
    assert f"encoded as {encoding}; save it as UTF-8" in refused.value.message


# At upload: the same refusal, before anything is stored --------------------------------------


def upload(content: bytes, name: str = "cin-2025.xml") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/xml")


def refusal_at_upload(content: bytes) -> str:
    with pytest.raises(ValidationError) as refused:
        services.census_upload_check(upload(content))
    return refused.value.message_dict["file"][0]


def test_a_utf16_census_is_refused_at_upload_naming_its_encoding():
    content = synthetic(2).decode().encode("utf-16")

    assert refusal_at_upload(content) == reader.WIDE_ENCODING.format(encoding="UTF-16")


def test_a_census_upload_is_held_to_the_census_size_limit_by_the_upload_path(settings):
    settings.SAFEBOARD_CENSUS_MAX_BYTES = 1000
    content = synthetic(12)
    assert len(content) > 1000

    assert refusal_at_upload(content) == too_large_message(1000)
    assert refusal_at_upload(b"") == EMPTY_FILE
