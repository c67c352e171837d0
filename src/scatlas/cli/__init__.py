"""The command line: thin commands over the pipeline stages; each module registers its commands on `app`."""

from scatlas.cli import coding, extract, pipeline, report, service, web  # noqa: F401  (registers the commands)
from scatlas.cli.app import app

__all__ = ["app"]
