"""A build in several processes writes exactly the same bytes as a build in one."""

from __future__ import annotations

from concurrent import futures
from pathlib import Path

from site_gen.base import parallel
from site_gen.commands.build import build_site
from tests.corpus import generate


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_parallel_build_equals_sequential_build(tmp_path, monkeypatch):
    generate(tmp_path / "site", 24, seed=3, kb=4)
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    monkeypatch.setenv("SITE_GEN_WORKERS", "1")
    assert build_site(tmp_path / "site", tmp_path / "one", search=False, use_cache=False).ok
    monkeypatch.setenv("SITE_GEN_WORKERS", "2")
    calls = []
    real = futures.ProcessPoolExecutor
    monkeypatch.setattr(futures, "ProcessPoolExecutor", lambda *a, **k: calls.append(1) or real(*a, **k))
    assert build_site(tmp_path / "site", tmp_path / "two", search=False, use_cache=False).ok
    assert calls, "the second build did not use worker processes"
    one, two = tree(tmp_path / "one"), tree(tmp_path / "two")
    assert len(one) > 30 and one == two


def test_parallel_preview_equals_sequential_preview(tmp_path, monkeypatch):
    from site_gen.commands.serve import Preview

    generate(tmp_path / "site", 24, seed=4, kb=4)
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    monkeypatch.setenv("SITE_GEN_WORKERS", "1")
    Preview(tmp_path / "site", tmp_path / "one", log=lambda *_: None).build_all()
    monkeypatch.setenv("SITE_GEN_WORKERS", "2")
    calls = []
    real = futures.ProcessPoolExecutor
    monkeypatch.setattr(futures, "ProcessPoolExecutor", lambda *a, **k: calls.append(1) or real(*a, **k))
    Preview(tmp_path / "site", tmp_path / "two", log=lambda *_: None).build_all()
    assert len(calls) == 2, "no worker processes: one pool reads and renders notices, one makes the list pages"
    one, two = tree(tmp_path / "one"), tree(tmp_path / "two")
    assert len(one) > 30 and one == two


def test_work_is_handed_out_in_shrinking_runs_covering_every_item_once():
    """Big runs first (few round trips), runs of MIN_CHUNK last, so no worker idles while another ends a long run."""
    runs = parallel.chunks(1000, 2)
    assert [i for run in runs for i in run] == list(range(1000))
    sizes = [len(run) for run in runs]
    assert sizes[0] == 125 and sizes == sorted(sizes, reverse=True)
    assert sizes[-2] == parallel.MIN_CHUNK and len(runs) < 50
    assert parallel.chunks(3, 2) == [range(0, 3)] and parallel.chunks(0, 2) == []


def test_results_come_back_in_order_from_workers(monkeypatch):
    monkeypatch.setenv("SITE_GEN_WORKERS", "2")
    items = list(range(parallel.MIN_ITEMS + 37))
    assert list(parallel.ordered_map(_square, items)) == [i * i for i in items]


def _square(number: int) -> int:
    return number * number
