"""The field envelope (thawing/core/fieldcrypt.py): sealed per column, named keys, plaintext passes."""

from __future__ import annotations

import base64

import pytest

from thawing.conf import ConfigError, parse_field_keys
from thawing.core import fieldcrypt
from thawing.core.fieldcrypt import FieldKeyError

OLD, NEW = b"o" * 32, b"n" * 32
KEYS = {"old": OLD, "new": NEW}
AAD = "journal_entry.body"


def test_a_value_round_trips_and_names_its_key():
    stored = fieldcrypt.encrypt("I walked by the river.", "new", NEW, AAD)
    assert stored.startswith("tenc1:new:")
    assert "river" not in stored
    assert fieldcrypt.key_id_of(stored) == "new"
    assert fieldcrypt.decrypt(stored, KEYS, AAD) == "I walked by the river."


def test_the_same_text_encrypts_differently_each_time():
    assert fieldcrypt.encrypt("same", "new", NEW, AAD) != fieldcrypt.encrypt("same", "new", NEW, AAD)


@pytest.mark.parametrize("text", ["", "é", "今日は少し悲しい気持ちでした。", "🌧️ then 🌤️", "\x00\n\t",
                                  "x" * 100_001, "lone surrogate \udc80"])
def test_empty_unicode_and_long_texts_round_trip(text):
    assert fieldcrypt.decrypt(fieldcrypt.encrypt(text, "k", NEW, AAD), KEYS | {"k": NEW}, AAD) == text


def test_plaintext_from_before_encryption_is_returned_as_it_is():
    assert fieldcrypt.decrypt("written before keys were set", {}, AAD) == "written before keys were set"
    assert fieldcrypt.key_id_of("written before keys were set") is None


def test_a_changed_value_fails_without_showing_the_text():
    stored = fieldcrypt.encrypt("a private sentence", "new", NEW, AAD)
    payload = bytearray(base64.urlsafe_b64decode(stored.split(":", 2)[2] + "=="))
    payload[-1] ^= 1
    tampered = "tenc1:new:" + base64.urlsafe_b64encode(bytes(payload)).decode().rstrip("=")
    with pytest.raises(FieldKeyError) as caught:
        fieldcrypt.decrypt(tampered, KEYS, AAD)
    assert "private" not in caught.value.message
    assert AAD in caught.value.message and "'new'" in caught.value.message


@pytest.mark.parametrize("stored", ["tenc1:new:", "tenc1:new:!!!", "tenc1:new:AAAA"])
def test_a_truncated_or_garbled_envelope_fails_cleanly(stored):
    with pytest.raises(FieldKeyError):
        fieldcrypt.decrypt(stored, KEYS, AAD)


def test_a_value_moved_to_another_column_fails():
    stored = fieldcrypt.encrypt("a private sentence", "new", NEW, "journal_entry.body")
    with pytest.raises(FieldKeyError):
        fieldcrypt.decrypt(stored, KEYS, "checkins_checkin.note")


def test_a_wrong_key_under_the_right_name_fails():
    stored = fieldcrypt.encrypt("a private sentence", "new", NEW, AAD)
    with pytest.raises(FieldKeyError, match="could not be decrypted"):
        fieldcrypt.decrypt(stored, {"new": OLD}, AAD)


def test_a_missing_key_is_named_for_the_operator():
    stored = fieldcrypt.encrypt("a private sentence", "gone", OLD, AAD)
    with pytest.raises(FieldKeyError, match="'gone'.*THAWING_FIELD_KEYS"):
        fieldcrypt.decrypt(stored, {"new": NEW}, AAD)


def test_older_keys_still_decrypt():
    stored = fieldcrypt.encrypt("from last year", "old", OLD, AAD)
    assert fieldcrypt.decrypt(stored, KEYS, AAD) == "from last year"


@pytest.mark.parametrize("key_id", ["", "has:colon", "x" * 33, "spa ce", "é"])
def test_key_ids_are_short_plain_names(key_id):
    with pytest.raises(ValueError):
        fieldcrypt.encrypt("text", key_id, NEW, AAD)


def test_keys_print_and_parse_back():
    key = fieldcrypt.new_key()
    text = fieldcrypt.encode_key(key)
    assert len(text) == 43 and fieldcrypt.decode_key(text) == key
    assert fieldcrypt.decode_key(text + "=") == key
    assert fieldcrypt.decode_key(base64.urlsafe_b64encode(b"short").decode()) is None
    assert fieldcrypt.decode_key("not base64!") is None


def test_the_environment_variable_is_parsed_first_key_current():
    new, old = fieldcrypt.encode_key(NEW), fieldcrypt.encode_key(OLD)
    ring = parse_field_keys(f" 2026b:{new} , 2025a:{old}")
    assert ring is not None
    assert ring.current == "2026b" and dict(ring.keys) == {"2026b": NEW, "2025a": OLD}
    assert parse_field_keys("") is None and parse_field_keys("   ") is None


@pytest.mark.parametrize("raw", ["{key}", "a:{key},", "a:{key},a:{key}", "a:{short}", "bad id:{key}",
                                 ":{key}", "a:{key}x"])
def test_a_malformed_variable_is_refused_without_repeating_the_key(raw):
    key, short = fieldcrypt.encode_key(NEW), fieldcrypt.encode_key(b"s" * 16)
    with pytest.raises(ConfigError) as caught:
        parse_field_keys(raw.format(key=key, short=short))
    assert "THAWING_FIELD_KEYS" in caught.value.message
    assert key not in caught.value.message and short not in caught.value.message


def test_plain_text_that_starts_like_an_envelope_stays_plain_text():
    from thawing.core.fieldcrypt import is_encrypted

    assert not is_encrypted("tenc1: my thoughts today, not a cipher")
    assert not is_encrypted("tenc1:no colon after this")
    assert is_encrypted("tenc1:key-1:AAAA")
