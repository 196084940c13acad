"""`safeboard backup` and `safeboard restore`: everything out to one archive and back again."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from safeboard.accounts.factories import UserFactory
from safeboard.accounts.roles import Role
from safeboard.actions.factories import ActionFactory
from safeboard.actions.models import Action, Evidence
from safeboard.core import backup
from safeboard.core.management.commands import restore as restore_command
from safeboard.partnership.factories import AgencyFactory, PersonFactory
from safeboard.partnership.models import Agency, Person

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _snapshot() -> tuple[list[str], dict[str, str]]:
    """Every record (content types by natural key) and the SHA-256 of every uploaded file."""
    out = io.StringIO()
    call_command(
        "dumpdata", natural_foreign=True, natural_primary=True, use_base_manager=True, stdout=out
    )
    records = sorted(json.dumps(record, sort_keys=True) for record in json.loads(out.getvalue()))
    files = {
        name: hashlib.sha256(default_storage.open(name).read()).hexdigest()
        for name in backup.stored_files()
    }
    return records, files


def _partnership() -> Evidence:
    manager = UserFactory(roles=[Role.BUSINESS_MANAGER])
    manager.user_permissions.add(Permission.objects.get(codename="view_agency"))
    TOTPDevice.objects.create(user=manager, name="Authenticator app", confirmed=True)
    action = ActionFactory(
        owner_person=manager.person,
        source_type=ContentType.objects.get_for_model(Agency),
        source_id=manager.person.agency_id,
    )
    return Evidence.objects.create(
        action=action,
        description="The audit found every referral answered within a day.",
        evidence_dated=action.due_on,
        file=ContentFile(b"%PDF-1.4 synthetic audit report\n%%EOF", name="audit.pdf"),
    )


def _backup(tmp_path) -> str:
    archive = tmp_path / "safeboard.tar.gz"
    call_command("backup", out=archive, stdout=io.StringIO())
    return archive


def _restore(archive, **options) -> str:
    out = io.StringIO()
    call_command("restore", archive, stdout=out, **options)
    return out.getvalue()


def _rewrite(archive, member_name: str, content: bytes) -> None:
    """Replace one member's content, keeping the manifest as it was."""
    with tarfile.open(archive, "r:gz") as source:
        members = [(member, source.extractfile(member).read()) for member in source]
    with tarfile.open(archive, "w:gz") as target:
        for member, data in members:
            if member.name == member_name:
                data = content
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))


def test_a_restore_puts_back_every_record_and_file_as_they_were(tmp_path):
    evidence = _partnership()
    before = _snapshot()
    archive = _backup(tmp_path)

    Person.objects.create(full_name="Sam Taylor", agency=AgencyFactory(), email="sam@x.test")
    Action.objects.update(title="Changed after the backup")
    evidence.file.delete(save=False)
    evidence.delete()
    default_storage.save("evidence/stray.txt", ContentFile(b"not in the backup"))
    assert _snapshot() != before

    _restore(archive, yes=True)

    assert _snapshot() == before


def test_the_backup_holds_the_database_the_files_and_a_checksum_of_each(tmp_path):
    evidence = _partnership()
    archive = _backup(tmp_path)
    with tarfile.open(archive, "r:gz") as opened:
        manifest = json.load(opened.extractfile(backup.MANIFEST))
        contents = {
            member.name: opened.extractfile(member).read()
            for member in opened
            if member.name != backup.MANIFEST
        }
    assert set(contents) == {backup.DATABASE, backup.MEDIA + evidence.file.name}
    assert manifest["sha256"] == {
        name: hashlib.sha256(data).hexdigest() for name, data in contents.items()
    }


def test_permissions_and_links_survive_content_types_numbered_afresh(tmp_path):
    """The flush before loading recreates content types in its own order, so the backup
    must name them (app label and model), never number them."""
    _partnership()
    archive = _backup(tmp_path)

    _restore(archive, yes=True)

    manager = Person.objects.get().user
    assert manager.has_perm("partnership.view_agency")
    assert Action.objects.get().source == manager.person.agency


