"""Commands: report (see scatlas.cli)."""

from scatlas.cli.app import app  # noqa: F401
