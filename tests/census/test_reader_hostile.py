"""Files the reader must refuse, as a whole, with a message naming the file, line and problem."""

from __future__ import annotations

import io
import os

import pytest
from django.test import override_settings

from safeboard.census import reader
from safeboard.census.reader import CensusFileError, read_census

HEADER = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<Message>\n<Header><CollectionDetails>'
    b"<ReferenceDate>2025-03-31</ReferenceDate></CollectionDetails></Header>\n<Children>\n"
)
CHILD = (
    b"<Child><ChildIdentifiers><LAchildID>A1</LAchildID></ChildIdentifiers><CINdetails>"
    b"<CINreferralDate>2024-05-01</CINreferralDate><ReferralNFA>0</ReferralNFA>"
    b"</CINdetails></Child>\n"
)
GOOD = HEADER + CHILD + b"</Children>\n</Message>\n"


class Tracked(io.BytesIO):
    """An upload that records how much of it was read."""

    def __init__(self, data: bytes, name: str = "hostile.xml") -> None:
        super().__init__(data)
        self.name = name
        self.bytes_read = 0

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.bytes_read += len(data)
        return data


def refusal(data: bytes, name: str = "hostile.xml") -> CensusFileError:
    with pytest.raises(CensusFileError) as caught:
        read_census([Tracked(data, name)])
    return caught.value


def test_a_good_file_is_read():
    assert read_census([Tracked(GOOD)]).children == 1


