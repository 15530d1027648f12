"""Full-text search with Pagefind: a static index, no server, Chinese segmented by its extended build.

Made from each notice's search record (pages/search_record.py: its text, title, meta and filters, taken
from the model when the notice is read), given to Pagefind as custom records through its service
protocol: no page is parsed again. Not in the preview loop: indexing costs more than rendering.

The index is sharded by publication year: one Pagefind bundle per year at ``pagefind/<year>/``, listed
newest first in ``pagefind/shards.json``; the browser merges them (templates/assets/search.js). A bundle
is keyed by its records (and Pagefind's version), not by any page's bytes: a template edit re-indexes
nothing, a notice's edit re-indexes its year. The shards that must be made are made at once, one
Pagefind process each, on every core. Each bundle lists its key and every file's digest
(site-gen-shard.txt), so a bundle is only ever kept or copied whole, as it was written.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..base import addresses
from ..base.parallel import die_with_parent, workers

BUNDLE = addresses.SEARCH_FOLDER
SHARD_LIST = "shards.json"
UI_FILES = addresses.SEARCH_UI_FILES
Job = tuple[Sequence[bytes], Path, str]  # a shard's search records (search_record.encoded()), its bundle, its key
DIGEST_FILE = "site-gen-shard.txt"  # in each bundle: its key, then each file's digest
SHARD_NAME = re.compile(r"[0-9A-Za-z][0-9A-Za-z_-]*")
EMPTY = {"url": "/", "content": "empty", "language": "en", "meta": {"title": "empty"}, "filters": {}}


class SearchIndexError(RuntimeError):
    """Pagefind failed: the build stops and output/ is left as it was."""


def index_site(folder: Path, shards: Mapping[str, Sequence[bytes]], previous: Path | None = None) -> list[str]:
    """Index records into folder's pagefind/<shard>/ bundles plus pagefind/shards.json; returns the shards made.

    shards maps a shard name (a year) to its notices' search records (search_record.encoded()). A bundle
    whose key is that of its records is kept if it is already in folder, else copied from previous (an
    earlier output of the same site, e.g. the output/ a staged build is about to replace); the others are
    indexed, in parallel.
    """
    names = shard_order(shards)
    root = folder / BUNDLE
    root.mkdir(parents=True, exist_ok=True)
    version = pagefind_version()
    to_make = []
    for name in names:
        target, key = root / name, shard_key(shards[name], version)
        if bundle_key(target) == key:
            continue
        old = previous / BUNDLE / name if previous is not None else None
        if old is not None and old.resolve() != target.resolve() and bundle_key(old) == key:
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(old, target, copy_function=link_or_copy)
            continue
        to_make.append((name, key))
    to_make.sort(key=lambda item: -len(shards[item[0]]))  # the biggest first: the cores finish together
    made = run_all([(shards[name], root / name, key) for name, key in to_make])
    keep = {*names, SHARD_LIST, *UI_FILES}
    for entry in root.iterdir():  # bundles of years that are gone, or an unsharded bundle of an older site-gen
        if entry.name in keep:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    write_ui_files(root, root / names[0] if names else None)
    write_shard_list(folder, names)
    return sorted(name for name, _ in to_make if root / name in made)


def run_all(jobs: list[tuple[Sequence[bytes], Path, str]]) -> set[Path]:
    """Each (records, bundle, key) indexed; the first failure is raised. The shards are dealt to as many Pagefind
    processes as there are cores, each indexing its share one after another: a process takes 0.3 to 0.5 s to start
    (its Chinese dictionary), which a site of twenty years paid twenty times, and a small site most of its build."""
    batches = balanced(jobs, workers())
    if len(batches) <= 1:
        for batch in batches:
            index_shards(batch)
        return {bundle for _, bundle, _ in jobs}
    from concurrent.futures import ThreadPoolExecutor  # threads: the work is in the Pagefind processes

    with ThreadPoolExecutor(max_workers=len(batches)) as pool:
        for done in [pool.submit(index_shards, batch) for batch in batches]:
            done.result()
    return {bundle for _, bundle, _ in jobs}


def balanced(jobs: list[Job], count: int) -> list[list[Job]]:
    """The jobs in at most `count` batches of about as many records each: each job, biggest first, to the batch
    with the fewest so far (the batches finish together)."""
    batches: list[list[Job]] = [[] for _ in range(max(1, min(count, len(jobs))))]
    sizes = [0] * len(batches)
    for job in sorted(jobs, key=lambda job: -len(job[0])):
        smallest = sizes.index(min(sizes))
        batches[smallest].append(job)
        sizes[smallest] += len(job[0])
    return [batch for batch in batches if batch]


def index_shard(records: Sequence[bytes], bundle: Path, key: str = "") -> None:
    """One Pagefind bundle at bundle from exactly these records; with key, its digest file written last."""
    index_shards([(records, bundle, key)])


def index_shards(jobs: list[Job]) -> None:
    """Each (records, bundle, key) a bundle, made by one Pagefind process; each key's digest file written last."""
    for records, bundle, _ in jobs:
        if not records:
            raise SearchIndexError(f"no records to index into {bundle}")
        shutil.rmtree(bundle, ignore_errors=True)
        bundle.parent.mkdir(parents=True, exist_ok=True)
    run_pagefind([(records, bundle.resolve()) for records, bundle, _ in jobs])
    for _, bundle, key in jobs:
        if key:
            write_digest_file(bundle, key)


