"""One Pagefind process per year shard, or the shards shared among as many processes as there are cores?

    python bench/pagefind_processes.py [--rounds 3]

The same shards indexed both ways, taking turns, in one run; medians. "one per shard" is what site-gen did
before (a thread per shard, each starting its own `pagefind --service`); "shared" is engine/search.run_all.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from site_gen.base.parallel import workers  # noqa: E402
from site_gen.engine.search import index_shard, run_all  # noqa: E402


def record(year: int, number: int) -> bytes:
    text = f"{year}年 关于巡察整改进展情况的通报 第{number}项 整改完成 台账已建立 " * 40
    meta = {"title": f"通报 {year}-{number}"}
    page = {"url": f"/notices/{year}/{number}.html", "content": text, "language": "zh", "meta": meta}
    return json.dumps({**page, "filters": {"year": [str(year)]}}, ensure_ascii=False).encode()


def one_per_shard(jobs) -> None:
    with ThreadPoolExecutor(max_workers=workers()) as pool:
        for done in [pool.submit(index_shard, *job) for job in jobs]:
            done.result()


def main() -> None:
    options = argparse.ArgumentParser()
    options.add_argument("--rounds", type=int, default=3)
    rounds = options.parse_args().rounds
    print(f"{workers()} cores; medians of {rounds} rounds")
    print("| shards x records | one process per shard | shared | ratio |")
    print("|---|---|---|---|")
    for years, per in ((3, 2), (10, 20), (20, 50)):
        times: dict[str, list[float]] = {"one": [], "shared": []}
        for _ in range(rounds):
            for way, index in (("one", one_per_shard), ("shared", run_all)):
                with tempfile.TemporaryDirectory() as folder:
                    jobs = [
                        ([record(y, n) for n in range(per)], Path(folder) / str(y), "")
                        for y in range(2000, 2000 + years)
                    ]
                    started = time.perf_counter()
                    index(jobs)
                    times[way].append(time.perf_counter() - started)
        one, shared = statistics.median(times["one"]), statistics.median(times["shared"])
        print(f"| {years} x {per} | {one:.2f} s | {shared:.2f} s | {shared / one:.2f} |")


if __name__ == "__main__":
    main()
