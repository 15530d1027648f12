"""A 10,000-row ledger (and larger) imported: seconds and peak memory, to show import stays linear and bounded.

    python bench/ledger_import.py [--rows 10000 20000 40000] [--rounds 3]

Each size: a ledger written by xlsxwriter (sections merged down, a merged problem every tenth row), imported in a
fresh interpreter (import_ledger + the reader), medians of the rounds.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import xlsxwriter

REPO = Path(__file__).resolve().parents[1]
ONE = """
import json, resource, sys, time
from pathlib import Path
from site_gen.importer.ledger import import_ledger
from site_gen.notice.config import SiteConfig
started = time.perf_counter()
[result] = import_ledger(Path(sys.argv[1]), SiteConfig(Path(sys.argv[2])))
seconds = time.perf_counter() - started
issues = len(result.notice.issues)
print(json.dumps({"seconds": seconds, "mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "issues": issues}))
"""


def make(path: Path, rows: int) -> None:
    book = xlsxwriter.Workbook(str(path), {"constant_memory": False})
    sheet = book.add_worksheet("台账")
    sheet.write("A1", "填报单位：中共基准测试局党组  填报日期：2025年6月30日")
    sheet.write_row(1, 0, ["序号", "所属方面", "问题", "整改措施", "责任单位", "责任人", "整改时限", "整改状态"])
    for index in range(rows):
        r = index + 2
        section = f"第{index // 500 + 1}方面"
        status = ("整改完成", "正在整改", "阶段性完成")[index % 3]
        measures = f"第{index + 1}项措施：建立制度、完善台账、定期检查。" * 3
        sheet.write_row(
            r, 0, [index + 1, section, f"关于第{index + 1}个问题", measures, "办公室", "张三", "2025年6月底", status]
        )
    book.close()


def main() -> None:
    arguments = argparse.ArgumentParser()
    arguments.add_argument("--rows", type=int, nargs="+", default=[10_000, 20_000, 40_000])
    arguments.add_argument("--rounds", type=int, default=3)
    options = arguments.parse_args()
    print("| rows | import s | peak MB | issues |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for rows in options.rows:
            path = Path(folder) / f"ledger-{rows}.xlsx"
            make(path, rows)
            runs = []
            for _ in range(options.rounds):
                done = subprocess.run(
                    [sys.executable, "-c", ONE, str(path), folder], cwd=REPO, capture_output=True, text=True, check=True
                )
                runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
            seconds = statistics.median(r["seconds"] for r in runs)
            mb = statistics.median(r["mb"] for r in runs)
            print(f"| {rows:,} | {seconds:.2f} | {mb:.0f} | {runs[0]['issues']:,} |")


if __name__ == "__main__":
    main()
