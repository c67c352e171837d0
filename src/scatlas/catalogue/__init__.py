"""The catalogue stage: SQLite schema, migrations and the repository functions."""

from scatlas.catalogue.store import Catalogue, ImportResult, fold_name

__all__ = ["Catalogue", "ImportResult", "fold_name"]
