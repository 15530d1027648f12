"""The full search index alone, three ways, interleaved run by run, on one corpus: robust to a busy machine.

    python bench/search_index_bench.py --size 2000 --before /tmp/before [--repeat 2] [--readers]

  before: `index_site(output)` of the other checkout (e.g. main): Pagefind over each year's built pages;
  after:  this checkout's `index_site(folder, shards)` over the notices' search records (made beforehand, and
          timed apart: in a build they are made by the read workers, on both cores);
  hugo:   `python -m pagefind --site public` over Hugo's pages of the same notices (bench/hugo/), one bundle.
Each run of each is a fresh process under /usr/bin/time: wall seconds and CPU seconds (user + system, Pagefind's
processes included). The three alternate (before, after, hugo, before, ...) so that the machine's load, shared
with others, weighs on each alike; medians. With --readers, a query's time to first results in a fresh Chromium
context (bench/search_bench.py's first_results), also interleaved, over the three outputs.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
AFTER = HERE.parent
WORK = HERE / "_work"
PY = sys.executable
sys.path.insert(0, str(HERE))
from search_bench import HUGO_SEARCH, HUGO_START, QUERIES, corpus, first_results_once, measured  # noqa: E402

RECORDS = """
import pickle, sys, time
from pathlib import Path
from site_gen.notice.config import load_config
from site_gen.notice.reader import read_notice
from site_gen.pages.search_record import encoded, search_record
site = Path(sys.argv[1])
config, _ = load_config(site)
found, spent = [], 0.0
for path in sorted((site / "content").rglob("*.md")):
    notice, _ = read_notice(path, config)
    start = time.perf_counter()
    record = encoded(search_record(notice, config))
    spent += time.perf_counter() - start
    found.append(((-notice.date.toordinal(), notice.slug), str(notice.date.year), record))
shards = {}
for _, year, record in sorted(found):
    shards.setdefault(year, []).append(record)
Path(sys.argv[2]).write_bytes(pickle.dumps(shards))
print(f"{spent:.2f}")
"""
INDEX_RECORDS = (
    "import pickle, sys; from pathlib import Path; from site_gen.engine.search import index_site; "
    "index_site(Path(sys.argv[2]), pickle.loads(Path(sys.argv[1]).read_bytes()))"
)
INDEX_PAGES = (
    "import sys; from pathlib import Path; from site_gen.engine.search import index_site; index_site(Path(sys.argv[1]))"
)


def timed(command: list[str], checkout: Path | None = None, cwd: Path | None = None) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds, stdout) of one command, with site-gen imported from checkout."""
    wall, cpu, _, stdout = measured(command, checkout, cwd)
    return wall, cpu, stdout


def prepare(count: int, before: Path) -> tuple[Path, Path, Path, float]:
    """Before's built pages, the records (and the seconds spent making them), Hugo's pages."""
    site = corpus(count)
    pages = WORK / f"pages-before-{count}"
    if not (pages / "index.html").is_file():
        code = f"from pathlib import Path; from site_gen.commands.build import build_site; build_site(Path({str(site)!r}), Path({str(pages)!r}), search=False)"
        timed([PY, "-c", code], before)
    records = WORK / f"records-{count}.pickle"
    made_file = records.with_suffix(".seconds")
    if not records.is_file() or not made_file.is_file():
        made_file.write_text(timed([PY, "-c", RECORDS, str(site), str(records)], AFTER)[2])
    made = float(made_file.read_text())
    hugo_site = WORK / f"hugo-{count}"
    if not hugo_site.is_dir():
        shutil.copytree(HERE / "hugo", hugo_site)
        (hugo_site / "content").symlink_to(site / "content")
    if not (hugo_site / "public" / "index.html").is_file():
        subprocess.run(["hugo", "--quiet", "-s", str(hugo_site)], check=True)
    (hugo_site / "public" / "search.html").write_text(HUGO_SEARCH, encoding="utf-8")
    (hugo_site / "public" / "search-start.js").write_text(HUGO_START, encoding="utf-8")
    return pages, records, hugo_site, made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--readers", action="store_true")
    args = parser.parse_args()
    before = args.before.resolve()
    print("uptime:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip(), flush=True)
    pages, records, hugo_site, made = prepare(args.size, before)
    after_out = WORK / f"records-index-{args.size}"
    runs: dict[str, list[tuple[float, float]]] = {"before": [], "after": [], "hugo": []}
    for _ in range(args.repeat):
        shutil.rmtree(pages / "pagefind", ignore_errors=True)
        runs["before"].append(timed([PY, "-c", INDEX_PAGES, str(pages)], before)[:2])
        shutil.rmtree(after_out, ignore_errors=True)
        runs["after"].append(timed([PY, "-c", INDEX_RECORDS, str(records), str(after_out)], AFTER)[:2])
        shutil.rmtree(hugo_site / "public" / "pagefind", ignore_errors=True)
        runs["hugo"].append(timed([PY, "-m", "pagefind", "--site", "public", "--silent"], cwd=hugo_site)[:2])
        print({name: values[-1] for name, values in runs.items()}, flush=True)
    print(f"\n### full search index, {args.size} notices ({args.repeat} interleaved runs, medians)\n")
    print("| index | wall s | CPU s |\n|---|---|---|")
    labels = {
        "before": "before: Pagefind over each year's pages",
        "after": "after: Pagefind given the records, shards in parallel",
        "hugo": "Pagefind over Hugo's pages (one bundle)",
    }
    wall = {name: statistics.median(v[0] for v in values) for name, values in runs.items()}
    cpu = {name: statistics.median(v[1] for v in values) for name, values in runs.items()}
    for name in runs:
        print(f"| {labels[name]} | {wall[name]:.1f} | {cpu[name]:.1f} |")
    print(f"| making the records (in a build: the read workers) | | {made:.1f} |")
    print(f"\nafter/before: wall {wall['after'] / wall['before']:.2f}x, CPU {cpu['after'] / cpu['before']:.2f}x")
    print(f"after/hugo's Pagefind: wall {wall['after'] / wall['hugo']:.2f}x, CPU {cpu['after'] / cpu['hugo']:.2f}x")
    if args.readers:
        outs = {"before": pages, "after": after_out, "hugo": hugo_site / "public"}
        if not (after_out / "search.html").is_file():  # the records' bundles served beside before's pages
            for entry in pages.iterdir():
                if entry.name != "pagefind":
                    target = after_out / entry.name
                    (shutil.copytree if entry.is_dir() else shutil.copyfile)(entry, target)
        shutil.rmtree(pages / "pagefind", ignore_errors=True)
        timed([PY, "-c", INDEX_PAGES, str(pages)], before)
        found: dict[tuple[str, str], list[float]] = {}
        for _ in range(5):
            for query in QUERIES:
                for name, folder in outs.items():
                    found.setdefault((name, query), []).append(first_results_once(folder, query))
        print(
            "\n| readers' first results, fresh Chromium context (median of 5, interleaved), ms | " + " | ".join(QUERIES)
        )
        print("|---|---|---|")
        for name in outs:
            print(f"| {name} | " + " | ".join(f"{statistics.median(found[(name, q)]):.0f}" for q in QUERIES) + " |")
    print("\nuptime:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip(), flush=True)
    time.sleep(0)


if __name__ == "__main__":
    main()
