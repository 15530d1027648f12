"""Per-notice cost of each step of a cold build, one core, against the floor's steps: where a build's time goes.

    python bench/stages.py bench/_work/site-1000 [--notices 200]

Times each function on the same notices (median of 3 passes) and prints milliseconds per notice.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import markdown_it
import yaml

from site_gen.notice.config import load_config
from site_gen.notice.markdown import parser
from site_gen.notice.reader import read_notice
from site_gen.notice.validate import notice_problems
from site_gen.pages import render
from site_gen.pages.open_data import notice_json


def per_notice(step, count: int) -> float:
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        for index in range(count):
            step(index)
        runs.append((time.perf_counter() - started) / count * 1000)
    return statistics.median(runs)


def main() -> None:
    arguments = argparse.ArgumentParser()
    arguments.add_argument("site", type=Path)
    arguments.add_argument("--notices", type=int, default=200)
    args = arguments.parse_args()
    config, _ = load_config(args.site)
    env = render.environment(config)
    paths = sorted((args.site / "content").rglob("*.md"))[: args.notices]
    texts = [path.read_text(encoding="utf-8") for path in paths]
    bodies = [text.split("---\n", 2) for text in texts]
    notices = [read_notice(path, config)[0] for path in paths]
    pages = [render.render_notice(env, notice) for notice in notices]
    floor_md, ours_md = markdown_it.MarkdownIt("commonmark"), parser(config.allow_html)
    scratch = Path(tempfile.mkdtemp())
    steps = {
        "read the file": lambda i: paths[i].read_text(encoding="utf-8"),
        "YAML (CSafeLoader)": lambda i: yaml.load(bodies[i][1], Loader=yaml.CSafeLoader),
        "floor: markdown-it render (commonmark)": lambda i: floor_md.render(bodies[i][2]),
        "markdown-it parse (ours)": lambda i: ours_md.parse(bodies[i][2]),
        "read_notice (all of reading)": lambda i: read_notice(paths[i], config),
        "checks": lambda i: notice_problems(notices[i], config),
        "index cards + notices.json record": lambda i: (
            render.render_card(env, notices[i]),
            render.render_card(env, notices[i], "../"),
            notice_json(notices[i]),
        ),
        "notice page (with QR)": lambda i: render.render_notice(env, notices[i]),
        "data record": lambda i: notice_json(notices[i], measures=True),
        "write one page": lambda i: (scratch / f"{i}.html").write_text(pages[i], encoding="utf-8"),
    }
    for name, step in steps.items():
        print(f"{name:40s} {per_notice(step, len(paths)):6.2f} ms")
    render.qr_svg = lambda url, label: ""  # the same page without its QR code
    print(f"{'notice page (without QR)':40s} {per_notice(steps['notice page (with QR)'], len(paths)):6.2f} ms")


if __name__ == "__main__":
    main()
