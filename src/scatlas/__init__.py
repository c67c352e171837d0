"""scatlas: Smart City service Atlas."""

__version__ = "0.1.0"
