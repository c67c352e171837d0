"""Plan metadata shared by the document extractor and the tabular importer: the municipality register, the plan
title and the plan period. Below ingest and extract: it imports nothing from the pipeline stages."""

from scatlas.planmeta.metadata import PlanMetadata, metadata_from_lines, period_warning, resolve_name
from scatlas.planmeta.period import decide_period, parse_period
from scatlas.planmeta.title import find_title, strip_quotes

__all__ = [
    "PlanMetadata",
    "decide_period",
    "find_title",
    "metadata_from_lines",
    "parse_period",
    "period_warning",
    "resolve_name",
    "strip_quotes",
]
