"""A progress line for long work, fed by the engine as the workers' results arrive.

On a terminal one line is rewritten: the phase (reading notices, notice pages, list pages, search), done / total,
the time taken and the time left. Elsewhere (a CI log) nothing is printed while it works: the command's summary is
the one final line; with --verbose each phase ends with a line of its own. Ours rather than rich or tqdm (both on
PyPI, neither a dependency yet): what is needed is one rewritten line in the site's language from the message
tables, phases, and silence in logs, which is forty lines here and a new dependency (rich: several MB, its own
terminal detection and markup) there; neither translates its own words ("it/s", "eta").
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from ..base.cli_text import say


class ProgressLine:
    """Called as progress(done, total, phase); finish() clears the line (or, verbose, reports the last phase)."""

    def __init__(
        self, language: str = "en", stream: TextIO | None = None, every: float = 0.2, verbose: bool = False
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.language, self.every, self.verbose = language, every, verbose
        self.live = self.stream.isatty()
        self.phase, self.total = "", 0
        self.phase_started = self.shown = 0.0
        self.width = 0

    def __call__(self, done: int, total: int, phase: str = "pages") -> None:
        now = time.perf_counter()
        if phase != self.phase:
            self.end_phase(now)
            self.phase, self.phase_started, self.shown = phase, now, 0.0
        self.total = total
        if not self.live or (now - self.shown < self.every and 0 < done < total):
            return
        self.shown = now
        elapsed = now - self.phase_started
        left = elapsed / done * (total - done) if done else 0.0
        line = say(
            "progress",
            self.language,
            phase=say(f"phase-{phase}", self.language),
            done=done,
            total=total,
            elapsed=f"{elapsed:.0f}",
            left=f"{left:.0f}",
        )
        self.stream.write("\r" + line + " " * max(0, self.width - len(line)))
        self.width = len(line)
        self.stream.flush()

    def end_phase(self, now: float) -> None:
        if not self.phase:
            return
        if self.live and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.width = 0
        if self.verbose:
            name = say(f"phase-{self.phase}", self.language)
            elapsed = f"{now - self.phase_started:.1f}"
            self.stream.write(say("phase-done", self.language, phase=name, total=self.total, elapsed=elapsed) + "\n")
        self.stream.flush()

    def finish(self) -> None:
        self.end_phase(time.perf_counter())
        self.phase = ""


def silent(done: int, total: int, phase: str = "") -> None:
    """The progress of a --quiet run: none."""
