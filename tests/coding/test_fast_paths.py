"""The coder's fast paths give the same codings as the plain ones they replace."""

from __future__ import annotations

import numpy as np

from scatlas.coding.corpus import load_corpus
from scatlas.coding.text import service_text
from scatlas.records import ServiceRecord


def _services(n: int = 120) -> list[ServiceRecord]:
    items = load_corpus()[::7][:n]
    return [ServiceRecord(i.name, i.description) for i in items] + [ServiceRecord("", ""), ServiceRecord("CCTV", None)]


def test_chunked_coding_matches_coding_in_one_chunk(coder):
    services = _services()
    saved = coder.chunk_size
    try:
        coder.chunk_size = 10_000
        whole = coder.code(services)
        coder.chunk_size = 7  # chunks that do not divide the batch
        chunked = coder.code(services)
    finally:
        coder.chunk_size = saved
    assert chunked == whole


def test_word_block_matches_the_fitted_vectoriser(coder):
    vec = coder.vectoriser_
    batch = coder.batch(_services(60))
    ours = vec._word_block(batch.tokens)
    theirs = vec.words_.transform([[t.lower() for t in ts] for ts in batch.tokens])
    assert ours.shape == theirs.shape
    assert np.allclose(ours.toarray(), theirs.toarray(), atol=1e-12)


def test_rationale_of_a_batch_matches_the_rationale_of_each_row(coder):
    from scatlas.coding.rationale import explain

    services = _services(40)
    codings = coder.code(services)
    batch = coder.batch(services)
    vec = coder.vectoriser_
    classes = list(coder.classes_)
    for i, c in enumerate(codings):
        lo, hi = batch.X.indptr[i], batch.X.indptr[i + 1]
        w = coder.domain_model_.coef_[classes.index(c.domain_id)]
        alone = explain(
            c.domain_id,
            batch.X.indices[lo:hi],
            batch.X.data[lo:hi],
            w,
            vec.feature_names_,
            vec.feature_kinds_,
            batch.tokens[i],
            batch.hits[i].domains.get(c.domain_id, []),
        )
        # a coding with no deciding word says so first (guide P5), then gives the same word rationale
        assert c.rationale == alone or c.rationale.endswith("; " + alone), service_text(
            services[i].name, services[i].description
        )
