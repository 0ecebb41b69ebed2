"""Encrypted columns (thawing/db/fields.py): ciphertext in the database, plain text in the app."""

from __future__ import annotations

import pytest
from django.core.exceptions import FieldError, ValidationError
from django.db import connection
from django.utils import timezone

from tests.cli.test_cli import run
from tests.db.conftest import KEY_2025, KEY_2026
from thawing.core.fieldcrypt import FieldKeyError, decode_key
from thawing.db.fields import encrypted_fields, is_unreadable
from thawing.db.rotation import rotate_field_keys
from thawing.journal import services
from thawing.journal.models import Entry
from thawing.practices.models import Connection

pytestmark = pytest.mark.django_db

SENTENCE = "I walked along the river to the café and felt a little lighter."


def raw(sql: str) -> list[tuple[object, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchall()


def test_a_journal_entry_is_stored_as_ciphertext_and_read_back_as_written(field_keys, local_user):
    entry = services.write_entry(user=local_user, title="By the river", body=SENTENCE)
    [(title, body)] = raw("SELECT title, body FROM journal_entry")
    assert body.startswith("tenc2:k2025:") and title.startswith("tenc2:k2025:")
    assert "river" not in body + title and "caf" not in body
    saved = services.get_entry(user=local_user, entry_id=entry.pk)
    assert (saved.title, saved.body) == ("By the river", SENTENCE)
    assert Entry.objects.values_list("body", flat=True).get() == SENTENCE


def test_an_empty_value_stays_empty_so_emptiness_can_still_be_filtered(field_keys, local_user):
    services.write_entry(user=local_user, title="", body="something")
    assert raw("SELECT title FROM journal_entry") == [("",)]
    assert Entry.objects.filter(title="").count() == 1
    assert Entry.objects.exclude(title="").count() == 0


def test_filtering_on_the_text_of_an_encrypted_column_is_refused(field_keys, local_user):
    services.write_entry(user=local_user, body=SENTENCE)
    with pytest.raises(FieldError, match="journal_entry.body is encrypted"):
        list(Entry.objects.filter(body__icontains="river"))
    with pytest.raises(FieldError):
        list(Entry.objects.filter(body=SENTENCE))


def test_the_plaintext_length_limit_of_a_former_char_field_still_holds(field_keys, local_user):
    entry = Entry(user=local_user, written_at=timezone.now(), body="b", title="x" * 201)
    with pytest.raises(ValidationError) as caught:
        entry.clean_fields()
    assert "title" in caught.value.message_dict


def test_every_kind_of_free_text_is_stored_only_as_ciphertext(field_keys, every_free_text):
    for column in every_free_text:
        table, name = column.split(".")
        [(stored,)] = raw(f"SELECT {name} FROM {table}")
        assert stored.startswith("tenc2:k2025:") and "orchard" not in stored, column
    assert Connection.objects.get().who == every_free_text["practices_connection.who"]


def test_every_column_knows_its_own_identity():
    identities = {field.aad for field in encrypted_fields()}
    assert {"journal_entry.body", "journal_entry.title", "checkins_checkin.flicker",
            "care_safetyplan.reasons", "practices_connection.who"} <= identities
    assert len(identities) == 29


def test_rows_from_before_encryption_are_read_and_then_encrypted_by_rotation(field_keys, local_user,
                                                                               capsys, server_mode):
    field_keys()
    services.write_entry(user=local_user, title="Old", body="written before the keys")
    assert raw("SELECT body FROM journal_entry") == [("written before the keys",)]
    field_keys(("k2025", KEY_2025))
    assert Entry.objects.get().body == "written before the keys"
    ran = run(capsys, "rotate-key")
    assert ran.code == 0, ran.said
    assert "journal_entry.body" in ran.said
    [(body,)] = raw("SELECT body FROM journal_entry")
    assert body.startswith("tenc2:k2025:")
    assert Entry.objects.get().body == "written before the keys"


def test_rotation_moves_every_value_to_the_new_key_and_the_old_key_can_go(field_keys, local_user):
    services.write_entry(user=local_user, title="One", body="the first entry")
    services.write_entry(user=local_user, title="", body="the second entry")
    field_keys(("k2026", KEY_2026), ("k2025", KEY_2025))
    counts = {c.column: c for c in rotate_field_keys(batch_size=1)}
    assert (counts["journal_entry.body"].from_older_key, counts["journal_entry.title"].empty) == (2, 1)
    assert counts["journal_entry.body"].older_keys == {"k2025"}
    assert all(body.startswith("tenc2:k2026:") for (body,) in raw("SELECT body FROM journal_entry"))
    field_keys(("k2026", KEY_2026))
    assert sorted(Entry.objects.values_list("body", flat=True)) == ["the first entry", "the second entry"]
    again = {c.column: c for c in rotate_field_keys()}
    assert (again["journal_entry.body"].already_current, again["journal_entry.body"].from_older_key) == (2, 0)


def test_a_value_under_a_removed_key_shows_a_placeholder_and_tells_the_operator(field_keys, local_user,
                                                                                caplog):
    services.write_entry(user=local_user, body=SENTENCE)
    field_keys(("k2026", KEY_2026))
    with caplog.at_level("WARNING", logger="thawing.fieldkeys"):
        body = Entry.objects.get().body
    assert is_unreadable(body) and "river" not in body
    told = caplog.text
    assert "'k2025'" in told and "journal_entry.body" in told and "river" not in told


def test_a_value_copied_into_another_column_does_not_open_there(field_keys, local_user):
    services.write_entry(user=local_user, title="a title", body=SENTENCE)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE journal_entry SET title = body")
    entry = Entry.objects.get()
    assert is_unreadable(entry.title) and entry.body == SENTENCE


def test_saving_a_row_again_keeps_a_value_it_could_not_open(field_keys, local_user):
    entry = services.write_entry(user=local_user, title="a title", body=SENTENCE)
    field_keys(("k2026", KEY_2026), )
    again = Entry.objects.get()
    again.kind = "letter"
    again.save()
    field_keys(("k2026", KEY_2026), ("k2025", KEY_2025))
    assert services.get_entry(user=local_user, entry_id=entry.pk).body == SENTENCE


def test_a_value_with_a_missing_key_stops_rotation_and_names_the_key(field_keys, local_user):
    services.write_entry(user=local_user, body=SENTENCE)
    field_keys(("k2026", KEY_2026))
    with pytest.raises(FieldKeyError, match="'k2025'"):
        rotate_field_keys()


def test_rotation_without_keys_says_what_to_set(field_keys, capsys, server_mode):
    field_keys()
    ran = run(capsys, "rotate-key")
    assert ran.code == 1 and "THAWING_FIELD_KEYS is not set" in ran.said


def test_a_new_field_key_is_printed_ready_to_use(capsys):
    ran = run(capsys, "new-field-key", "--id", "2026-spring")
    assert ran.code == 0
    key_id, key = ran.out.strip().split(":")
    assert key_id == "2026-spring" and decode_key(key) is not None
    assert run(capsys, "new-field-key").out != run(capsys, "new-field-key").out


# --- Journal search over encrypted entries ---------------------------------------------------

@pytest.mark.practice("B1")
@pytest.mark.parametrize("query, found", [
    ("walk", True), ("walks", True), ("walking", True), ("WALKED", True), ("Café", True), ("cafe", True),
    ("lighter", True), ("light", True), ("rivers", True), ("the", True), ("walk ocean", False),
    ("alk", False), ("she", False),
])
def test_search_finds_word_forms_in_encrypted_entries(field_keys, local_user, query, found):
    services.write_entry(user=local_user, title="By the river", body=SENTENCE)
    assert bool(services.search_entries(user=local_user, query=query)) is found


@pytest.mark.parametrize("written, query", [
    ("Stories of the summer", "story"), ("I was happily tired", "happy"), ("She kept running", "run"),
    ("Feelings came back", "feeling"), ("Naïve hopes", "naive hope"), ("STRASSE", "straße"),
    ("Nai\u0308ve, written on a Mac", "naïve"), ("Cafe\u0301 au lait", "cafe"), ("ＦＵＬＬ width", "full"),
])
def test_search_in_python_matches_words_as_the_indexes_do(field_keys, local_user, written, query):
    services.write_entry(user=local_user, body=written)
    assert len(services.search_entries(user=local_user, query=query)) == 1


def test_search_over_encrypted_entries_keeps_order_limit_and_owner(field_keys, local_user, make_account):
    other = make_account("other")
    services.write_entry(user=other, body="walking in the orchard")
    first = services.write_entry(user=local_user, body="walking in the morning")
    second = services.write_entry(user=local_user, body="a long walk at night")
    services.write_entry(user=local_user, body="今日は少し悲しい気持ちでした。")
    hits = services.search_entries(user=local_user, query="walk")
    assert [h.entry.pk for h in hits] == sorted([first.pk, second.pk], reverse=True)
    assert hits[0].excerpt == "a long walk at night"
    assert services.search_entries(user=local_user, query="orchard") == []
    assert len(services.search_entries(user=local_user, query="悲しい")) == 1
    assert len(services.search_entries(user=local_user, query="walk", limit=1)) == 1
