"""Uploaded files as local paths, for the readers that stream from disk (lxml, DuckDB).

On local storage that is the file itself; on object storage (S3) the file is copied, in
chunks, to a temporary file that is removed afterwards.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePath

from django.db.models.fields.files import FieldFile

COPY_CHUNK_BYTES = 1024 * 1024


@contextmanager
def local_path(stored: FieldFile) -> Iterator[Path]:
    try:
        yield Path(stored.path)
        return
    except NotImplementedError:
        pass  # the storage has no local file system
    suffix = PurePath(stored.name or "").suffix
    with tempfile.NamedTemporaryFile(suffix=suffix) as copy:
        with stored.storage.open(stored.name or "", "rb") as source:
            shutil.copyfileobj(source, copy, COPY_CHUNK_BYTES)
        copy.flush()
        yield Path(copy.name)
