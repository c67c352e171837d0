"""Two-character substrings for the bigram search index (service_bigram, migration 0005).

The FTS5 trigram index cannot match a word shorter than three characters, and two-syllable Korean words (주차, 버스,
안전) are the most common searches. service_bigram holds, for each service, the set of its character bigrams as
space-separated tokens; a two-character word then matches exactly the services that contain it as a substring.

The table uses FTS5's `ascii` tokenizer, whose rules are the same as SQLite's LIKE: every non-ASCII character is a
token character, ASCII letters and digits are token characters folded to lower case, and every other ASCII character
separates tokens. So a bigram is a token (and a word is answerable from the index) exactly when neither of its
characters is an ASCII space, punctuation mark or symbol; other two-character words keep LIKE.

The triggers that keep the table in step call `scatlas_bigrams(name, description)`, which `Catalogue.open`
registers on every connection. A connection without it (a plain sqlite3 shell) cannot write to `service` at all:
"no such function: scatlas_bigrams" — it never silently leaves the index behind.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from itertools import pairwise

#: the SQL name of the function the triggers of migration 0005 call
SQL_FUNCTION = "scatlas_bigrams"
_ASCII_SEPARATORS = frozenset(chr(c) for c in range(128) if not chr(c).isalnum())
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def bigrams(*texts: str | None) -> str:
    """The distinct bigrams of the texts (NFC, ASCII lower-cased), sorted and space-separated.

    Bigrams never span two texts, and a bigram with an ASCII separator in it is left out (the tokenizer would
    split it). Deterministic: the delete trigger recomputes the old row's tokens to take them out of the index.

    >>> bigrams("주차 안내", "AI 주차")
    'ai 안내 주차'
    """
    found: set[str] = set()
    for text in texts:
        if not text:
            continue
        folded = unicodedata.normalize("NFC", text).translate(_ASCII_LOWER)
        for first, second in pairwise(folded):
            if first not in _ASCII_SEPARATORS and second not in _ASCII_SEPARATORS:
                found.add(first + second)
    return " ".join(sorted(found))


def indexable(word: str) -> bool:
    """Whether service_bigram answers a search for this word: two characters, neither an ASCII separator."""
    return len(word) == 2 and not (set(word) & _ASCII_SEPARATORS)


def register(conn: sqlite3.Connection) -> None:
    """Make `scatlas_bigrams(name, description)` available to this connection's triggers and migrations."""
    conn.create_function(SQL_FUNCTION, 2, bigrams, deterministic=True)
