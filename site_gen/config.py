"""site.yaml: the site's settings, with defaults, types and located diagnostics.

Every key is declared here once; an unknown key is a warning with a "did you
mean", a wrong type is an error, and both name the line in site.yaml.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .diagnostics import Diagnostic, Severity, error, unknown_name, warning
from .frontmatter import _load_yaml
from .grammar import EMAIL_FIELD as EMAIL
from .grammar import PHONE_FIELD as PHONE
from .model import Contact, Status
from .statuses import DEFAULT_STATUS_KEYS, Vocabulary

CONFIG_FILE = "site.yaml"

SITE_KEYS = {
    "title": "the site's name, shown in every page header",
    "base_url": "the absolute URL the site is published at (feeds, sitemap, canonical, QR codes)",
    "language": "zh (default) or en: the language of every UI string",
    "description": "one sentence describing the site, for search engines",
    "contact": "default contact for every notice: phones, emails, address, other, invitation",
    "footer": "site-wide footer: host (主办单位), site_id (网站标识码), icp, police (公网安备)",
    "meta": "government-site meta tags: SiteName, SiteDomain, SiteIDCode, ColumnName",
    "statuses": "extra wordings per canonical status, e.g. done: [整改到位]",
    "status_keys": "the words that introduce a status line, e.g. [整改进度, 整改情况]",
    "allow_html": "true to let notices contain raw HTML (off by default, for safety)",
    "encoding": "utf-8 (default) or gb18030 for notices saved by older Chinese editors",
}
CONTACT_KEYS = ("phones", "emails", "address", "other", "invitation")
FOOTER_KEYS = ("host", "site_id", "icp", "police")
META_KEYS = ("SiteName", "SiteDomain", "SiteIDCode", "ColumnName")


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
    footer: Footer = field(default_factory=Footer)
    meta: tuple[tuple[str, str], ...] = ()
    vocabulary: Vocabulary = field(default_factory=Vocabulary.default)
    status_keys: tuple[str, ...] = DEFAULT_STATUS_KEYS
    allow_html: bool = False
    encoding: str = "utf-8"

    @property
    def content_dir(self) -> Path:
        return self.root / "content"


def load_config(root: Path) -> tuple[SiteConfig, list[Diagnostic]]:
    """Read site.yaml in root; a missing file means all defaults."""
    path = root / CONFIG_FILE
    if not path.is_file():
        return _parse(root, {}, {})
    try:
        data, key_lines = _load_yaml(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        return SiteConfig(root=root), [
            error(CONFIG_FILE, 1, "site.yaml is not UTF-8 text", "save it as UTF-8 in your editor")
        ]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return SiteConfig(root=root), [
            error(
                CONFIG_FILE,
                mark.line + 1 if mark else 1,
                f"site.yaml is not valid YAML: {getattr(exc, 'problem', exc)}",
                column=mark.column + 1 if mark else 1,
            )
        ]
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return SiteConfig(root=root), [error(CONFIG_FILE, 1, "site.yaml must be a list of settings (name: value)")]
    return _parse(root, data, key_lines)


def _parse(root: Path, data: dict, key_lines: dict[str, int]) -> tuple[SiteConfig, list[Diagnostic]]:
    found: list[Diagnostic] = []

    def line(key: str) -> int:
        return key_lines.get(key, 1)

    def text(key: str, default: str = "") -> str:
        value = data.get(key, default)
        if value is None:
            return default
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            found.append(error(CONFIG_FILE, line(key), f"{key} must be text"))
            return default
        return str(value).strip()

    for key in data:
        if key not in SITE_KEYS:
            found.append(unknown_name(CONFIG_FILE, line(key), "setting", key, SITE_KEYS))

    language = text("language", "zh")
    if language not in ("zh", "en"):
        found.append(error(CONFIG_FILE, line("language"), f'language must be zh or en, not "{language}"'))
        language = "zh"
    encoding = text("encoding", "utf-8").lower()
    if encoding not in ("utf-8", "gb18030", "gbk"):
        found.append(error(CONFIG_FILE, line("encoding"), f'encoding must be utf-8 or gb18030, not "{encoding}"'))
        encoding = "utf-8"
    allow_html = data.get("allow_html", False)
    if not isinstance(allow_html, bool):
        found.append(error(CONFIG_FILE, line("allow_html"), "allow_html must be true or false"))
        allow_html = False

    contact, contact_found = parse_contact(data.get("contact"), CONFIG_FILE, line("contact"))
    found += contact_found
    footer = Footer(**_string_map(data.get("footer"), FOOTER_KEYS, "footer", line("footer"), found))
    meta = _string_map(data.get("meta"), META_KEYS, "meta", line("meta"), found)
    vocabulary = _vocabulary(data.get("statuses"), line("statuses"), found)
    status_keys = _string_list(data.get("status_keys"), "status_keys", line("status_keys"), found)

    config = SiteConfig(
        root=root,
        title=text("title", "巡察整改公开" if language == "zh" else "Rectification progress"),
        base_url=text("base_url").rstrip("/") + ("/" if text("base_url") else ""),
        language=language,
        description=text("description"),
        contact=contact,
        footer=footer,
        meta=tuple((k, v) for k, v in meta.items() if v),
        vocabulary=vocabulary,
        status_keys=tuple(status_keys) or DEFAULT_STATUS_KEYS,
        allow_html=allow_html,
        encoding=encoding,
    )
    if not config.base_url:
        found.append(
            warning(
                CONFIG_FILE,
                1,
                "base_url is not set: no QR codes, no sitemap.xml, and feeds and "
                "canonical links use relative addresses",
                "add the site's public address, e.g. base_url: https://xczg.example.gov.cn/",
            )
        )
    if config.base_url and not config.base_url.startswith(("http://", "https://")):
        found.append(error(CONFIG_FILE, line("base_url"), "base_url must start with http:// or https://"))
    return config, found


def parse_contact(value: object, path: str, line: int, base: Contact | None = None) -> tuple[Contact, list[Diagnostic]]:
    """A contact mapping; fields it leaves out come from base (the site's defaults)."""
    base = base or Contact()
    found: list[Diagnostic] = []
    if value is None:
        return base, found
    if not isinstance(value, dict):
        found.append(
            error(
                path,
                line,
                "contact must be a mapping with phones, emails, address",
                "e.g.\ncontact:\n  phones: [0635-1234567]\n  emails: [jubao@example.gov.cn]",
            )
        )
        return base, found
    for key in value:
        if key not in CONTACT_KEYS:
            found.append(unknown_name(path, line, "contact field", key, CONTACT_KEYS))

    def items(key: str, current: tuple[str, ...]) -> tuple[str, ...]:
        if key not in value:
            return current
        return tuple(_string_list(value[key], f"contact.{key}", line, found, path))

    def single(key: str, current: str) -> str:
        if key not in value:
            return current
        raw = value[key]
        if isinstance(raw, list):
            return ",".join(str(x) for x in raw)
        return "" if raw is None else str(raw).strip()

    for phone in items("phones", ()):
        if not PHONE.match(phone) or sum(ch.isdigit() for ch in phone) < 5:
            found.append(
                error(
                    path,
                    line,
                    f'"{phone}" does not look like a phone number',
                    "write digits with an optional area code, e.g. 0635-8419109",
                )
            )
    for email in items("emails", ()):
        if not EMAIL.match(email):
            found.append(
                error(path, line, f'"{email}" does not look like an e-mail address', "write it as name@example.gov.cn")
            )
    contact = Contact(
        phones=items("phones", base.phones),
        emails=items("emails", base.emails),
        address=single("address", base.address),
        other=items("other", base.other),
        invitation=single("invitation", base.invitation),
    )
    return contact, found


def _string_list(value: object, name: str, line: int, found: list[Diagnostic], path: str = CONFIG_FILE) -> list[str]:
    """A list of strings; one scalar is accepted as a list of one."""
    if value is None:
        return []
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return [str(value).strip()]
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return [str(v).strip() for v in value if str(v).strip()]
    found.append(error(path, line, f"{name} must be a list of text values", "e.g. [0635-1234567, 0635-7654321]"))
    return []


def _string_map(value: object, keys: tuple[str, ...], name: str, line: int, found: list[Diagnostic]) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        found.append(error(CONFIG_FILE, line, f"{name} must be a mapping of {', '.join(keys)}"))
        return {}
    result = {}
    for key, raw in value.items():
        if key not in keys:
            found.append(unknown_name(CONFIG_FILE, line, f"{name} field", key, keys))
            continue
        result[key] = "" if raw is None else str(raw).strip()
    return result


def _vocabulary(value: object, line: int, found: list[Diagnostic]) -> Vocabulary:
    base = Vocabulary.default()
    if value is None:
        return base
    if not isinstance(value, dict):
        found.append(
            error(
                CONFIG_FILE,
                line,
                "statuses must map a canonical status to its wordings",
                "e.g.\nstatuses:\n  done: [整改到位]",
            )
        )
        return base
    names = [s.value for s in Status if s is not Status.UNSTATED]
    extra: dict[Status, tuple[str, ...]] = {}
    for key, wordings in value.items():
        if key not in names:
            found.append(unknown_name(CONFIG_FILE, line, "canonical status", key, names, Severity.ERROR))
            continue
        extra[Status(key)] = tuple(_string_list(wordings, f"statuses.{key}", line, found))
    return base.with_extra(extra)


def notice_sources(config: SiteConfig) -> tuple[list[str], list[Diagnostic]]:
    """Every .md file under content/ by its name in the site (content/2025/x.md), folder by folder, names sorted.

    Plain strings: a big site has tens of thousands of files, and making a Path of each cost more
    than everything else a rebuild with one changed notice does with them.
    """
    content = config.content_dir
    if not content.is_dir():
        return [], [
            error("content", 0, "there is no content/ folder", "create content/ and put one .md file per notice in it")
        ]
    found = []
    for folder, _, files in os.walk(content):  # as rglob, symlinked folders are not entered
        relative = os.path.relpath(folder, content)
        parts = () if relative == "." else tuple(relative.split(os.sep))
        found += [(*parts, name) for name in files if name.endswith(".md")]
    return ["/".join((content.name, *parts)) for parts in sorted(found)], []
