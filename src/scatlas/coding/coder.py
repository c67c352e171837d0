"""The hybrid service coder: codebook lexicon priors sharpened by a linear model over Korean words.

Domain: logistic regression over the hybrid features (vectors.py), its scores calibrated by a temperature fitted
on out-of-fold predictions, so ``confidence`` is a probability that can be trusted (and is low when a text has
no evidence). Sub-type: one small model per domain, falling back on the domain's sub-type keywords. Function: a
3-class model over the same features. Target groups: codebook keywords and the labelling guide's named
groups. Technologies: codebook aliases (and a few obvious open-list names) found in the text.

Written in scikit-learn's estimator style: configuration in ``__init__``, ``fit`` returns self, learned state
in attributes ending in ``_``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy.optimize import minimize_scalar
from scipy.special import log_softmax, softmax
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from scatlas.coding.rationale import display_names, explain_batch
from scatlas.coding.text import service_text
from scatlas.coding.vectors import Batch, ServiceVectoriser
from scatlas.records import CodingRecord, ServiceRecord
from scatlas.taxonomy import DOMAIN_ORDER, FUNCTIONS, domain_name, try_normalise_domain

#: Bumped when features or model change in a way that makes saved models incompatible.
MODEL_VERSION = "2.0"
#: Confidence given at most to a coding with no deciding word (no head in the name, no codebook keyword in the
#: name or main clause) until a model learns its own cap on the real dev split (store.train).
NO_EVIDENCE_CAP = 0.5
_DOMAIN_IDS = [d for d, _ in DOMAIN_ORDER]


def _fit_lr(X, y, C: float, class_weight: str | None = "balanced", sample_weight=None) -> LogisticRegression:
    # newton-cg: exact and deterministic, and here 5x faster than lbfgs on these sparse blocks
    model = LogisticRegression(C=C, solver="newton-cg", max_iter=500, class_weight=class_weight).fit(
        X, y, sample_weight=sample_weight
    )
    # float32 weights: half the size of the shipped model, and far below any difference a coding could show
    model.coef_ = model.coef_.astype(np.float32)
    return model


def _scores(model: LogisticRegression, X) -> np.ndarray:
    """Decision scores with one column per class (a binary model's single score becomes [0, s])."""
    s = model.decision_function(X)
    if s.ndim == 1:
        return np.column_stack([np.zeros_like(s), s])
    return s


def _class_weights(model: LogisticRegression, k: int) -> np.ndarray:
    """The weight vector whose dot product with a row is class k's score (as in _scores)."""
    if model.coef_.shape[0] == 1:
        return model.coef_[0] if k == 1 else np.zeros_like(model.coef_[0])
    return model.coef_[k]


def _fit_temperature(scores: np.ndarray, y_index: np.ndarray) -> float:
    """The temperature T minimising the log-loss of softmax(scores / T) on out-of-fold scores."""

    def nll(log_t: float) -> float:
        lp = log_softmax(scores / np.exp(log_t), axis=1)
        return float(-lp[np.arange(len(y_index)), y_index].mean())

    res = minimize_scalar(nll, bounds=(np.log(0.05), np.log(20.0)), method="bounded")
    return float(np.exp(res.x))


def domain_of(value: str | None) -> str | None:
    """A domain id from an id or any spelling of a domain's name (None if it is neither)."""
    if value is None:
        return None
    if value in _DOMAIN_IDS:
        return value
    return try_normalise_domain(value)


class HybridCoder:
    """Codes services on every dimension of the codebook.

    Parameters
    ----------
    C : inverse regularisation of the domain model (smaller: smoother, less tied to the corpus's phrasing).
    function_C, subtype_C : the same for the function and sub-type models.
    char_ngrams : character n-gram range of the second feature block.
    lexicon_weight : scale of the codebook keyword columns.
    char_weight : scale of the character n-gram block.
    cv : folds for the out-of-fold scores the temperature is fitted on.
    random_state : seed of the fold split (the only randomness: fitting is deterministic).
    """

    #: set by store.train: how the confidence was calibrated, and the no-evidence cap fitted on the real dev split
    calibration_: dict[str, Any]
    no_evidence_cap_: float

    def __init__(
        self,
        C: float = 4.0,
        function_C: float = 2.0,
        subtype_C: float = 4.0,
        char_ngrams: tuple[int, int] = (2, 3),
        lexicon_weight: float = 0.15,
        char_weight: float = 1.0,
        cv: int = 5,
        random_state: int = 0,
        purpose: bool = True,
        real_weight: float = 3.0,
    ) -> None:
        self.C = C
        self.function_C = function_C
        self.subtype_C = subtype_C
        self.char_ngrams = char_ngrams
        self.lexicon_weight = lexicon_weight
        self.char_weight = char_weight
        self.cv = cv
        self.random_state = random_state
        self.purpose = purpose
        self.real_weight = real_weight

    # ------------------------------------------------------------------ fitting
    def fit(
        self,
        X: Sequence[ServiceRecord | str],
        y: Sequence[str],
        *,
        subtypes: Sequence[str | None] | None = None,
        functions: Sequence[str | None] | None = None,
        target_groups: Sequence[Sequence[str]] | None = None,
        real: Sequence[bool] | None = None,
    ) -> HybridCoder:
        """Learns from services (or texts) and their domain ids; sub-types and functions are optional labels.

        ``real`` marks rows of real (harvested) text: they weigh ``real_weight`` times a written row.

        ``target_groups`` is accepted for symmetry and ignored: groups are found by keywords (per-group models
        were tried and did not beat the codebook and guide keywords on the held-out split).
        """
        self._drop_caches()
        texts = self._texts(X)
        y_arr = np.asarray(list(y), dtype=object)
        if len(texts) != len(y_arr):
            raise ValueError(f"{len(texts)} services but {len(y_arr)} labels")
        self.vectoriser_ = ServiceVectoriser(self.char_ngrams, 1, self.lexicon_weight, self.char_weight, self.purpose)
        batch = self.vectoriser_.fit_batch(texts)
        Xm = batch.X
        w = None
        if real is not None and self.real_weight != 1.0:
            w = np.where(np.asarray(list(real), dtype=bool), self.real_weight, 1.0)
        self.domain_model_ = _fit_lr(Xm, y_arr, self.C, sample_weight=w)
        self.classes_ = self.domain_model_.classes_
        self.temperature_ = self._calibrate(Xm, y_arr, w)

        self.subtype_models_: dict[str, LogisticRegression | str] = {}
        if subtypes is not None:
            sub = np.asarray(list(subtypes), dtype=object)
            for d in self.classes_:
                mask = (y_arr == d) & np.array([s is not None for s in sub])
                labels = Counter(sub[mask])
                if len(labels) >= 2 and sum(1 for n in labels.values() if n >= 2) >= 2:
                    self.subtype_models_[d] = _fit_lr(
                        Xm[mask], sub[mask], self.subtype_C, sample_weight=None if w is None else w[mask]
                    )
                elif len(labels) == 1:
                    self.subtype_models_[d] = next(iter(labels))  # the only sub-type the corpus uses here

        self.function_model_: LogisticRegression | None = None
        if functions is not None:
            fun = np.asarray(list(functions), dtype=object)
            mask = np.array([f is not None for f in fun])
            if len(set(fun[mask])) >= 2:
                self.function_model_ = _fit_lr(
                    Xm[mask], fun[mask], self.function_C, sample_weight=None if w is None else w[mask]
                )

        self.n_training_ = len(texts)
        return self

    def _calibrate(self, Xm, y_arr: np.ndarray, w=None) -> float:
        counts = Counter(y_arr)
        folds = min(self.cv, min(counts.values()))
        if folds < 2:
            return 1.0
        scores = np.zeros((len(y_arr), len(self.classes_)))
        skf = StratifiedKFold(n_splits=folds, shuffle=True, random_state=self.random_state)
        for tr, te in skf.split(np.zeros(len(y_arr)), y_arr):
            m = _fit_lr(Xm[tr], y_arr[tr], self.C, sample_weight=None if w is None else w[tr])
            s = _scores(m, Xm[te])
            # a fold may miss a rare class: place its columns where the full model has them
            full = np.full((len(te), len(self.classes_)), -1e3)
            for j, c in enumerate(m.classes_):
                full[:, list(self.classes_).index(c)] = s[:, j]
            scores[te] = full
        y_index = np.array([list(self.classes_).index(c) for c in y_arr])
        return _fit_temperature(scores, y_index)

    def fit_temperature(self, X: Sequence[ServiceRecord | str], y: Sequence[str]) -> float:
        """Fits ``temperature_`` on these (held-out) services and their domains; returns it.

        Labels the model has no class for are left out (they cannot be scored).
        """
        known = [k for k, d in enumerate(y) if d in set(self.classes_)]
        if not known:
            return self.temperature_
        scores = _scores(self.domain_model_, self.batch([X[k] for k in known]).X)
        index = {c: j for j, c in enumerate(self.classes_)}
        self.temperature_ = _fit_temperature(scores, np.array([index[y[k]] for k in known]))
        return self.temperature_

    # ------------------------------------------------------------------ predicting
    @staticmethod
    def _texts(X: Sequence[ServiceRecord | str]) -> list[str]:
        return [x if isinstance(x, str) else service_text(x.name, x.description) for x in X]

    def batch(self, X: Sequence[ServiceRecord | str]) -> Batch:
        """The feature batch of these services (texts are cleaned here)."""
        return self.vectoriser_.batch(self._texts(X))

    def _proba(self, batch: Batch) -> np.ndarray:
        return softmax(_scores(self.domain_model_, batch.X) / self.temperature_, axis=1)

    def predict_proba(self, X: Sequence[ServiceRecord | str]) -> np.ndarray:
        """Calibrated domain probabilities, one row per service, columns in ``classes_`` order."""
        return self._proba(self.batch(X))

    def predict(self, X: Sequence[ServiceRecord | str]) -> np.ndarray:
        """The most probable domain id of each service."""
        return self.classes_[self.predict_proba(X).argmax(axis=1)]

    def predict_function(self, X: Sequence[ServiceRecord | str]) -> list[str | None]:
        """The function of each service."""
        return self._functions(self.batch(X))

    def _functions(self, batch: Batch) -> list[str | None]:
        if self.function_model_ is not None:
            return list(self.function_model_.predict(batch.X))
        out: list[str | None] = []
        for h in batch.hits:
            scores = {f: len(h.functions.get(f, ())) for f in FUNCTIONS}
            best = max(FUNCTIONS, key=lambda f: scores[f])
            out.append(best if scores[best] else None)
        return out

    def _subtypes(self, batch: Batch, domains: Sequence[str]) -> list[str | None]:
        """The sub-type of each row inside the given domain (rows grouped by domain: one predict per model)."""
        out: list[str | None] = [None] * len(domains)
        lex = self.vectoriser_.lexicon
        by_domain: dict[str, list[int]] = {}
        for i, d in enumerate(domains):
            by_domain.setdefault(d, []).append(i)
        for d, rows in by_domain.items():
            model = self.subtype_models_.get(d)
            if isinstance(model, str):
                for i in rows:
                    out[i] = model
            elif model is not None:
                for i, s in zip(rows, model.predict(batch.X[rows]), strict=True):
                    out[i] = str(s)
            else:
                for i in rows:
                    hits = {s: len(k) for s, k in batch.hits[i].subtypes.items() if lex.subtype_domain.get(s) == d}
                    out[i] = max(hits, key=lambda s: hits[s]) if hits else None
        return out

    def _groups(self, batch: Batch) -> list[list[str]]:
        lex = self.vectoriser_.lexicon
        return [lex.target_groups(h) for h in batch.hits]

    def code(
        self, services: Sequence[ServiceRecord], subtype_within: Sequence[str | None] | None = None
    ) -> list[CodingRecord]:
        """One coding per service, in order.

        ``subtype_within[i]`` (a domain id or name, or None) asks for service i's sub-type inside that domain
        (the pipeline passes a plan's declared domain); otherwise the sub-type is that of the coded domain.
        """
        services = list(services)
        if not services:
            return []
        if subtype_within is not None and len(subtype_within) != len(services):
            raise ValueError(f"{len(services)} services but {len(subtype_within)} subtype_within entries")
        within = [domain_of(w) for w in subtype_within] if subtype_within is not None else [None] * len(services)
        out: list[CodingRecord] = []
        lo = 0
        for batch in self.vectoriser_.batches(self._texts(services), self.chunk_size):
            out.extend(self._code_batch(batch, within[lo : lo + len(batch.texts)]))
            lo += len(batch.texts)
        return out

    #: Services coded per step of ``code``: small enough for the coding of one chunk to overlap Kiwi's
    #: analysis of the next, large enough for the per-call costs of scikit-learn to stay small.
    chunk_size = 500

    def undecided(self, batch: Batch) -> list[bool]:
        """Rows with no deciding word: no head in the name and no codebook domain keyword in the purpose part."""
        if batch.decided is None:
            return [False] * len(batch.texts)
        return [not d for d in batch.decided]

    def _code_batch(self, batch: Batch, within: Sequence[str | None]) -> list[CodingRecord]:
        proba = self._proba(batch)
        vague = self.undecided(batch)
        cap = getattr(self, "no_evidence_cap_", NO_EVIDENCE_CAP)
        order = np.argsort(-proba, axis=1, kind="stable")[:, :2]
        best = [str(self.classes_[o[0]]) for o in order]
        subtypes = self._subtypes(batch, [w or b for w, b in zip(within, best, strict=True)])
        functions = self._functions(batch)
        groups = self._groups(batch)
        coder = f"auto:{self.version}"
        names = getattr(self, "_names_list", None)
        if names is None:
            names = self._names_list = display_names(self.vectoriser_.feature_names_.tolist())
        W = getattr(self, "_domain_weights", None)
        if W is None:
            W = self._domain_weights = np.vstack(
                [_class_weights(self.domain_model_, k) for k in range(len(self.classes_))]
            )
        rationales = explain_batch(
            best,
            batch.X,
            (W, order[:, 0]),
            names,
            self.vectoriser_.feature_kinds_,
            batch.tokens,
            [h.domains.get(b, []) for h, b in zip(batch.hits, best, strict=True)],
        )
        out = []
        for i, (first, second) in enumerate(order):
            p1, p2 = float(proba[i, first]), float(proba[i, second])
            rationale = rationales[i]
            if vague[i]:
                # guide P5: say that nothing decided, with low confidence and both candidates
                p1 = min(p1, cap)
                rationale = (
                    f"결정적 단어 없음(근거 부족) — 후보: {domain_name(best[i])} {p1:.2f}, "
                    f"{domain_name(str(self.classes_[second]))} {min(p2, p1):.2f}; " + rationale
                )
            out.append(
                CodingRecord(
                    domain_id=best[i],
                    subtype=subtypes[i],
                    function=functions[i],
                    target_groups=groups[i],
                    technologies=list(batch.hits[i].technologies),
                    confidence=round(p1, 4),
                    rationale=rationale,
                    coder=coder,
                    top2=[(best[i], round(p1, 4)), (str(self.classes_[second]), round(min(p2, p1), 4))],
                )
            )
        return out

    _CACHES = ("_names_list", "_domain_weights")

    def _drop_caches(self) -> None:
        for name in self._CACHES:
            self.__dict__.pop(name, None)

    def __getstate__(self) -> dict:
        # derived look-up tables are rebuilt on first use, not saved with the model
        return {k: v for k, v in self.__dict__.items() if k not in self._CACHES}

    # ------------------------------------------------------------------ identity
    @property
    def version(self) -> str:
        """``2.0+corpus.<8 hex of the corpus sha256>`` (plus ``.rev.<8 hex>`` when trained with reviews)."""
        corpus = getattr(self, "corpus_sha256_", None) or "0" * 8
        v = f"{MODEL_VERSION}+corpus.{corpus[:8]}"
        reviewed = getattr(self, "reviewed_sha256_", None)
        return f"{v}.rev.{reviewed[:8]}" if reviewed else v
