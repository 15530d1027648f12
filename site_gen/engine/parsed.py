"""A build's parsed notices, handed from the read workers to staging without parsing any file twice.

A page in a series is made at staging, once every file is read (it shows its neighbours), and its read worker has
just parsed its notice: loading that (0.2 ms) replaces parsing the file again (4 ms and more). Each process
appends its notices to one file of its own (`<pid>`), each entry its file's digest, its length and the pickle, in
one write: a file a notice, as before, cost each notice a file created, renamed, opened again and deleted, 2.5 s of
a 5,000-notice build's main process for the deletions alone.

Best effort: a notice not found, or found damaged, is parsed again. Entries are keyed by their file's bytes in a
cache folder keyed by the settings, so one left by a killed build is still right; the folder is removed when
the build ends.
"""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path
from typing import Any

DIGEST = 64  # a sha256, in hex
HEADER = DIGEST + 8  # and the pickle's length


class ParsedNotices:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.handle: tuple[int, int] | None = None  # (pid, descriptor): a forked worker opens its own
        self.where: dict[str, tuple[str, int, int]] = {}  # digest -> (file name, offset, length)
        self.scanned: dict[str, int] = {}  # file name -> how far it was read

    def keep(self, file_digest: str, notice: object) -> None:
        try:
            body = pickle.dumps(notice, protocol=pickle.HIGHEST_PROTOCOL)
            entry = file_digest.encode("ascii").ljust(DIGEST)[:DIGEST] + len(body).to_bytes(8, "big") + body
            os.write(self.descriptor(), entry)  # O_APPEND: one write, never interleaved with another's
        except (OSError, UnicodeError):
            pass

    def descriptor(self) -> int:
        if self.handle is None or self.handle[0] != os.getpid():
            self.folder.mkdir(parents=True, exist_ok=True)
            flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_CLOEXEC", 0)
            self.handle = (os.getpid(), os.open(self.folder / str(os.getpid()), flags, 0o600))
        return self.handle[1]

    def load(self, file_digest: str) -> Any:
        """The notice kept under this digest, or None."""
        if file_digest not in self.where:
            self.scan()  # entries appended since the last look
        found = self.where.get(file_digest)
        if found is None:
            return None
        name, offset, length = found
        try:
            with open(self.folder / name, "rb") as handle:
                handle.seek(offset)
                body = handle.read(length)
            return pickle.loads(body) if len(body) == length else None
        except Exception:  # noqa: BLE001 - damaged: parsed again, never a traceback
            return None

    def scan(self) -> None:
        """Index every entry written so far: headers only, a seek over each body; an entry cut short (a worker
        killed while writing) ends its file."""
        try:
            names = sorted(os.listdir(self.folder))
        except OSError:
            return
        for name in names:
            try:
                with open(self.folder / name, "rb") as handle:
                    size = os.fstat(handle.fileno()).st_size
                    offset = self.scanned.get(name, 0)
                    while offset + HEADER <= size:
                        handle.seek(offset)
                        header = handle.read(HEADER)
                        length = int.from_bytes(header[DIGEST:], "big")
                        if offset + HEADER + length > size:
                            break
                        key = header[:DIGEST].decode("ascii", "replace").strip()
                        self.where[key] = (name, offset + HEADER, length)
                        offset += HEADER + length
                    self.scanned[name] = offset
            except OSError:
                continue

    def drop(self) -> None:
        if self.handle is not None and self.handle[0] == os.getpid():
            os.close(self.handle[1])
        self.handle = None
        self.where.clear()
        self.scanned.clear()
        shutil.rmtree(self.folder, ignore_errors=True)
