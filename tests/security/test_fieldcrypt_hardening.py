"""Encrypted columns hold against a database writer and against text that looks encrypted.

Issue 13, finding 6: a value was bound only to its column, so a database writer with any
account could copy someone else's ciphertext into their own row and read it through the app,
and a plain value was accepted silently. Now each value is sealed to its column and its owner
(envelope "tenc2"), and once `thawing rotate-key` has run, plain text and column-only
envelopes are refused.

Finding 7: any text starting like an envelope ("tenc1:word:") broke the journal, every export
and even deleting the entry, in local mode without field keys too. Now nothing is decrypted
without field keys, only an exact envelope is treated as one, and a value that cannot be
opened is shown as a placeholder instead of failing the page.

Each test runs on SQLite and on PostgreSQL (server mode, field keys on).
"""

from __future__ import annotations

import base64
import json
import os

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.db import connection
from django.test import Client

from tests.cli.test_cli import run
from tests.db.conftest import KEY_2025, KEY_2026
from thawing.db.fields import forget_process_state
from thawing.journal import services
from thawing.journal.models import Entry
from thawing.portability import services as portability

pytestmark = pytest.mark.django_db

PLACEHOLDER = "can\u2019t be read with the current keys"
ROBINS = "Robin cried at the bus stop and told nobody."
LOOKALIKE = "tenc1:word: what I typed, colon and all"


@pytest.fixture
def keys(field_keys):
    """Field keys on ("k2025"); call with no pairs to turn them off, or with others to change them."""
    return field_keys


def stored(entry_id: int, column: str = "body") -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM journal_entry WHERE id = %s", [entry_id])
        return cursor.fetchone()[0]


def plant(entry_id: int, value: str, column: str = "body") -> None:
    """What a database writer does: put a value straight into a row."""
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE journal_entry SET {column} = %s WHERE id = %s", [value, entry_id])


def version_1(text: str, key_id: str, key: bytes, column: str = "journal_entry.body") -> str:
    """A value as Thawing sealed it before owners were bound (envelope "tenc1", AAD the column)."""
    nonce = os.urandom(12)
    sealed = AESGCM(key).encrypt(nonce, text.encode(), column.encode())
    return f"tenc1:{key_id}:{base64.urlsafe_b64encode(nonce + sealed).rstrip(b'=').decode()}"


