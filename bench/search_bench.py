"""Search side by side, in one run: site-gen before (another checkout, e.g. main) and after, against Hugo + Pagefind.

    python bench/search_bench.py --sizes 2000 5000 --before /work/main [--readers 1000] [--repeat 1]

For each size N, on the corpus of bench/run.py (tests/corpus.py, seed 1, ~21 KB/notice, bench/_work/site-N), each
command in a fresh process with /usr/bin/time (wall seconds, peak RSS):
  for before and after (PYTHONPATH set to each checkout): cold build without search, cold build with search (no
  output, no .site-gen-cache: what a user runs first), the search part (the difference), and one notice changed
  with its search shard;
  Hugo (templates in bench/hugo/) and `python -m pagefind --site public` over its pages (one bundle).
With --readers N: a query's time to first results in a fresh Chromium context (median of 5, as tests/test_search.py
drives the page) for 整改 and 专项督查, over before's and after's output and Hugo + Pagefind's, at size N.
Prints one Markdown table per size; `uptime` before and after, since the machine may be shared.
"""

from __future__ import annotations

import argparse
import os
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
QUERIES = ("整改", "专项督查")  # 安全生产 is not in this corpus: a phrase of it instead
HUGO_SEARCH = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>search</title>
<link rel="stylesheet" href="/pagefind/pagefind-ui.css"></head><body><div id="search"></div>
<script src="/pagefind/pagefind-ui.js"></script><script src="/search-start.js"></script></body></html>
"""
HUGO_START = """var ui = new PagefindUI({element: "#search", showSubResults: true, showImages: false});
var q = new URLSearchParams(location.search).get("q"); if (q) ui.triggerSearch(q);
"""


def timed(command: list[str], checkout: Path | None = None, cwd: Path | None = None) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one command, with site-gen imported from checkout."""
    wall, _, rss, _ = measured(command, checkout, cwd)
    return wall, rss


def measured(
    command: list[str], checkout: Path | None = None, cwd: Path | None = None
) -> tuple[float, float, float, str]:
    """(wall seconds, CPU seconds, peak RSS in MB, stdout) of one command, with site-gen imported from checkout."""
    env = dict(os.environ)
    if checkout is not None:
        env["PYTHONPATH"] = str(checkout)
    if cwd is None and checkout is not None:  # `python -c` puts its folder first on sys.path: the checkout's own
        cwd = checkout
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%e %U %S %M", *command], cwd=cwd, capture_output=True, text=True, env=env
    )
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{result.stderr[-2000:]}")
    wall, user, system, rss = result.stderr.strip().splitlines()[-1].split()
    return float(wall), float(user) + float(system), int(rss) / 1024, result.stdout


def build(site: Path, out: Path, search: bool) -> list[str]:
    code = (
        "import sys; from pathlib import Path; from site_gen.commands.build import build_site; "
        f"r = build_site(Path({str(site)!r}), Path({str(out)!r}), search={search}); sys.exit(0 if r.ok else 1)"
    )
    return [PY, "-c", code]


def corpus(count: int) -> Path:
    site = WORK / f"site-{count}"
    if not site.is_dir():
        subprocess.run([PY, "-m", "tests.corpus", str(site), "--notices", str(count)], check=True, cwd=AFTER)
    return site


def touch_one(site: Path, edit: int) -> tuple[Path, str]:
    """One notice's title edited; returns the file and its text as it was."""
    notice = sorted((site / "content").rglob("*.md"))[7]
    text = notice.read_text(encoding="utf-8")
    notice.write_text(text.replace("title: ", f"title: 改{edit}", 1), encoding="utf-8")
    return notice, text


def cold(site: Path, out: Path, checkout: Path, search: bool) -> tuple[float, float]:
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(site / ".site-gen-cache", ignore_errors=True)
    return timed(build(site, out, search), checkout)


