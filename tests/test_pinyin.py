"""Pinyin from a helper process: the same words as pypinyin in-process, shared by forked workers, never lost."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from site_gen.base import pinyin

NAMES = ["司法局", "重庆市", "厦门市", "朝阳区", "中共临江区司法局党组", "长沙银行"]


@pytest.fixture(autouse=True)
def no_helper_left():
    yield
    pinyin.stop()


def test_the_helper_answers_as_pypinyin_does_in_process():
    assert [pinyin.words(name) for name in NAMES] == [pinyin._in_process(name) for name in NAMES]
    assert pinyin.words("重庆市") == "chongqingshi"  # phrase-aware
    assert pinyin._helper is not None and pinyin._helper.process.poll() is None


def test_workers_forked_after_a_shared_helper_ask_it_in_turn():
    pinyin.start_shared()
    helper = pinyin._helper
    reader, writer = os.pipe()
    children = []
    for name in NAMES[:3]:
        pid = os.fork()
        if pid == 0:  # a worker: asks the helper it inherited, forty times over, and starts none of its own
            answers = {pinyin.words(name) for _ in range(40)}
            shared = "shared" if pinyin._helper is helper else "own-helper"
            os.write(writer, f"{name} {'|'.join(answers)} {shared}\n".encode())
            os._exit(0)
        children.append(pid)
    for pid in children:
        os.waitpid(pid, 0)
    os.close(writer)
    with os.fdopen(reader, encoding="utf-8") as answers:
        got = {name: (answer, shared) for name, answer, shared in (line.split() for line in answers)}
    assert got == {name: (pinyin._in_process(name), "shared") for name in NAMES[:3]}  # never another's answer
    assert pinyin._helper is helper and pinyin.words("司法局") == "sifaju"  # the build's own process too


def test_a_helper_that_died_is_replaced_and_a_missing_one_means_in_process(monkeypatch):
    assert pinyin.words("司法局") == "sifaju"
    assert pinyin._helper is not None
    pinyin._helper.process.kill()
    pinyin._helper.process.wait()
    assert pinyin.words("司法局") == "sifaju"  # a new helper
    pinyin.stop()
    monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    assert pinyin.words("重庆市") == "chongqingshi"  # no helper could start: pypinyin in this process


def test_stop_ends_the_helper():
    pinyin.words("司法局")
    assert pinyin._helper is not None
    process = pinyin._helper.process
    pinyin.stop()
    assert process.poll() is not None and pinyin._helper is None


@pytest.mark.slow
def test_a_first_build_loads_pinyin_in_no_build_process(tmp_path):
    """One helper holds pypinyin's tables; neither the build's process nor its workers import it or start another."""
    site, out, started = tmp_path / "site", tmp_path / "out", tmp_path / "helpers-started"
    script = f"""
import os, sys
from pathlib import Path
from tests.corpus import generate
from site_gen.base import pinyin
from site_gen.engine import site as engine
from site_gen.commands.build import build_site

real_start = pinyin.Helper.__init__
def counted(self, shared):
    with open({str(started)!r}, "a") as log:
        log.write(f"{{os.getpid()}} {{shared}}\\n")
    real_start(self, shared)
pinyin.Helper.__init__ = counted

def job(index):  # a notice's job, and whether its worker had loaded pypinyin by its end
    return engine._notice_job(index), "pypinyin" in sys.modules

real = engine.ordered_map
def watched(function, items, shared=None):
    for done, loaded in real(job, items, shared):
        seen.append(loaded)
        yield done

seen = []
engine.ordered_map = watched
generate(Path({str(site)!r}), 240, kb=4)
result = build_site(Path({str(site)!r}), Path({str(out)!r}), search=False)
print(result.ok, "pypinyin" in sys.modules, any(seen), len(seen))
"""
    environment = {**os.environ, "SITE_GEN_WORKERS": "2", "PYTHONPATH": os.getcwd()}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=environment)
    assert done.stdout.split() == ["True", "False", "False", "240"], done.stderr[-3000:]
    assert [line.split()[1] for line in started.read_text().splitlines()] == ["True"]  # one, shared by the workers
    pages = os.listdir(out / "organizations")
    assert pages and all(name.isascii() for name in pages)
