"""site-gen import on large sources: a PDF of 50-200 pages and a .docx of 1.25-5 MB, to show the cost is linear.

    python bench/import_bench.py                # ~1-2 minutes; sources go to bench/_work/import/ (git-ignored)
    python bench/import_bench.py --printed      # also a 200-page PDF printed by Chromium with Noto CJK

Each source repeats one real-looking part (a 一、 heading, numbered problems with status lines, measures, a
table for Word) until the size is reached, ends with a signature, and is imported with
site_gen.importer.import_file (read, clean, outline, write, read back, check) in this process.
Times are the median of --repeat runs; per page / per MB shows whether the cost stays linear.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from site_gen.importer import import_file  # noqa: E402
from tests.importer_support import pdf_of, site_config, word_of  # noqa: E402

WORK = REPO / "bench" / "_work" / "import"
CHINESE = "一二三四五六七八九十"


def part(n: int) -> list[str]:
    """One section's worth of lines: a heading, three problems with statuses and measures."""
    lines = [f"{CHINESE[n % 10]}、第{n + 1}部分巡察反馈问题整改情况"]
    for k in range(3):
        lines += [
            f"（{CHINESE[k]}）关于第{n + 1}部分第{k + 1}项工作落实不到位的问题",
            ["整改进度：整改完成", "整改进度：视同完成", "整改进度：正在整改"][k],
            "针对这一问题，局党组召开专题会议研究整改措施，逐项明确责任人和完成时限，建立台账并按月调度，"
            "目前已完成制度修订和人员培训，下一步将持续巩固整改成果，防止问题反弹。",
        ]
    return lines


def pdf_source(pages: int) -> Path:
    lines_per_page = 30
    body = [line for n in range(pages * lines_per_page // 10 + 1) for line in part(n)]
    chunks = [body[i : i + lines_per_page] for i in range(0, pages * lines_per_page, lines_per_page)]
    chunks[-1] += ["中共示例县水务局党组", "2025年12月1日"]
    return pdf_of(chunks[:pages], WORK / f"notice-{pages}p.pdf")


def printed_pdf(pages: int) -> Path:
    from tests.importer_support import printed_pdf as print_with_chromium

    body = [line for n in range(pages * 3) for line in part(n)] + ["中共示例县水务局党组", "2025年12月1日"]
    return print_with_chromium(body, WORK / f"printed-{pages}p.pdf")


def docx_source(megabytes: float) -> Path:
    """Word's List Number problems under 一、 headings, a table every tenth part, up to the size of document.xml.

    Building it with python-docx takes minutes at 5 MB: a file from an earlier run is used again."""
    target = WORK / f"notice-{megabytes:g}mb.docx"
    if target.is_file():
        return target
    blocks: list = ["示例县水务局党组关于巡察整改进展情况的通报"]
    size, n = 0, 0
    while size < megabytes * 1_000_000:
        lines = part(n)
        blocks.append(("heading", 1, lines[0]))
        for k in range(3):
            blocks += [("list", lines[1 + 3 * k].split("）", 1)[1]), lines[2 + 3 * k], lines[3 + 3 * k]]
        if n % 10 == 0:
            blocks.append(
                ("table", [["序号", "问题", "整改时限", "完成情况"], ["1", "制度修订", "2025年6月", "已完成"]])
            )
        size += 1_800  # document.xml bytes per part, measured
        n += 1
    blocks += ["中共示例县水务局党组", "2025年12月1日"]
    return word_of(blocks, WORK / f"notice-{megabytes:g}mb.docx")


def timed(path: Path, repeat: int) -> tuple[float, int]:
    config = site_config()
    times, issues = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        result = import_file(path, config)
        times.append(time.perf_counter() - start)
        issues = len(result.notice.issues) if result.notice else 0
    return statistics.median(times), issues


def xml_size(path: Path) -> int:
    import zipfile

    with zipfile.ZipFile(path) as package:
        return package.getinfo("word/document.xml").file_size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--printed", action="store_true", help="also a Chromium-printed 200-page PDF")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    print("| source | size | issues | import (median) | per unit |")
    print("|---|---|---|---|---|")
    for pages in (50, 100, 200):
        path = pdf_source(pages)
        seconds, issues = timed(path, args.repeat)
        print(
            f"| PDF, {pages} pages | {path.stat().st_size / 1e6:.1f} MB | {issues} | {seconds:.2f} s | {seconds / pages * 1000:.1f} ms/page |"
        )
    if args.printed:
        path = printed_pdf(200)
        from pypdf import PdfReader

        pages = len(PdfReader(str(path)).pages)
        seconds, issues = timed(path, args.repeat)
        print(
            f"| PDF printed by Chromium, {pages} pages | {path.stat().st_size / 1e6:.1f} MB | {issues} | {seconds:.2f} s | {seconds / pages * 1000:.1f} ms/page |"
        )
    for megabytes in (1.25, 2.5, 5):
        path = docx_source(megabytes)
        xml = xml_size(path) / 1e6
        seconds, issues = timed(path, args.repeat)
        print(
            f"| .docx, document.xml {xml:.1f} MB ({path.stat().st_size / 1e6:.2f} MB zipped) | {xml:.1f} MB | {issues} "
            f"| {seconds:.2f} s | {seconds / xml:.2f} s/MB |"
        )


if __name__ == "__main__":
    main()
