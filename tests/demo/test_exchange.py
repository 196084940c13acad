"""The demo shares some of its findings and holds a neighbouring board's learning; every
export it makes is valid against the exchange format's schema."""

from __future__ import annotations

import pytest
from django.utils import timezone

from safeboard.exchange import schema, services
from safeboard.exchange.models import ImportedItem, Shared, Subscription


@pytest.mark.django_db
def test_the_demo_exports_valid_learning_and_holds_a_neighbours(demo_db):
    assert Shared.objects.count() >= 4
    document = services.export_document()
    assert schema.problems(document) == []
    assert len(document["items"]) == Shared.objects.count()
    assert Subscription.objects.count() == 1
    imported = ImportedItem.objects.all()
    assert imported.count() == 5
    assert all(item.year <= timezone.localdate().year for item in imported)
    assert all(item.themes.exists() for item in imported)
