"""Hugo's live server, edit to rebuilt, on the same corpus: the figure `site-gen serve` is compared with.

    python bench/hugo_serve_latency.py bench/_work/site-5000 [--edits 15]

Copies the corpus into a scratch Hugo project (bench/hugo/ templates; real files, since Hugo's watcher does not
follow a symlinked content folder), starts `hugo server` (pages rendered to memory, its default), edits one
notice's title repeatedly and reads Hugo's own "Total in N ms" for each rebuild, like serve_latency.py times
site-gen's rebuild without the watcher's polling delay. Prints the median and min-max in milliseconds.
"""

from __future__ import annotations

import argparse
import queue
import re
import shutil
import socket
import statistics
import subprocess
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOTAL = re.compile(r"Total in (\d+) ms")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", type=Path)
    parser.add_argument("--edits", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "hugo"
        shutil.copytree(HERE / "hugo", project)
        shutil.copytree(args.site / "content", project / "content")
        server = subprocess.Popen(
            ["hugo", "server", "-s", str(project), "--bind", "127.0.0.1", "--port", str(free_port()), "--quiet=false"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: [lines.put(line) for line in server.stdout], daemon=True).start()
        try:
            wait_for(lines, "Web Server is available", 600)
            notice = sorted((project / "content").rglob("*.md"))[7]
            original = notice.read_text(encoding="utf-8")
            timings = []
            for edit in range(args.edits):
                notice.write_text(original.replace("title: ", f"title: 编辑{edit}", 1), encoding="utf-8")
                timings.append(int(TOTAL.search(wait_for(lines, "Total in", 120)).group(1)))
                time.sleep(0.3)
        finally:
            server.terminate()
            server.wait()
    print(f"{statistics.median(timings):.0f} {min(timings):.0f} {max(timings):.0f}")


def wait_for(lines: queue.Queue, text: str, seconds: float) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
        except queue.Empty:
            break
        if text in line:
            return line
    raise SystemExit(f"hugo server: no '{text}' within {seconds:.0f} s")


if __name__ == "__main__":
    main()
