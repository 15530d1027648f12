"""A progress line for long builds on a terminal; silence elsewhere (CI logs get the one-line summary)."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressLine:
    """Rewrites one terminal line: pages done / total, rate and time left. Does nothing when not a terminal."""

    def __init__(self, stream: TextIO = sys.stderr, every: float = 0.2):
        self.stream, self.every = stream, every
        self.enabled = stream.isatty()
        self.started = time.perf_counter()
        self.shown = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.perf_counter()
        if not self.enabled or (now - self.shown < self.every and done < total):
            return
        self.shown = now
        rate = done / max(now - self.started, 1e-9)
        left = (total - done) / rate if rate else 0
        self.stream.write(f"\r  rendering pages {done}/{total}  {rate:.0f}/s  about {left:.0f}s left ")
        if done >= total:
            self.stream.write("\r" + " " * 70 + "\r")
        self.stream.flush()
