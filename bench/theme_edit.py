"""Editing the theme: a cold build (pages and search) against the build after one template edit, two versions
side by side, taking turns, each build in a fresh process.

    git worktree add /tmp/before REV
    python bench/theme_edit.py /tmp/before . --notices 5000 --rounds 1

Per version and round: the corpus (tests/corpus.py, seed 1) copied, built cold with search, then the site given its
own notice.html (the theme's, one attribute added) and built again. Prints wall seconds and peak memory (medians
over rounds) and each version's edit / cold ratio. Issue #28's target: the edit ≤ half of a cold build.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

WORK = Path(__file__).resolve().parent / "_work" / "theme_edit"
BUILD = (
    "from pathlib import Path; import sys; from site_gen.commands.build import build_site; "
    "r = build_site(Path(sys.argv[1]), Path(sys.argv[1]) / 'output'); sys.exit(0 if r.ok else 1)"
)


def timed(tree: Path, site: Path) -> tuple[float, float]:
    """(wall seconds, peak MB) of one build with `tree`'s site-gen."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%e %M", sys.executable, "-c", BUILD, str(site)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tree,
    )
    if done.returncode != 0:
        raise SystemExit(f"build failed with {tree}:\n{done.stderr[-2000:]}")
    wall, rss = done.stderr.strip().splitlines()[-1].split()
    return float(wall), int(rss) / 1024


def edit_theme(tree: Path, site: Path) -> None:
    templates = site / "templates"
    templates.mkdir(exist_ok=True)
    text = (tree / "templates" / "notice.html").read_text(encoding="utf-8")
    (templates / "notice.html").write_text(
        text.replace('<article class="notice"', '<article data-edited class="notice"', 1), encoding="utf-8"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("trees", type=Path, nargs="+")
    parser.add_argument("--notices", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    corpus = WORK / f"corpus-{args.notices}"
    if not corpus.is_dir():
        subprocess.run(
            [sys.executable, "-m", "tests.corpus", str(corpus), "--notices", str(args.notices)],
            check=True,
            cwd=Path(__file__).resolve().parents[1],
            capture_output=True,
        )
    for tree in args.trees:  # compiled first, as pip install does: see compare.py
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "site_gen")], check=True)
    results: dict[str, dict[str, list[tuple[float, float]]]] = {str(t): {"cold": [], "edit": []} for t in args.trees}
    for _ in range(args.rounds):
        for tree in args.trees:
            site = WORK / "site"
            shutil.rmtree(site, ignore_errors=True)
            shutil.copytree(corpus, site)
            results[str(tree)]["cold"].append(timed(tree, site))
            edit_theme(tree, site)
            results[str(tree)]["edit"].append(timed(tree, site))
    print(
        f"| version ({args.notices} notices, {args.rounds} round(s)) | cold build with search | after a template edit | edit / cold |"
    )
    print("|---|---|---|---|")
    for tree, steps in results.items():
        cold, edit = (statistics.median(w for w, _ in steps[s]) for s in ("cold", "edit"))
        peaks = [statistics.median(m for _, m in steps[s]) for s in ("cold", "edit")]
        print(f"| {tree} | {cold:.2f} s, {peaks[0]:.0f} MB | {edit:.2f} s, {peaks[1]:.0f} MB | {edit / cold:.2f} |")


if __name__ == "__main__":
    main()
