"""The one export path: any list as CSV or XLSX, both streamed.

A column reads a row one of two ways. Given `fields` (ORM paths such as
"owner_agency__name"), its `value` is called with those fields' values, read with one
`values_list` query, and no model is built for the row: when every column of a queryset's
export says so, the export costs little more than writing `values_list` with `csv.writer`
(model instances cost about seven times that). Without `fields`, `value` is called with the
row itself (a model, a dict, whatever the list holds), which is always possible but slower.

The Excel file is written by our own small writer (`xlsx_stream`, decision 15) and, like the
CSV, streamed as it is made: a chunk of rows at a time, each column of the chunk at once.
"""

from __future__ import annotations

import csv
import functools
import io
import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice, starmap
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.http import StreamingHttpResponse

from .xlsx_stream import ColumnChunk, workbook_chunks_of_columns

EXPORT_FORMATS = ("csv", "xlsx")
CHUNK_ROWS = 1000  # rows fetched, and CSV lines written, at a time


@dataclass(frozen=True)
class Column:
    heading: str
    # Of the row; or, with `fields`, of those fields' values in order (None: the one field's);
    # or, with `batch`, of what the batch found for those values (None when it found nothing).
    value: Callable[..., Any] | None = None
    fields: tuple[str, ...] = ()
    # With `fields`: what a row shows beyond its own fields (an action's themes), found for a
    # whole chunk of rows at once. Given the distinct values of `fields` in the chunk (each a
    # tuple), it returns what it found for each; columns sharing a batch call it once a chunk.
    batch: Callable[[list[tuple]], dict[tuple, Any]] | None = None


_FORMULA_STARTS = frozenset(("=", "+", "-", "@", "\t", "\r"))
_FIRST_CHARACTER = operator.itemgetter(slice(0, 1))
_NONE = type(None)


def _safe_cell(value: Any) -> Any:
    # A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in _FORMULA_STARTS:
        return "'" + value
    return value


def _safe_column(values: list[Any]) -> list[Any]:
    """A column's cells as `_safe_cell` makes each, looked at a whole column at a time: the
    usual column (all text, or none) is checked without a Python call per cell."""
    kinds = set(map(type, values))
    texts = [kind for kind in kinds if issubclass(kind, str)]
    if texts:
        plain_text = len(texts) + (_NONE in kinds) == len(kinds)
        starts = map(_FIRST_CHARACTER, filter(None, values))
        if not plain_text or not _FORMULA_STARTS.isdisjoint(starts):
            return [_safe_cell(value) for value in values]
    if _NONE in kinds:
        return ["" if value is None else value for value in values]
    return values


def export_response(
    *, rows: Iterable[Any], columns: Sequence[Column], file_format: str, filename: str
) -> StreamingHttpResponse:
    """`rows` as CSV or XLSX, streamed; a queryset is read in chunks (by its fields when every
    column names them)."""
    chunks = _column_chunks(rows, columns)
    if file_format == "xlsx":
        return _xlsx_response(chunks, columns, filename)
    return _csv_response(chunks, columns, filename)


def cell_rows(rows: Iterable[Any], columns: Sequence[Column]) -> Iterator[list[Any]]:
    """Each row as its cells, safe to open in a spreadsheet."""
    for chunk in _column_chunks(rows, columns):
        yield from _as_rows(chunk)


def _column_chunks(rows: Iterable[Any], columns: Sequence[Column]) -> Iterator[ColumnChunk]:
    """The cells a chunk of rows at a time, made a column at a time, so that each column's
    reading is looked up once a chunk and its cells are made safe together."""
    if isinstance(rows, QuerySet) and columns and all(column.fields for column in columns):
        return _cells_from_fields(rows, columns)
    if isinstance(rows, QuerySet):
        rows = rows.iterator(chunk_size=CHUNK_ROWS)
    return _cells_from_rows(rows, columns)


def _as_rows(chunk: ColumnChunk) -> Iterator[list[Any]]:
    count, cells_by_column = chunk
    if not cells_by_column:
        return iter([[] for _ in range(count)])
    return map(list, zip(*cells_by_column, strict=True))


def _cells_from_rows(rows: Iterable[Any], columns: Sequence[Column]) -> Iterator[ColumnChunk]:
    values = [_row_value(column) for column in columns]
    rows = iter(rows)
    while chunk := list(islice(rows, CHUNK_ROWS)):
        yield len(chunk), [_safe_column(list(map(value, chunk))) for value in values]


def _row_value(column: Column) -> Callable[[Any], Any]:
    if column.batch is not None:
        raise ValueError(f"The export column {column.heading!r} is read from a queryset only.")
    if column.value is not None:
        return column.value
    if len(column.fields) == 1:  # a fields-only column given something other than a queryset
        return operator.attrgetter(column.fields[0].replace("__", "."))
    raise ValueError(f"The export column {column.heading!r} has no value to read.")


# What the batches found in one export, by (batch, fields), each by the fields' values.
_Found = dict[tuple, dict[tuple, Any]]
# A column's values (not yet made safe) for a chunk of `values_list` records.
ColumnChunkReader = Callable[[list[tuple]], list[Any]]


def _cells_from_fields(rows: QuerySet, columns: Sequence[Column]) -> Iterator[ColumnChunk]:
    fields = list(dict.fromkeys(field for column in columns for field in column.fields))
    position = {field: index for index, field in enumerate(fields)}
    found: _Found = {}
    readers = [_chunk_reader(column, position, found) for column in columns]
    records = rows.values_list(*fields).iterator(chunk_size=CHUNK_ROWS)
    while chunk := list(islice(records, CHUNK_ROWS)):
        _find_batches(chunk, columns, position, found)
        yield len(chunk), [_safe_column(read(chunk)) for read in readers]


