"""The Typer application and the options every command spells the same way."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from scatlas.i18n import _

app = typer.Typer(
    name="scatlas",
    help="Smart City service Atlas: Korean smart city plans in, an analysed inventory of their services out.\n\n"
    "Example: scatlas demo",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)

console = Console()
err_console = Console(stderr=True)


@app.callback()
def _language(
    ctx: typer.Context,
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="Language of messages and reports: ko (default) or en. Else SCATLAS_LANG or LANG."),
    ] = None,
) -> None:
    """Smart City service Atlas: Korean smart city plans in, an analysed inventory of their services out."""
    from scatlas.i18n import LANGUAGES, set_language

    if lang is not None:
        if lang not in LANGUAGES:
            raise typer.BadParameter(f"{lang!r}: ko | en", param_hint="--lang")
        set_language(lang)
        ctx.call_on_close(lambda: set_language(None))  # for this command only (tests run many in one process)


#: `--db FILE`, the catalogue (docs/contracts.md#command-line: scatlas.db in the current directory by default).
DbOption = Annotated[Path, typer.Option("--db", help="The catalogue (SQLite file).", envvar="SCATLAS_DB")]
DEFAULT_DB = Path("scatlas.db")


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a clean error and return the Exit to raise."""
    label = _("오류")  # outside the f-string: Babel reads f-string internals only on Python ≥ 3.12
    err_console.print(f"[bold red]{escape(label)}:[/] {escape(message)}")  # user text may hold [brackets]
    return typer.Exit(code)
