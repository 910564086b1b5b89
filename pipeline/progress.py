"""Progress for long runs: a rich bar on a terminal, plain log lines otherwise.

Batch runs go to log files and CI as often as to terminals; a progress bar's
control codes make logs unreadable, so without a TTY a line is printed every
few seconds instead.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

LOG_EVERY_S = 5.0


class FileProgress:
    def __init__(self, total: int, label: str = "extracting", enabled: bool = True):
        self.total = total
        self.done = 0
        self.start = time.monotonic()
        self.console = Console(stderr=True)
        self.tty = enabled and sys.stderr.isatty()
        self.enabled = enabled
        self._last_log = self.start
        self._bar: Progress | None = None
        if self.tty:
            self._bar = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("{task.fields[rate]} files/s"), TimeElapsedColumn(),
                                 TextColumn("ETA"), TimeRemainingColumn(), console=self.console, transient=True)
            self._task = self._bar.add_task(label, total=total, rate="-")
            self._bar.start()

    def advance(self, path: Path, status: str) -> None:
        self.done += 1
        elapsed = time.monotonic() - self.start
        rate = self.done / elapsed if elapsed > 0 else 0.0
        if self._bar is not None:
            self._bar.update(self._task, advance=1, rate=f"{rate:.1f}")
        elif self.enabled and (time.monotonic() - self._last_log >= LOG_EVERY_S or self.done == self.total):
            self._last_log = time.monotonic()
            print(f"[{self.done}/{self.total}] {rate:.1f} files/s, last: {path} ({status})", file=sys.stderr)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None  # closed once; a later file (none should come) is logged as a line

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.start
