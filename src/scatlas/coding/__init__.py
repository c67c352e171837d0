"""Coding services into the codebook: Korean text features, the hybrid coder, evaluation, review, agreement.

``from scatlas.coding import load_coder; codings = load_coder().code(services)`` is the pipeline's entry point.
Importing this package is cheap: kiwipiepy and scikit-learn load only when a coder is first built or used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from scatlas.coding.baseline import KeywordCoder
    from scatlas.coding.coder import HybridCoder
    from scatlas.coding.store import load_coder

__all__ = ["HybridCoder", "KeywordCoder", "load_coder"]

_LAZY = {
    "load_coder": ("scatlas.coding.store", "load_coder"),
    "HybridCoder": ("scatlas.coding.coder", "HybridCoder"),
    "KeywordCoder": ("scatlas.coding.baseline", "KeywordCoder"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'scatlas.coding' has no attribute {name!r}")