def shard_key(records: Sequence[bytes], version: str) -> str:
    """What a bundle is made of: the Pagefind version and its records, in order."""
    digest = hashlib.sha256(f"site-gen search shard 2\npagefind {version}\n".encode())
    for record in records:
        digest.update(f"{len(record)}\n".encode())
        digest.update(record)
    return digest.hexdigest()


def write_digest_file(bundle: Path, key: str) -> None:
    lines = [key, *(f"{file_sha(bundle / name)} {name}" for name in bundle_files(bundle))]
    (bundle / DIGEST_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def bundle_key(bundle: Path) -> str | None:
    """The key a bundle was made for, if it is whole and as written (every file as its digest file lists it)."""
    try:
        key, *listed = (bundle / DIGEST_FILE).read_text(encoding="utf-8").splitlines()
        files = {name: sha for sha, name in (line.split(" ", 1) for line in listed)}
        if sorted(files) != bundle_files(bundle):
            return None
        if any(file_sha(bundle / name) != sha for name, sha in files.items()):
            return None
    except (OSError, ValueError):
        return None
    return key


def bundle_files(bundle: Path) -> list[str]:
    found = []
    for parent, _, names in os.walk(bundle):
        prefix = os.path.relpath(parent, bundle).replace(os.sep, "/")
        found += [name if prefix == "." else f"{prefix}/{name}" for name in names]
    return sorted(name for name in found if name != DIGEST_FILE)


def file_sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def link_or_copy(source: str, target: str) -> None:
    """A bundle kept from the published site: a hard link, as the staged site's other unchanged files."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def write_shard_list(folder: Path, names: list[str]) -> None:
    """pagefind/shards.json: the shard names, newest year first, the first being the primary bundle."""
    target = folder / BUNDLE / SHARD_LIST
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(shard_order(dict.fromkeys(names))) + "\n", encoding="utf-8", newline="\n")


def shard_order(shards: Mapping[str, object]) -> list[str]:
    """Shard names newest year first, then any other names alphabetically; refuses names unsafe as folders."""
    for name in shards:
        if not SHARD_NAME.fullmatch(name) or name in (SHARD_LIST, *UI_FILES):
            raise SearchIndexError(f"bad search shard name: {name!r}")
    years = sorted((name for name in shards if name.isdigit()), key=lambda name: (-int(name), name))
    return years + sorted(name for name in shards if not name.isdigit())


def write_ui_files(root: Path, bundle: Path | None) -> None:
    """pagefind-ui.js and .css next to the shards, where search.html loads them; copied from a bundle."""
    if bundle is None:  # nothing to index: take them from a bundle of one placeholder record
        with tempfile.TemporaryDirectory(prefix=scratch_prefix(root, "ui"), dir=writable_parent(root)) as scratch:
            index_shard([json.dumps(EMPTY).encode()], Path(scratch) / "bundle")
            write_ui_files(root, Path(scratch) / "bundle")
        return
    for name in UI_FILES:
        shutil.copyfile(bundle / name, root / name)


def run_pagefind(shards: list[tuple[Sequence[bytes], Path]]) -> None:
    """Pagefind's service (`pagefind --service`, the protocol of its Python and Node APIs: base64 JSON messages
    ended by commas) given each shard's records; the files it answers with are written into the shard's bundle.
    The shards are indexed one after another (NewIndex, its records, GetFiles, DeleteIndex: one index in the
    service's memory at a time), and each record is decoded only as it is sent.

    Spoken to directly: its Python wrapper waits 0.1 s before reading each answer, a minute per 600 records.
    The messages are written by a thread while the answers are read, so neither pipe fills up. The files are
    asked for (GetFiles) rather than written by the service: it quits the moment its input ends, and a file it
    was still writing then was left empty (seen: pagefind-highlight.js). It dies with a killed build: it would
    go on writing into a staged folder the next build has removed."""
    expected: dict[int, tuple[str, int]] = {}  # message id -> what its answer is (a new index's id, a bundle)
    number = 0
    for index, (records, _) in enumerate(shards):
        expected[number + 1] = ("NewIndex", index)
        expected[number + len(records) + 2] = ("GetFiles", index)
        number += len(records) + 3

    def messages() -> Iterator[dict[str, object]]:
        for index, (records, _) in enumerate(shards):
            yield {"type": "NewIndex", "config": None}
            for record in records:
                yield {"type": "AddRecord", "index_id": index, "sort": None, **json.loads(record)}
            yield {"type": "GetFiles", "index_id": index}
            yield {"type": "DeleteIndex", "index_id": index}

    def take(message_id: int, payload: dict[str, Any]) -> str | None:
        kind, index = expected.get(message_id, ("", -1))
        if kind == "NewIndex" and payload.get("index_id") != index:
            return f"pagefind numbered its index {payload.get('index_id')}, not {index}"
        if kind == "GetFiles":
            write_files(shards[index][1], payload.get("files", []))
        return None

    cwd = shards[0][1].parent if shards else Path.cwd()
    with tempfile.TemporaryFile() as errors:
        service = subprocess.Popen(
            [str(pagefind_executable()), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=errors,
            cwd=cwd,
            preexec_fn=die_with_parent,
        )
        writer = threading.Thread(target=send, args=(service, messages()), daemon=True)
        writer.start()
        try:
            problem = answers(service, number, take)
        finally:
            if service.stdin is not None:
                try:
                    service.stdin.close()
                except OSError:
                    pass
            writer.join()
            try:
                service.wait(timeout=30)
            except subprocess.TimeoutExpired:
                service.kill()
                service.wait()
        if problem is not None:
            errors.seek(0)
            told = errors.read().decode("utf-8", "replace").strip()
            raise SearchIndexError(problem + (f": {told}" if told else ""))


def write_files(bundle: Path, files: list[dict]) -> None:
    """The bundle's files as the service answered them, each under its path inside the bundle (never outside)."""
    if not files:
        raise SearchIndexError("pagefind wrote no files")
    for file in files:
        parts = [part for part in file["path"].replace("\\", "/").split("/") if part not in ("", ".")]
        if BUNDLE in parts:  # the service names them under its default output folder, pagefind/
            parts = parts[len(parts) - parts[::-1].index(BUNDLE) :]
        if not parts or ".." in parts:
            raise SearchIndexError(f"pagefind answered a file outside its bundle: {file['path']}")
        target = bundle.joinpath(*parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(file["content"]))


def send(service: subprocess.Popen[bytes], messages: Iterable[dict[str, object]]) -> None:
    assert service.stdin is not None  # opened with a pipe
    try:
        for number, payload in enumerate(messages, 1):
            message = json.dumps({"message_id": number, "payload": payload}, ensure_ascii=False)
            service.stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
        service.stdin.flush()
    except (BrokenPipeError, ValueError, OSError):  # the service stopped: answers() says why
        pass


def answers(
    service: subprocess.Popen[bytes], expected: int, take: Callable[[int, dict[str, Any]], str | None]
) -> str | None:
    """Read the service's answers until it has answered `expected` messages, each given to take(message id,
    payload) as it comes; what went wrong (an error answer, take's complaint, an early end), or None."""
    assert isinstance(service.stdout, io.BufferedReader)  # opened with a pipe, buffered
    pending, count = b"", 0
    chunks: list[bytes] = []
    while count < expected:
        chunk = service.stdout.read1(1 << 20)
        if not chunk:
            return f"pagefind stopped after {count} of {expected} messages"
        if b"," not in chunk:  # the bundle's files come as one long answer: joined once, not chunk by chunk
            chunks.append(chunk)
            continue
        *whole, rest = chunk.split(b",")
        whole[0] = pending + b"".join(chunks) + whole[0]
        pending, chunks = rest, []
        for answer in whole:
            try:
                message = json.loads(base64.b64decode(answer))
                message_id, payload = message["message_id"], message["payload"]
            except (ValueError, KeyError, TypeError):
                return "pagefind answered something unreadable"
            if payload.get("type") == "Error":
                return f"pagefind: {payload.get('message', 'failed')}"
            problem = take(message_id, payload)
            if problem is not None:
                return problem
            count += 1
    return None


def pagefind_executable() -> Path:
    """The extended binary (it segments Chinese) that the pagefind[extended] package installs."""
    try:
        from pagefind_bin_extended import get_executable  # type: ignore[import-untyped]
    except ImportError:
        raise SearchIndexError("pagefind[extended] is not installed") from None
    found: Path = get_executable()
    return found


def pagefind_version() -> str:
    from importlib import metadata

    for package in ("pagefind_bin_extended", "pagefind_bin", "pagefind"):
        try:
            return f"{package} {metadata.version(package)}"
        except metadata.PackageNotFoundError:
            continue
    return "unknown"


def scratch_prefix(site: Path, kind: str) -> str:
    """A scratch folder named after the folder indexed: a staged site's (.output.building-…) is removed with it
    when its build is killed, by the next build of that output (staging.remove_leftovers), and by no other."""
    return f".{site.name.lstrip('.')}.pagefind-{kind}-"


def writable_parent(path: Path) -> Path | None:
    """A folder for scratch files on path's file system (so hard links work), or the system default."""
    parent = path.resolve().parent
    return parent if os.access(parent, os.W_OK) else None
