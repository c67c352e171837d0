"""Commands: web (see scatlas.cli)."""

from scatlas.cli.app import app  # noqa: F401