def body_of(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def signed_in_as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def every_face(client: Client, entry_id: int) -> str:
    """The journal list, the entry, its edit and delete pages, the API and every export, as one text."""
    pages = []
    for path in ("/journal/", f"/journal/{entry_id}/", f"/journal/{entry_id}/edit/",
                 f"/journal/{entry_id}/delete/", f"/api/journal/{entry_id}", "/api/journal",
                 "/data/export.json", "/data/export.md"):
        response = client.get(path)
        assert response.status_code == 200, path
        pages.append(body_of(response))
    response = client.post("/journal/", {"q": "bus"})
    assert response.status_code == 200
    return "\n".join(pages + [body_of(response)])


def deleted_through_the_page(client: Client, entry_id: int) -> bool:
    response = client.post(f"/journal/{entry_id}/delete/")
    return response.status_code == 302 and not Entry.objects.filter(pk=entry_id).exists()


# --- Finding 7: text that only looks like an envelope --------------------------------------

def test_without_field_keys_text_like_an_envelope_is_just_text(keys, signed_in, local_user):
    keys()
    response = signed_in.post("/journal/new/", {"title": "tenc1:abc:", "body": LOOKALIKE})
    assert response.status_code == 302
    entry = Entry.objects.get()
    assert stored(entry.pk) == LOOKALIKE
    shown = every_face(signed_in, entry.pk)
    assert "what I typed, colon and all" in shown and PLACEHOLDER not in shown
    assert deleted_through_the_page(signed_in, entry.pk)


def test_without_field_keys_an_imported_file_with_such_text_reads_back(keys, signed_in, local_user):
    keys()
    journal = f"[2024-03-01 07:45] tenc1:k2025:AAAA\n{LOOKALIKE}\n".encode()
    portability.run_import(user=local_user, kind="jrnl", data=journal)
    entry = Entry.objects.get()
    assert (entry.title, entry.body) == ("tenc1:k2025:AAAA", LOOKALIKE)
    assert "what I typed, colon and all" in every_face(signed_in, entry.pk)
    assert deleted_through_the_page(signed_in, entry.pk)


def test_with_field_keys_text_typed_like_an_envelope_is_sealed_and_read_back(keys, server_mode,
                                                                            make_account):
    robin = make_account("robin")
    client = signed_in_as(robin)
    assert client.post("/journal/new/", {"body": LOOKALIKE}).status_code == 302
    entry = Entry.objects.get()
    assert stored(entry.pk).startswith("tenc2:k2025:")
    assert "what I typed, colon and all" in every_face(client, entry.pk)


@pytest.mark.parametrize("lookalike", [LOOKALIKE, "tenc2:k2025:AAAA", "tenc2:k2025:" + "!" * 40])
def test_with_field_keys_plain_text_from_before_them_that_looks_like_one_stays_text(
        keys, server_mode, make_account, lookalike):
    # Too short for a nonce and a tag, or not base64: not an envelope, so text written before
    # the keys were set, shown as it is (until rotate-key has run).
    robin = make_account("robin")
    entry = services.write_entry(user=robin, body="for now")
    plant(entry.pk, lookalike)
    client = signed_in_as(robin)
    shown = every_face(client, entry.pk)
    assert lookalike.split(":")[-1] in shown and PLACEHOLDER not in shown
    assert deleted_through_the_page(client, entry.pk)


@pytest.mark.parametrize("damage", ["removed key", "changed", "from another column"])
def test_a_value_that_cannot_be_opened_shows_a_placeholder_and_can_be_deleted(keys, server_mode,
                                                                               make_account, damage):
    robin = make_account("robin")
    entry = services.write_entry(user=robin, title="A title", body=ROBINS)
    sealed = stored(entry.pk)
    if damage == "removed key":
        keys(("k2026", KEY_2026))
    elif damage == "changed":
        plant(entry.pk, sealed[:-6] + ("AAAAAA" if not sealed.endswith("AAAAAA") else "BBBBBB"))
    else:
        plant(entry.pk, stored(entry.pk, "title"))
    client = signed_in_as(robin)
    shown = every_face(client, entry.pk)
    assert PLACEHOLDER in shown and "cried" not in shown
    exported = json.loads(body_of(client.get("/data/export.json")))["entries"]
    assert PLACEHOLDER in json.dumps(exported, ensure_ascii=False)
    assert deleted_through_the_page(client, entry.pk)


# --- Finding 6: a value belongs to its owner ------------------------------------------------

def test_ciphertext_copied_from_another_persons_row_does_not_open_there(keys, server_mode, make_account):
    robin, kim = make_account("robin"), make_account("kim")
    robins = services.write_entry(user=robin, body=ROBINS, title="Robin's day")
    kims = services.write_entry(user=kim, body="my own entry", title="Kim")
    plant(kims.pk, stored(robins.pk))
    plant(kims.pk, stored(robins.pk, "title"), "title")
    client = signed_in_as(kim)
    shown = every_face(client, kims.pk)
    assert "cried" not in shown and "Robin" not in shown
    assert PLACEHOLDER in shown
    assert Entry.objects.get(pk=kims.pk).body != ROBINS
    # Robin still reads their own.
    assert services.get_entry(user=robin, entry_id=robins.pk).body == ROBINS


def test_values_are_stored_sealed_to_their_owner(keys, make_account):
    robin = make_account("robin")
    entry = services.write_entry(user=robin, body=ROBINS)
    assert stored(entry.pk).startswith("tenc2:k2025:")
    assert Entry.objects.values_list("body", flat=True).get() == ROBINS


def test_before_rotation_old_envelopes_and_plain_text_still_read(keys, server_mode, make_account):
    robin = make_account("robin")
    old = services.write_entry(user=robin, body="placeholder")
    plain = services.write_entry(user=robin, body="placeholder")
    plant(old.pk, version_1("sealed the old way", "k2025", KEY_2025))
    plant(plain.pk, "written before the keys")
    assert services.get_entry(user=robin, entry_id=old.pk).body == "sealed the old way"
    assert services.get_entry(user=robin, entry_id=plain.pk).body == "written before the keys"


def test_rotation_seals_old_envelopes_and_plain_text_to_their_owner(keys, server_mode, make_account,
                                                                     capsys):
    robin = make_account("robin")
    old = services.write_entry(user=robin, body="placeholder")
    plain = services.write_entry(user=robin, body="placeholder")
    plant(old.pk, version_1("sealed the old way", "k2025", KEY_2025))
    plant(plain.pk, "written before the keys")
    ran = run(capsys, "rotate-key")
    assert ran.code == 0, ran.said
    assert stored(old.pk).startswith("tenc2:k2025:") and stored(plain.pk).startswith("tenc2:k2025:")
    assert services.get_entry(user=robin, entry_id=old.pk).body == "sealed the old way"
    assert services.get_entry(user=robin, entry_id=plain.pk).body == "written before the keys"


@pytest.mark.parametrize("planted", ["plain", "version 1"])
def test_after_rotation_plain_text_and_column_only_envelopes_are_refused(keys, server_mode, make_account,
                                                                         capsys, planted):
    robin, kim = make_account("robin"), make_account("kim")
    services.write_entry(user=robin, body=ROBINS)
    kims = services.write_entry(user=kim, body="my own entry")
    assert run(capsys, "rotate-key").code == 0
    # A value planted afterwards: Robin's words in the clear, or sealed the old, owner-less way
    # (as an old backup of the database would hold them).
    plant(kims.pk, ROBINS if planted == "plain" else version_1(ROBINS, "k2025", KEY_2025))
    client = signed_in_as(kim)
    shown = every_face(client, kims.pk)
    assert "cried" not in shown and PLACEHOLDER in shown
    assert deleted_through_the_page(client, kims.pk)


def test_writing_an_encrypted_column_without_its_row_is_refused(keys, make_account):
    from django.core.exceptions import FieldError

    robin = make_account("robin")
    services.write_entry(user=robin, body=ROBINS)
    with pytest.raises(FieldError, match="journal_entry.body"):
        Entry.objects.filter(user=robin).update(body="no owner to seal it to")


def test_saving_an_unreadable_entry_from_its_page_keeps_the_sealed_text(keys, server_mode, make_account):
    """The edit box shows the placeholder; saving it back must not write the placeholder over the
    text, so that restoring the missing key later brings the words back."""
    robin = make_account("robin")
    entry = services.write_entry(user=robin, title="A title", body=ROBINS)
    sealed = stored(entry.pk)
    keys(("k2026", KEY_2026))
    client = signed_in_as(robin)
    page = client.get(f"/journal/{entry.pk}/edit/").content.decode()
    assert PLACEHOLDER in page
    shown = Entry.objects.get(pk=entry.pk).body
    saved = client.post(f"/journal/{entry.pk}/edit/", {"title": "A new title", "body": str(shown)})
    assert saved.status_code == 302
    assert stored(entry.pk) == sealed
    keys(("k2026", KEY_2026), ("k2025", KEY_2025))
    forget_process_state()
    assert Entry.objects.get(pk=entry.pk).body == ROBINS
    assert Entry.objects.get(pk=entry.pk).title == "A new title"
