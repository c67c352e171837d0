"""The analysis stage: distributions, archetypes, differentiation, consistency, reference comparison, trends.

`build_analysis(cat, basis)` gives the whole analysis.json as a dict; the modules hold one concern each.
"""

from scatlas.analysis.build import analyse_rows, build_analysis
from scatlas.analysis.diagnosis import diagnose
from scatlas.analysis.frame import BASES, UNLABELLED, Row, load_rows

__all__ = ["BASES", "UNLABELLED", "Row", "analyse_rows", "build_analysis", "diagnose", "load_rows"]
