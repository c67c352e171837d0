"""One message catalogue for the CLI, the web pages, the reports and the exports (gettext, compiled with Babel).

Messages are written in Korean in the code — Korean is the default language and needs no catalogue — and wrapped in
`_()`. English lives in `locale/en/LC_MESSAGES/scatlas.po`, compiled to `scatlas.mo` and shipped in the package.
The language: `--lang en` (CLI), the web toggle (`?lang=en`, remembered in a cookie), else `SCATLAS_LANG`, else the
locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: en_* means English). docs/i18n.md says how to add a message.
"""

from __future__ import annotations

import gettext as _gettext
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from importlib import resources

DOMAIN = "scatlas"
LANGUAGES = ("ko", "en")
DEFAULT_LANGUAGE = "ko"

_current: ContextVar[str | None] = ContextVar("scatlas_language", default=None)


def language_from_env(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for: SCATLAS_LANG, else the POSIX locale variables; Korean by default."""
    env = os.environ if environ is None else environ
    for name in ("SCATLAS_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = (env.get(name) or "").strip().lower()
        if not value:
            continue
        code = value.split(".")[0].split("_")[0].split("-")[0]
        return code if code in LANGUAGES else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def current_language() -> str:
    """The language set for this thread or request (set_language), else the environment's."""
    return _current.get() or language_from_env()


def set_language(lang: str | None) -> None:
    """Use `lang` for the messages of this context (None: back to the environment's)."""
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; one of {', '.join(LANGUAGES)}")
    _current.set(lang)


@contextmanager
def language(lang: str | None) -> Iterator[None]:
    """Messages in `lang` inside the block."""
    token = _current.set(lang)
    try:
        yield
    finally:
        _current.reset(token)


@cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The compiled catalogue for `lang` (Korean, the source language, needs none)."""
    if lang == DEFAULT_LANGUAGE:
        return _gettext.NullTranslations()
    folder = str(resources.files("scatlas").joinpath("locale"))
    return _gettext.translation(DOMAIN, localedir=folder, languages=[lang], fallback=True)


def gettext(message: str) -> str:
    """The message in the current language (the Korean text itself when there is no translation)."""
    return translations(current_language()).gettext(message)


def translate_to(message: str, lang: str) -> str:
    """The message in `lang`, whatever the current language."""
    return translations(lang).gettext(message)


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is defined; translate it with _() where it is shown."""
    return message


_ = gettext
