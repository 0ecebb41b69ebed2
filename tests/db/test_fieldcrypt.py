"""The field envelope (thawing/core/fieldcrypt.py): sealed to column and owner, named keys."""

from __future__ import annotations

import base64

import pytest

from thawing.conf import ConfigError, parse_field_keys
from thawing.core import fieldcrypt
from thawing.core.fieldcrypt import FieldKeyError

OLD, NEW = b"o" * 32, b"n" * 32
KEYS = {"old": OLD, "new": NEW}
AAD = "journal_entry.body"


def seal(text: str, key_id: str = "new", key: bytes = NEW, column: str = AAD, owner: object = 42) -> str:
    return fieldcrypt.encrypt(text, key_id, key, column=column, owner=owner)


def unseal(stored: str, keys=KEYS, column: str = AAD, owner: object = 42) -> str:
    return fieldcrypt.decrypt(stored, keys, column=column, owner=owner)


def version_1(text: str, key_id: str, key: bytes, column: str = AAD) -> str:
    """A value as it was sealed before owners were bound: AAD the column alone."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = b"\x01" * 12
    sealed = AESGCM(key).encrypt(nonce, text.encode(), column.encode())
    return f"tenc1:{key_id}:{base64.urlsafe_b64encode(nonce + sealed).rstrip(b'=').decode()}"


def test_a_value_round_trips_and_names_its_key():
    stored = seal("I walked by the river.")
    assert stored.startswith("tenc2:new:")
    assert "river" not in stored
    assert fieldcrypt.key_id_of(stored) == "new"
    assert unseal(stored) == "I walked by the river."


def test_the_same_text_encrypts_differently_each_time():
    assert seal("same") != seal("same")


@pytest.mark.parametrize("text", ["", "é", "今日は少し悲しい気持ちでした。", "🌧️ then 🌤️", "\x00\n\t",
                                  "x" * 100_001, "lone surrogate \udc80"])
def test_empty_unicode_and_long_texts_round_trip(text):
    assert unseal(seal(text, "k"), KEYS | {"k": NEW}) == text


def test_plaintext_from_before_encryption_is_returned_as_it_is():
    assert unseal("written before keys were set", {}) == "written before keys were set"
    assert fieldcrypt.key_id_of("written before keys were set") is None


def test_a_changed_value_fails_without_showing_the_text():
    stored = seal("a private sentence")
    payload = bytearray(base64.urlsafe_b64decode(stored.split(":", 2)[2] + "=="))
    payload[-1] ^= 1
    tampered = "tenc2:new:" + base64.urlsafe_b64encode(bytes(payload)).decode().rstrip("=")
    with pytest.raises(FieldKeyError) as caught:
        unseal(tampered)
    assert "private" not in caught.value.message
    assert AAD in caught.value.message and "'new'" in caught.value.message


@pytest.mark.parametrize("stored", ["tenc2:new:", "tenc2:new:!!!", "tenc2:new:AAAA", "tenc1:new:AAAA",
                                    "tenc2:new:" + "A" * 37, "tenc2:new:AAAA AAAA", "tenc3:new:" + "A" * 40])
def test_only_an_exact_envelope_is_one_anything_else_is_plain_text(stored):
    # Too short for a nonce and a tag, not base64, an impossible length, or an unknown version.
    assert not fieldcrypt.is_encrypted(stored)
    assert unseal(stored) == stored


def test_a_value_moved_to_another_column_fails():
    stored = seal("a private sentence", column="journal_entry.body")
    with pytest.raises(FieldKeyError):
        unseal(stored, column="checkins_checkin.note")


def test_a_value_moved_to_another_persons_row_fails():
    stored = seal("a private sentence", owner=42)
    with pytest.raises(FieldKeyError, match="another person"):
        unseal(stored, owner=43)
    with pytest.raises(FieldKeyError, match="without its row's owner"):
        unseal(stored, owner=None)


def test_a_version_1_value_opens_by_its_column_alone():
    stored = version_1("sealed the old way", "old", OLD)
    assert fieldcrypt.parse(stored).version == 1
    assert unseal(stored, owner=None) == unseal(stored, owner=7) == "sealed the old way"
    with pytest.raises(FieldKeyError):
        unseal(stored, column="checkins_checkin.note")


def test_a_version_1_prefix_on_a_version_2_value_does_not_open():
    stored = seal("a private sentence")
    with pytest.raises(FieldKeyError):
        unseal("tenc1:" + stored.removeprefix("tenc2:"))


def test_a_wrong_key_under_the_right_name_fails():
    stored = seal("a private sentence")
    with pytest.raises(FieldKeyError, match="could not be decrypted"):
        unseal(stored, {"new": OLD})


def test_a_missing_key_is_named_for_the_operator():
    stored = seal("a private sentence", "gone", OLD)
    with pytest.raises(FieldKeyError, match="'gone'.*THAWING_FIELD_KEYS"):
        unseal(stored, {"new": NEW})


def test_older_keys_still_decrypt():
    assert unseal(seal("from last year", "old", OLD)) == "from last year"


@pytest.mark.parametrize("key_id", ["", "has:colon", "x" * 33, "spa ce", "é"])
def test_key_ids_are_short_plain_names(key_id):
    with pytest.raises(ValueError):
        seal("text", key_id)


def test_a_value_is_never_sealed_without_an_owner():
    with pytest.raises(ValueError):
        seal("text", owner=None)


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
    assert not is_encrypted("tenc1:word: and then some words")
    assert is_encrypted("tenc1:key-1:" + "A" * 38) and is_encrypted(seal("text"))
