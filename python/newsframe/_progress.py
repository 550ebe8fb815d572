"""A dependency-free progress bar for long runs, drawn on stderr only when it is a terminal."""

from __future__ import annotations

import sys
import time


class Progress:
    """Counts work done and redraws one line at most ten times a second."""

    def __init__(self, total: int, label: str = "parsing", enabled: bool | None = None) -> None:
        self.total = total
        self.done = 0
        self.label = label
        self.started = time.monotonic()
        self._last = 0.0
        if enabled is None:
            enabled = sys.stderr.isatty() and total >= 50
        self.enabled = enabled

    def advance(self, n: int) -> None:
        self.done += n
        now = time.monotonic()
        if self.enabled and (now - self._last > 0.1 or self.done >= self.total):
            self._last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        width = 30
        share = self.done / self.total if self.total else 1.0
        bar = "#" * int(share * width)
        rate = self.done / max(now - self.started, 1e-9)
        sys.stderr.write(
            f"\r{self.label} [{bar:<{width}}] {self.done}/{self.total} ({rate:,.0f}/s)"
        )
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            self._draw(time.monotonic())
            sys.stderr.write("\n")
            sys.stderr.flush()
