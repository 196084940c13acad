"""An address naming a record by an id no database could hold is no page (404), on every
page that names a record: never a failure (500)."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from safeboard.accounts.roles import Role
from safeboard.core.converters import LARGEST_ID, RecordIdConverter
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db

TOO_LARGE = str(LARGEST_ID + 1)


def _addresses_with_ids(resolver: URLResolver = get_resolver(), prefix: str = "") -> list[str]:
    """Every address pattern that names a record by `<id:…>`, with each id too large."""
    found = []
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            found += _addresses_with_ids(entry, route)
        elif isinstance(entry, URLPattern) and "<id:" in route:
            address = route
            for name in entry.pattern.converters:
                address = address.replace(f"<id:{name}>", TOO_LARGE)
            found.append("/" + address.lstrip("^").rstrip("$"))
    return found


def test_every_record_page_names_its_record_by_a_bounded_id():
    assert len(_addresses_with_ids()) > 100


def test_an_id_no_database_holds_is_no_page(cast):
    manager = signed_in_client(cast[Role.BUSINESS_MANAGER])
    answers = {address: manager.get(address).status_code for address in _addresses_with_ids()}
    assert {address: status for address, status in answers.items() if status != 404} == {}


def test_the_converter_bounds():
    converter = RecordIdConverter()
    assert converter.to_python(str(LARGEST_ID)) == LARGEST_ID
    with pytest.raises(ValueError):
        converter.to_python(TOO_LARGE)
    assert converter.to_url(7) == "7"
