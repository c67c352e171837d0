"""Korean text features: kiwipiepy morphemes, noun compounds and Latin acronyms of cleaned service text.

Kiwi takes about a second and 500 MB to load, so it is loaded once per process, lazily, under a lock; batches
are passed to ``Kiwi.tokenize`` as lists so its worker threads analyse them in parallel.
"""

from __future__ import annotations

import itertools
import os
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from scatlas.coding.text import clean_text

if TYPE_CHECKING:  # pragma: no cover
    from kiwipiepy import Kiwi

_KIWI: Kiwi | None = None
_KIWI_LOCK = threading.Lock()

#: Content morphemes kept as features: common and proper nouns, roots, foreign words (CCTV, IoT),
#: Chinese characters, verb and adjective stems (감지하다 is 감지+하, but 줄이다, 막다 are VV).
_CONTENT_TAGS = frozenset({"NNG", "NNP", "XR", "SL", "SH", "VV", "VA", "NR"})
_NOUN_TAGS = frozenset({"NNG", "NNP", "XR", "SL", "SH"})
#: Acronyms written with a slash or hyphen that must stay one feature (kiwi splits them at the mark).
_JOINED_ACRONYMS = re.compile(r"\b(?:AR/VR|VR/AR|C-ITS|Wi-Fi|NB-IoT|e-?러닝|U-?City)\b", re.IGNORECASE)
_ACRONYM_HINTS = ("-", "/", "러닝", "city")  # every _JOINED_ACRONYMS match holds one of these (lower-cased)
#: Nouns too generic in plans to mean anything on their own (every plan says 스마트 ... 서비스).
_GENERIC = frozenset(
    {"스마트", "서비스", "시스템", "등", "및", "통해", "위해", "활용", "도입", "운영", "사업", "smart"}
)


#: Kiwi's pattern matchers kept: URLs and e-mail addresses stay one (non-content) token. Hashtags, mentions,
#: serial numbers and emoji are not plan text; leaving their matchers out saves some of Kiwi's time and
#: changes no analysis of the corpus's or the check sets' texts.
_MATCH = 1 | 2  # Match.URL | Match.EMAIL
#: Kiwi's beam cut-off (its default is 8): candidate analyses scoring this far below the best are dropped early.
#: 5 takes about a quarter off Kiwi's CPU time; it changes the morphemes of 17 of the 1,550 corpus and check-set
#: texts, and 5-fold CV on the corpus's training split is unchanged (0.8266 → 0.8275; 3 gave the same CV with 96
#: texts changed, so the milder value was kept).
_CUTOFF = 5.0


def kiwi() -> Kiwi:
    """The process-wide Kiwi analyser, loaded on first use (thread-safe)."""
    global _KIWI
    if _KIWI is None:
        with _KIWI_LOCK:
            if _KIWI is None:
                from kiwipiepy import Kiwi

                workers = max(1, min(os.cpu_count() or 1, 8))
                # The typo and multi-word dictionaries triple the load time (2.3 s → 0.9 s here) and change
                # no analysis of the 1,227 corpus texts: plans are edited prose, not chat.
                k = Kiwi(num_workers=workers, load_typo_dict=False, load_multi_dict=False)
                config = getattr(k, "global_config", None)  # (absent on the tests' stand-ins)
                if config is not None:
                    config.cutoff_threshold = _CUTOFF
                _KIWI = k
    return _KIWI


def kiwi_loaded() -> bool:
    """Whether Kiwi has been loaded in this process (used by tests and the benchmark)."""
    return _KIWI is not None


#: Kiwi tag (with its regularity mark, VV-R) → 0 not kept, 1 noun-like (joins compounds), 2 verb or adjective
#: stem (kept as 줄이다), 3 other content (numerals); filled on first sight of each tag.
_TAG_CLASS: dict[str, int] = {}


def _tag_class(tag: str) -> int:
    cls = _TAG_CLASS.get(tag)
    if cls is None:
        base = tag.split("-")[0]  # VV-R / VV-I carry regularity marks
        cls = 0 if base not in _CONTENT_TAGS else 1 if base in _NOUN_TAGS else 2 if base in ("VV", "VA") else 3
        _TAG_CLASS[tag] = cls
    return cls


