"""A build in several processes writes exactly the same bytes as a build in one."""

from __future__ import annotations

from concurrent import futures
from pathlib import Path

from site_gen import parallel
from site_gen.build import build_site
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
    from site_gen.serve import Preview

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
