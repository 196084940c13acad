"""A backup of everything SafeBoard holds, and putting it back.

One tar.gz archive: `database.json`, every table of every app (records, their history,
accounts and their second factors, queued tasks) in Django's serialisation, so it loads into
SQLite or PostgreSQL alike; `media/...`, every uploaded file of the default storage (a
folder or S3); and `manifest.json`, the SHA-256 of every other member. Content types and
permissions are written by their natural keys (app label and model name, codename), because
a database that migrate made numbers them in its own order.

Restoring checks every checksum before it touches anything, then empties the database and
loads the backup in one transaction, then replaces the uploaded files; a failure while the
files are written rolls the database back, though files already written stay written.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import posixpath
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.core.files import File
from django.core.files.storage import Storage, default_storage
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

FORMAT = "safeboard-backup"
VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "database.json"
MEDIA = "media/"
_CHUNK = 1024 * 1024

NOT_READABLE = "The archive {path} cannot be read: {reason}"
NO_MANIFEST = "The archive {path} is not a SafeBoard backup: it has no manifest.json."
BAD_MANIFEST = "The archive's manifest.json is not a SafeBoard backup manifest."
UNEXPECTED_MEMBER = "The archive holds {member}, which a SafeBoard backup never holds."
NOT_IN_MANIFEST = "The archive holds {member}, which its manifest does not list."
MISSING_MEMBER = "The archive lacks {member}, which its manifest lists."
CORRUPT_MEMBER = "{member} is corrupt: its SHA-256 does not match the manifest's."
FILE_NOT_RESTORED = "The uploaded file {name} could not be written back (the storage made {saved})."


class BackupRefused(Exception):
    """The archive cannot be restored; nothing has been changed."""


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    created_at: str
    records: int
    files: int


class _Hashing(io.RawIOBase):
    """Reads through to a file, keeping the SHA-256 of what was read."""

    def __init__(self, source):
        self.source, self.sha256 = source, hashlib.sha256()

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self.source.read(size)
        self.sha256.update(data)
        return data


def stored_files(storage: Storage = default_storage, folder: str = "") -> Iterator[str]:
    """Every file of the storage, as the names the database refers to them by."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # a storage folder nothing was ever uploaded to
        return
    for name in sorted(files):
        yield posixpath.join(folder, name) if folder else name
    for name in sorted(folders):
        yield from stored_files(storage, posixpath.join(folder, name) if folder else name)


def _dump_database(path: Path) -> None:
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            # Every table read from one snapshot, as the database stood when the dump began.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        call_command(
            "dumpdata",
            format="json",
            natural_foreign=True,
            natural_primary=True,
            use_base_manager=True,  # every row, whatever a model's default manager hides
            output=str(path),
            verbosity=0,
        )


def _add(archive: tarfile.TarFile, name: str, source, size: int) -> str:
    member = tarfile.TarInfo(name)
    member.size, member.mtime, member.mode = size, int(timezone.now().timestamp()), 0o600
    hashing = _Hashing(source)
    archive.addfile(member, hashing)
    return hashing.sha256.hexdigest()


def backup_write(*, out: Path, storage: Storage = default_storage) -> BackupSummary:
    created_at = timezone.now().isoformat()
    with tempfile.TemporaryDirectory() as scratch:
        dump = Path(scratch) / DATABASE
        _dump_database(dump)
        records = _count_records(dump)
        # Written beside the target and renamed when whole: a failed backup leaves no archive.
        partial = out.with_name(f".{out.name}.partial")
        try:
            checksums = _write_archive(partial, dump, storage, created_at)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        os.replace(partial, out)
    return BackupSummary(out, created_at, records, len(checksums) - 1)


def _write_archive(out: Path, dump: Path, storage: Storage, created_at: str) -> dict[str, str]:
    """The archive, its manifest last; the SHA-256 of each member the manifest lists."""
    checksums: dict[str, str] = {}
    with tarfile.open(out, "w:gz") as archive:
        with dump.open("rb") as source:
            checksums[DATABASE] = _add(archive, DATABASE, source, dump.stat().st_size)
        for name in stored_files(storage):
            with storage.open(name, "rb") as source:
                checksums[MEDIA + name] = _add(archive, MEDIA + name, source, storage.size(name))
        manifest = json.dumps(
            {
                "format": FORMAT,
                "version": VERSION,
                "created_at": created_at,
                "sha256": checksums,
            },
            indent=2,
        ).encode()
        _add(archive, MANIFEST, io.BytesIO(manifest), len(manifest))
    return checksums


