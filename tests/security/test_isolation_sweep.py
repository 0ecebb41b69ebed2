"""Server mode: a second person visits every address and every API operation with the first
person's ids, and never sees or changes anything of theirs (issue 6 item 3).

The addresses are found, not listed: every URL pattern of the resolver and every operation of
the OpenAPI schema, so a new page or endpoint is covered the day it is added, and one whose
arguments this test cannot fill makes it fail until it is taught how (or skipped with a reason).

Robin (the first person) has one record of every kind, a marker word in every free text and ids
from 7,000,001 up. Kim (the second) sends GET (plain, and with every filter aimed at Robin's
records) and POST with plausible data, once per action including action=delete, to every page;
and every method of every API operation with plausible JSON (or a form with a file). Every
answer, headers included, is read for Robin's marker, Robin's ids, Robin's calendar address and
Robin's waiting upload; PDFs are read as text. An address naming
Robin's record must answer 404 (or 405 for a method it does not take; 400 for a body the API
refuses), as must one naming an unknown record; nothing may answer 500; and afterwards every row
of Robin's in every table is unchanged.
"""

from __future__ import annotations

import io
import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

from tests.security.conftest import MARK, SHARED_WORD, Records, jrnl_file, snapshot, thawing_models

pytestmark = pytest.mark.django_db

# Addresses this sweep does not walk, and why. Anything else it cannot fill is a failure.
SKIPPED = {
    "admin/": "Django's admin: mounted only with THAWING_ADMIN=1 (server mode); checked once "
              "that it is not there otherwise.",
    "api/": "The JSON API is walked operation by operation from its OpenAPI schema; "
            "test_every_api_address_is_in_the_schema proves no API address is missing from it.",
}
# Content ids (the same for everyone) that addresses take, with ones that exist.
CONTENT = {
    "emotion_id": ["numb"], "instrument_id": ["phq9", "pcl5"], "exercise_id": ["five-senses"],
    "item": ["reach_out"], "kind": ["enjoy", "stressor"], "slug": ["causes"], "section": ["numbing"],
}
UNKNOWN_ID = "987654321"
UNKNOWN_SLUG = "no-such-thing"
# The statuses each kind of URL argument allows: Robin's record or an unknown one is not found
# (or, on the web, a method the address doesn't take); an unknown content id may also be refused
# as invalid input. Kim's own records and real content ids: anything but a server error.
ROBINS, UNKNOWN, UNKNOWN_CONTENT, OWN, CONTENT_ID = "robin", "unknown", "unknown content", "own", "content"
WEB_EXPECTED = {ROBINS: {404, 405}, UNKNOWN: {404, 405}, UNKNOWN_CONTENT: {400, 404, 405}}
API_EXPECTED = {ROBINS: {404}, UNKNOWN: {404}, UNKNOWN_CONTENT: {400, 404}}
# FIXME (reported): addresses that answer something else than 404 for Robin's record or an unknown
# one. Still checked for leaks and for changes to Robin's records; only the status is let pass.
NOT_404 = {
    "data/import/<str:token>/": ({302}, "an upload that is not the person's (or gone) redirects to "
                                        "/data/ with a message instead of answering 404"),
}
# Addresses under /api/ that are not operations of the schema.
API_EXTRAS = {"openapi.json": "the schema itself", "": "ninja's root, a 404 with docs turned off"}
# Web forms: every field any page reads, with Kim's plausible values; sent once per variant.
ACTIONS = ["", "delete", "save", "change", "remove-change", "up", "down", "cross", "uncross", "done",
           "cancel", "import"]
VARIANTS = [{"action": a} for a in ACTIONS] + [{"form": "habits"}, {"form": "numbing"}, {"kind": "jrnl"}]
# Kim's file, for every form that takes one (the import), and for the API's uploads.
KIMS_FILE = jrnl_file(title="kim's title", body="kim's words")


# --- what an answer must never hold ------------------------------------------------------------

