"""Bad files and failures halfway: an import is whole or nothing, and never crashes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.portability.conftest import fill_every_kind, fixture_bytes
from thawing.checkins.models import CheckIn
from thawing.core.errors import ThawingError
from thawing.core.formats.native_json import KINDS
from thawing.journal.models import Entry
from thawing.portability import importing, native_import, services
from thawing.portability.models import ImportedKey, PendingImport
from thawing.portability.records import MODELS

pytestmark = pytest.mark.django_db
FIXTURES = {
    "daylio": [fixture_bytes(f"daylio/{n}")
               for n in ("v3_note_title.csv", "v1_year.csv", "custom_labels.csv")],
    "jrnl": [fixture_bytes(f"jrnl/{n}") for n in ("export.json", "journal.txt", "export.md")],
}


def everything_counted() -> dict[str, int]:
    counts = {kind: MODELS[kind].objects.count() for kind in KINDS}
    counts["pending"] = PendingImport.objects.count()
    return counts


class Boom(Exception):
    pass


def test_an_error_in_the_middle_of_a_daylio_import_leaves_everything_as_it_was(local_user, monkeypatch):
    data = fixture_bytes("daylio/v3_note_title.csv")

    def fail(*args, **kwargs):
        raise Boom

    # The check-ins are written first; remembering their keys, last, fails.
    monkeypatch.setattr(importing, "remember", lambda *a: fail)
    before = everything_counted()
    with pytest.raises(Boom):
        services.run_import(user=local_user, kind="daylio", data=data)
    assert everything_counted() == before
    monkeypatch.undo()
    assert services.run_import(user=local_user, kind="daylio", data=data).added == 5


def test_an_error_halfway_through_a_thawing_import_leaves_everything_as_it_was(local_user, make_account,
                                                                                 monkeypatch):
    fill_every_kind(local_user)
    data = services.export_json(user=local_user)
    fresh = make_account("fresh")
    written = []
    real = importing.insert

    def insert_then_fail(model, objects, steps=None):
        written.append(model)
        if model is Entry:
            raise Boom
        return real(model, objects, steps)

    monkeypatch.setattr(native_import, "insert", insert_then_fail)
    before = everything_counted()
    with pytest.raises(Boom):
        services.run_import(user=fresh, kind="thawing", data=data)
    assert CheckIn in written, "the failure came after check-ins were written"
    assert everything_counted() == before


def test_a_failing_progress_callback_also_undoes_everything(local_user):
    def progress(done, total):
        if done:
            raise Boom

    with pytest.raises(Boom):
        services.run_import(user=local_user, kind="jrnl", data=fixture_bytes("jrnl/export.json"),
                            progress=progress)
    assert Entry.objects.count() == ImportedKey.objects.count() == 0


def test_an_unknown_kind_is_refused(local_user):
    with pytest.raises(ThawingError) as raised:
        services.preview_import(user=local_user, kind="evernote", data=b"x")
    assert "kind" in raised.value.fields


def attempt(user, kind: str, data: bytes) -> None:
    """Preview then import: either works, or raises our own error and writes nothing."""
    before = everything_counted()
    try:
        services.preview_import(user=user, kind=kind, data=data)
    except ThawingError as error:
        assert error.message
    assert everything_counted() == before
    try:
        services.run_import(user=user, kind=kind, data=data)
    except ThawingError as error:
        assert error.message
        assert everything_counted() == before


FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(kind=st.sampled_from(["daylio", "jrnl", "thawing"]), data=st.binary(max_size=2_000))
def test_arbitrary_bytes_never_crash_and_never_write_half(local_user, kind, data):
    attempt(local_user, kind, data)


def mutated(base: bytes, cuts: list[tuple[int, int, bytes]]) -> bytes:
    for at, length, insert in cuts:
        position = at % (len(base) + 1)
        base = base[:position] + insert + base[position + length:]
    return base


MUTATIONS = st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 40),
                               st.sampled_from([b"", b",", b"\"", b"\n", b"\x00", b"{", b"]", b"9999",
                                                b"2030-01-01", b"\xff\xfe", b"null", b"-1",
                                                b"\"mood\": 99"])),
                     min_size=1, max_size=4)


@FUZZ
@given(kind=st.sampled_from(["daylio", "jrnl"]), which=st.integers(0, 2), cuts=MUTATIONS)
def test_mutated_daylio_and_jrnl_files_never_crash_and_never_write_half(local_user, kind, which, cuts):
    attempt(local_user, kind, mutated(FIXTURES[kind][which], cuts))


@pytest.fixture
def an_export(local_user) -> bytes:
    fill_every_kind(local_user)
    return services.export_json(user=local_user)


@FUZZ
@given(cuts=MUTATIONS)
def test_mutated_thawing_exports_never_crash_and_never_write_half(an_export, make_account, cuts):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(username="fuzz").first() or make_account("fuzz")
    attempt(user, "thawing", mutated(an_export, cuts))
