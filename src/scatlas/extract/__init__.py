"""Extraction: the services a plan lists and the plan's metadata (municipality, title, period)."""

from scatlas.extract.municipalities import load_register, resolve_municipality
from scatlas.extract.plan import PlanExtractor, extract_plan
from scatlas.planmeta import parse_period

__all__ = ["PlanExtractor", "extract_plan", "load_register", "parse_period", "resolve_municipality"]
