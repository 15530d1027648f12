"""The organisations registry (site.yaml's organizations:): one organisation, one name, one page.

A notice names its publisher as the clerk writes it: the full name, a short name or an alias.
The registry turns each into the full name before anything else sees the notice, so a short
name or a typo never makes a second organisation page. Names are compared after NFKC (full-width
brackets and letters are the ASCII ones) and without spaces, as clerks type them either way.

A site without a registry has an empty one: every name a notice writes is its own organisation.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cached_property

from ..base import addresses
from ..base.diagnostics import Diagnostic, error, warning
from .model import Contact


def name_key(name: str) -> str:
    """The form names are compared in: NFKC, no spaces."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name))


@dataclass(frozen=True)
class Organization:
    name: str  # the full name: the one shown, and the one the model keeps
    short: str = ""
    aliases: tuple[str, ...] = ()
    slug: str = ""  # "" when the registry gives none: the name in pinyin
    contact: Contact = field(default_factory=Contact)  # already completed from the site's contact
    parent: str = ""  # the parent's full name
    line: int = 0

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *([self.short] if self.short else []), *self.aliases)


@dataclass(frozen=True)
class Registry:
    organizations: tuple[Organization, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.organizations)

    @cached_property
    def _by_key(self) -> dict[str, Organization]:
        return {name_key(name): org for org in self.organizations for name in org.names}

    def find(self, name: str) -> Organization | None:
        """The organisation any of whose names this is."""
        return self._by_key.get(name_key(name))

    def full_name(self, name: str) -> str:
        """The full name of a registered organisation, else the name as written."""
        found = self.find(name)
        return found.name if found else name

    def units(self, name: str) -> tuple[Organization, ...]:
        """The organisations whose parent this is, by name."""
        return tuple(sorted((org for org in self.organizations if org.parent == name), key=lambda org: org.name))

    def slugs(self) -> dict[str, str]:
        """Full name -> slug, for the address book: only those the registry gives."""
        return {org.name: org.slug for org in self.organizations if org.slug}

    def all_names(self) -> list[str]:
        return [name for org in self.organizations for name in org.names]

    def unknown_name(self, path: str, line: int, name: str) -> Diagnostic | None:
        """The warning for a notice naming an organisation the registry lacks (none without a registry)."""
        if not self or not name or self.find(name) is not None:
            return None
        close = difflib.get_close_matches(name, self.all_names(), n=1, cutoff=0.6)
        return warning(
            path, line, "organization-unknown", name=name, suggestion=self.full_name(close[0]) if close else ""
        )


@dataclass(frozen=True)
class Entry:
    """One registry record as site.yaml types it, with its own contact already read."""

    dotted: str  # organizations.3
    values: dict
    contact: Contact


def build_registry(entries: list[Entry], path: str, lines: dict[str, int]) -> tuple[Registry, list[Diagnostic]]:
    """The registry, and an error at its line for each name or slug used twice and each unknown parent."""
    found: list[Diagnostic] = []
    taken: dict[str, tuple[str, int]] = {}  # name key -> (full name, line)
    slugs: dict[str, tuple[str, int]] = {}
    kept: list[tuple[Entry, Organization]] = []
    for entry in entries:
        values, line = entry.values, lines.get(entry.dotted, 1)
        org = Organization(
            name=values["name"],
            short=values.get("short", ""),
            aliases=tuple(values.get("aliases", ())),
            slug=values.get("slug", ""),
            contact=entry.contact,
            line=line,
        )
        clashes, clashing = _name_clashes(org, entry.dotted, taken, path, lines)
        found += clashes + _slug_problems(org, entry.dotted, slugs, path, lines)
        if org.name not in clashing:  # a second entry for one organisation is left out; else only the names
            short = "" if org.short in clashing else org.short
            kept.append((entry, replace(org, short=short, aliases=tuple(a for a in org.aliases if a not in clashing))))
    plain = Registry(tuple(org for _, org in kept))
    parented = []
    for entry, org in kept:
        parent, problem = _parent(plain, org, entry, path, lines)
        found += [problem] if problem else []
        parented.append(replace(org, parent=parent) if parent else org)
    registry = Registry(tuple(parented))
    return registry, found + _loops(registry, path)


def _name_clashes(org: Organization, dotted: str, taken: dict, path: str, lines: dict[str, int]):
    """An error for each of its names another organisation already has, at the line it is written on; those names."""
    found, clashing = [], set()
    written = [("name", org.name), ("short", org.short)] + [(f"aliases.{i}", a) for i, a in enumerate(org.aliases)]
    own: set[str] = set()
    for where, name in written:
        key = name_key(name)
        if not name or key in own:
            continue  # the short name repeated among the aliases: harmless
        own.add(key)
        if key in taken:
            other, first = taken[key]
            line = (
                lines.get(f"{dotted}.{where}") or lines.get(f"{dotted}.{where.split('.')[0]}") or lines.get(dotted, 1)
            )
            found.append(error(path, line, "organization-name-taken", name=name, other=other, first_line=first))
            clashing.add(name)
        else:
            taken[key] = (org.name, lines.get(dotted, 1))
    return found, clashing


def _slug_problems(org: Organization, dotted: str, slugs: dict, path: str, lines: dict[str, int]) -> list[Diagnostic]:
    if not org.slug:
        return []
    line = lines.get(dotted + ".slug", lines.get(dotted, 1))
    if not addresses.GROUP_SLUG.match(org.slug) or org.slug in addresses.RESERVED_NAMES:
        return [error(path, line, "organization-slug-invalid", slug=org.slug)]
    if org.slug in slugs:
        other, first = slugs[org.slug]
        return [error(path, line, "organization-slug-taken", slug=org.slug, other=other, first_line=first)]
    slugs[org.slug] = (org.name, line)
    return []


def _parent(registry: Registry, org: Organization, entry: Entry, path: str, lines: dict[str, int]):
    written = entry.values.get("parent", "")
    if not written:
        return "", None
    parent = registry.find(written)
    if parent is not None:
        return parent.name, None
    line = lines.get(entry.dotted + ".parent", org.line)
    close = difflib.get_close_matches(written, registry.all_names(), n=1, cutoff=0.6)
    suggestion = registry.full_name(close[0]) if close else ""
    return "", error(path, line, "organization-parent-unknown", name=written, suggestion=suggestion)


def _loops(registry: Registry, path: str) -> list[Diagnostic]:
    """A parent chain that comes back to where it started (A under B under A) is one error per organisation in it."""
    found = []
    parents = {org.name: org.parent for org in registry.organizations}
    for org in registry.organizations:
        seen, current = {org.name}, org.parent
        while current and current not in seen:
            seen.add(current)
            current = parents.get(current, "")
        if current == org.name:
            found.append(error(path, org.line, "organization-parent-loop", name=org.name))
    return found
