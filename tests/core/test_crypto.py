"""Passphrase keys for the local profile: the unlock record, version 1."""

from __future__ import annotations

import base64
import json

import pytest

from thawing.core.crypto import (
    KEY_BYTES,
    PASSPHRASE_MAX,
    PASSPHRASE_MIN,
    KdfParams,
    needs_passphrase,
    new_unlock_record,
    unlock,
)
from thawing.core.errors import InvalidInput, ThawingError, WrongPassphrase

FAST = KdfParams(time_cost=1, memory_cost=8 * 1024)
PASSPHRASE = "violet kettle harbour morning"


@pytest.fixture(scope="module")
def record():
    return new_unlock_record(PASSPHRASE, FAST)


def test_a_profile_without_a_passphrase_needs_none_to_unlock():
    record = new_unlock_record(None)
    assert record == {"format": "thawing-unlock", "version": 1, "passphrase": False}
    assert needs_passphrase(record) is False
    assert unlock(record, None) is None
    assert unlock(record, "anything at all") is None


def test_a_record_with_a_passphrase_is_version_1_json_and_records_its_kdf(record):
    loaded = json.loads(json.dumps(record))
    assert loaded["format"] == "thawing-unlock" and loaded["version"] == 1
    assert loaded["passphrase"] is True and loaded["kdf"] == "argon2id"
    assert (loaded["time_cost"], loaded["memory_cost"], loaded["parallelism"]) == (1, 8192, 1)
    assert len(base64.b64decode(loaded["salt"])) == 16
    assert needs_passphrase(loaded) is True


def test_the_record_never_contains_the_passphrase_or_the_key(record):
    stored = json.dumps(record)
    assert PASSPHRASE not in stored
    assert PASSPHRASE.encode().hex() not in stored
    assert base64.b64encode(PASSPHRASE.encode()).decode() not in stored
    key = unlock(record, PASSPHRASE)
    assert base64.b64encode(key).decode() not in stored and key.hex() not in stored


def test_the_right_passphrase_gives_the_same_32_byte_key_every_time(record):
    first = unlock(record, PASSPHRASE)
    assert isinstance(first, bytes) and len(first) == KEY_BYTES == 32
    assert unlock(json.loads(json.dumps(record)), PASSPHRASE) == first


def test_two_profiles_with_the_same_passphrase_get_different_salts_and_keys(record):
    other = new_unlock_record(PASSPHRASE, FAST)
    assert other["salt"] != record["salt"]
    assert unlock(other, PASSPHRASE) != unlock(record, PASSPHRASE)


@pytest.mark.parametrize(
    "attempt", ["violet kettle harbour mornin", "Violet kettle harbour morning",
                PASSPHRASE + " ", "something else entirely"],
)
def test_a_wrong_passphrase_is_refused(record, attempt):
    with pytest.raises(WrongPassphrase):
        unlock(record, attempt)


@pytest.mark.parametrize("attempt", [None, ""])
def test_no_passphrase_for_a_locked_profile_is_refused_kindly(record, attempt):
    with pytest.raises(WrongPassphrase) as caught:
        unlock(record, attempt)
    assert "passphrase" in caught.value.message


def test_a_record_with_a_changed_check_value_refuses_even_the_right_passphrase(record):
    tampered = {**record, "check": base64.b64encode(b"\0" * 32).decode()}
    with pytest.raises(WrongPassphrase):
        unlock(tampered, PASSPHRASE)


@pytest.mark.parametrize("passphrase", ["", "short", "x" * (PASSPHRASE_MIN - 1)])
def test_a_short_passphrase_is_refused_on_the_passphrase_field(passphrase):
    with pytest.raises(InvalidInput) as caught:
        new_unlock_record(passphrase, FAST)
    assert set(caught.value.fields) == {"passphrase"}
    assert str(PASSPHRASE_MIN) in caught.value.fields["passphrase"]


def test_a_passphrase_of_exactly_the_minimum_length_is_accepted():
    record = new_unlock_record("x" * PASSPHRASE_MIN, FAST)
    assert len(unlock(record, "x" * PASSPHRASE_MIN)) == KEY_BYTES


def test_an_overlong_passphrase_is_refused_on_the_passphrase_field():
    with pytest.raises(InvalidInput) as caught:
        new_unlock_record("x" * (PASSPHRASE_MAX + 1), FAST)
    assert set(caught.value.fields) == {"passphrase"}


@pytest.mark.parametrize(
    "change",
    [{"version": 99}, {"version": "1"}, {"format": "something-else"}, {"format": None}],
)
def test_an_unknown_format_or_version_is_refused_with_a_thawing_error(record, change):
    with pytest.raises(ThawingError) as caught:
        unlock({**record, **change}, PASSPHRASE)
    assert not isinstance(caught.value, WrongPassphrase)
    assert "version" in caught.value.message


def test_an_unknown_version_is_refused_even_without_a_passphrase():
    with pytest.raises(ThawingError):
        needs_passphrase({"format": "thawing-unlock", "version": 99, "passphrase": False})


# --- Version 2: a random data key in passphrase and recovery slots ------------------------

from thawing.core import crypto as crypto_module  # noqa: E402


def test_a_version_2_record_gives_back_the_data_key_and_hides_it():
    data_key = crypto_module.new_data_key()
    record = crypto_module.wrap_record(PASSPHRASE, data_key, FAST)
    assert unlock(record, PASSPHRASE) == data_key
    assert data_key.hex() not in str(record) and PASSPHRASE not in str(record)
    with pytest.raises(WrongPassphrase):
        unlock(record, "not the passphrase")


def test_a_recovery_code_opens_the_same_key_and_survives_a_passphrase_change():
    data_key = crypto_module.new_data_key()
    code = crypto_module.new_recovery_code()
    record = crypto_module.add_recovery(crypto_module.wrap_record(PASSPHRASE, data_key, FAST),
                                        data_key, code, FAST)
    assert crypto_module.unlock_with_recovery(record, code.lower().replace("-", " ")) == data_key
    changed = crypto_module.wrap_record("a brand new passphrase", data_key, FAST,
                                        recovery_slot=record["slots"]["recovery"])
    assert unlock(changed, "a brand new passphrase") == data_key
    assert crypto_module.unlock_with_recovery(changed, code) == data_key
    with pytest.raises(WrongPassphrase, match="recovery code"):
        crypto_module.unlock_with_recovery(changed, crypto_module.new_recovery_code())


def test_recovery_codes_are_24_unambiguous_characters_in_six_groups():
    code = crypto_module.new_recovery_code(bytes(range(15)))
    groups = code.split("-")
    assert len(groups) == 6 and all(len(g) == 4 for g in groups)
    assert not set(code) & set("ILOU")
    assert crypto_module.normalise_recovery_code(code.replace("0", "O").lower()) == code


def test_a_record_without_a_recovery_slot_says_so():
    record = crypto_module.wrap_record(PASSPHRASE, crypto_module.new_data_key(), FAST)
    with pytest.raises(WrongPassphrase, match="no recovery code"):
        crypto_module.unlock_with_recovery(record, "0000-0000-0000-0000-0000-0000")


def test_a_version_1_record_upgrades_around_the_same_key(record):
    key = unlock(record, PASSPHRASE)
    upgraded = crypto_module.upgraded(record, PASSPHRASE, key, FAST)
    assert upgraded["version"] == 2 and unlock(upgraded, PASSPHRASE) == key


def test_a_damaged_version_2_record_is_a_kind_error_not_a_crash():
    with pytest.raises(ThawingError, match="damaged"):
        unlock({"format": "thawing-unlock", "version": 2, "passphrase": True}, PASSPHRASE)
