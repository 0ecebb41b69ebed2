"""Full-text search of journal entries, on each database's own index.

SQLite: an FTS5 table (porter stemming, unicode61, diacritics folded) kept in step by
triggers made in migration 0002. PostgreSQL: a tsvector match with prefix terms, in a text
search configuration made in the same migration (English stemming, accents folded by the
`unaccent` extension, which PostgreSQL 13+ lets a database owner create).
Every word must appear (prefixes count: "walk" finds "walking").

With field encryption on (THAWING_FIELD_KEYS), the database holds only ciphertext, so
neither index can see the words: the person's entries are decrypted and matched here, with
the same rules approximated in Python (case and accents folded, a light English stemmer on
both sides, each term a word prefix). Each entry is folded once and each query word once;
matching is then plain prefix comparison of folded words, with no pattern compiled per word
(one compiled per word, with every combining mark in it, let one long query hold a server
thread for minutes). Ten years of entries (5 MB of text) take about 0.1 s to match, less than
PostgreSQL takes to compute their tsvectors on the fly. Every query is at most
MAX_QUERY_CHARS characters and MAX_QUERY_WORDS words (`services.check_query`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from django.db import connection
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from thawing.db.fields import encryption_on
from thawing.journal.models import Entry

FTS_TABLE = "journal_entry_fts"

# A query is at most this long on every face (web, API, CLI): matching costs time for each
# word, and on a shared server a search could be made long enough to slow it for everyone.
MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 10

CREATE_SQLITE = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(title, body, "
    "content='journal_entry', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER IF NOT EXISTS journal_entry_ai AFTER INSERT ON journal_entry BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    f"CREATE TRIGGER IF NOT EXISTS journal_entry_ad AFTER DELETE ON journal_entry BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, body) "
    f"VALUES ('delete', old.id, old.title, old.body); END",
    f"CREATE TRIGGER IF NOT EXISTS journal_entry_au AFTER UPDATE ON journal_entry BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, body) "
    f"VALUES ('delete', old.id, old.title, old.body); "
    f"INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (new.id, new.title, new.body); END",
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
]
PG_CONFIG = "thawing_search"
CREATE_POSTGRESQL = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    f"CREATE TEXT SEARCH CONFIGURATION {PG_CONFIG} (COPY = pg_catalog.english)",
    f"ALTER TEXT SEARCH CONFIGURATION {PG_CONFIG} ALTER MAPPING FOR hword, hword_part, word "
    "WITH unaccent, english_stem",
]
DROP_POSTGRESQL = [f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {PG_CONFIG}"]
DROP_SQLITE = [
    "DROP TRIGGER IF EXISTS journal_entry_ai",
    "DROP TRIGGER IF EXISTS journal_entry_ad",
    "DROP TRIGGER IF EXISTS journal_entry_au",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]


# Scripts written without spaces between words: a word index cannot split them, so such
# terms are looked for as plain substrings instead.
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f]")


def matching(queryset: QuerySet[Entry], terms: list[str]) -> QuerySet[Entry]:
    """Entries of `queryset` containing every term (as a word or the start of one)."""
    if not terms:
        return queryset.none()
    if encryption_on():
        return _in_python(queryset, terms)
    words = [t for t in terms if not UNSPACED.search(t)]
    for term in terms:
        if term not in words:
            queryset = queryset.filter(Q(title__icontains=term) | Q(body__icontains=term))
    if words and connection.vendor == "postgresql":
        # PostgreSQL drops stop words ("the", "was") from a query: look for those as text.
        for stop_word in _stop_words(words):
            words.remove(stop_word)
            queryset = queryset.filter(Q(title__icontains=stop_word) | Q(body__icontains=stop_word))
    return _indexed(queryset, words) if words else queryset


def _stop_words(words: list[str]) -> list[str]:
    """The words that PostgreSQL's text search configuration would ignore."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT numnode(to_tsquery('{PG_CONFIG}', t || ':*')) "
                       "FROM unnest(%s::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n", [words])
        return [word for word, (nodes,) in zip(words, cursor.fetchall(), strict=True) if not nodes]


def _indexed(queryset: QuerySet[Entry], terms: list[str]) -> QuerySet[Entry]:
    if connection.vendor == "sqlite":
        expression = " ".join(f'"{term}"*' for term in terms)
        return queryset.filter(pk__in=RawSQL(
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [expression]))
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        query = SearchQuery(" & ".join(f"{term}:*" for term in terms), search_type="raw",
                            config=PG_CONFIG)
        return queryset.annotate(
            document=SearchVector("title", "body", config=PG_CONFIG)).filter(document=query)
    raise NotImplementedError(f"Journal search needs SQLite or PostgreSQL, not {connection.vendor}.")


