"""Invariants of the distributions on arbitrary service lists (property-based)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from scatlas.analysis.distributions import domain_table, function_table, min_ranks, unlabelled
from scatlas.analysis.frame import Row
from scatlas.taxonomy import DOMAIN_ORDER, FUNCTIONS

DOMAINS = [d for d, _ in DOMAIN_ORDER] + [None]


def make(domains: list[str | None], functions: list[str | None]) -> list[Row]:
    return [
        Row(k, 1, "가시", "", None, None, "", None, f"s{k}", "", None, None, None, "", d, None, f)
        for k, (d, f) in enumerate(zip(domains, functions, strict=True))
    ]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(DOMAINS), min_size=1, max_size=60),
    st.lists(st.sampled_from([*list(FUNCTIONS), None]), min_size=60, max_size=60),
)
def test_shares_with_unlabelled_sum_to_one_and_counts_are_kept(domains, functions):
    rows = make(domains, functions[: len(domains)])
    table = domain_table(rows)
    assert len(table) == 12
    assert sum(d["count"] for d in table) + unlabelled(rows)["count"] == len(rows)
    assert abs(sum(d["share"] for d in table) + unlabelled(rows)["share"] - 1.0) < 1e-9
    assert sum(f["count"] for f in function_table(rows)) == len(rows)


@given(st.lists(st.integers(min_value=0, max_value=50), min_size=1, max_size=12))
def test_min_ranks_give_ties_the_best_rank_and_leave_gaps(counts):
    ranks = min_ranks(counts)
    for c, r in zip(counts, ranks, strict=True):
        assert r == 1 + sum(1 for o in counts if o > c)
    assert min(ranks) == 1
