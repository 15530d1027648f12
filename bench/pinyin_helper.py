"""Is the pinyin helper process worth its code? A cold build with it, with pypinyin loaded in every process that
needs it, and with pypinyin loaded once by the build process before its workers fork.

    python bench/pinyin_helper.py [--notices 1000] [--rounds 3]

Each round builds the same generated site cold twice, the two ways taking turns, each in a fresh interpreter;
prints the medians of wall time, the build process's peak RSS and the largest worker's peak RSS.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ONE_BUILD = """
import json, resource, sys, time
from pathlib import Path
from site_gen.base import pinyin
from site_gen.commands.build import build_site
if sys.argv[3] != "helper":
    pinyin._started = lambda shared: None  # every process loads pypinyin itself, as it would without the helper
if sys.argv[3] == "before-fork":  # loaded once by the build process: its workers inherit it, copy-on-write
    pinyin._in_process("司法局")
started = time.perf_counter()
result = build_site(Path(sys.argv[1]), Path(sys.argv[2]), search=False)
seconds = time.perf_counter() - started
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
print(json.dumps({"ok": result.ok, "seconds": seconds, "build_mb": own, "worker_mb": children}))
"""


def main() -> None:
    arguments = argparse.ArgumentParser()
    arguments.add_argument("--notices", type=int, default=1000)
    arguments.add_argument("--rounds", type=int, default=3)
    options = arguments.parse_args()
    sys.path.insert(0, str(REPO))
    from tests.corpus import generate

    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        generate(site, options.notices, kb=4)
        runs: dict[str, list[dict]] = {"helper": [], "in-process": [], "before-fork": []}
        for _ in range(options.rounds):
            for way in runs:
                shutil.rmtree(site / ".site-gen-cache", ignore_errors=True)
                out = Path(folder) / f"out-{way}"
                shutil.rmtree(out, ignore_errors=True)
                done = subprocess.run(
                    [sys.executable, "-c", ONE_BUILD, str(site), str(out), way],
                    cwd=REPO,
                    capture_output=True,
                    text=True,
                    check=True,
                )
                runs[way].append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(f"{options.notices} notices, medians of {options.rounds} rounds (cold build, no search index)")
        print("| way | wall s | build process MB | largest worker MB |")
        print("|---|---|---|---|")
        for way, results in runs.items():
            assert all(r["ok"] for r in results)
            median = {key: statistics.median(r[key] for r in results) for key in ("seconds", "build_mb", "worker_mb")}
            print(f"| {way} | {median['seconds']:.2f} | {median['build_mb']:.0f} | {median['worker_mb']:.0f} |")


if __name__ == "__main__":
    main()
