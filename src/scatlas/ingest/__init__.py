"""scatlas.ingest: one reader per format, all producing the common Document (see document.py)."""

from scatlas.ingest.detect import SUPPORTED_SUFFIXES, detect_format
from scatlas.ingest.document import Block, Cell, Document, Page, Table, TextBlock
from scatlas.ingest.limits import DEFAULT_LIMITS, Limits
from scatlas.ingest.reader import read_document

__all__ = [
    "DEFAULT_LIMITS",
    "SUPPORTED_SUFFIXES",
    "Block",
    "Cell",
    "Document",
    "Limits",
    "Page",
    "Table",
    "TextBlock",
    "detect_format",
    "read_document",
]