def test_the_error_names_the_file_the_line_and_the_problem():
    error = refusal(HEADER + CHILD, name="county.xml")

    assert error.file_name == "county.xml"
    assert error.line == 6
    assert error.message.startswith("The file is not well-formed XML: Premature end of data")
    assert str(error) == f"county.xml, line 6: {error.message}"


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE Message [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<Message><Header><CollectionDetails><ReferenceDate>2025-03-31</ReferenceDate>
</CollectionDetails></Header><Children><Child><ChildIdentifiers><LAchildID>&lol9;</LAchildID>
</ChildIdentifiers></Child></Children></Message>
"""


def test_billion_laughs_is_refused_at_its_doctype_without_expanding_anything():
    error = refusal(BILLION_LAUGHS)

    assert (error.line, error.message) == (2, reader.DOCTYPE_REFUSED)


def test_an_external_entity_is_refused_and_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENT")
    os.chmod(secret, 0)  # reading it would fail loudly if the parser tried
    xxe = (
        b'<?xml version="1.0"?>\n<!DOCTYPE Message [<!ENTITY x SYSTEM "file://'
        + str(secret).encode()
        + b'">]>\n'
        + GOOD.split(b"\n", 1)[1].replace(b"<LAchildID>A1", b"<LAchildID>&x;")
    )

    error = refusal(xxe)

    assert (error.line, error.message) == (2, reader.DOCTYPE_REFUSED)
    assert "SECRET" not in str(error)


def test_passwd_by_external_entity_is_refused():
    xxe = (
        b'<!DOCTYPE Message [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<Message><Children><Child><ChildIdentifiers><LAchildID>&x;</LAchildID>"
        b"</ChildIdentifiers></Child></Children></Message>"
    )

    error = refusal(xxe)

    assert (error.line, error.message) == (1, reader.DOCTYPE_REFUSED)
    assert "root:" not in str(error)


def test_a_doctype_in_utf16_is_refused_before_the_parser_sees_it():
    # In UTF-16 the byte pattern of a DOCTYPE differs: the whole encoding is refused at once.
    text = (
        '<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE Message>\n'
        + GOOD.decode().split("\n", 1)[1]
    )
    hostile = Tracked(text.encode("utf-16"))

    with pytest.raises(CensusFileError) as caught:
        read_census([hostile])

    assert caught.value.message == reader.WIDE_ENCODING.format(encoding="UTF-16")
    assert hostile.bytes_read <= 64 * 1024


def test_a_truncated_file_is_refused_with_the_line_it_ends_on():
    error = refusal(HEADER + CHILD * 3)

    assert error.line == 8
    assert error.message.startswith("The file is not well-formed XML: Premature end of data")


def test_a_file_cut_off_in_a_tag_is_refused_with_the_line_and_column():
    error = refusal(HEADER + CHILD * 3 + CHILD[:40])

    assert error.line == 8
    assert error.message == "The file is not well-formed XML: expected '>' (column 41)"


def test_a_file_whose_root_is_not_message_is_refused():
    error = refusal(b"<?xml version='1.0'?>\n<Report><Children/></Report>\n")

    assert (error.line, error.message) == (2, reader.WRONG_ROOT.format(tag="Report"))


def test_a_file_whose_root_is_not_message_is_refused_at_its_first_child():
    error = refusal(GOOD.replace(b"Message>", b"Return>"))

    assert error.message == reader.WRONG_ROOT.format(tag="Return")


def test_a_file_that_is_not_xml_is_refused():
    error = refusal(b"LAchildID,CINreferralDate\nA1,2024-05-01\n", name="census.csv")

    assert error.file_name == "census.csv"
    assert error.line == 1
    assert error.message.startswith("The file is not well-formed XML: Start tag expected")


def test_an_empty_file_is_refused():
    error = refusal(b"")

    assert (error.line, error.message) == (1, reader.EMPTY)


def test_a_file_without_a_reference_date_is_refused():
    error = refusal(GOOD.replace(b"<ReferenceDate>2025-03-31</ReferenceDate>", b""))

    assert (error.line, error.message) == (3, reader.NO_REFERENCE_DATE)


def test_a_file_without_a_header_is_refused_at_its_first_child():
    error = refusal(b"<Message>\n<Children>\n" + CHILD + b"</Children></Message>")

    assert (error.line, error.message) == (3, reader.NO_REFERENCE_DATE)


def test_a_reference_date_that_is_not_a_date_is_refused():
    error = refusal(GOOD.replace(b"2025-03-31", b"31/03/2025"))

    assert error.message == reader.BAD_REFERENCE_DATE.format(value="31/03/2025")


def test_a_missing_path_is_refused(tmp_path):
    with pytest.raises(CensusFileError) as caught:
        read_census([tmp_path / "absent.xml"])

    assert caught.value.message == reader.NOT_READABLE.format(detail="No such file or directory")


@override_settings(SAFEBOARD_CENSUS_MAX_BYTES=1000)
def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed(tmp_path):
    path = tmp_path / "large.xml"
    with open(path, "wb") as stream:
        stream.write(GOOD)
        stream.truncate(5000)  # sparse: its size is on disk, not in memory

    with pytest.raises(CensusFileError) as caught:
        read_census([path])

    assert caught.value.message == reader.TOO_LARGE.format(size=5000, limit=1000)


class ClaimedTwoGigabytes(Tracked):
    """An upload whose size (as Django reports it) is 2 GB."""

    size = 2 * 1024**3 + 1


def test_an_upload_claiming_more_than_2_gib_is_refused_without_reading_a_byte():
    upload = ClaimedTwoGigabytes(GOOD)

    with pytest.raises(CensusFileError) as caught:
        read_census([upload])

    assert caught.value.message == reader.TOO_LARGE.format(size=2 * 1024**3 + 1, limit=2 * 1024**3)
    assert upload.bytes_read == 0


class EndlessStream:
    """A stream of unknown size that never ends: no size to check before reading."""

    name = "endless.xml"

    def __init__(self) -> None:
        self.started = False

    def read(self, size: int = -1) -> bytes:
        if not self.started:
            self.started = True
            return HEADER
        return CHILD * 100


@override_settings(SAFEBOARD_CENSUS_MAX_BYTES=100_000)
def test_a_stream_growing_past_the_size_limit_is_refused_while_reading():
    with pytest.raises(CensusFileError) as caught:
        read_census([EndlessStream()])

    assert caught.value.file_name == "endless.xml"
    assert caught.value.message == reader.GREW_TOO_LARGE.format(limit=100_000)
    assert caught.value.line > 1


def test_a_refused_file_stops_the_whole_import():
    with pytest.raises(CensusFileError) as caught:
        read_census([Tracked(GOOD, "good.xml"), Tracked(b"<Message>", "bad.xml")])

    assert caught.value.file_name == "bad.xml"
