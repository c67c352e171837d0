"""The command line: thin commands over the pipeline stages; each module registers its commands on `app`."""

from scatlas.cli.app import app
from scatlas.cli import pipeline, extract, coding, report, web, service  # noqa: F401,E402  (registers the commands)

__all__ = ["app"]
