"""A dependency-free progress bar for long runs, drawn on stderr only when it is a terminal."""

from __future__ import annotations

import sys
import time


class Progress:
    """Counts inputs and bytes done and redraws one line at most ten times a second.

    The line shows articles/s and MB/s: inputs differ in size by orders of magnitude, so
    the byte rate is the one that tells how long a crawl will take.
    """

    def __init__(self, total: int, label: str = "parsing", enabled: bool | None = None) -> None:
        self.total = total
        self.done = 0
        self.bytes = 0
        self.label = label
        self.started = time.monotonic()
        self._last = 0.0
        if enabled is None:
            enabled = sys.stderr.isatty() and total >= 50
        self.enabled = enabled

    def advance(self, n: int, nbytes: int = 0) -> None:
        self.done += n
        self.bytes += nbytes
        now = time.monotonic()
        if self.enabled and (now - self._last > 0.1 or self.done >= self.total):
            self._last = now
            self._draw(now)

    def line(self, now: float) -> str:
        """The text of the bar at time ``now``."""
        width = 30
        share = min(self.done / self.total, 1.0) if self.total else 1.0
        bar = "#" * int(share * width)
        elapsed = max(now - self.started, 1e-9)
        return (f"\r{self.label} [{bar:<{width}}] {self.done}/{self.total} "
                f"({self.done / elapsed:,.0f} articles/s, {self.bytes / elapsed / 1e6:,.1f} MB/s)")

    def _draw(self, now: float) -> None:
        sys.stderr.write(self.line(now))
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            self._draw(time.monotonic())
            sys.stderr.write("\n")
            sys.stderr.flush()
