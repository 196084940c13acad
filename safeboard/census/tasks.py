"""The census import's background work, on the django-tasks worker (`safeboard db_worker`).

Reading a large county's census takes minutes, so the upload returns at once and the import
page polls the row that these tasks keep up to date.
"""

from __future__ import annotations

from django_tasks import task

from . import services
from .models import CensusImport


@task()
def check_census(import_id: int) -> str:
    """Read a newly uploaded census: fail it, ask about its problems, or record its figures."""
    census_import = CensusImport.objects.select_related("agency").get(pk=import_id)
    return services.census_import_check(census_import=census_import).status


@task()
def compute_census(import_id: int) -> str:
    """Record the figures of a census whose uploader chose to leave problem children out."""
    census_import = CensusImport.objects.select_related("agency").get(pk=import_id)
    return services.census_import_compute(census_import=census_import).status