def run_size(count: int, before: Path) -> tuple[dict[str, tuple[float, float]], dict[str, Path]]:
    site = corpus(count)
    rows: dict[str, tuple[float, float]] = {}
    outs = {}
    for name, checkout in (("before", before), ("after", AFTER)):
        out = WORK / f"search-{name}-{count}"
        rows[f"{name}: cold build, no search"] = cold(site, out, checkout, False)
        rows[f"{name}: cold build with search"] = cold(site, out, checkout, True)
        original = touch_one(site, 1)
        rows[f"{name}: one changed + its search shard"] = timed(build(site, out, True), checkout)
        original[0].write_text(original[1], encoding="utf-8")  # the next cold builds read the corpus as generated
        outs[name] = out
    hugo_site = WORK / f"hugo-{count}"
    if not hugo_site.is_dir():
        shutil.copytree(HERE / "hugo", hugo_site)
        (hugo_site / "content").symlink_to(site / "content")
    shutil.rmtree(hugo_site / "public", ignore_errors=True)
    rows["hugo"] = timed(["hugo", "--quiet", "-s", str(hugo_site)])
    rows["pagefind over hugo's pages"] = timed([PY, "-m", "pagefind", "--site", "public", "--silent"], cwd=hugo_site)
    (hugo_site / "public" / "search.html").write_text(HUGO_SEARCH, encoding="utf-8")
    (hugo_site / "public" / "search-start.js").write_text(HUGO_START, encoding="utf-8")
    outs["hugo"] = hugo_site / "public"
    return rows, outs


def first_results(folder: Path, query: str, runs: int = 5) -> float:
    """Median milliseconds from opening search.html?q= in a fresh browser context to the first result's link."""
    return statistics.median(first_results_once(folder, query) for _ in range(runs))


def first_results_once(folder: Path, query: str) -> float:
    """One fresh Chromium context: milliseconds from opening search.html?q= to the first result's link."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(AFTER))
    from tests.conftest import CHROMIUM_ARGS

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/search.html?q={query}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium") or shutil.which("chromium-browser"), args=CHROMIUM_ARGS
        )
        context = browser.new_context()
        page = context.new_page()
        start = time.perf_counter()
        page.goto(url)
        page.wait_for_selector(".pagefind-ui__result-link", timeout=60_000)
        took = (time.perf_counter() - start) * 1000
        context.close()
        browser.close()
    server.shutdown()
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000])
    parser.add_argument("--before", type=Path, required=True, help="the checkout to compare with (e.g. /work/main)")
    parser.add_argument("--readers", type=int, default=0, help="the size to time readers' first results at")
    args = parser.parse_args()
    print("uptime:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    sizes = sorted(set(args.sizes) | ({args.readers} if args.readers else set()))
    for count in sizes:
        rows, outs = run_size(count, args.before.resolve())
        for name in ("before", "after"):
            with_search = rows[f"{name}: cold build with search"][0]
            rows[f"{name}: search part (with - without)"] = (with_search - rows[f"{name}: cold build, no search"][0], 0)
        rows["hugo + pagefind"] = (rows["hugo"][0] + rows["pagefind over hugo's pages"][0], 0)
        print(f"\n### {count} notices\n\n| step | wall s | peak RSS MB |\n|---|---|---|")
        for step, (wall, rss) in rows.items():
            print(f"| {step} | {wall:.2f} | {rss:.0f} |" if rss else f"| {step} | {wall:.2f} | |")
        b, a = rows["before: search part (with - without)"][0], rows["after: search part (with - without)"][0]
        pf = rows["pagefind over hugo's pages"][0]
        print(f"\nsearch part: after/before {a / b:.2f}x, after/pagefind-over-hugo {a / pf:.2f}x")
        user = rows["after: cold build with search"][0] / rows["hugo + pagefind"][0]
        print(f"whole cold build with search: after/(hugo + pagefind) {user:.2f}x")
        if count == args.readers:
            print("\n| readers' first results (median of 5, ms) | " + " | ".join(QUERIES) + " |\n|---|---|---|")
            for name in ("before", "after", "hugo"):
                print(f"| {name} | " + " | ".join(f"{first_results(outs[name], q):.0f}" for q in QUERIES) + " |")
        sys.stdout.flush()
    print("\nuptime:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())


if __name__ == "__main__":
    main()