def test_a_corrupt_member_is_refused_by_name_and_nothing_changes(tmp_path):
    evidence = _partnership()
    archive = _backup(tmp_path)
    _rewrite(archive, backup.MEDIA + evidence.file.name, b"tampered")
    Agency.objects.create(name="Created after the backup", type=Agency.Type.OTHER)
    before = _snapshot()

    with pytest.raises(CommandError) as refusal:
        _restore(archive, yes=True)

    assert backup.CORRUPT_MEMBER.format(member=backup.MEDIA + evidence.file.name) in str(
        refusal.value
    )
    assert _snapshot() == before


def test_a_member_the_manifest_does_not_list_is_refused(tmp_path):
    archive = _backup(tmp_path)
    with tarfile.open(archive, "r:gz") as source:
        members = [(member, source.extractfile(member).read()) for member in source]
    with tarfile.open(archive, "w:gz") as target:
        for member, data in members:
            target.addfile(member, io.BytesIO(data))
        extra = tarfile.TarInfo(backup.MEDIA + "smuggled.txt")
        extra.size = 3
        target.addfile(extra, io.BytesIO(b"abc"))
    with pytest.raises(CommandError, match="smuggled.txt, which its manifest does not list"):
        _restore(archive, yes=True)


def test_a_member_outside_the_backup_folders_is_refused(tmp_path):
    archive = tmp_path / "evil.tar.gz"
    with tarfile.open(archive, "w:gz") as target:
        for name in (backup.MANIFEST, "media/../../escape.txt"):
            member = tarfile.TarInfo(name)
            data = json.dumps({"format": backup.FORMAT, "sha256": {}}).encode()
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    with pytest.raises(CommandError, match="escape.txt, which a SafeBoard backup never holds"):
        _restore(archive, yes=True)
    assert not (tmp_path.parent / "escape.txt").exists()


def test_a_file_that_is_not_an_archive_is_refused(tmp_path):
    archive = tmp_path / "notes.tar.gz"
    archive.write_bytes(b"just some text")
    with pytest.raises(CommandError, match="cannot be read"):
        _restore(archive, yes=True)


def test_restore_without_yes_and_without_a_terminal_is_refused(tmp_path):
    _partnership()
    archive = _backup(tmp_path)
    PersonFactory(email="after@x.test")
    with pytest.raises(CommandError) as refusal:
        _restore(archive)
    assert str(refusal.value) == restore_command.NOT_CONFIRMED
    assert Person.objects.filter(email="after@x.test").exists()


def test_restore_goes_ahead_when_the_user_types_yes(tmp_path, monkeypatch):
    archive = _backup(tmp_path)
    PersonFactory(email="after@x.test")
    monkeypatch.setattr(restore_command.sys, "stdin", _Terminal())
    monkeypatch.setattr("builtins.input", lambda question: "yes")
    assert "Restored" in _restore(archive)
    assert not Person.objects.filter(email="after@x.test").exists()


def test_backup_does_not_overwrite_an_existing_file(tmp_path):
    archive = tmp_path / "safeboard.tar.gz"
    archive.write_bytes(b"an older backup")
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", out=archive, stdout=io.StringIO())
    assert archive.read_bytes() == b"an older backup"


def test_a_backup_that_fails_part_way_leaves_no_archive(tmp_path, monkeypatch):
    _partnership()

    def unreadable(name, mode="rb"):
        raise OSError("the storage is unreachable")

    monkeypatch.setattr(default_storage, "open", unreadable)
    with pytest.raises(OSError):
        call_command("backup", out=tmp_path / "safeboard.tar.gz", stdout=io.StringIO())
    assert list(tmp_path.glob("*safeboard.tar.gz*")) == []
