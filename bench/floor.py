"""The bare floor: read front-matter with CSafeLoader, render Markdown with markdown-it (commonmark), one Jinja
template, write one file per notice. No features, no checks. What any Python generator pays at minimum.

    python bench/floor.py SITE OUT [--processes N]
"""

from __future__ import annotations

import argparse
import multiprocessing
from pathlib import Path

import jinja2
import yaml
from markdown_it import MarkdownIt

TEMPLATE = jinja2.Environment(autoescape=True).from_string(
    "<!DOCTYPE html><html lang=zh-CN><head><meta charset=utf-8><title>{{ title }}</title></head>"
    "<body><h1>{{ title }}</h1><p>{{ organization }} {{ date }}</p>{{ body|safe }}</body></html>"
)
MD = MarkdownIt("commonmark")


def render(job: tuple[Path, Path]) -> None:
    source, out = job
    _, front, body = source.read_text(encoding="utf-8").split("---\n", 2)
    data = yaml.load(front, Loader=yaml.CSafeLoader)
    out.write_text(TEMPLATE.render(body=MD.render(body), **data), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--processes", type=int, default=1)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    jobs = [(p, args.out / f"{p.stem}.html") for p in sorted((args.site / "content").rglob("*.md"))]
    if args.processes > 1:
        with multiprocessing.get_context("fork").Pool(args.processes) as pool:
            pool.map(render, jobs, chunksize=max(1, len(jobs) // (args.processes * 8)))
    else:
        for job in jobs:
            render(job)


if __name__ == "__main__":
    main()