def _keys(fields: tuple[str, ...], position: dict[str, int]) -> Callable[[list[tuple]], Any]:
    """The values of `fields` in each record of a chunk, each as a tuple (a batch's keys)."""
    picks = [position[field] for field in fields]
    if len(picks) == 1:
        pick = operator.itemgetter(picks[0])
        return lambda chunk: zip(map(pick, chunk))  # as 1-tuples
    picks_all = operator.itemgetter(*picks)
    return lambda chunk: map(picks_all, chunk)


def _find_batches(
    chunk: list[tuple], columns: Sequence[Column], position: dict[str, int], found: _Found
) -> None:
    """Add to `found`, by (batch, fields), what each batch finds for the chunk's values it has
    not been asked about yet in this export (an answer does not change while it is written);
    each batch is called once a chunk, and only with new values."""
    asked: set[tuple] = set()
    for column in columns:
        key = (column.batch, column.fields)
        if column.batch is None or key in asked:
            continue
        asked.add(key)
        known = found.setdefault(key, {})
        new = [
            value
            for value in dict.fromkeys(_keys(column.fields, position)(chunk))
            if value not in known
        ]
        if new:
            answers = column.batch(new)
            known.update({value: answers.get(value) for value in new})


def _chunk_reader(column: Column, position: dict[str, int], found: _Found) -> ColumnChunkReader:
    picks = [position[field] for field in column.fields]
    value = column.value
    if column.batch is not None:
        return _batch_reader(column, position, found)
    if len(picks) == 1:
        pick = operator.itemgetter(picks[0])
        if value is None:
            return lambda chunk: list(map(pick, chunk))
        return lambda chunk: list(map(value, map(pick, chunk)))
    if value is None:
        raise ValueError(f"The export column {column.heading!r} reads several fields.")
    picks_all = operator.itemgetter(*picks)
    return lambda chunk: list(starmap(value, map(picks_all, chunk)))


def _batch_reader(column: Column, position: dict[str, int], found: _Found) -> ColumnChunkReader:
    """A batch column's values: each shown once for each value of its fields (the same
    source's themes are written once, however many actions it has), then looked up."""
    keys_of = _keys(column.fields, position)
    value = column.value
    shown: dict[tuple, Any] = {}

    def read(chunk: list[tuple]) -> list[Any]:
        keys = list(keys_of(chunk))
        answers = found[(column.batch, column.fields)]
        for key in set(keys).difference(shown):
            shown[key] = answers[key] if value is None else value(answers[key])
        return list(map(shown.__getitem__, keys))

    return read


def _csv_response(
    chunks: Iterator[ColumnChunk], columns: Sequence[Column], filename: str
) -> StreamingHttpResponse:
    def lines() -> Iterator[str]:
        # A byte order mark, so that Excel reads the file as UTF-8.
        yield "\ufeff" + _csv_lines((1, [[column.heading] for column in columns]))
        yield from map(_csv_lines, chunks)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


_CSV_SPECIAL = (",", '"', "\r", "\n")


def _csv_lines(chunk: ColumnChunk) -> str:
    """A chunk's lines, each exactly as `csv.writer` writes its row (tests compare them), made
    a column at a time: a column none of whose fields needs quoting is joined as it is."""
    count, cells_by_column = chunk
    if len(cells_by_column) == 1:  # csv.writer's own rules for a row of one field
        buffer = io.StringIO()
        csv.writer(buffer).writerows([cell] for cell in cells_by_column[0])
        return buffer.getvalue()
    if not cells_by_column:
        return "\r\n" * count
    fields = [_csv_fields(cells) for cells in cells_by_column]
    return "".join(map("{}\r\n".format, map(",".join, zip(*fields, strict=True))))


def _csv_fields(cells: Sequence[Any]) -> Sequence[str]:
    texts: Sequence[str] = cells
    if set(map(type, cells)) != {str}:
        texts = [_csv_text(cell) for cell in cells]
    joined = "".join(texts)
    if any(special in joined for special in _CSV_SPECIAL):
        return [_csv_quoted(text) for text in texts]
    return texts


def _csv_text(cell: Any) -> str:
    # As csv.writer reads a field: None as nothing, text as it is, a float by its repr.
    if cell is None:
        return ""
    if isinstance(cell, str):
        return cell
    return repr(cell) if isinstance(cell, float) else str(cell)


def _csv_quoted(text: str) -> str:
    if any(special in text for special in _CSV_SPECIAL):
        return '"' + text.replace('"', '""') + '"'
    return text


def _xlsx_response(
    chunks: Iterator[ColumnChunk], columns: Sequence[Column], filename: str
) -> StreamingHttpResponse:
    workbook = workbook_chunks_of_columns(
        chunks, sheet_title=filename[:31], headings=[column.heading for column in columns]
    )
    response = StreamingHttpResponse(
        workbook,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def content_type_name(content_type_id: int | None) -> str:
    """A content type's name (as `ContentType.name` gives it) from its id, for a column
    reading a generic relation's type."""
    if content_type_id is None:
        return ""
    return _content_type_name(content_type_id)


@functools.lru_cache(maxsize=256)
def _content_type_name(content_type_id: int) -> str:
    # A type's name is its model's verbose name: it cannot change while the process runs.
    return str(ContentType.objects.get_for_id(content_type_id).name)
