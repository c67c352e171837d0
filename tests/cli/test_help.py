"""Every command documents itself with an example (sqlite-utils' habit)."""

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from scatlas.cli import app

runner = CliRunner()
COMMANDS = sorted(get_command(app).commands)


def test_the_design_commands_exist():
    design = {
        "demo",
        "ingest",
        "extract",
        "classify",
        "evaluate",
        "report",
        "export",
        "serve",
        "train",
        "review",
        "agreement",
        "stats",
    }
    missing = design - set(COMMANDS)
    assert not missing, f"commands of docs/contracts.md not registered: {sorted(missing)}"


def test_top_level_help_has_an_example():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0 and "Example:" in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_has_an_example(command):
    result = runner.invoke(app, [command, "--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output and f"scatlas {command}" in result.output