def _count_records(dump: Path) -> int:
    with dump.open("rb") as source:
        return len(json.load(source))


def _safe_member_name(name: str) -> bool:
    if name in {MANIFEST, DATABASE}:
        return True
    path = PurePosixPath(name)
    return (
        name.startswith(MEDIA)
        and not path.is_absolute()
        and ".." not in path.parts
        and len(path.parts) > 1
    )


def _read_manifest(archive: tarfile.TarFile, path: Path) -> dict:
    try:
        member = archive.getmember(MANIFEST)
    except KeyError:
        raise BackupRefused(NO_MANIFEST.format(path=path))
    source = archive.extractfile(member)
    if source is None:  # a folder or link named manifest.json
        raise BackupRefused(BAD_MANIFEST)
    try:
        manifest = json.load(source)
    except ValueError:
        raise BackupRefused(BAD_MANIFEST)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupRefused(BAD_MANIFEST)
    if not isinstance(manifest.get("sha256"), dict):
        raise BackupRefused(BAD_MANIFEST)
    return manifest


def _copy(archive: tarfile.TarFile, member: tarfile.TarInfo, target: Path) -> str:
    """Copy a member out of the archive; the SHA-256 of what was copied."""
    source = archive.extractfile(member)
    if source is None:
        raise BackupRefused(UNEXPECTED_MEMBER.format(member=member.name))
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with source, target.open("wb") as copy:
        while chunk := source.read(_CHUNK):
            digest.update(chunk)
            copy.write(chunk)
    return digest.hexdigest()


def backup_unpack(*, path: Path, into: Path) -> dict:
    """Check every member against the manifest and copy it under `into`; the manifest."""
    try:
        with tarfile.open(path, "r:gz") as archive:
            manifest = _read_manifest(archive, path)
            expected, seen = manifest["sha256"], set()
            for member in archive.getmembers():
                if member.name == MANIFEST:
                    continue
                if not member.isfile() or not _safe_member_name(member.name):
                    raise BackupRefused(UNEXPECTED_MEMBER.format(member=member.name))
                if member.name not in expected:
                    raise BackupRefused(NOT_IN_MANIFEST.format(member=member.name))
                if _copy(archive, member, into / member.name) != expected[member.name]:
                    raise BackupRefused(CORRUPT_MEMBER.format(member=member.name))
                seen.add(member.name)
    except (tarfile.TarError, OSError, EOFError) as error:
        raise BackupRefused(NOT_READABLE.format(path=path, reason=error)) from error
    if DATABASE not in expected:
        raise BackupRefused(BAD_MANIFEST)
    if missing := sorted(set(expected) - seen):
        raise BackupRefused(MISSING_MEMBER.format(member=missing[0]))
    return manifest


def _replace_files(unpacked: Path, storage: Storage) -> int:
    restored = set()
    media = unpacked / MEDIA
    for source in sorted(path for path in media.rglob("*") if path.is_file()):
        name = source.relative_to(media).as_posix()
        if storage.exists(name):
            storage.delete(name)
        with source.open("rb") as content:
            saved = storage.save(name, File(content))
        if saved != name:
            raise OSError(FILE_NOT_RESTORED.format(name=name, saved=saved))
        restored.add(name)
    for name in list(stored_files(storage)):
        if name not in restored:
            storage.delete(name)
    return len(restored)


def backup_restore(*, path: Path, storage: Storage = default_storage) -> BackupSummary:
    """Replace the whole database and every uploaded file with the backup's."""
    with tempfile.TemporaryDirectory() as scratch:
        unpacked = Path(scratch)
        manifest = backup_unpack(path=path, into=unpacked)
        dump = unpacked / DATABASE
        with transaction.atomic():
            call_command("flush", interactive=False, verbosity=0)
            call_command("loaddata", str(dump), verbosity=0)
            files = _replace_files(unpacked, storage)
        return BackupSummary(path, manifest.get("created_at", ""), _count_records(dump), files)