# --- Field encryption on: matching in the application --------------------------------------

WORD = re.compile(r"\w+")
VOWELS = frozenset("aeiouy")


@dataclass(frozen=True)
class _Term:
    """One search term: a folded word (and its stem), or, in an unspaced script, a substring."""

    text: str
    stemmed: str = ""
    # The letters every matching word starts with once folded: stems only cut a word or end
    # it in "i" for "y", so a word whose stem starts with the term's stem starts with these.
    start: str = ""

    def found_in(self, folded: str, lowered: str) -> bool:
        if not self.start:
            return self.text in lowered
        at = folded.find(self.start)
        while at != -1:
            if not (at and _in_word(folded[at - 1])):
                word = WORD.match(folded, at).group()  # type: ignore[union-attr]
                if word.startswith(self.text) or stem(word).startswith(self.stemmed):
                    return True
            at = folded.find(self.start, at + len(self.start))
        return False


def _in_python(queryset: QuerySet[Entry], terms: list[str]) -> QuerySet[Entry]:
    wanted = [term for raw in terms for term in _terms(raw)]
    words = any(term.start for term in wanted)
    ids = []
    for pk, title, body in queryset.values_list("pk", "title", "body"):
        lowered = f"{title}\n{body}".casefold()
        # Folded once per entry; each term is then a plain prefix comparison on its words.
        folded = _folded(lowered) if words else lowered
        if all(term.found_in(folded, lowered) for term in wanted):
            ids.append(pk)
    return queryset.filter(pk__in=ids)


def _terms(raw: str) -> list[_Term]:
    if UNSPACED.search(raw):
        # As the database indexes do: a plain substring, case-insensitive, accents kept.
        return [_Term(raw.casefold())]
    terms = []
    for word in WORD.findall(fold(raw)):
        stemmed = stem(word)
        start = stemmed[:-1] if stemmed.endswith("i") and len(stemmed) > 1 else stemmed
        terms.append(_Term(word, stemmed, start))
    return terms


def _in_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def fold(text: str) -> str:
    """Text in lower case without accents: "Café" -> "cafe" (NFKD, combining marks dropped)."""
    return _folded(text.casefold())


def _folded(lowered: str) -> str:
    # Curly quotes and dashes are often the only letters beyond ASCII in English text: with
    # them swapped for their plain forms (both split words alike), such text is folded already.
    for fancy, plain in TYPOGRAPHY:
        lowered = lowered.replace(fancy, plain)
    if lowered.isascii():
        return lowered
    if not unicodedata.is_normalized("NFKD", lowered):
        lowered = unicodedata.normalize("NFKD", lowered)
    # The marks of the first plane go in one pass of a character class that the regular
    # expression engine keeps as a bitmap; the rare marks beyond it only in text with such letters.
    lowered = _marks_pattern().sub("", lowered)
    if len(lowered.encode("utf-16-le", "surrogatepass")) != 2 * len(lowered):
        lowered = lowered.translate(_astral_marks())
    return lowered


TYPOGRAPHY = (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2014", "-"),
              ("\u2013", "-"), ("\u2026", "..."), ("\u00a0", " "))


@functools.cache
def _combining_marks() -> tuple[int, ...]:
    return tuple(code for code in range(0x30000) if unicodedata.combining(chr(code)))


@functools.cache
def _astral_marks() -> dict[int, None]:
    return {code: None for code in _combining_marks() if code > 0xFFFF}


@functools.cache
def _marks_pattern() -> re.Pattern[str]:
    """The combining marks of the first plane, compiled once per process."""
    ranges: list[list[int]] = []
    for code in _combining_marks():
        if code > 0xFFFF:
            break
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" if a != b else chr(a) for a, b in ranges) + "]+")


def stem(word: str) -> str:
    """A light English stem, the same for "walk", "walks", "walked" and "walking"."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies"):
        word = word[:-3] + "i"
    elif word.endswith("sses") or (word.endswith("es") and len(word) > 4):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        rest = word[:-len(suffix)]
        if word.endswith(suffix) and len(rest) >= 2 and VOWELS.intersection(rest):
            word = _undouble(rest)
            break
    else:
        if word.endswith("ly") and len(word) >= 6:
            word = word[:-2]
    if word.endswith("y") and len(word) > 2 and VOWELS.intersection(word[:-1]):
        word = word[:-1] + "i"
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


def _undouble(word: str) -> str:
    """ "runn" -> "run"; "fall" and "miss" keep their double letter, as English spells them."""
    if len(word) >= 3 and word[-1] == word[-2] and word[-1] not in "lsz" and word[-1] not in VOWELS:
        return word[:-1]
    return word
