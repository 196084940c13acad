"""A census uploaded to object storage (no local path, as on S3) is read from a temporary
copy, and its figures land in the scorecard as from local disk."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages

from safeboard.census.models import CensusImport
from safeboard.scorecard.models import Figure

from .test_import_services import import_census, local_authority, synthetic_census  # noqa: F401


class StorageWithoutPaths(Storage):
    """Like S3: files are opened through the storage; there is no path on this machine."""

    files: dict[str, bytes] = {}

    def _open(self, name, mode="rb"):
        return ContentFile(self.files[name], name=name)

    def _save(self, name, content):
        self.files[name] = b"".join(content.chunks())
        return name

    def exists(self, name):
        return name in self.files

    def delete(self, name):
        self.files.pop(name, None)

    def size(self, name):
        return len(self.files[name])


@pytest.fixture
def object_storage(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": f"{__name__}.StorageWithoutPaths"},
    }
    storages._storages.clear()  # the handler caches the storage it built first
    yield storages["default"]
    storages._storages.clear()


def test_a_census_on_storage_without_local_paths_is_read_and_recorded(
    local_authority,  # noqa: F811
    object_storage,
    django_capture_on_commit_callbacks,
):
    with pytest.raises(NotImplementedError):
        object_storage.path("anything.xml")
    census_import = import_census(
        local_authority, synthetic_census(), django_capture_on_commit_callbacks
    )
    assert census_import.status == CensusImport.Status.DONE, census_import.message
    assert Figure.objects.filter(source=Figure.Source.CENSUS).count() == 6
