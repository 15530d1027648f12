"""A cold build of a site whose notices are all in series: each notice parsed once (its read worker's parse kept for
its page made at staging) against parsed again at staging, and a site without series; taking turns, medians.

    python -m tests.corpus /tmp/s1000 --notices 1000 --kb 8 --series 3
    python -m tests.corpus /tmp/n1000 --notices 1000 --kb 8
    python bench/series_parse_once.py
"""

import shutil
import statistics
import subprocess
import sys

ONE = """
import sys, time, resource
from pathlib import Path
from site_gen.commands.build import build_site
from site_gen.engine import cache
if sys.argv[2] == "parse-again":
    cache.BuildCache.parsed_notice = lambda self, digest: None
    cache.BuildCache.keep_parsed = lambda self, digest, notice: None
t = time.perf_counter()
assert build_site(Path(sys.argv[1]), Path(sys.argv[1]) / "output", search=False).ok
s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(time.perf_counter() - t, s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime)
"""
runs = {"parse-again": [], "parsed-once": [], "no-series": []}
for _ in range(3):
    for way in runs:
        site = "/tmp/n1000" if way == "no-series" else "/tmp/s1000"
        shutil.rmtree(site + "/output", ignore_errors=True)
        shutil.rmtree(site + "/.site-gen-cache", ignore_errors=True)
        out = subprocess.run(
            [sys.executable, "-c", ONE, site, way],
            capture_output=True,
            text=True,
            cwd="/work/main",
            env={"PATH": "/usr/bin:/bin:/root/.pyenv/shims", "PYTHONPATH": "/work/main", "HOME": "/root"},
        ).stdout.split()
        runs[way].append((float(out[-2]), float(out[-1])))
for way, r in runs.items():
    print(
        way,
        "wall",
        round(statistics.median(x[0] for x in r), 2),
        "cpu",
        round(statistics.median(x[1] for x in r), 2),
        r,
    )
