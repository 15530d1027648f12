"""Edit-to-rebuilt latency of `site-gen serve` for one changed notice, measured in-process.

    python bench/serve_latency.py SITE [--edits 15]

Builds the preview once, then repeatedly edits one notice's title and times Preview.on_change (detecting the
change, re-reading the file, validating, rewriting its page, the index and notices.json). Prints the median and
min-max in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from site_gen.serve import Preview


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", type=Path)
    parser.add_argument("--edits", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        preview = Preview(args.site, Path(folder) / "preview", log=lambda *_: None)
        preview.build_all()
        notice = sorted((args.site / "content").rglob("*.md"))[len(preview.notices) // 2]
        original = notice.read_text(encoding="utf-8")
        timings = []
        try:
            for edit in range(args.edits):
                notice.write_text(original.replace("title: ", f"title: 编辑{edit}", 1), encoding="utf-8")
                started = time.perf_counter()
                changed = preview.on_change()
                timings.append((time.perf_counter() - started) * 1000)
                assert changed == [notice], changed
                time.sleep(0.02)  # a new mtime for the next edit
        finally:
            notice.write_text(original, encoding="utf-8")
    print(f"{statistics.median(timings):.0f} {min(timings):.0f} {max(timings):.0f}")


if __name__ == "__main__":
    main()
