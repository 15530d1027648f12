"""Edit-to-rebuilt latency of `site-gen serve` for one changed notice, measured in-process.

    python bench/serve_latency.py SITE [--edits 15]

Times the preview's start (reading and writing the whole site, once), then repeatedly edits one notice's title
and times, per edit:
  page      Preview.on_change with the path the watcher reports: re-read and check the file, rewrite its page
            and data record (what the browser showing that notice reloads);
  lists     Preview.prepare("index.html"), the first request for a list page after the edit: every home, group
            and feed page whose notices changed, by the build's rules;
  data      Preview.prepare("notices.json"), when someone asks for the open-data list;
  detect    from the write to the watcher (watchfiles, with the preview's filter) reporting the file.
Prints one line per measurement: name, median, min, max, in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from pathlib import Path

from site_gen.commands.serve import WATCHED, Preview
from site_gen.commands.watch import SiteFilter, site_changes


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", type=Path)
    parser.add_argument("--edits", type=int, default=15)
    args = parser.parse_args()
    site = args.site.resolve()
    timings: dict[str, list[float]] = {"start": [], "page": [], "lists": [], "data": [], "detect": []}
    with tempfile.TemporaryDirectory() as folder:
        preview = Preview(site, Path(folder) / "preview", log=lambda *_: None)
        started = time.perf_counter()
        preview.build_all()
        timings["start"].append((time.perf_counter() - started) * 1000)
        notices = sorted((site / "content").rglob("*.md"))
        notice = notices[len(notices) // 2]
        original = notice.read_text(encoding="utf-8")
        try:
            for edit in range(args.edits):
                notice.write_text(original.replace("title: ", f"title: 编辑{edit}", 1), encoding="utf-8")
                for name, step in (
                    ("page", lambda: preview.on_change([notice])),
                    ("lists", lambda: preview.prepare("index.html")),
                    ("data", lambda: preview.prepare("notices.json")),
                ):
                    started = time.perf_counter()
                    step()
                    timings[name].append((time.perf_counter() - started) * 1000)
            timings["detect"] = detection(site, notice, original, args.edits)
        finally:
            notice.write_text(original, encoding="utf-8")
    for name, values in timings.items():
        print(f"{name} {statistics.median(values):.0f} {min(values):.0f} {max(values):.0f}")


def detection(site: Path, notice: Path, original: str, edits: int) -> list[float]:
    """Write-to-reported delay of the preview's watcher (watchfiles groups a save's events first)."""
    stop, reported, timings = threading.Event(), threading.Event(), []

    def watch() -> None:
        for _ in site_changes(site, SiteFilter(site, WATCHED), stop):
            reported.set()

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    time.sleep(1)  # the watcher is up
    for edit in range(edits):
        reported.clear()
        started = time.perf_counter()
        notice.write_text(original.replace("title: ", f"title: 侦测{edit}", 1), encoding="utf-8")
        if reported.wait(10):
            timings.append((time.perf_counter() - started) * 1000)
        time.sleep(0.2)
    stop.set()
    thread.join(5)
    return timings


if __name__ == "__main__":
    main()
