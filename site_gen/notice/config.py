"""site.yaml: the site's settings, with defaults, types and located diagnostics.

Every key is declared in site_gen/schema.py; an unknown key is a warning with a
"did you mean", a wrong type is an error, and both name the line in site.yaml.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..base import addresses
from ..base.diagnostics import Diagnostic, error, warning
from ..base.layout import CONFIG_FILE, CONTENT, SiteLayout
from .frontmatter import read_yaml
from .grammar import is_email, is_phone
from .model import Contact, Status
from .organizations import Entry, Registry, build_registry
from .schema import SITE_FIELDS, read_fields
from .slips import starter_placeholders
from .statuses import DEFAULT_STATUS_KEYS, Vocabulary

DEFAULT_LICENSE = "CC-BY-4.0"  # open data reused with attribution: what public-sector open-data portals mostly use


@dataclass(frozen=True)
class Footer:
    host: str = ""
    site_id: str = ""
    icp: str = ""
    police: str = ""


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    title: str = "巡察整改公开"
    base_url: str = ""
    language: str = "zh"
    description: str = ""
    contact: Contact = field(default_factory=Contact)
    organizations: Registry = field(default_factory=Registry)
    footer: Footer = field(default_factory=Footer)
    meta: tuple[tuple[str, str], ...] = ()
    vocabulary: Vocabulary = field(default_factory=Vocabulary.default)
    status_keys: tuple[str, ...] = DEFAULT_STATUS_KEYS
    allow_html: bool = False
    encoding: str = "utf-8"
    ledger_columns: tuple[tuple[str, tuple[str, ...]], ...] = ()  # a ledger column kind -> the site's own headers
    keep: tuple[str, ...] = ()  # files of output/ a deployment added, carried into every new site (ownership.py)
    license: str = DEFAULT_LICENSE

    @property
    def layout(self) -> SiteLayout:
        return SiteLayout(self.root)

    @property
    def content_dir(self) -> Path:
        return self.layout.content

    @cached_property
    def group_addresses(self) -> addresses.GroupAddresses:
        """Where each group's page is: an organisation's by the slug its registry entry gives, if any."""
        return addresses.GroupAddresses(self.organizations.slugs())


def load_config(root: Path) -> tuple[SiteConfig, list[Diagnostic]]:
    """Read site.yaml in root; a missing file means all defaults."""
    path = root / CONFIG_FILE
    if not path.is_file():
        return _parse(root, {}, {})
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return SiteConfig(root=root), [error(CONFIG_FILE, 1, "config-not-utf8")]
    except OSError as problem:  # another account's file, a failing disk: said, never a traceback
        return SiteConfig(root=root), [
            error(CONFIG_FILE, 1, "file-unreadable", detail=problem.strerror or str(problem))
        ]
    document, problems = read_yaml(text, CONFIG_FILE, "config-yaml")
    if document is None:
        return SiteConfig(root=root), problems
    data = {} if document.data is None else document.data
    if not isinstance(data, dict):
        return SiteConfig(root=root), [error(CONFIG_FILE, 1, "config-not-mapping")]
    config, found = _parse(root, data, document.lines)
    return config, problems + found + starter_placeholders(text, CONFIG_FILE)


def _parse(root: Path, data: dict, lines: dict[str, int]) -> tuple[SiteConfig, list[Diagnostic]]:
    values, found = read_fields(data, SITE_FIELDS, lines, CONFIG_FILE, "unknown-setting")
    language = values.get("language", "zh")
    contact, contact_found = contact_from(values.get("contact"), CONFIG_FILE, lines)
    vocabulary, vocabulary_found = _vocabulary(values.get("statuses", {}), lines)
    registry, registry_found = _registry(values.get("organizations", ()), lines, contact)
    base_url = values.get("base_url", "")
    footer = values.get("footer", {})
    config = SiteConfig(
        root=root,
        title=values.get("title", "巡察整改公开" if language == "zh" else "Rectification progress"),
        base_url=base_url.rstrip("/") + "/" if base_url else "",
        language=language,
        description=values.get("description", ""),
        contact=contact,
        organizations=registry,
        footer=Footer(**footer),
        meta=tuple(values.get("meta", {}).items()),
        vocabulary=vocabulary,
        status_keys=values.get("status_keys") or DEFAULT_STATUS_KEYS,
        allow_html=values.get("allow_html", False),
        encoding="gb18030" if values.get("encoding") == "gbk" else values.get("encoding", "utf-8"),
        ledger_columns=tuple((role, tuple(headers)) for role, headers in values.get("ledger_columns", {}).items()),
        keep=_keep_patterns(values.get("keep", ()), lines, found),
        license=values.get("license", DEFAULT_LICENSE),
    )
    found += contact_found + vocabulary_found + registry_found
    if data.get("base_url") in (None, ""):
        found.append(warning(CONFIG_FILE, 1, "base-url-missing"))
    elif config.base_url and not config.base_url.startswith(("http://", "https://")):
        found.append(error(CONFIG_FILE, lines.get("base_url", 1), "base-url-scheme"))
    return config, found


def _keep_patterns(patterns: tuple[str, ...], lines: dict[str, int], found: list[Diagnostic]) -> tuple[str, ...]:
    """keep: patterns relative to output/; one that climbs out or is absolute keeps nothing and is an error."""
    kept = []
    for pattern in patterns:
        parts = pattern.replace("\\", "/").split("/")
        if not pattern.strip() or pattern.startswith("/") or ".." in parts or ":" in pattern:
            found.append(error(CONFIG_FILE, lines.get("keep", 1), "keep-pattern-invalid", pattern=pattern))
        else:
            kept.append(pattern.strip().removeprefix("./"))
    return tuple(kept)


def contact_from(
    values: dict | None, path: str, lines: dict[str, int], base: Contact | None = None, key: str = "contact"
) -> tuple[Contact, list[Diagnostic]]:
    """A contact from its typed fields; those it leaves out come from base (the site's defaults).

    Phone numbers and e-mail addresses are checked here, each on its own line (key is the contact's
    dotted name in the file: "organizations.2.contact" in a registry).
    """
    base = base or Contact()
    values = values or {}
    found: list[Diagnostic] = []
    for part, valid, code in (("phones", is_phone, "phone-invalid"), ("emails", is_email, "email-invalid")):
        for index, value in enumerate(values.get(part, ())):
            if not valid(value):
                line = lines.get(f"{key}.{part}.{index}") or lines.get(f"{key}.{part}") or lines.get(key, 1)
                found.append(error(path, line, code, value=value))
    contact = Contact(
        phones=values.get("phones", base.phones),
        emails=values.get("emails", base.emails),
        address=values.get("address", base.address),
        other=values.get("other", base.other),
        invitation=values.get("invitation", base.invitation),
    )
    return contact, found


def _registry(records: tuple, lines: dict[str, int], site_contact: Contact) -> tuple[Registry, list[Diagnostic]]:
    """The organisations: each one's contact completed from the site's (notice > organisation > site)."""
    dotted_of = {line: key for key, line in lines.items() if re.fullmatch(r"organizations\.\d+", key)}
    entries, found = [], []
    for line, values in records:
        dotted = dotted_of.get(line, "organizations")
        contact, problems = contact_from(values.get("contact"), CONFIG_FILE, lines, site_contact, dotted + ".contact")
        entries.append(Entry(dotted, values, contact))
        found += problems
    registry, problems = build_registry(entries, CONFIG_FILE, lines)
    return registry, found + problems


def _vocabulary(values: dict, lines: dict[str, int]) -> tuple[Vocabulary, list[Diagnostic]]:
    """The built-in wordings plus the site's; a built-in wording listed under another status is an error."""
    base = Vocabulary.default()
    if not values:
        return base, []
    found = []
    extra: dict[Status, tuple[str, ...]] = {}
    for name, wordings in values.items():
        status = Status(name)
        kept = []
        for index, wording in enumerate(wordings):
            taken_by = base.lookup(wording).status
            if taken_by is not None and taken_by is not status:
                line = lines.get(f"statuses.{name}.{index}") or lines.get(f"statuses.{name}", 1)
                found.append(
                    error(
                        CONFIG_FILE, line, "status-wording-taken", status=name, wording=wording, taken_by=taken_by.value
                    )
                )
            else:
                kept.append(wording)
        extra[status] = tuple(kept)
    return base.with_extra(extra), found


def notice_sources(config: SiteConfig) -> tuple[list[str], list[Diagnostic]]:
    """Every .md file under content/ by its name in the site (content/2025/x.md), folder by folder, names sorted.

    Plain strings: a big site has tens of thousands of files, and making a Path of each cost more
    than everything else a rebuild with one changed notice does with them.
    """
    content = config.content_dir
    if not content.is_dir():
        return [], [error(CONTENT, 0, "content-missing")]
    found, unreadable = [], []

    def said(problem: OSError) -> None:  # a folder another account closed: its notices would vanish unsaid
        where = os.path.relpath(problem.filename or content, config.root).replace(os.sep, "/")
        unreadable.append(error(where, 0, "file-unreadable", detail=problem.strerror or str(problem)))

    for folder, _, files in os.walk(content, onerror=said):  # as rglob, symlinked folders are not entered
        relative = os.path.relpath(folder, content)
        parts = () if relative == "." else tuple(relative.split(os.sep))
        found += [(*parts, name) for name in files if name.endswith(".md")]
    return ["/".join((content.name, *parts)) for parts in sorted(found)], unreadable
