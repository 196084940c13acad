"""Export, import and the feed: the format's contract, as the command line and a neighbour
see it."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.exchange import schema, services
from safeboard.exchange.models import ImportedItem, Pull
from safeboard.partnership.factories import PersonFactory
from tests.conftest import signed_in_client


def _run(*args) -> str:
    out = StringIO()
    call_command("exchange", *args, stdout=out)
    return out.getvalue()


def test_the_schema_is_printed_and_is_json():
    printed = json.loads(_run("schema"))
    assert printed == schema.schema()
    assert printed["properties"]["version"] == {"const": 1}


def test_export_writes_every_shared_item_valid_against_the_schema(shared_findings, tmp_path):
    out = tmp_path / "learning.json"
    _run("export", "--out", str(out))
    document = json.loads(out.read_text())
    assert schema.problems(document) == []
    assert {item["source_kind"] for item in document["items"]} == {"case_review", "audit"}
    assert all(item["id"].startswith("safeboard:finding:") for item in document["items"])
    assert shared_findings["theme"].slug in {theme["slug"] for theme in document["themes"]}
    assert "Not exported." not in out.read_text()  # the evidence never leaves


def test_export_refuses_identifying_text_naming_the_item(shared_findings, tmp_path):
    PersonFactory(full_name="Dana Whitfield")
    finding = shared_findings["review_finding"]
    finding.text = "Dana Whitfield closed the referral."
    finding.save()
    with pytest.raises(CommandError) as refused:
        _run("export", "--out", str(tmp_path / "learning.json"))
    assert "Case review finding \u201cFathers were not seen\u201d" in str(refused.value)
    assert "\u201cDana Whitfield\u201d" in str(refused.value)
    assert not (tmp_path / "learning.json").exists()


def test_import_is_idempotent(shared_findings, tmp_path):
    out = tmp_path / "learning.json"
    _run("export", "--out", str(out))
    first = json.loads(_run("import", str(out), "--source", "Northshire Partnership"))
    again = json.loads(_run("import", str(out), "--source", "Northshire Partnership"))
    assert first == {"imported": 2, "skipped": 0}
    assert again == {"imported": 0, "skipped": 2}
    item = ImportedItem.objects.get(source_kind="case_review")
    assert item.source_board == "Northshire Partnership"
    assert list(item.themes.all()) == [shared_findings["theme"]]


def test_an_invalid_file_is_refused_whole_and_nothing_saved(shared_findings, tmp_path):
    document = services.export_document()
    document["items"][1]["year"] = "last year"
    del document["items"][1]["title"]
    out = tmp_path / "broken.json"
    out.write_text(json.dumps(document))
    with pytest.raises(CommandError) as refused:
        _run("import", str(out), "--source", "Northshire Partnership")
    assert "items/1/year" in str(refused.value)
    assert "'title' is a required property" in str(refused.value)
    assert not ImportedItem.objects.exists()
    assert not Pull.objects.exists()


def test_the_feed_is_public_paged_and_answers_304_when_unchanged(shared_findings, client):
    response = client.get(reverse("exchange:feed"))
    assert response.status_code == 200
    document = response.json()
    assert schema.problems(document) == []
    assert len(document["items"]) == 2
    assert document["page"] == {"number": 1, "count": 1, "next": None}
    again = client.get(reverse("exchange:feed"), headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304
    since = client.get(
        reverse("exchange:feed"), headers={"if-modified-since": response["Last-Modified"]}
    )
    assert since.status_code == 304
    assert client.get(reverse("exchange:feed") + "?page=9").status_code == 404


def test_the_feed_publishes_nothing_while_text_looks_identifying(shared_findings, client):
    finding = shared_findings["audit_finding"]
    finding.text = "Seen at home in SW1A 1AA."
    finding.save()
    assert client.get(reverse("exchange:feed")).json()["items"] == []


def test_the_schema_is_served(client, db):
    response = client.get(reverse("exchange:schema"))
    assert response.status_code == 200
    assert response.json() == schema.schema()


def test_a_feed_over_plain_http_is_refused_outside_the_loopback(cast, settings):
    settings.DEBUG = False
    with pytest.raises(Exception, match="HTTPS"):
        services.subscribe(
            board_name="Elsewhere",
            feed_url="http://feeds.example.org/exchange/feed/",
            by=cast[Role.BUSINESS_MANAGER],
        )


def test_the_business_manager_marks_and_unmarks(cast, shared_findings):
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    page = client.get(reverse("exchange:sharing"))
    assert page.status_code == 200
    assert "Fathers were not seen" in page.content.decode()


def test_a_failed_pull_is_recorded(cast):
    subscription = services.subscribe(
        board_name="Northshire",
        feed_url="http://127.0.0.1:9/exchange/feed/",
        by=cast[Role.BUSINESS_MANAGER],
    )
    pull = services.pull_subscription(subscription=subscription)
    assert pull.status == Pull.Status.FAILED
    assert "could not be read" in pull.error
