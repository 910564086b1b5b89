"""``python -m pipeline`` runs the ``minutes`` command."""

from .cli import app

app(prog_name="minutes")
