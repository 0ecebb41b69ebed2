"""Full-text search of journal entries, on each database's own index.

SQLite: an FTS5 table (porter stemming, unicode61, diacritics folded) kept in step by
triggers made in migration 0002. PostgreSQL: a tsvector match with prefix terms, in a text
search configuration made in the same migration (English stemming, accents folded by the
`unaccent` extension, which PostgreSQL 13+ lets a database owner create).
Every word must appear (prefixes count: "walk" finds "walking").
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from thawing.journal.models import Entry

FTS_TABLE = "journal_entry_fts"

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