def _compound(run: list[str], feats: list[str], starts: list[int] | None, run_start: int) -> None:
    compound = "".join(run)
    if compound.lower() not in _GENERIC:
        feats.append(compound)
        if starts is not None:
            starts.append(run_start)


def _tokens_of(text: str, tokens: Sequence, starts: list[int] | None = None) -> list[str]:
    """The features of one analysed text; with ``starts``, each feature's character offset is appended there
    (a compound's is where it begins, an acronym's where it stands)."""
    feats: list[str] = []
    run: list[str] = []  # nouns written together with no space: a compound (버스 + 정류장 → 버스정류장)
    run_end = -1
    run_start = -1
    for tok in tokens:
        cls = _TAG_CLASS.get(tok.tag)
        if cls is None:
            cls = _tag_class(tok.tag)
        if cls == 0:
            if run:
                if len(run) > 1:
                    _compound(run, feats, starts, run_start)
                run, run_end = [], -1
            continue
        form = tok.form
        if cls == 1:
            start = tok.start
            if tok.tag == "SL":
                # Latin words keep their case as written for display; the vectoriser lower-cases.
                form = text[start : start + tok.len] or form
            if run and start == run_end:
                run.append(form)
            else:
                if len(run) > 1:
                    _compound(run, feats, starts, run_start)
                run, run_start = [form], start
            run_end = start + tok.len
        elif run:
            if len(run) > 1:
                _compound(run, feats, starts, run_start)
            run, run_end = [], -1
        if form.lower() in _GENERIC:
            continue
        if cls == 2:
            form = form + "다"
        feats.append(form)
        if starts is not None:
            starts.append(tok.start)
    if len(run) > 1:
        _compound(run, feats, starts, run_start)
    low = text.lower()
    if any(h in low for h in _ACRONYM_HINTS):  # most texts hold none: skip the regex
        for m in _JOINED_ACRONYMS.finditer(text):
            feats.append(m.group(0).upper().replace("-", "") if m.group(0).isascii() else m.group(0))
            if starts is not None:
                starts.append(m.start())
    return feats


def analyse_lazily(texts: Sequence[str]) -> Iterator[list[str]]:
    """Starts Kiwi on the (cleaned) texts now and yields each text's features in order.

    Kiwi's worker threads run ahead of the consumer, so Python work done between items (or before the first)
    overlaps with the analysis.
    """
    texts = [t if t else "" for t in texts]
    if not texts:
        return iter(())
    analysed = iter(kiwi().tokenize(texts, match_options=_MATCH))
    # Kiwi's workers start on the first request for a result, not on the call: ask for it now, so they analyse
    # the whole list while the caller does other work before it reads the results.
    first = next(analysed)
    rest = itertools.chain([first], analysed)
    return (_tokens_of(text, toks) for text, toks in zip(texts, rest, strict=True))


def analyse_with_offsets_lazily(texts: Sequence[str]) -> Iterator[tuple[list[str], list[int]]]:
    """As analyse_lazily, with each feature's character offset in its text (for telling name from description)."""
    texts = [t if t else "" for t in texts]
    if not texts:
        return iter(())
    analysed = iter(kiwi().tokenize(texts, match_options=_MATCH))
    first = next(analysed)  # start Kiwi's workers now (see analyse_lazily)
    rest = itertools.chain([first], analysed)
    return (_with_offsets(text, toks) for text, toks in zip(texts, rest, strict=True))


def _with_offsets(text: str, tokens: Sequence) -> tuple[list[str], list[int]]:
    starts: list[int] = []
    return _tokens_of(text, tokens, starts), starts


def analyse(texts: Iterable[str]) -> list[list[str]]:
    """Content morphemes, noun compounds and acronyms of each (already cleaned) text, in order.

    >>> analyse(["스마트 버스정류장 BIS 연계"])[0]
    ['버스', '정류장', '버스정류장', 'BIS', '연계']
    """
    return list(analyse_lazily(list(texts)))


def analyse_raw(texts: Iterable[str]) -> list[list[str]]:
    """Like analyse, but cleans the texts first (for callers holding raw plan text)."""
    return analyse([clean_text(t) for t in texts])
