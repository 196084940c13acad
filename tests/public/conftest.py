import pytest


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Uploaded logos and papers go to a directory of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
