"""The feature matrix of a batch of services: TF-IDF morphemes + character n-grams + codebook lexicon hits.

Four blocks side by side: morphemes and compounds (what a reader sees as words) together with the purpose
features of purpose.py (the name's words, its head and the main clause's words, marked N:/H:/M:, so the model
can weigh where a word stands); character 2–3-grams within words (robust to spacing and to compounds kiwi has
not met, e.g. 버스도착정보); one column per domain, sub-type and function counting its codebook keywords in
the whole text; and the same counts in the name and main clause only (the purpose's keywords). Each block is
L2-normalised (the lexicon blocks are scaled) so none swamps the others by its size.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from scatlas.coding.features import analyse_with_offsets_lazily
from scatlas.coding.lexicon import Lexicon, LexiconHits, default_lexicon
from scatlas.coding.purpose import purpose_parts
from scatlas.taxonomy import FUNCTIONS


def _given_tokens(tokens: list[str]) -> list[str]:
    # The analyser of the word block: the morphemes are computed once per batch by kiwi (features.analyse).
    return tokens


@dataclass
class Batch:
    """A batch of cleaned service texts with everything derived from them."""

    texts: list[str]
    tokens: list[list[str]]
    hits: list[LexiconHits]
    X: sparse.csr_matrix
    decided: list[bool] | None = None  # a head in the name or a domain keyword in name + main clause (purpose.py)


class ServiceVectoriser:
    """Turns cleaned service texts into the hybrid feature matrix (fit on training texts, then transform)."""

    def __init__(
        self,
        char_ngrams: tuple[int, int] = (2, 3),
        min_df: int = 1,
        lexicon_weight: float = 1.0,
        char_weight: float = 1.0,
        purpose: bool = True,
    ) -> None:
        self.char_ngrams = char_ngrams
        self.min_df = min_df
        self.lexicon_weight = lexicon_weight
        self.char_weight = char_weight
        self.purpose = purpose

    @property
    def lexicon(self) -> Lexicon:
        return default_lexicon()

    def _lexicon_columns(self) -> list[tuple[str, str]]:
        lex = self.lexicon
        cols = [("domain", d) for d in lex.domain_ids]
        cols += [("subtype", s) for s in lex.subtype_domain]
        cols += [("function", f) for f in FUNCTIONS]
        return cols

    def _lexicon_block(self, hits: Sequence[LexiconHits]) -> sparse.csr_matrix:
        cols = self.lexicon_columns_
        index = {c: i for i, c in enumerate(cols)}
        rows, colidx, vals = [], [], []
        for r, h in enumerate(hits):
            for kind, table in (("domain", h.domains), ("subtype", h.subtypes), ("function", h.functions)):
                for code, found in table.items():
                    j = index.get((kind, code))
                    if j is not None:
                        rows.append(r)
                        colidx.append(j)
                        vals.append(np.log1p(len(found)))
        m = sparse.csr_matrix((vals, (rows, colidx)), shape=(len(hits), len(cols)), dtype=np.float64)
        return m * self.lexicon_weight

    def _rows(
        self, texts: list[str], pending
    ) -> tuple[list[list[str]], list[list[str]], list[LexiconHits], list[LexiconHits], list[bool]]:
        """Per text: its features, its word-block tokens (features + purpose features), lexicon hits of the
        whole text and of its purpose part, and whether a deciding word was found (a head in the name or a domain
        keyword in the name and main clause)."""
        lex = self.lexicon
        tokens, words, hits, phits, decided = [], [], [], [], []
        use_purpose = getattr(self, "purpose", True)
        for text, (feats, starts) in zip(texts, pending, strict=False):  # pending runs on past a chunk
            tokens.append(feats)
            extra, headed, main_end = purpose_parts(text, feats, starts)
            words.append(feats + extra if use_purpose else feats)
            h = lex.hits(text)
            hits.append(h)
            ph = h if main_end >= len(text) else lex.within(h, text[:main_end])
            phits.append(ph)
            decided.append(headed or bool(ph.domains))
        return tokens, words, hits, phits, decided

    def _analyse(self, texts: list[str], fit: bool):
        # Kiwi starts first and analyses in its own threads while this thread builds the character block and
        # the lexicon hits: on two cores the Python work hides behind the morphological analysis.
        pending = analyse_with_offsets_lazily(texts)
        if fit:
            self.chars_ = TfidfVectorizer(
                analyzer="char_wb",
                ngram_range=self.char_ngrams,
                sublinear_tf=True,
                min_df=max(2, self.min_df),
                lowercase=True,
            )
            Xc = self.chars_.fit_transform(texts)
        else:
            Xc = self.chars_.transform(texts)
        return (*self._rows(texts, pending), Xc * self.char_weight)

    def fit_batch(self, texts: list[str]) -> Batch:
        """Learns the vocabularies from these texts and returns their batch."""
        tokens, words, hits, phits, decided, Xc = self._analyse(texts, fit=True)
        self.words_ = TfidfVectorizer(analyzer=_given_tokens, lowercase=False, sublinear_tf=True, min_df=self.min_df)
        self.lexicon_columns_ = self._lexicon_columns()
        Xw = self.words_.fit_transform([[t.lower() for t in ts] for ts in words])
        X = sparse.hstack([Xw, Xc, self._lexicon_block(hits), self._lexicon_block(phits)], format="csr")
        self._set_names()
        return Batch(texts, tokens, hits, X, decided)

    def batch(self, texts: list[str]) -> Batch:
        """The batch of these texts on the fitted vocabularies."""
        return next(self.batches(texts, max(1, len(texts))), None) or self._empty_batch()

    def _empty_batch(self) -> Batch:
        return Batch([], [], [], sparse.csr_matrix((0, len(self.feature_names_))))

    def batches(self, texts: list[str], chunk: int = 500) -> Iterator[Batch]:
        """The batches of consecutive chunks of these texts, in order, on the fitted vocabularies.

        Kiwi is started on all the texts at once; its worker threads keep analysing the next texts while the
        caller codes the chunk just yielded, so on two cores most Python work overlaps the analysis instead of
        following all of it. (A helper thread draining Kiwi was tried: its wake-ups and GIL hand-overs cost
        more CPU than the overlap gained.)
        """
        if not texts:
            return
        pending = analyse_with_offsets_lazily(texts)
        for lo in range(0, len(texts), chunk):
            part = texts[lo : lo + chunk]
            Xc = self.chars_.transform(part)
            tokens, words, hits, phits, decided = self._rows(part, pending)
            X = sparse.hstack(
                [self._word_block(words), Xc * self.char_weight, self._lexicon_block(hits), self._lexicon_block(phits)],
                format="csr",
            )
            yield Batch(part, tokens, hits, X, decided)

    def _word_block(self, tokens: list[list[str]]) -> sparse.csr_matrix:
        """The fitted word TF-IDF of token lists (as ``words_.transform``, without its per-document overhead)."""
        vocab = self.words_.vocabulary_
        get = vocab.get
        indptr = [0]
        indices: list[int] = []
        counts: list[int] = []
        for ts in tokens:
            row: dict[int, int] = {}
            for t in ts:
                j = get(t.lower())
                if j is not None:
                    row[j] = row.get(j, 0) + 1
            for j in sorted(row):
                indices.append(j)
                counts.append(row[j])
            indptr.append(len(indices))
        data = np.asarray(counts, dtype=np.float64)
        cols = np.asarray(indices, dtype=np.int32)
        lengths = np.diff(np.asarray(indptr, dtype=np.int64)).astype(np.int64, copy=False)
        if len(data):
            data = (np.log(data) + 1.0) * self.words_.idf_[cols]  # sublinear tf × idf, as fitted
            norms = np.sqrt(
                np.bincount(np.repeat(np.arange(len(tokens)), lengths), weights=data * data, minlength=len(tokens))
            )
            norms[norms == 0] = 1.0
            data = data / np.repeat(norms, lengths)
        m = sparse.csr_matrix((data, cols, np.asarray(indptr, dtype=np.int32)), shape=(len(tokens), len(vocab)))
        return m

    def _set_names(self) -> None:
        # kind per column: 0 word, 1 char n-gram, 2 lexicon; name is the word, the n-gram or the code id.
        words = list(self.words_.get_feature_names_out())
        chars = list(self.chars_.get_feature_names_out())
        lex = [f"{k}:{c}" for k, c in self.lexicon_columns_]
        lex += [f"purpose-{k}:{c}" for k, c in self.lexicon_columns_]
        self.feature_names_ = np.array(words + chars + lex, dtype=object)
        self.feature_kinds_ = np.array([0] * len(words) + [1] * len(chars) + [2] * len(lex), dtype=np.int8)
