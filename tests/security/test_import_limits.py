"""Imports and exports hold up against someone trying to exhaust the server (issue 13, findings
2, 8, 14 and the first part of 19).

The request body is handed to the app as a stream that counts what is read of it, so "refused
before the body was read" is a count of bytes, not a guess.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.test.utils import CaptureQueriesContext

from tests.portability.conftest import NOW, fill_every_kind, fixture_bytes
from thawing.core import fieldcrypt
from thawing.core.errors import ThawingError
from thawing.portability import services
from thawing.portability.models import PendingImport

pytestmark = pytest.mark.django_db

CSRF = "a" * 32
# A field key for the tests that turn field encryption on.
FIELD_KEYS = "h4test:" + fieldcrypt.encode_key(b"\x44" * 32)


@pytest.fixture(autouse=True)
def still_clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def everything(local_user):
    """The local profile with records of every kind."""
    fill_every_kind(local_user)
    return local_user


class CountingInput(io.BytesIO):
    """A request body as the server hands it to the app, counting the bytes the app reads."""

    taken = 0

    def read(self, size: int | None = -1) -> bytes:
        chunk = super().read(size)
        self.taken += len(chunk)
        return chunk

    def readline(self, size: int | None = -1) -> bytes:
        line = super().readline(size)
        self.taken += len(line)
        return line


def post_form(client: Client, path: str, form: dict[str, object]) -> tuple[object, CountingInput]:
    """POST `form` as multipart with the CSRF token, the body in a counting stream."""
    body = encode_multipart(BOUNDARY, form)
    stream = CountingInput(body)
    response = client.generic("POST", path, body, content_type=MULTIPART_CONTENT,
                              headers={"X-CSRFToken": CSRF}, **{"wsgi.input": stream})
    return response, stream


def csrf_client(user=None) -> Client:
    """A browser-like client: CSRF checks on, with its CSRF cookie, signed in as `user`."""
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = CSRF
    if user is not None:
        client.force_login(user)
    return client


def a_file(size: int, name: str = "export.csv") -> io.BytesIO:
    upload = io.BytesIO(b"x" * size)
    upload.name = name
    return upload


def daylio_rows(count: int) -> bytes:
    return "\n".join(f"2023-01-01,1 January,Sunday,9:{n % 60:02d} pm,good,,,n{n}"
                     for n in range(count)).encode()


# ---------------------------------------------------------------- finding 2: uploads


@pytest.mark.parametrize("path", ["/api/import/preview", "/api/import"])
def test_a_signed_out_upload_is_refused_before_its_body_is_read(db, path):
    response, body = post_form(csrf_client(), path, {"kind": "daylio", "file": a_file(200_000)})
    assert response.status_code == 401
    assert response.json()["message"]
    assert body.taken == 0


def test_an_api_upload_over_the_limit_is_refused_by_its_length_alone(local_user, monkeypatch):
    monkeypatch.setattr(services, "UPLOAD_MAX_BYTES", 1000)
    response, body = post_form(csrf_client(local_user), "/api/import/preview",
                               {"kind": "daylio", "file": a_file(400_000)})
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")
    assert "more than Thawing can take" in response.json()["message"]
    assert body.taken == 0


def test_a_page_upload_over_the_limit_is_refused_by_its_length_alone(local_user, monkeypatch):
    monkeypatch.setattr(services, "UPLOAD_MAX_BYTES", 1000)
    response, body = post_form(csrf_client(local_user), "/data/import/",
                               {"kind": "daylio", "file": a_file(400_000)})
    assert response.status_code == 413
    assert "more than Thawing can take" in response.content.decode()
    assert body.taken == 0
    assert PendingImport.objects.count() == 0


@pytest.mark.parametrize("path", ["/api/import/preview", "/data/import/"])
def test_one_file_per_import_request(local_user, path):
    response, _ = post_form(csrf_client(local_user), path, {
        "kind": "daylio", "file": io.BytesIO(fixture_bytes("daylio/v1_year.csv")),
        "file2": io.BytesIO(fixture_bytes("daylio/v1_year.csv"))})
    assert response.status_code == 400
    assert "one file at a time" in response.content.decode()
    assert PendingImport.objects.count() == 0


def test_no_other_address_keeps_an_uploaded_file(db):
    """Only the import, after sign-in, holds a file: elsewhere a file part is read past, never kept
    (Django would otherwise keep it in memory, or above 2.5 MB in a temporary file)."""
    response, body = post_form(csrf_client(), "/signin/", {"username": "x", "file": a_file(3_000_000)})
    assert body.taken > 3_000_000
    assert not response.wsgi_request.FILES


# ---------------------------------------------------------------- finding 19: a form without a file


@pytest.mark.parametrize("path, says", [("/data/import/", "Choose a file"),
                                        ("/api/import/preview", "Send the file")])
def test_a_form_sent_without_a_file_is_a_kind_form_error(signed_in, path, says):
    response = signed_in.post(path, "kind=daylio", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert says in response.content.decode()


@pytest.mark.parametrize("path", ["/api/import/preview", "/data/import/"])
@pytest.mark.parametrize("content_type", ["multipart/form-data", "multipart/form-data; boundary=\u00e9"])
def test_a_multipart_body_that_cannot_be_read_is_a_400(signed_in, path, content_type):
    response = signed_in.generic("POST", path, b"not a form", content_type=content_type)
    assert response.status_code == 400


# ---------------------------------------------------------------- finding 8: caps, one at a time, streams


def test_a_daylio_file_of_more_rows_than_an_import_takes_is_refused_kindly(local_user):
    with pytest.raises(ThawingError) as refused:
        services.preview_import(user=local_user, kind="daylio", data=daylio_rows(services.MAX_RECORDS + 1))
    assert "100,000" in str(refused.value.message)
    assert "more than Thawing can take" in str(refused.value.message)


def test_a_daylio_file_of_exactly_the_cap_is_read(local_user):
    preview = services.preview_import(user=local_user, kind="daylio", data=daylio_rows(services.MAX_RECORDS))
    assert preview.new == services.MAX_RECORDS


def test_a_jrnl_journal_of_more_entries_than_an_import_takes_is_refused(local_user):
    text = "".join(f"[2020-01-01 09:{n % 60:02d}] entry {n}\n\n" for n in range(services.MAX_RECORDS + 1))
    with pytest.raises(ThawingError, match="more than 100,000 entries"):
        services.preview_import(user=local_user, kind="jrnl", data=text.encode())


def test_a_jrnl_json_export_with_too_many_values_is_refused(local_user):
    from thawing.core.formats import MAX_JSON_VALUES

    # Few entries, each with a very long list of tags.
    entries = [{"date": "2020-01-01", "time": "09:00", "title": "t", "body": "", "tags": ["@a"] * 10_000}
               for _ in range(MAX_JSON_VALUES // 10_000 + 1)]
    data = json.dumps({"entries": entries}).encode()
    with pytest.raises(ThawingError, match="more than Thawing can take"):
        services.preview_import(user=local_user, kind="jrnl", data=data)


def test_a_thawing_export_with_more_records_than_an_import_takes_is_refused(local_user):
    rows = ",\n".join(json.dumps({"id": n, "day": "2020-01-01"}) for n in range(services.MAX_RECORDS + 1))
    data = ('{"format": "thawing-export", "version": 1, "day_habits": [\n' + rows + "\n]}").encode()
    with pytest.raises(ThawingError, match="more than Thawing can take"):
        services.preview_import(user=local_user, kind="thawing", data=data)


@contextmanager
def another_import_running(user) -> Iterator[None]:
    """Another import of `user`, holding the lock as it would: in server mode (PostgreSQL) on
    another worker, with its own database connection; in local mode in another request of the one
    `thawing serve` process."""
    if connection.vendor != "postgresql":
        with services.one_import_at_a_time(user=user):
            yield
        return
    import psycopg

    other_worker = psycopg.connect(**connection.get_connection_params())
    try:
        other_worker.execute("SELECT pg_advisory_lock(%s, %s)", [services.LOCK_SPACE, user.pk])
        yield
    finally:
        other_worker.close()


def test_one_import_at_a_time_for_each_person(signed_in, local_user, make_account):
    with another_import_running(local_user):
        response = signed_in.post("/api/import/preview", {"kind": "daylio", "file": io.BytesIO(
            fixture_bytes("daylio/v1_year.csv"))})
        assert response.status_code == 400
        assert "already" in response.json()["message"]
        other = make_account("kim")
        assert services.preview_import(user=other, kind="daylio", data=fixture_bytes("daylio/v1_year.csv"))
    assert services.preview_import(user=local_user, kind="daylio", data=fixture_bytes("daylio/v1_year.csv"))


def test_the_lock_holds_across_app_servers_and_goes_with_a_crashed_one(local_user):
    """Server mode: another worker's import, on its own database connection, holds the lock; when
    that worker dies, its connection closes and the lock goes with it."""
    if connection.vendor != "postgresql":
        pytest.skip("the lock shared by app servers is PostgreSQL's; SQLite is one local process")
    import psycopg

    other_worker = psycopg.connect(**connection.get_connection_params())
    other_worker.execute("SELECT pg_advisory_lock(%s, %s)", [services.LOCK_SPACE, local_user.pk])
    with pytest.raises(services.ImportBusy):
        services.preview_import(user=local_user, kind="daylio", data=fixture_bytes("daylio/v1_year.csv"))
    other_worker.close()
    assert services.preview_import(user=local_user, kind="daylio", data=fixture_bytes("daylio/v1_year.csv"))


@pytest.mark.parametrize("path", ["/data/export.json", "/api/export.json", "/data/export.csv?what=checkins",
                                  "/api/export.csv?what=habits", "/data/export.md", "/api/export.md"])
def test_exports_are_streamed_as_they_are_read(signed_in, everything, path):
    with CaptureQueriesContext(connection) as queries:
        response = signed_in.get(path)
        assert response.status_code == 200
        assert response.streaming
        chunks = iter(response.streaming_content)
        first = next(chunks)
        before_the_rest = len(queries)
        rest = b"".join(chunks)
    assert first
    # Records are read while the file goes out, not all before its first byte.
    assert len(queries) > before_the_rest
    assert first + rest == _whole(path, everything)


def _whole(path: str, user) -> bytes:
    from thawing.web import say

    if "json" in path:
        return services.export_json(user=user)
    if "csv" in path:
        return services.export_csv(user=user, what=path.rsplit("=", 1)[1])
    return services.export_markdown(user=user, say=say)


# ---------------------------------------------------------------- finding 14: waiting uploads


def test_a_waiting_upload_is_encrypted_with_the_field_key(make_account, server_mode, monkeypatch):
    monkeypatch.setenv("THAWING_FIELD_KEYS", FIELD_KEYS)
    robin = make_account("robin")
    data = json.dumps({"entries": [{"date": "2024-03-01", "time": "13:10", "title": "Marmalade orchard",
                                    "body": "the orchard felt far away", "tags": []}]}).encode()
    token = services.keep_upload(user=robin, kind="jrnl", data=data)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM portability_pendingimport")
        stored = " ".join(str(value) for row in cursor.fetchall() for value in row)
    assert "orchard" not in stored and "Marmalade" not in stored
    pending = services.pending_upload(user=robin, token=token)
    assert services.upload_data(pending) == data


def test_expired_uploads_go_with_any_import_request(make_account, server_mode):
    robin, kim = make_account("robin"), make_account("kim")
    services.keep_upload(user=robin, kind="daylio", data=fixture_bytes("daylio/v1_year.csv"))
    with time_machine.travel(NOW + timedelta(minutes=61), tick=False):
        client = Client()
        client.force_login(kim)
        client.post("/api/import/preview", {"kind": "daylio", "file": io.BytesIO(
            fixture_bytes("daylio/v1_year.csv"))})
    assert PendingImport.objects.count() == 0


def test_the_sweep_command_removes_expired_uploads(make_account, server_mode):
    robin = make_account("robin")
    services.keep_upload(user=robin, kind="daylio", data=fixture_bytes("daylio/v1_year.csv"))
    fresh = services.keep_upload(user=robin, kind="daylio", data=fixture_bytes("daylio/v1_year.csv"))
    PendingImport.objects.exclude(token=fresh).update(created_at=NOW - timedelta(minutes=61))
    out = io.StringIO()
    call_command("sweep_imports", stdout=out)
    assert list(PendingImport.objects.values_list("token", flat=True)) == [fresh]
    assert "1" in out.getvalue()


