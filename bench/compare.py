"""Two versions of site-gen side by side, in one run: did a change make anything slower?

    python bench/compare.py BEFORE_TREE AFTER_TREE --sizes 1000 5000 --repeat 3

BEFORE_TREE and AFTER_TREE are checkouts of site-gen (e.g. `git worktree add /tmp/before f5ae44c`). For each size
the corpus (tests/corpus.py, seed 1) is written twice, one copy per version (each keeps its own build cache), then
the versions take turns, `--repeat` times, each step in a fresh process timed with /usr/bin/time:
  cold          build with no output/ and no cache (pages, data, feeds; no search)
  no change     the same build again
  one changed   one notice's title edited, then built
  preview page  `site-gen serve`'s edit-to-rebuilt for the edited notice's page (bench/serve_latency.py of
                that version), and its list pages on the next request
Both trees are byte-compiled first, as `pip install` does: where PYTHONDONTWRITEBYTECODE is set (this machine),
every run would otherwise compile each imported module again, and the bigger tree would pay more for that alone.
Prints a Markdown table: medians with min-max, peak memory, and after/before ratios of the medians.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = HERE / "_work" / "compare"
PY = sys.executable
BUILD = "from pathlib import Path; import sys; from site_gen.commands.build import build_site; " + (
    "r = build_site(Path(sys.argv[1]), Path(sys.argv[2]), search=False); sys.exit(0 if r.ok else 1)"
)


def timed(tree: Path, command: list[str]) -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MB, stdout) of one command run with `tree`'s site-gen."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    # run from the tree: `python -c` puts the working folder first on sys.path, before PYTHONPATH
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%e %M", *command], capture_output=True, text=True, env=env, cwd=tree
    )
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{result.stderr[-2000:]}")
    wall, rss = result.stderr.strip().splitlines()[-1].split()
    return float(wall), int(rss) / 1024, result.stdout


def edit_one(site: Path, round_: int) -> None:
    notice = sorted((site / "content").rglob("*.md"))[7]
    text = notice.read_text(encoding="utf-8")
    notice.write_text(text.replace("title: ", f"title: 第{round_}次修改", 1), encoding="utf-8")


def preview(tree: Path, site: Path) -> dict[str, float]:
    """The median edit-to-rebuilt milliseconds per step, as that version's serve_latency.py reports them."""
    _, _, out = timed(tree, [PY, str(tree / "bench" / "serve_latency.py"), str(site), "--edits", "9"])
    found = {}
    for line in out.splitlines():
        name, median, *_ = line.split()
        if name in ("page", "lists"):
            found["preview " + name] = float(median)
    return found


def run_version(tree: Path, site: Path, out: Path, round_: int, results: dict) -> None:
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(site / ".site-gen-cache", ignore_errors=True)
    for step in ("cold", "no change"):
        wall, rss, _ = timed(tree, [PY, "-c", BUILD, str(site), str(out)])
        results.setdefault(step, []).append((wall, rss))
    edit_one(site, round_)
    wall, rss, _ = timed(tree, [PY, "-c", BUILD, str(site), str(out)])
    results.setdefault("one changed", []).append((wall, rss))
    for step, ms in preview(tree, site).items():
        results.setdefault(step, []).append((ms / 1000, 0.0))


def row(step: str, before: list, after: list) -> str:
    def cell(values: list) -> str:
        walls = [v[0] * (1000 if step.startswith("preview") else 1) for v in values]
        unit = "ms" if step.startswith("preview") else "s"
        text = f"{statistics.median(walls):.2f} ({min(walls):.2f}–{max(walls):.2f}) {unit}"
        peak = max(v[1] for v in values)
        return text + (f", {peak:.0f} MB" if peak else "")

    ratio = statistics.median(v[0] for v in after) / statistics.median(v[0] for v in before)
    return f"| {step} | {cell(before)} | {cell(after)} | {ratio:.2f} |"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--series", type=int, default=0, help="corpus: every N successive notices one series")
    args = parser.parse_args()
    for tree in (args.before, args.after):  # as pip installs it: byte-compiled (not compiled again on every run)
        subprocess.run([PY, "-m", "compileall", "-q", str(tree / "site_gen")], check=True, stdout=subprocess.DEVNULL)
    for count in args.sizes:
        sites = {}
        for name in ("before", "after"):
            sites[name] = WORK / f"{name}-{count}"
            shutil.rmtree(sites[name], ignore_errors=True)
            subprocess.run(
                [PY, "-m", "tests.corpus", str(sites[name]), "--notices", str(count), "--series", str(args.series)],
                check=True,
                cwd=HERE.parent,
            )
        results: dict[str, dict] = {"before": {}, "after": {}}
        for round_ in range(args.repeat):
            for name, tree in (("before", args.before), ("after", args.after)):
                run_version(tree.resolve(), sites[name], WORK / f"out-{name}-{count}", round_, results[name])
        print(f"\n### {count} notices ({args.repeat} rounds, versions taking turns)\n")
        print("| step | before | after | after / before |\n|---|---|---|---|")
        for step in results["before"]:
            print(row(step, results["before"][step], results["after"][step]))


if __name__ == "__main__":
    main()
