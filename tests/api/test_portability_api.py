"""Export and import over the API: files out, a multipart file in, preview before import."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.portability.conftest import fill_every_kind, fixture_bytes
from thawing.checkins.models import CheckIn
from thawing.checkins.services import record_checkin
from thawing.journal.models import Entry

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def still_clock():
    with time_machine.travel(datetime(2026, 3, 10, 15, 0, tzinfo=ZoneInfo("Europe/London")), tick=False):
        yield


def send(client, path: str, kind: str, data: bytes | None, options: object = None, name: str = "file.csv"):
    form: dict[str, object] = {"kind": kind}
    if data is not None:
        form["file"] = SimpleUploadedFile(name, data)
    if options is not None:
        form["options"] = options if isinstance(options, str) else json.dumps(options)
    return client.post(path, form)


def test_the_schema_lists_export_and_import(client):
    paths = set(client.get("/api/openapi.json").json()["paths"])
    assert {"/api/export.json", "/api/export.csv", "/api/export.md", "/api/import/preview",
            "/api/import"} <= paths


@pytest.mark.parametrize("method, path", [("get", "/api/export.json"), ("get", "/api/export.csv"),
                                          ("get", "/api/export.md"), ("post", "/api/import/preview"),
                                          ("post", "/api/import")])
def test_signed_out_every_endpoint_answers_401(client, method, path):
    response = getattr(client, method)(path)
    assert response.status_code == 401
    assert response.json()["message"]


def test_the_exports_are_attachments_of_their_type(signed_in, local_user):
    fill_every_kind(local_user)
    exported = signed_in.get("/api/export.json")
    assert exported["Content-Type"] == "application/json"
    assert exported["Content-Disposition"] == 'attachment; filename="thawing-2026-03-10.json"'
    assert json.loads(exported.getvalue())["format"] == "thawing-export"
    table = signed_in.get("/api/export.csv?what=habits")
    assert table["Content-Type"] == "text/csv; charset=utf-8"
    assert next(csv.reader(io.StringIO(table.getvalue().decode("utf-8-sig"))))[0] == "date"
    journal = signed_in.get("/api/export.md")
    assert journal.getvalue().startswith(b"# Journal")


def test_an_unknown_csv_table_is_a_400(signed_in):
    response = signed_in.get("/api/export.csv?what=secrets")
    assert response.status_code == 400
    assert "what" in response.json()["fields"]


def test_preview_counts_skips_and_labels_and_writes_nothing(signed_in):
    response = send(signed_in, "/api/import/preview", "daylio", fixture_bytes("daylio/custom_labels.csv"))
    assert response.status_code == 200
    body = response.json()
    assert (body["kind"], body["new"], body["already"]) == ("daylio", 4, 0)
    assert body["unmapped"] == ["numb", "okay-ish"]
    assert {"label": "good", "mood": 7, "mapped": True} in body["labels"]
    assert CheckIn.objects.count() == 0


def test_preview_lists_left_out_rows_with_their_line(signed_in):
    body = send(signed_in, "/api/import/preview", "daylio", fixture_bytes("daylio/bad_rows.csv")).json()
    assert [(s["line"], s["reason"]) for s in body["skipped"]] == [(3, "date"), (4, "time"), (5, "columns")]


def test_import_with_a_mood_map_then_again_adds_nothing(signed_in, local_user):
    options = {"mood_map": {"numb": 2, "okay-ish": "cant-tell"}}
    first = send(signed_in, "/api/import", "daylio", fixture_bytes("daylio/custom_labels.csv"), options)
    assert first.status_code == 200
    assert first.json()["added"] == 4
    assert first.json()["counts"] == [{"kind": "checkins", "new": 4, "already": 0}]
    again = send(signed_in, "/api/import", "daylio", fixture_bytes("daylio/custom_labels.csv"), options)
    assert (again.json()["added"], again.json()["already"]) == (0, 4)
    assert CheckIn.objects.filter(user=local_user, mood=2).count() == 2


def test_import_a_jrnl_journal(signed_in, local_user):
    response = send(signed_in, "/api/import", "jrnl", fixture_bytes("jrnl/export.json"), name="j.json")
    assert response.json()["added"] == Entry.objects.filter(user=local_user).count() == 4


def test_a_thawing_export_round_trips_through_the_api(signed_in, local_user, make_account):
    other = make_account("other")
    fill_every_kind(other)
    client = Client()
    client.force_login(other)
    exported = client.get("/api/export.json").getvalue()
    assert send(signed_in, "/api/import", "thawing", exported, name="t.json").status_code == 200
    mine = json.loads(signed_in.get("/api/export.json").getvalue())
    theirs = json.loads(exported)
    for document in (mine, theirs):
        document.pop("exported_at")
    assert mine == theirs


@pytest.mark.parametrize("kind, data, options, field", [
    ("daylio", None, None, "file"),
    ("evernote", b"x", None, "kind"),
    ("daylio", b"x", "not json", "options"),
    ("daylio", b"x", "[1]", "options"),
    ("daylio", b"x", {"mood_map": {"numb": 12}}, "mood_map"),
    ("jrnl", b"x", {"time_format": "%H"}, "time_format"),
])
def test_bad_requests_are_400_with_the_field_named(signed_in, kind, data, options, field):
    response = send(signed_in, "/api/import", kind, data, options)
    assert response.status_code == 400
    assert field in response.json()["fields"]
    assert CheckIn.objects.count() == 0


def test_a_file_that_cannot_be_read_is_a_400_that_says_where(signed_in):
    response = send(signed_in, "/api/import", "daylio", fixture_bytes("daylio/not_daylio.csv"))
    assert response.status_code == 400
    assert "line 1" in response.json()["message"]


def test_a_file_too_big_is_a_400(signed_in, monkeypatch):
    from thawing.portability import services

    monkeypatch.setattr(services, "UPLOAD_MAX_BYTES", 1000)
    response = send(signed_in, "/api/import/preview", "daylio", b"x" * 5000)
    assert response.status_code == 400
    assert "bigger than" in response.json()["fields"]["file"]


def test_uploads_are_read_into_memory_only(signed_in, monkeypatch):
    from django.core.files import uploadhandler

    def no_disk(*args, **kwargs):
        raise AssertionError("an upload was written to a temporary file")

    monkeypatch.setattr(uploadhandler.TemporaryFileUploadHandler, "new_file", no_disk)
    data = "\n".join(f"2023-01-01,1 January,Sunday,9:{n % 60:02d} pm,good,,,{'x' * 300} {n}"
                     for n in range(10_000)).encode()
    assert send(signed_in, "/api/import/preview", "daylio", data).json()["new"] == 10_000


def test_import_needs_the_csrf_token(local_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(local_user)
    response = send(client, "/api/import", "daylio", fixture_bytes("daylio/v1_year.csv"))
    assert response.status_code == 403
    assert CheckIn.objects.count() == 0


def test_each_person_exports_only_their_own_records(server_mode, make_account):
    robin, kim = make_account("robin"), make_account("kim")
    record_checkin(user=robin, mood=2, note="robin's private note")
    client = Client()
    client.force_login(kim)
    for path in ("/api/export.json", "/api/export.csv", "/api/export.md"):
        assert b"robin" not in client.get(path).getvalue()
