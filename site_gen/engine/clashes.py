"""Files that would share an address, found where they are made: two notices or groups at one address, a static
file replacing a page, addresses no host keeps apart. Each is an error located at the file (and line) that asks
for the address; the build, check and the preview all report them from here.
"""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path

from ..base import addresses
from ..base.diagnostics import Diagnostic, error
from ..notice.summary import Summary
from .outputs import Output
from .state import SourceRecord


def host_problems(
    found: dict[str, Output], owner: dict[str, str], records: dict[str, SourceRecord], root: Path
) -> list[Diagnostic]:
    """Addresses no host keeps apart (Report.pdf and report.pdf) or none can hold (con.html), at the file that
    asks for them: the attachment's line, the notice, or the file in static/."""
    if not addresses.host_trouble(list(found)):
        return []
    problems: dict[tuple[str, int, str], Diagnostic] = {}  # a notice's page and data record: said once
    first: dict[str, str] = {}
    for path in found:
        reserved = addresses.reserved_name(path)
        if reserved:
            where = origin(path, found, owner, records, root)
            problems.setdefault((*where, "r"), error(*where, "address-reserved", address=path, name=reserved))
        other = first.setdefault(addresses.one_file_as(path), path)
        if other != path:
            earlier, later = sorted((path, other))
            where, source = origin(later, found, owner, records, root), origin(earlier, found, owner, records, root)[0]
            problems.setdefault(
                (*where, "c"), error(*where, "address-case", address=later, other=earlier, source=source)
            )
    return sorted(problems.values())


def origin(
    path: str, found: dict[str, Output], owner: dict[str, str], records: dict[str, SourceRecord], root: Path
) -> tuple[str, int]:
    """The file and line that make an output: a notice's attachment line, its notice, a static file, else itself."""
    if path in owner:
        source = owner[path]
        return source, next((a.line for a in records[source].attachments if a.address == path), 0) or 1
    copied = found[path].copy_of
    if copied:
        return os.path.relpath(copied, root).replace(os.sep, "/"), 0
    return path, 0


def address_clashes(summaries: list[Summary], book: addresses.GroupAddresses) -> list[Diagnostic]:
    """Published notices at one address, and groups whose pages would share one (newest first)."""
    from ..notice.validate import slug_problems

    return slug_problems(summaries) + group_clashes(summaries, book)


def group_clashes(summaries: list[Summary], book: addresses.GroupAddresses) -> list[Diagnostic]:
    """Two organisations (or tags) whose pages would share one address: one would vanish from the site."""
    found = []
    for kind, names_of in (("organization", lambda s: (s.organization,)), ("tag", lambda s: s.tags)):
        by_address: dict[str, dict[str, str]] = defaultdict(dict)
        for summary in sorted(summaries, key=lambda s: s.source):
            for name in names_of(summary):
                by_address[book.page(kind, name)].setdefault(name, summary.source)
        for address, names in sorted(by_address.items()):
            if len(names) > 1:
                (name, source), *others = sorted(names.items(), key=lambda item: item[1])
                for other, other_source in others:
                    found.append(
                        error(
                            other_source,
                            1,
                            "group-address-shared",
                            kind=kind,
                            name=other,
                            address=address,
                            other=name,
                            source=source,
                        )
                    )
    return found


def same_file(one: Output, other: Output) -> bool:
    """Two notices attaching one file (one 满意度测评表 for two notices in a folder): published once, no clash."""
    if one.copy_of is None or other.copy_of is None:
        return False
    return one.copy_of == other.copy_of or os.path.realpath(one.copy_of) == os.path.realpath(other.copy_of)


def address_clash(records: dict[str, SourceRecord], path: str, sources: tuple[str, str]) -> Diagnostic:
    """Two files at one address, said once: at the line of the notice's attachment that lands there (the later
    notice's when both attach one)."""
    for source, other in (sources[::-1], sources):
        line = next((a.line for a in records[source].attachments if a.address == path), 0)
        if line:
            return error(source, line, "address-shared", address=path, other=other)
    return error(sources[1], 1, "address-shared", address=path, other=sources[0])


def static_clash(output: Output, root: Path) -> Diagnostic:
    return error(
        os.path.relpath(output.copy_of or "", root).replace(os.sep, "/"), 0, "static-replaces-page", address=output.path
    )
