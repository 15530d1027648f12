"""The build state: what each content file held when last read, and what output/ holds now.

It records only what was committed. A build saves it after its new site is in place, never
before, and every record of a published file carries that file's stamp as written: a build
that died half-way, a hand edit or a deleted file in output/ shows as a file that is not as
recorded, and is made again. A build after any failure publishes exactly what a clean build
would (issue #15's critical defect was a state saved before the commit).

Stamps include the inode and the change time, which no `touch -r` or copy can restore, so an
edit that keeps a file's size and modification time is still seen: in content/, and in output/
(issue #23), where a published file's change time is recorded after the last link to it that a
build made or removed (restamp()).
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ..base.diagnostics import Diagnostic
from .cache import BuildCache, digest

if TYPE_CHECKING:
    from ..pages.ledger import LedgerPart

# A file's modification time, change time, size and inode, as one number (a hash of the four: ints and
# tuples hash alike in every run): a big site's state keeps tens of thousands, loaded on every build.
Stamp = int
STATE_VERSION = 11  # 5: kept pages' digests; 6: a summary's latest correction, a record's data_key; 7: series;
# 8: a memo's search record; 9: the series kept; 10: a memo's ledger rows; 11: the templates' digest
SHARDS = 16  # files per part: an edit rewrites one sixteenth of a big site's memos


def stamp(path: str | os.PathLike[str]) -> Stamp | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return hash((status.st_mtime_ns, status.st_ctime_ns, status.st_size, status.st_ino))


def file_stamp(status: os.stat_result) -> Stamp:
    """A published file as written: hard links to it (the next build's) keep it, any rewrite changes it."""
    return hash((status.st_mtime_ns, status.st_size, status.st_ino))


class AttachedFile(NamedTuple):
    source: str  # the file in content/, as a path on this machine
    stamp: Stamp | None
    address: str  # where it is published
    line: int = 0  # where the notice lists it, for an error at its own line


class Memo(NamedTuple):
    """What list pages show of a notice, what search indexes of it and its rows in ledgers, made once when it is
    read: kept apart, loaded only when a list, a search shard or a ledger is made.

    UTF-8, not text: a big site's memos are tens of megabytes, which load six times faster as bytes, and
    notices.json is joined from the records without decoding them."""

    card: bytes  # as listed on the home page
    card_below: bytes  # on a list page one folder down
    record: bytes  # its entry in notices.json
    search: bytes = b""  # its search record (pages/search_record.py), as Pagefind is given it
    ledger: LedgerPart | None = None  # its rows in every ledger that lists it (pages/ledger.py), deflated


class SourceRecord(NamedTuple):
    """A content file as it was when last read: enough to decide, without reading it, that nothing changed.

    A tuple, like Diagnostic and Committed: a big site's state holds thousands, loaded on every build."""

    source: str  # content/2025/x.md
    stamp: Stamp | None
    digest: str  # of the file's bytes ("" when it could not be read as a notice)
    problems: tuple[Diagnostic, ...]
    slug: str = ""
    draft: bool = False
    attachments: tuple[AttachedFile, ...] = ()
    list_key: str = ""  # digest of its cards and summary: what every page listing the notice depends on
    page_key: str = ""  # the key of its page: its text and the files it links to (page_key())
    has_error: bool = False  # one of its problems is an error (the preview asks of every file on each save)
    data_key: str = ""  # digest of its entry in notices.json, which also holds its measures
    series: str = ""  # its series' name: its page shows the series' other notices (outputs.notice_products)

    @property
    def readable(self) -> bool:
        return bool(self.digest)

    def is_current(self, root: str) -> bool:
        """The file and its attachments are as they were when read."""
        if self.stamp is None or self.stamp != stamp(os.path.join(root, self.source)):
            return False
        return all(stamp(attached.source) == attached.stamp for attached in self.attachments)


def page_key(file_digest: str, attachments: tuple[AttachedFile, ...]) -> str:
    """A notice page's key: its file's text and the files it links to (their size shows on the page)."""
    return "page-" + digest(file_digest, repr(attachments))


class Committed(NamedTuple):  # a tuple: a big site's state holds tens of thousands, loaded on every build
    """A file of output/ as the last committed build wrote it."""

    key: str
    stamp: Stamp | None  # file_stamp(): any rewrite changes it, a hard link does not
    changed: int = 0  # its change time (ns), as it was once the build's links to it were made and removed

    @classmethod
    def of(cls, key: str, status: os.stat_result) -> Committed:
        return cls(key, file_stamp(status), status.st_ctime_ns)

    def holds(self, status: os.stat_result) -> bool:
        """The file is as written: same stamp, and no change since (a same-size, same-time hand edit)."""
        return file_stamp(status) == self.stamp and status.st_ctime_ns == self.changed


@dataclass
class BuildState:
    """Every source record and every committed output of one output folder, loaded and saved together.

    The records and the outputs are one file, loaded by every build. Two parts are kept apart, each in
    SHARDS files by the notice's source: the summaries (loaded when list pages must be declared) and the
    memos (cards and records, when one must be made). A shard is written again only when one of its
    notices changed, so an edit rewrites a sixteenth of them.
    """

    sources: dict[str, SourceRecord] = field(default_factory=dict)
    outputs: dict[str, Committed] = field(default_factory=dict)
    group_slugs: dict[str, str] = field(default_factory=dict)  # name -> slug: pinyin is slow to load
    public_pages: int = 0  # pages for readers, as the last build counted them
    parts: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "summaries"/"memos" -> its shards' files
    theme: str = ""  # the templates' digest the committed pages were made with (cache.theme_signature)

    @staticmethod
    def name(out_dir: Path, drafts: bool) -> str:
        return f"state-{digest(str(out_dir.resolve()), str(drafts))[:16]}.pickle"

    @classmethod
    def load(cls, cache: BuildCache | None, out_dir: Path, drafts: bool) -> BuildState:
        kept = cache.load(cls.name(out_dir, drafts), for_the_build=True) if cache else None
        if not isinstance(kept, tuple) or len(kept) != 2 or kept[0] != STATE_VERSION or not well_formed(kept[1]):
            return cls()  # none yet, another version's, damaged or of the wrong shape: start from scratch
        state: BuildState = kept[1]
        return state

    @classmethod
    def forget(cls, cache: BuildCache | None, out_dir: Path, drafts: bool) -> None:
        """No state for out_dir: the next build surveys nothing as committed and makes every file (a full build)."""
        if cache is not None:
            try:
                (cache.folder / cls.name(out_dir, drafts)).unlink(missing_ok=True)
            except OSError:
                pass

    def part(self, cache: BuildCache | None, name: str) -> dict[str, Any]:
        """The stored records' summaries or memos (megabytes on a big site: loaded only when needed)."""
        found: dict[str, Any] = {}
        for file in self.parts.get(name, ()) if cache else ():
            kept = cache.load(file, for_the_build=True) if cache else None
            found.update(kept if isinstance(kept, dict) else {})  # a lost shard: its notices are read again
        return found

    def save(
        self,
        cache: BuildCache | None,
        out_dir: Path,
        drafts: bool,
        parts: dict[str, Callable[[], dict[str, Any]]],
        series: dict[str, Any] | None = None,
    ) -> None:
        """The records, and each part's shards whose notices changed (a shard's file is named by what it holds);
        the series (by name, each with the notices it was computed from) in one file named by those, or the last
        one kept when this build computed none."""
        if cache is None:
            return
        # a memo holds the notice's search record, made of its whole text: any edit of its file changes it
        keys = {"summaries": lambda r: r.digest, "memos": lambda r: r.list_key + r.digest}
        shards: list[list[str]] = [[] for _ in range(SHARDS)]  # the sources in each shard
        for source in self.sources:
            shards[shard_of(source)].append(source)
        files: dict[str, tuple[str, ...]] = {}
        for name, make in parts.items():
            files[name] = tuple(
                shard_file(name, i, {s: keys[name](self.sources[s]) for s in shards[i]}) for i in range(SHARDS)
            )
            changed = [
                i for i, file in enumerate(files[name]) if file not in self.parts.get(name, ()) or not cache.has(file)
            ]
            values = make() if changed else {}
            for index in changed:
                cache.store(
                    files[name][index], {source: values[source] for source in shards[index] if source in values}
                )
        files["series"] = self.parts.get("series", ())
        if series:  # in shards by name, each named by the series it holds and their notices
            by_shard: list[dict[str, Any]] = [{} for _ in range(SHARDS)]
            for name, one in series.items():
                by_shard[shard_of(name)][name] = one
            files["series"] = tuple(
                f"series-{i:02}-" + digest(*(f"{name} {one.members}" for name, one in shard.items()))[:16]
                for i, shard in enumerate(by_shard)
            )
            for file, shard in zip(files["series"], by_shard, strict=True):
                if file not in self.parts.get("series", ()) or not cache.has(file):
                    cache.store(file, shard)
        kept = BuildState(self.sources, self.outputs, self.group_slugs, self.public_pages, files, self.theme)
        cache.store(self.name(out_dir, drafts), (STATE_VERSION, kept))
        wanted = {file for part in (*files.values(), *self.parts.values()) for file in part}
        cache.keep(lambda file: not file.startswith(("summaries-", "memos-", "series-")) or file in wanted)

    def survey(self, out_dir: Path, others: list[str] | None = None) -> tuple[dict[str, str], int]:
        """The committed files still in out_dir exactly as written, with their keys; and how many files it holds.

        others, when given, receives the files the state does not list (a deployment's, or someone else's)."""
        found: dict[str, str] = {}
        count = 0
        folders = [(str(out_dir), "")] if out_dir.is_dir() else []
        while folders:
            folder, prefix = folders.pop()
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        folders.append((entry.path, prefix + entry.name + "/"))
                        continue
                    count += 1
                    committed = self.outputs.get(prefix + entry.name)
                    if committed is None and others is not None:
                        others.append(prefix + entry.name)
                    if committed is not None and committed.holds(entry.stat(follow_symlinks=False)):
                        found[prefix + entry.name] = committed.key
        return found, count

    def restamp(self, cache: BuildCache | None, out_dir: Path, drafts: bool, intact: dict[str, str]) -> None:
        """After a build that linked committed files into its staged folder and did not commit: linking and
        unlinking changed their change time, not them. Those still as surveyed (same stamp) are recorded with
        their new change time, so the next build links them again instead of making the site anew. Killed
        before this, the next build makes them again: slower, never wrong."""
        if cache is None:
            return
        outputs = dict(self.outputs)
        for path in intact:
            try:
                status = os.stat(os.path.join(out_dir, path), follow_symlinks=False)
            except OSError:
                continue
            if file_stamp(status) == outputs[path].stamp:
                outputs[path] = outputs[path]._replace(changed=status.st_ctime_ns)
        kept = BuildState(self.sources, outputs, self.group_slugs, self.public_pages, self.parts, self.theme)
        cache.store(self.name(out_dir, drafts), (STATE_VERSION, kept))


def well_formed(state: object) -> bool:
    """A state of this shape: a pickle that loads but holds something else is no state, not a traceback later."""
    if not isinstance(state, BuildState):
        return False
    mappings = (state.sources, state.outputs, state.group_slugs, state.parts)
    if not all(isinstance(mapping, dict) for mapping in mappings) or not isinstance(state.public_pages, int):
        return False
    if not isinstance(state.theme, str):
        return False
    records = all(isinstance(record, SourceRecord) for record in state.sources.values())
    return records and all(isinstance(committed, Committed) for committed in state.outputs.values())


def shard_of(source: str) -> int:
    return zlib.crc32(source.encode("utf-8")) % SHARDS


def shard_file(name: str, index: int, keys: dict[str, str]) -> str:
    """A shard's file, named by the keys of the notices it holds: unchanged notices, unchanged name."""
    return f"{name}-{index:02}-" + digest(*sorted(f"{source} {key}" for source, key in keys.items()))[:16]
