"""The ``minutes`` command: thin wrappers over the stage functions (one module per group of commands)."""

from . import extracting, scoring, ledger, searching  # noqa: F401, I001  (importing registers the commands, in this order)
from .common import app


def entrypoint() -> None:  # pragma: no cover - console script shim
    app()


__all__ = ["app", "entrypoint"]
