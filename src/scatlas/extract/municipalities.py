"""The municipality register lives in scatlas.planmeta.register (shared with the tabular importer)."""

from scatlas.planmeta.register import (  # noqa: F401  (re-exported for the extractors)
    Mention,
    Municipality,
    Register,
    Resolution,
    find_mentions,
    load_register,
    own_names,
    resolve_mentions,
    resolve_municipality,
)
