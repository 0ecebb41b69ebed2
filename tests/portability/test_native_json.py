"""Thawing's own export format, read and written without Django: versions, checks, keys."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from thawing.core.formats import UnreadableFile, native_json

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)
TODAY = date(2026, 3, 10)


def document(**arrays: list[dict[str, object]]) -> dict[str, object]:
    return {"format": "thawing-export", "version": 1, "exported_at": "2026-03-10T15:00:00+00:00",
            "app_version": "0.2.0", **arrays}


def checkin(number: int, **values: object) -> dict[str, object]:
    return {"id": number, "at": "2026-03-01T09:05:00+00:00", "mood": 5, "feel": None, "flicker": "",
            "note": "", "detached": False, "struggling": False, **values}


def read(doc: dict[str, object] | bytes, **kwargs: object) -> native_json.Document:
    data = doc if isinstance(doc, bytes) else native_json.write(
        {k: v for k, v in doc.items() if isinstance(v, list)}, exported_at=NOW, app_version="0.2.0")
    return native_json.read(data, now=NOW, today=TODAY, **kwargs)  # type: ignore[arg-type]


def test_the_file_starts_with_its_magic_and_version_and_holds_every_array():
    data = native_json.write({}, exported_at=NOW, app_version="0.2.0")
    parsed = json.loads(data)
    assert list(parsed)[:4] == ["format", "version", "exported_at", "app_version"]
    assert (parsed["format"], parsed["version"]) == ("thawing-export", 1)
    assert list(parsed)[4:] == list(native_json.KINDS)


def test_each_record_is_on_a_line_of_its_own():
    data = native_json.write({"checkins": [checkin(1), checkin(2, at="2026-03-02T09:05:00+00:00")]},
                             exported_at=NOW, app_version="0.2.0")
    lines = data.decode().splitlines()
    assert sum(line.startswith('{"id": ') for line in lines) == 2


def test_what_is_written_is_read_back_with_its_types():
    found = read(document(checkins=[checkin(1, mood=None, note="Zweite Zeile 🙂")],
                          checkin_emotions=[{"id": 1, "checkin": 1, "emotion": "grief", "intensity": 4}]))
    (record,) = found.records["checkins"]
    assert record.values["at"] == datetime(2026, 3, 1, 9, 5, tzinfo=UTC)
    assert (record.values["mood"], record.values["note"]) == (None, "Zweite Zeile 🙂")
    assert found.records["checkin_emotions"][0].values["checkin"] == 1
    assert found.skipped == []


def test_a_lone_surrogate_survives_the_round_trip():
    data = native_json.write({"checkins": [checkin(1, note="a\ud800b")]}, exported_at=NOW, app_version="x")
    assert json.loads(data)["checkins"][0]["note"] == "a\ud800b"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"\x00\x01\x02\x03" * 50, "binary"),
    (b'{"format": "thawing-export", "version": 1,\n"checkins": [', "json"),
    (b'{"format": "daylio", "version": 1}', "format"),
    (b'[1, 2]', "format"),
    (b'{"format": "thawing-export", "version": "one"}', "version"),
    (b'{"format": "thawing-export", "version": 2}', "newer"),
])
def test_a_file_that_cannot_be_read_says_why(data, reason):
    with pytest.raises(UnreadableFile) as raised:
        native_json.read(data, now=NOW, today=TODAY)
    assert raised.value.reason == reason


def test_broken_json_names_the_line():
    data = native_json.write({"checkins": [checkin(1), checkin(2)]}, exported_at=NOW, app_version="x")
    broken = data.replace(b'"mood": 5, "feel"', b'"mood": 5 "feel"', 1)
    with pytest.raises(UnreadableFile) as raised:
        native_json.read(broken, now=NOW, today=TODAY)
    assert raised.value.line == 8
    assert "line 8" in raised.value.message


def test_a_newer_version_is_refused_kindly():
    with pytest.raises(UnreadableFile, match="newer Thawing"):
        native_json.read(json.dumps(document(version=2)).encode(), now=NOW, today=TODAY)


@pytest.mark.parametrize("change, reason", [
    ({"mood": 11}, "number"),
    ({"mood": True}, "number"),
    ({"feel": -1}, "number"),
    ({"at": "yesterday"}, "date"),
    ({"at": "2026-03-01T09:05:00"}, "date"),
    ({"at": "2027-01-01T09:05:00+00:00"}, "future"),
    ({"note": "x" * 5001}, "text"),
    ({"detached": "yes"}, "shape"),
    ({"id": 0}, "shape"),
])
def test_a_record_that_fails_a_check_is_left_out_with_its_line(change, reason):
    found = read(document(checkins=[checkin(1), checkin(2, **change)]))
    assert [r.id for r in found.records["checkins"]] == [1]
    (left_out,) = found.skipped
    assert (left_out.line, left_out.reason) == (9, reason)
    assert left_out.message.startswith("Line 9 (a check-in) was left out:")


def test_messages_never_quote_the_record():
    found = read(document(checkins=[checkin(1, note="my secret words" * 400)]))
    assert "secret" not in found.skipped[0].message


def test_a_part_of_a_record_left_out_is_left_out_too():
    found = read(document(checkins=[checkin(1, mood=99)],
                          checkin_emotions=[{"id": 1, "checkin": 1, "emotion": "grief", "intensity": 2}]))
    assert found.records["checkin_emotions"] == ()
    assert [s.reason for s in found.skipped] == ["number", "link"]


def test_missing_optional_fields_take_their_defaults():
    found = read(document(checkins=[{"id": 1, "at": "2026-03-01T09:05:00+00:00", "mood": None}]))
    values = found.records["checkins"][0].values
    assert (values["note"], values["detached"], values["feel"]) == ("", False, None)


def test_unknown_words_and_exercises_are_left_out_when_thawing_does_not_know_them():
    known = native_json.Known(
        emotions=frozenset({"grief"}), regions=frozenset({"chest"}), sensations=frozenset({"tight"}),
        exercises={"five-senses": "grounding"}, exercise_kinds=frozenset({"grounding"}),
        instruments=frozenset({"phq9"}), numbing=frozenset({"scrolling"}), checklist=frozenset({"creative"}),
        prompts=frozenset(), zones=frozenset({"UTC"}), countries=frozenset({"GB"}))
    found = read(document(
        checkins=[checkin(1)],
        checkin_emotions=[{"id": 1, "checkin": 1, "emotion": "grief"},
                          {"id": 2, "checkin": 1, "emotion": "zorg"}],
        sessions=[{"id": 1, "exercise": "moon-walk", "kind": "grounding", "at": "2026-03-01T09:00:00+00:00",
                   "seconds": 60}]), known=known)
    assert [r.values["emotion"] for r in found.records["checkin_emotions"]] == ["grief"]
    assert found.records["sessions"] == ()
    assert {s.reason for s in found.skipped} == {"unknown"}


def test_keys_ignore_ids_and_bookkeeping_but_cover_parts():
    def keys(note: str, emotion: str, created: str) -> str:
        records = {"checkins": [{**checkin(7, note=note), "created_at": created}],
                   "checkin_emotions": [{"id": 3, "checkin": 7, "emotion": emotion, "intensity": None}]}
        return native_json.assign_keys(records)["checkins"][0]

    same = keys("a", "grief", "2026-01-01T00:00:00+00:00")
    assert keys("a", "grief", "2026-02-02T00:00:00+00:00") == same
    assert keys("b", "grief", "2026-01-01T00:00:00+00:00") != same
    assert keys("a", "calm", "2026-01-01T00:00:00+00:00") != same


def test_two_identical_records_in_one_file_get_two_keys():
    found = read(document(checkins=[checkin(1), checkin(2)]))
    first, second = found.records["checkins"]
    assert first.key != second.key


def test_a_dose_change_key_follows_its_medicine():
    records = {"medications": [{"id": 1, "name": "A"}, {"id": 2, "name": "B"}],
               "medication_changes": [{"id": 1, "medication": 1, "on": "2026-01-01", "dose": "5"},
                                      {"id": 2, "medication": 2, "on": "2026-01-01", "dose": "5"}]}
    first, second = native_json.assign_keys(records)["medication_changes"]
    assert first != second
