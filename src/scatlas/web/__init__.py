"""The web dashboard and JSON API (`scatlas serve`): `create_app(WebSettings(db=...))` gives the ASGI app."""

from scatlas.web.app import WebSettings, create_app

__all__ = ["WebSettings", "create_app"]