def response_text(response: Any) -> str:
    """Headers and body as text; a PDF's text is extracted, since its streams are compressed."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode("utf-8", "replace")
    if body.startswith(b"%PDF"):
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(body))
        text += "\n".join(page.extract_text() or "" for page in reader.pages)
        text += json.dumps({k: str(v) for k, v in (reader.metadata or {}).items()})
    headers = "\n".join(f"{k}: {v}" for k, v in response.items())
    return f"{headers}\n{text}"


def robins_ids(robin: Records) -> set[int]:
    """The id of every row of Robin's in every table, and Robin's user id."""
    ids = {robin.user.pk}
    for rows in snapshot(robin.user).values():
        ids.update(row["id"] for row in rows)
    return ids


def sent_values(url: str, data: Any) -> list[str]:
    """Everything Kim typed into this request: a page may show it back, which leaks nothing."""
    values = [url.split("?")[0]] + [v for _, v in parse_qsl(url.partition("?")[2])]
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str):
            values.append(item)
    return values


def leaks(text: str, echoes: list[str], robin: Records, id_pattern: re.Pattern[str]) -> list[str]:
    for echo in sorted(echoes, key=len, reverse=True):
        # The address asked for is in links ("next=") and may hold Robin's id; a search box shows
        # the words searched for; a refused sign-in keeps the user name typed.
        if echo and (MARK in echo.lower() or echo.startswith("/")):
            for form in (echo, quote(echo, safe=""), quote(echo)):
                text = text.replace(form, "")
    found = []
    if MARK in text.lower():
        at = text.lower().index(MARK)
        found.append(f"Robin's marker: ...{text[max(0, at - 100):at + 100]!r}...")
    if robin.feed_token and robin.feed_token in text:
        found.append("Robin's calendar feed address")
    if robin.import_token and robin.import_token in text:
        found.append("Robin's waiting upload's address")
    match = id_pattern.search(text)
    if match:
        found.append(f"Robin's id {match.group(0)}: "
                     f"...{text[max(0, match.start() - 100):match.end() + 100]!r}...")
    return found


class Sweep:
    """Kim's browser; every answer checked, every problem kept with its request."""

    def __init__(self, robin: Records, kim: Records, make_account: Any) -> None:
        self.robin, self.kim, self.make_account = robin, kim, make_account
        self.client = Client()
        self.id_pattern = re.compile(r"(?<![0-9])(" + "|".join(str(i) for i in sorted(robins_ids(robin)))
                                     + r")(?![0-9])")
        self.problems: list[str] = []
        self.requests = 0
        self.accounts = 0

    def signed_in(self) -> None:
        """Kim, signed in: again after signing out, or as a new Kim after deleting everything."""
        if not get_user_model().objects.filter(pk=self.kim.user.pk).exists():
            self.accounts += 1
            self.kim.user = self.make_account(f"kim{self.accounts}")
        self.client.force_login(self.kim.user)

    def send(self, method: str, url: str, *, expected: set[int] | None, data: Any = None,
             as_json: bool = False) -> Any:
        self.signed_in()
        self.requests += 1
        what = f"{method.upper()} {url}" + (f" {json.dumps(data)[:300]}" if as_json and data else "")
        try:
            if as_json:
                response = getattr(self.client, method)(
                    url, data=json.dumps(data) if data is not None else "", content_type="application/json")
            else:
                # A file goes as a fresh upload each time (bytes stand for one); the rest as a form.
                form = {k: SimpleUploadedFile("kim.json", v) if isinstance(v, bytes) else v
                        for k, v in (data or {}).items()}
                response = getattr(self.client, method)(url, data=form)
        except Exception as error:  # A crash is a 500: report it with the request, go on.
            self.problems.append(f"{what}: 500, {type(error).__name__}: {error}")
            return None
        if response.status_code >= 500:
            self.problems.append(f"{what}: {response.status_code}")
        elif expected is not None and response.status_code not in expected:
            self.problems.append(f"{what}: {response.status_code}, expected one of {sorted(expected)}")
        for leak in leaks(response_text(response), sent_values(url, data), self.robin, self.id_pattern):
            self.problems.append(f"{what} ({response.status_code}) shows {leak}")
        return response

    def report(self) -> str:
        return f"{len(self.problems)} problems in {self.requests} requests:\n" + "\n".join(self.problems)


# --- URL patterns and their arguments ----------------------------------------------------------

def all_patterns() -> Iterator[tuple[str, Any]]:
    """(route, pattern) for every URL pattern, includes followed (but not skipped ones)."""

    def walk(patterns: list[Any], prefix: str) -> Iterator[tuple[str, Any]]:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver) and not any(route.startswith(s) for s in SKIPPED):
                yield from walk(pattern.url_patterns, route)
            else:
                yield route, pattern

    yield from walk(get_resolver().url_patterns, "")


