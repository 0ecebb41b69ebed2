"""Importers under fire: any bytes either import or raise our own error, and round trips hold.

Real exports are generated in every shape the readers claim to handle, then read back: the
content survives, and the keys do not depend on the shape. Damaged files are made by mutating
real-shaped ones; the readers never crash, never repeat a private word in a message, and give
the same answer twice.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thawing.core.errors import ThawingError
from thawing.core.formats import READERS, Parsed, UnreadableFile, daylio, jrnl

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
# Import formats only: tests/fixtures/crisis/ is an evaluation corpus, not an import format.
SAMPLES = sorted(path for path in FIXTURES.glob("*/*") if path.is_file() and path.parent.name in READERS)
SECRET = "Zebrafinch"
FUZZ = settings(database=None, deadline=None, max_examples=150,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Words, spaces and punctuation people type, emoji and other scripts; no control characters.
PLAIN = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85")
moments = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 12, 31)).map(
    lambda moment: moment.replace(second=0, microsecond=0))


def outcome(reader, data: bytes, **options) -> Parsed | UnreadableFile:
    """What a reader makes of the bytes; anything but our own error fails the test."""
    try:
        return reader(data, **options)
    except ThawingError as error:
        assert error.message.strip()
        return error


def same(first: Parsed | UnreadableFile, second: Parsed | UnreadableFile) -> bool:
    if isinstance(first, UnreadableFile):
        return isinstance(second, UnreadableFile) and (first.message, first.line) == (second.message,
                                                                                       second.line)
    return first == second


# ---------------------------------------------------------------- arbitrary and damaged bytes


@FUZZ
@given(data=st.one_of(st.binary(max_size=2_000), st.text(max_size=500).map(str.encode)),
       name=st.sampled_from(sorted(READERS)))
def test_any_bytes_either_import_or_raise_our_own_error(data, name):
    first = outcome(READERS[name], data)
    assert same(first, outcome(READERS[name], data))


@FUZZ
@given(mood_map=st.dictionaries(st.text(max_size=8), st.one_of(
    st.none(), st.integers(-5, 15), st.text(max_size=3)), max_size=4))
def test_any_mood_map_either_applies_or_is_refused_with_our_own_error(mood_map):
    result = outcome(daylio.read, (FIXTURES / "daylio" / "custom_labels.csv").read_bytes(), mood_map=mood_map)
    if isinstance(result, Parsed):
        assert all(c.mood is None or 1 <= c.mood <= 10 for c in result.checkins)


MUTATIONS = st.lists(st.tuples(st.floats(0, 1), st.sampled_from(["insert", "delete", "replace"]),
                               st.binary(min_size=1, max_size=4)), min_size=1, max_size=8)
TOKENS = st.sampled_from([",", '"', "\n", "\r\n", "\r", "|", ";", "\t", "[", "]", "{", "}", ":", " pm",
                          "\ufeff", "\x00", "2024-13-45", "1850-01-01", "<b>", "&amp;", "*", "@", "#",
                          "\\ud800", "gAAAAA", "JRNLv3", "99:99", "\u202f", "é", "🙂"])


def mutated(data: bytes, mutations: list[tuple[float, str, bytes]]) -> bytes:
    for where, how, chunk in mutations:
        at = int(where * len(data))
        if how == "insert":
            data = data[:at] + chunk + data[at:]
        elif how == "delete":
            data = data[:at] + data[at + len(chunk):]
        else:
            data = data[:at] + chunk + data[at + len(chunk):]
    return data


@FUZZ
@given(path=st.sampled_from(SAMPLES), mutations=MUTATIONS)
def test_damaged_real_files_either_import_or_raise_our_own_error(path, mutations):
    data = mutated(path.read_bytes(), mutations)
    reader = READERS[path.parent.name]
    assert same(outcome(reader, data), outcome(reader, data))


@FUZZ
@given(path=st.sampled_from(SAMPLES), inserts=st.lists(st.tuples(st.floats(0, 1), TOKENS), max_size=10))
def test_real_files_with_tricky_characters_dropped_in_never_crash(path, inserts):
    data = path.read_bytes()
    for where, token in inserts:
        at = int(where * len(data))
        data = data[:at] + token.encode() + data[at:]
    result = outcome(READERS[path.parent.name], data)
    if isinstance(result, Parsed):
        keys = [c.key for c in result.checkins] + [e.key for e in result.entries]
        assert len(keys) == len(set(keys))


@FUZZ
@given(data=st.binary(max_size=300),
       time_format=st.sampled_from(["%F %r", "%d.%m.%Y %H:%M", "%Y-%m-%d %H:%M", "%D %T"]))
def test_jrnl_with_an_explicit_time_format_never_crashes(data, time_format):
    outcome(jrnl.read, b"[2024-03-01 09:05] x\n" + data, time_format=time_format)


# ---------------------------------------------------------------- Daylio round trips


labels = st.sampled_from(["rad", "Good", "meh ", "bad", "awful", "numb", "a bit flat", "ça va"])
words = st.text(PLAIN, min_size=1, max_size=12).map(str.strip).filter(bool)
activities = st.lists(words.filter(lambda w: "|" not in w), max_size=4, unique=True)
notes = st.text(st.one_of(PLAIN, st.just("\n")), max_size=60).filter(lambda t: "<" not in t)
checkins = st.tuples(moments, labels, activities, notes, notes.map(lambda t: t.replace("\n", " ")))


def daylio_csv(records, *, version: str, header: bool, twelve_hour: bool, ending: str, bom: bool,
               final_newline: bool) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=ending, quoting=csv.QUOTE_MINIMAL)
    columns = {"v1": daylio.V1, "v2": daylio.V2, "v3": daylio.V3}[version]
    if header:
        writer.writerow(columns)
    for at, label, acts, note, title in records:
        clock = at.strftime("%I:%M %p").lower() if twelve_hour else at.strftime("%H:%M")
        first = [str(at.year)] if version == "v1" else [at.date().isoformat()]
        cells = first + [at.strftime("%d %B"), at.strftime("%A"), clock, label, " | ".join(acts)]
        writer.writerow(cells + ([title] if version == "v3" else []) + [note])
    text = out.getvalue() if final_newline else out.getvalue().rstrip("\r\n")
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode()


styles = st.fixed_dictionaries({
    "version": st.sampled_from(["v1", "v2", "v3"]), "header": st.booleans(),
    "twelve_hour": st.booleans(), "ending": st.sampled_from(["\n", "\r\n"]), "bom": st.booleans(),
    "final_newline": st.booleans()})


def tidy(text: str) -> str:
    return text.replace("\r\n", "\n").strip()


@FUZZ
@given(records=st.lists(checkins, min_size=1, max_size=12), style=styles, other=styles,
       order=st.randoms(use_true_random=False))
def test_daylio_exports_of_every_shape_read_back_and_keep_their_keys(records, style, other, order):
    if "v3" not in (style["version"], other["version"]) or style["version"] != other["version"]:
        records = [(at, label, acts, note, "") for at, label, acts, note, _ in records]
    shuffled = list(records)
    order.shuffle(shuffled)
    first = daylio.read(daylio_csv(records, **style))
    second = daylio.read(daylio_csv(shuffled, **other))
    expected = sorted((at, " ".join(label.split()), tuple(acts), tidy(note), tidy(title))
                      for at, label, acts, note, title in records)
    got = sorted((c.at, c.mood_label, c.activities, c.note, c.note_title) for c in first.checkins)
    assert got == expected
    assert first.skipped == ()
    assert sorted(c.key for c in first.checkins) == sorted(c.key for c in second.checkins)
    assert set(first.unmapped) <= {"numb", "a bit flat", "ça va"}


@FUZZ
@given(records=st.lists(checkins, min_size=1, max_size=6), style=styles)
def test_daylio_messages_never_repeat_a_private_word(records, style):
    records = [(at, label, acts, f"{SECRET} {note}", SECRET) for at, label, acts, note, _ in records]
    data = daylio_csv(records, **style).replace(b":", b"?")
    result = outcome(daylio.read, data)
    messages = [result.message] if isinstance(result, UnreadableFile) else [s.message for s in result.skipped]
    assert messages and all(SECRET not in message for message in messages)


# ---------------------------------------------------------------- jrnl round trips


TITLE_CHARS = st.characters(whitelist_categories=("L", "N", "Zs"), blacklist_characters="\u3000")
titles = st.text(TITLE_CHARS, min_size=1, max_size=30).map(str.strip).filter(bool)
body_lines = st.text(PLAIN, max_size=40).map(str.strip).filter(
    lambda line: not line.startswith(("[", "#", "@")))
bodies = st.lists(body_lines, max_size=4).map(lambda lines: "\n".join(lines).strip())
entries = st.tuples(moments, titles, bodies, st.booleans()).filter(
    lambda e: not any(char in e[1] + e[2] for char in "@#"))


def jrnl_text(records, *, time_format: str, ending: str) -> bytes:
    lines = []
    for at, title, body, starred in records:
        line = f"[{at.strftime(time_format)}] {title}" + (" *" if starred else "")
        lines.append(line + ("\n" + body if body else "") + "\n")
    return "\n".join(lines).replace("\n", ending).encode()


def jrnl_json(records, *, indent: int | None, ascii_only: bool) -> bytes:
    items = [{"title": title, "body": body, "date": at.strftime("%Y-%m-%d"), "time": at.strftime("%H:%M"),
              "tags": [], "starred": starred} for at, title, body, starred in records]
    return json.dumps({"tags": {}, "entries": items}, indent=indent, ensure_ascii=ascii_only).encode()


@FUZZ
@given(records=st.lists(entries, min_size=1, max_size=8),
       time_format=st.sampled_from(jrnl.DEFAULT_FORMATS), ending=st.sampled_from(["\n", "\r\n"]),
       indent=st.sampled_from([None, 2]), ascii_only=st.booleans())
def test_a_jrnl_journal_and_its_json_export_read_back_alike(records, time_format, ending, indent, ascii_only):
    as_text = jrnl.read(jrnl_text(records, time_format=time_format, ending=ending))
    as_json = jrnl.read(jrnl_json(records, indent=indent, ascii_only=ascii_only))
    assert as_json == Parsed(entries=as_text.entries, detected="jrnl-json")
    expected = sorted((at, title, body, starred) for at, title, body, starred in records)
    got = sorted((e.at, e.title, e.body, e.starred) for e in as_text.entries)
    # A one-line entry's title keeps only its first sentence, as in jrnl; these titles have none.
    assert got == expected


@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_every_fixture_reads_the_same_twice(path):
    reader = READERS[path.parent.name]
    options = {"time_format": "%d.%m.%Y %H:%M"} if "custom_format" in path.name else {}
    assert same(outcome(reader, path.read_bytes(), **options), outcome(reader, path.read_bytes(), **options))
