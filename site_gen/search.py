"""Full-text search with Pagefind: a static index, no server, Chinese segmented by its extended build.

Run over the finished pages of a build (not in the preview loop: indexing costs
far more than rendering). Only notice bodies are indexed (data-pagefind-body);
organisation, year and status are filters.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BUNDLE = "pagefind"


class SearchIndexError(RuntimeError):
    """Pagefind failed: the build stops and output/ is left as it was."""


def index_site(folder: Path) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(folder), "--output-subdir", BUNDLE, "--silent"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError((result.stderr or result.stdout).strip() or "pagefind failed")
