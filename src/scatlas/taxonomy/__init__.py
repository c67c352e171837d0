"""The codebook (taxonomy) and the label normaliser."""

from scatlas.taxonomy.codebook import DOMAIN_ORDER, FUNCTIONS, TARGET_GROUPS, Codebook, load_codebook
from scatlas.taxonomy.normalise import domain_name, normalise_domain, try_normalise_domain

__all__ = [
    "DOMAIN_ORDER",
    "FUNCTIONS",
    "TARGET_GROUPS",
    "Codebook",
    "domain_name",
    "load_codebook",
    "normalise_domain",
    "try_normalise_domain",
]