ARGUMENT = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")
PLACEHOLDER = re.compile(r"\{\w+\}")


def filled(template: str, argument: re.Pattern[str], values: tuple[tuple[str, str], ...]) -> str:
    """The address with each argument replaced by its value, in order."""
    remaining = iter(value for value, _ in values)
    return argument.sub(lambda _match: next(remaining), template)


def arguments_for(name: str, route: str, robin: Records, kim: Records) -> list[tuple[str, str]]:
    """Values for one URL argument, each with its kind (Robin's, unknown, Kim's own, content)."""
    unknown_token = ("not-a-real-token-" + "x" * 20, UNKNOWN)
    if name == "token" and route.startswith("feed/"):
        # The calendar feed is a capability address: its long random token is the only key, by
        # design. Robin's token never reaches Kim (every answer is searched for it); an unknown
        # one must be a 404.
        return [unknown_token]
    if name == "token":
        # An upload waiting for its confirmation.
        return [(robin.import_token, ROBINS), unknown_token]
    if name in robin.ids:
        return ([(str(i), ROBINS) for i in robin.ids[name]] + [(UNKNOWN_ID, UNKNOWN)]
                + [(str(i), OWN) for i in kim.ids.get(name, [])])
    if name in CONTENT:
        return [(value, CONTENT_ID) for value in CONTENT[name]] + [(UNKNOWN_SLUG, UNKNOWN_CONTENT)]
    if name == "day":
        # A day Robin has habits for: Kim's save makes Kim's own row.
        return [(robin.day, OWN)]
    raise LookupError(f"no value known for the URL argument {name!r}")


def expectation(kinds: list[str], table: dict[str, set[int]]) -> set[int] | None:
    for kind in (ROBINS, UNKNOWN, UNKNOWN_CONTENT):
        if kind in kinds:
            return table[kind]
    return None


@dataclass(frozen=True)
class Visit:
    pattern: str
    url: str
    expected: set[int] | None


def web_visits(robin: Records, kim: Records) -> tuple[list[Visit], list[str], dict[str, str]]:
    """Every web address to try; the patterns that could not be filled; the ones skipped."""
    visits: list[Visit] = []
    unfilled: list[str] = []
    skipped: dict[str, str] = {}
    for route, pattern in all_patterns():
        skip = next((reason for prefix, reason in SKIPPED.items() if route.startswith(prefix)), None)
        if skip is not None:
            skipped[route] = skip
            continue
        if route == "^api/":
            continue  # The API's catch-all for unknown addresses: tried with the API.
        if not isinstance(pattern, URLPattern) or not isinstance(pattern.pattern, RoutePattern):
            unfilled.append(f"{route}: a regular-expression pattern; teach this test to fill it")
            continue
        names = [m.group("name") for m in ARGUMENT.finditer(route)]
        try:
            choices = [arguments_for(name, route, robin, kim) for name in names]
        except LookupError as error:
            unfilled.append(f"{route}: {error}")
            continue
        for combination in itertools.product(*choices):
            url = "/" + filled(route, ARGUMENT, combination)
            expected = expectation([k for _, k in combination], WEB_EXPECTED)
            if expected is not None and route in NOT_404:
                expected = expected | NOT_404[route][0]
            visits.append(Visit(route, url, expected))
    return visits, unfilled, skipped


def probe_query(robin: Records) -> str:
    """Every filter a page reads, aimed at Robin's records: a search, Robin's tag, all of time..."""
    return urlencode({"q": SHARED_WORD, "tag": robin.tag_id, "tag_id": robin.tag_id, "kind": "letter",
                      "since": "2000-01-01",
                      "day": robin.day, "start": "2000-01-01", "end": date.today().isoformat(),
                      "journal": "1", "page": "1", "instrument": "phq9", "name": "Sam",
                      "country": "GB", "minutes": "5", "rate": "6", "prompt": ""})


