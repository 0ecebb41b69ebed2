"""The data page: download buttons, and upload, preview, mood values, import or cancel."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.portability.conftest import NOW, fixture_bytes
from thawing.checkins.models import CheckIn
from thawing.portability import services
from thawing.portability.models import PendingImport

pytestmark = pytest.mark.django_db


def upload(client, kind: str, data: bytes, name: str = "export.csv", **extra: str):
    return client.post("/data/import/", {"kind": kind, "file": SimpleUploadedFile(name, data), **extra})


def token_of(response) -> str:
    return response.context["token"]


def test_settings_link_to_the_data_page(signed_in):
    assert 'href="/data/"' in signed_in.get("/settings/").content.decode()


def test_the_data_page_offers_every_download_and_the_import_form(signed_in):
    page = signed_in.get("/data/").content.decode()
    for link in ("/data/export.json", "/data/export.csv?what=checkins", "/data/export.csv?what=habits",
                 "/data/export.md", 'enctype="multipart/form-data"'):
        assert link in page


@pytest.mark.parametrize("path, content_type, name", [
    ("/data/export.json", "application/json", "thawing-2026-03-10.json"),
    ("/data/export.csv?what=checkins", "text/csv; charset=utf-8", "thawing-checkins-2026-03-10.csv"),
    ("/data/export.csv?what=habits", "text/csv; charset=utf-8", "thawing-habits-2026-03-10.csv"),
    ("/data/export.md", "text/markdown; charset=utf-8", "thawing-journal-2026-03-10.md"),
])
def test_downloads_are_attachments_never_cached(signed_in, everything, path, content_type, name):
    response = signed_in.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    assert response["Cache-Control"] == "no-store"


def test_the_json_download_is_the_full_export(signed_in, everything):
    assert json.loads(signed_in.get("/data/export.json").getvalue())["checkins"]


def test_an_unknown_csv_table_is_not_found(signed_in):
    assert signed_in.get("/data/export.csv?what=secrets").status_code == 404


def test_upload_shows_the_preview_and_saves_nothing_yet(signed_in):
    response = upload(signed_in, "daylio", fixture_bytes("daylio/bad_rows.csv"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Before you import" in page and "Line 3 was left out" in page
    assert "Import 2 records" in page
    assert CheckIn.objects.count() == 0
    assert PendingImport.objects.count() == 1


def test_moods_get_values_in_the_form_then_the_import_runs(signed_in, local_user):
    token = token_of(upload(signed_in, "daylio", fixture_bytes("daylio/custom_labels.csv")))
    looked = signed_in.post(f"/data/import/{token}/", {"label": ["numb", "okay-ish", "good"],
                                                      "mood": ["2", "", "7"], "action": "look"})
    assert looked.context["preview"].unmapped == ("okay-ish",)
    assert "needs a number" in looked.content.decode()
    done = signed_in.post(f"/data/import/{token}/", {"label": ["numb", "okay-ish", "good"],
                                                    "mood": ["2", "cant-tell", "7"], "action": "import"})
    assert done.status_code == 200
    assert "4 records were added." in done.content.decode()
    assert sorted(CheckIn.objects.filter(user=local_user).values_list("mood", flat=True),
                  key=lambda m: m or 0) == [None, 2, 2, 7]
    assert PendingImport.objects.count() == 0


def test_cancel_forgets_the_file(signed_in):
    token = token_of(upload(signed_in, "jrnl", fixture_bytes("jrnl/export.json"), "journal.json"))
    response = signed_in.post(f"/data/import/{token}/", {"action": "cancel"})
    assert response.status_code == 302
    assert PendingImport.objects.count() == 0


def test_the_words_of_the_file_never_go_into_the_session_or_a_url(signed_in):
    response = upload(signed_in, "jrnl", fixture_bytes("jrnl/export.json"), "journal.json")
    token = token_of(response)
    assert "bakery" not in json.dumps(dict(signed_in.session), default=str)
    assert "bakery" not in token and len(token) >= 32
    assert "bakery" not in "".join(c.value for c in signed_in.cookies.values())


def test_a_thawing_export_can_keep_the_settings_here(signed_in, local_user, make_account):
    from tests.portability.conftest import fill_every_kind

    other = make_account("other", timezone="Asia/Tokyo")
    fill_every_kind(other)
    token = token_of(upload(signed_in, "thawing", services.export_json(user=other), "t.json"))
    signed_in.post(f"/data/import/{token}/", {"action": "import", "keep_settings": "on"})
    local_user.profile.refresh_from_db()
    assert local_user.profile.pace == "steady"
    assert CheckIn.objects.filter(user=local_user).count() == CheckIn.objects.filter(user=other).count()


def test_a_file_that_cannot_be_read_says_why_and_is_not_kept(signed_in):
    response = upload(signed_in, "daylio", fixture_bytes("daylio/not_daylio.csv"))
    assert response.status_code == 400
    assert "line 1" in response.content.decode()
    assert PendingImport.objects.count() == 0


def test_no_file_or_no_kind_is_a_form_error(signed_in):
    assert signed_in.post("/data/import/", {"kind": "daylio"}).status_code == 400
    assert upload(signed_in, "", b"x").status_code == 400
    assert PendingImport.objects.count() == 0


def test_a_file_too_big_is_refused_kindly(signed_in, monkeypatch):
    monkeypatch.setattr(services, "UPLOAD_MAX_BYTES", 1000)
    response = upload(signed_in, "daylio", b"x" * 5000)
    assert response.status_code == 400
    assert "bigger than" in response.content.decode()
    assert PendingImport.objects.count() == 0


def test_a_large_upload_stays_in_memory_never_in_a_temporary_file(signed_in, monkeypatch):
    from django.core.files import uploadhandler

    def no_disk(*args, **kwargs):
        raise AssertionError("an upload was written to a temporary file")

    monkeypatch.setattr(uploadhandler.TemporaryFileUploadHandler, "new_file", no_disk)
    rows = "\n".join(f"2023-01-01,1 January,Sunday,9:{n % 60:02d} pm,good,,,note {n} " + "x" * 300
                     for n in range(10_000))
    response = upload(signed_in, "daylio", rows.encode())
    assert response.status_code == 200
    assert len(services.upload_data(PendingImport.objects.get())) > 2_621_440


def test_uploads_are_refused_without_the_csrf_token(local_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(local_user)
    assert upload(client, "daylio", fixture_bytes("daylio/v1_year.csv")).status_code == 403
    assert PendingImport.objects.count() == 0


def test_an_upload_waits_an_hour_then_it_is_gone(signed_in):
    token = token_of(upload(signed_in, "daylio", fixture_bytes("daylio/v1_year.csv")))
    with time_machine.travel(NOW + timedelta(minutes=61), tick=False):
        response = signed_in.post(f"/data/import/{token}/", {"action": "import"})
        assert response.status_code == 302
        assert CheckIn.objects.count() == 0
        # The request itself swept it away.
        assert PendingImport.objects.count() == 0


def test_another_person_cannot_see_or_import_my_upload(signed_in, make_account):
    token = token_of(upload(signed_in, "daylio", fixture_bytes("daylio/v1_year.csv")))
    other = Client()
    other.force_login(make_account("other"))
    for method, data in (("get", None), ("post", {"action": "import"}), ("post", {"action": "cancel"})):
        response = getattr(other, method)(f"/data/import/{token}/", data)
        assert response.status_code == 302
    assert CheckIn.objects.count() == 0
    assert PendingImport.objects.count() == 1