def form_data(robin: Records) -> dict[str, Any]:
    """Kim's plausible values for every field of every form, some naming Robin's records."""
    today = date.today().isoformat()
    return {
        "mood": "5", "feel": "5", "emotion": "grief", "intensity": "3", "body": "chest:heavy",
        "flicker": "kim's flicker", "note": "kim's note", "at": "", "detached": "1",
        "title": "kim's title", "tags": "kim", "letter": "", "written_at": "", "prompt": "",
        "since": "", "words": "kim's words", "text": "kim's text", "detail": "kim's step",
        "who": "Sam", "how": "call", "felt": "good", "reached_out": "1", "on": today,
        "name": "kim's medicine", "dose": "10 mg", "started_on": today, "stopped_on": "", "change": "20 mg",
        "change_id": str(robin.ids["change_id"][0]), "item_id": str(robin.ids["item_id"][0]),
        "pace": "steady", "times": ["09:00"], "quiet_start": "", "quiet_end": "", "random_prompts": "0",
        "window_start": "", "window_end": "", "body_scan": "",
        "seconds": "60", "minutes_spent": "1", "planned_seconds": "60", "completed": "1",
        "feel_before": "3", "feel_after": "4", "planned_on": today, "predicted": "5", "actual": "5",
        "done_on": "", "done": "1", "kind": "scrolling", "amount": "some", "to_cope": "1",
        "day": robin.day, "sleep_hours": "7", "sleep_quality": "3", "meals": "2", "movement_minutes": "30",
        "timezone": "UTC", "country": "GB", "checkin_time": "09:00", "past": "anxiety",
        "username": robin.user.username, "password": "not robin's password", "new": "a new long passphrase",
        "new_again": "a new long passphrase", "current": "not the passphrase", "passphrase": "not it",
        "passphrase_again": "not it", "code": "not-a-code", "no_passphrase": "1", "confirm": "delete",
        "next": "", "q": SHARED_WORD, **{f"q{n}": "1" for n in range(1, 21)},
        "situation": "kim's situation", "thought": "kim's thought", "belief_before": "50",
        "evidence": "kim's evidence", "other_views": "kim's views", "conclusions": "kim's conclusions",
        "alternative": "kim's alternative", "belief_after": "30",
        **{section: f"kim's {section}" for section in (
            "warning_signs", "coping", "distractions", "people", "professionals", "environment", "reasons")},
    }


# --- API operations ---------------------------------------------------------------------------

# Bodies Kim sends, by request schema; a schema not named here gets one built from its JSON schema.
BODIES: dict[str, dict[str, Any]] = {
    "CheckInIn": {"mood": 5, "feel": 4, "emotions": [{"word": "grief", "intensity": 3}],
                  "body": ["chest:heavy"], "flicker": "kim's flicker", "note": "kim's note"},
    "EntryIn": {"body": "kim's words", "title": "kim's title", "tags": ["kim"]},
    "SearchIn": {"q": SHARED_WORD},
    "SafetyPlanIO": {"coping": "kim's coping", "reasons": "kim's reasons"},
    "AnswersIn": {"answers": [1, 1]},
    "SessionIn": {"exercise": "five-senses", "seconds": 60, "feel_before": 3, "feel_after": 4,
                  "note": "kim's note"},
    "PaceIO": {"pace": "steady"},
    "ItemIn": {"text": "kim's item", "detail": "kim's step"},
    "MoveIn": {"direction": "up"},
    "CrossIn": {"done": True},
    "ActivityIn": {"kind": "enjoy", "title": "kim's activity", "actual": 5, "note": "kim's note"},
    "RateIn": {"actual": 5, "note": "kim's note"},
    "ConnectionIn": {"who": "Sam", "how": "call", "felt": "good", "note": "kim's note"},
    "HabitsIn": {"sleep_hours": 7.0, "sleep_quality": 3, "meals": 2, "movement_minutes": 30},
    "NumbingIn": {"kind": "scrolling", "amount": "some", "note": "kim's note"},
    "ThoughtIn": {"thought": "kim's thought", "situation": "kim's situation", "belief_before": 50},
    "TickIn": {"done": True},
    "RhythmIO": {"times": ["09:00"], "random_prompts": 0},
    "MedicationIn": {"name": "kim's medicine", "dose": "10 mg"},
    "ChangeIn": {"on": date.today().isoformat(), "dose": "20 mg"},
    "NotesIn": {"text": "kim's notes"},
}


# Form fields of multipart operations (the imports), by name.
FORM_FIELDS = {"kind": "jrnl", "options": "{}"}


def resolve(schema: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def built(schema: dict[str, Any], spec: dict[str, Any]) -> Any:
    """A plausible value for a JSON schema: its required properties, typed."""
    schema = resolve(schema, spec)
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            options = [o for o in schema[key] if o.get("type") != "null"] or schema[key]
            return built(options[0], spec)
    kind = schema.get("type")
    if kind == "object":
        return {name: built(sub, spec) for name, sub in schema.get("properties", {}).items()
                if name in schema.get("required", [])}
    simple = {"array": [], "integer": 1, "number": 1.0, "boolean": True}
    if kind in simple:
        return simple[kind]
    if schema.get("format") == "date":
        return date.today().isoformat()
    if schema.get("format") == "date-time":
        return f"{date.today().isoformat()}T09:00:00Z"
    return "kim's words"


def query_value(name: str, schema: dict[str, Any], robin: Records, spec: dict[str, Any]) -> Any:
    known = {"since": "2000-01-01", "tag": robin.tag, "tag_id": robin.tag_id, "q": SHARED_WORD,
             "body": "chest:heavy",
             "instrument": "phq9", "minutes": "5", "rate": "6", "kind": "enjoy", "planned": "true",
             "name": "Sam", "starter": "", "day": robin.day, "start": "2000-01-01",
             "end": date.today().isoformat(), "journal": "true"}
    return known[name] if name in known else built(schema, spec)


@dataclass(frozen=True)
class Call:
    method: str
    url: str
    body: Any
    expected: frozenset[int] | None
    as_json: bool


def api_calls(spec: dict[str, Any], robin: Records, kim: Records) -> tuple[list[Call], list[str], int]:
    """Every operation with every kind of path argument, with and without its query, and with a
    plausible body and (where the body names a record) one naming Robin's."""
    calls: list[Call] = []
    unfilled: list[str] = []
    operations = 0
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            operations += 1
            parameters = operation.get("parameters", [])
            try:
                choices = [arguments_for(p["name"], path, robin, kim) for p in parameters
                           if p["in"] == "path"]
            except LookupError as error:
                unfilled.append(f"{method.upper()} {path}: {error}")
                continue
            query = {p["name"]: query_value(p["name"], p.get("schema", {}), robin, spec)
                     for p in parameters if p["in"] == "query"}
            bodies: list[tuple[Any, bool]] = [(None, False)]
            content = operation.get("requestBody", {}).get("content", {})
            as_json = "multipart/form-data" not in content
            if "multipart/form-data" in content:
                media = content["multipart/form-data"]["schema"]
                fields = resolve(media, spec).get("properties", {})
                plausible = {name: KIMS_FILE if sub.get("format") == "binary" else FORM_FIELDS.get(name, "")
                             for name, sub in fields.items()}
                bodies = [(plausible, False)]
            elif content:
                media = content["application/json"]["schema"]
                plausible = BODIES.get(media.get("$ref", "").rsplit("/", 1)[-1]) or built(media, spec)
                bodies = [(plausible, False)]
                # A body naming Robin's record (an activity for Robin's list item) is refused too.
                bodies += [({**plausible, field: robin.ids[field][0]}, True)
                           for field in resolve(media, spec).get("properties", {}) if field in robin.ids]
            for combination in itertools.product(*choices):
                url = filled(path, PLACEHOLDER, combination)
                kinds = [kind for _, kind in combination]
                for body, names_robins in bodies:
                    expected = expectation(kinds + ([ROBINS] if names_robins else []), API_EXPECTED)
                    if expected is not None and body is not None:
                        expected = expected | {400}  # The body may be refused before the id is looked up.
                    frozen = frozenset(expected) if expected is not None else None
                    calls.append(Call(method, url, body, frozen, as_json))
                    if query:
                        calls.append(Call(method, f"{url}?{urlencode(query, doseq=True)}", body, frozen,
                                          as_json))
    return calls, unfilled, operations


# --- the tests --------------------------------------------------------------------------------

@pytest.fixture
def sweep(people, make_account):
    robin, kim = people
    return Sweep(robin, kim, make_account)


def test_robin_has_a_record_in_every_table(people):
    """The sweep means something only if Robin has data everywhere: a new table needs a record."""
    robin, _ = people
    rows = snapshot(robin.user)
    empty = [model._meta.label for model in thawing_models() if not rows[model._meta.label]]
    assert not empty, f"Robin has no rows in {empty}: add one to fill() in tests/security/conftest.py"


def test_every_page_as_another_person(sweep, people):
    robin, kim = people
    before = snapshot(robin.user)
    visits, unfilled, skipped = web_visits(robin, kim)
    assert not unfilled, "URL patterns this sweep cannot fill:\n" + "\n".join(unfilled)
    patterns = {v.pattern for v in visits}
    assert len(patterns) >= 50, sorted(patterns)
    form = form_data(robin)
    query = probe_query(robin)
    for visit in visits:
        sweep.send("get", visit.url, expected=visit.expected)
        sweep.send("get", f"{visit.url}?{query}", expected=visit.expected)
        for variant in VARIANTS:
            data = {**form, **variant, "file": KIMS_FILE}
            sweep.send("post", visit.url, expected=visit.expected, data=data)
    # Django's admin is mounted only when an operator sets THAWING_ADMIN=1.
    sweep.send("get", "/admin/", expected={404})

    assert not sweep.problems, sweep.report()
    assert snapshot(robin.user) == before, "Robin's records changed"
    print(f"\nweb sweep: {len(patterns)} URL patterns, {len(visits)} addresses, {sweep.requests} requests; "
          f"skipped: {sorted(skipped)}")


def test_every_api_operation_as_another_person(sweep, people):
    robin, kim = people
    before = snapshot(robin.user)
    sweep.signed_in()
    spec = sweep.client.get("/api/openapi.json").json()
    calls, unfilled, operations = api_calls(spec, robin, kim)
    assert not unfilled, "API operations this sweep cannot fill:\n" + "\n".join(unfilled)
    assert operations >= 70
    for call in calls:
        sweep.send(call.method, call.url, expected=call.expected, data=call.body, as_json=call.as_json)
    # The addresses under /api/ that are not operations.
    for method in ("get", "post", "put", "delete"):
        sweep.send(method, "/api/no-such-address", expected={404})
        sweep.send(method, f"/api/checkins/{robin.ids['checkin_id'][0]}/more", expected={404})
    sweep.send("get", "/api/", expected={404})

    assert not sweep.problems, sweep.report()
    assert snapshot(robin.user) == before, "Robin's records changed"
    print(f"\nAPI sweep: {operations} operations, {len(calls)} calls, {sweep.requests} requests")


def test_every_api_address_is_in_the_schema():
    """The API sweep walks the schema, so every address the API answers must be in it."""
    from thawing.api.routes import api

    in_schema = {re.sub(r"\{(\w+)\}", r"<\1>", path.strip("/"))
                 for path in api.get_openapi_schema(path_prefix="")["paths"]}
    missing = []
    for route, pattern in all_patterns():
        if route == "api/" and isinstance(pattern, URLResolver):
            for inner in pattern.url_patterns:
                address = ARGUMENT.sub(lambda m: f"<{m.group('name')}>", str(inner.pattern)).strip("/")
                if address not in API_EXTRAS and address not in in_schema:
                    missing.append(address)
    assert not missing, f"API addresses missing from the OpenAPI schema: {missing}"


def test_the_sweep_catches_a_planted_leak(sweep, people, monkeypatch):
    """A lookup that forgets whose record it is: the sweep reports Robin's words, id and the 200."""
    from thawing.journal import services
    from thawing.journal.models import Entry

    robin, _ = people
    monkeypatch.setattr(services, "get_entry", lambda *, user, entry_id: Entry.objects.get(pk=entry_id))
    entry_id = robin.ids["entry_id"][0]
    sweep.send("get", f"/journal/{entry_id}/", expected=WEB_EXPECTED[ROBINS])
    sweep.send("get", f"/api/journal/{entry_id}", expected=API_EXPECTED[ROBINS])
    report = sweep.report()
    assert f"GET /journal/{entry_id}/: 200, expected one of [404, 405]" in report
    assert f"GET /api/journal/{entry_id}: 200, expected one of [404]" in report
    assert report.count("shows Robin's marker") == 2
    assert f"GET /api/journal/{entry_id} (200) shows Robin's id {entry_id}" in report


def test_robin_still_sees_everything(people):
    """As Robin, the same addresses show Robin's records: the 404s above are about who asks."""
    robin, _ = people
    client = Client()
    client.force_login(robin.user)
    assert MARK in client.get(f"/journal/{robin.ids['entry_id'][0]}/").content.decode()
    assert MARK in client.get(f"/api/checkins/{robin.ids['checkin_id'][0]}").content.decode()
    assert MARK in client.get(f"/care/medications/{robin.ids['medication_id'][0]}/").content.decode()
    hits = client.post("/api/journal/search", {"q": SHARED_WORD}, content_type="application/json").json()
    assert {h["entry"]["id"] for h in hits} == set(robin.ids["entry_id"])
