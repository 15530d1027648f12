"""The address book: where every file of the site lives, relative to the site root.

Nothing else formats a path. Every address is ASCII, so any web host, FTP client, zip
tool or CMS upload form (many on government intranets still use GBK file names) keeps
it: a group page is named by a slug, the transliteration of the group's name
(中共临江区司法局党组 -> organizations/zhonggonglinjiangqusifajudangzu.html).
Addresses are relative, so the site works from any folder of any host.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

OPEN_DATA = "notices.json"  # published: it proves nothing about who made a folder (engine/ownership.py)
SEARCH_FOLDER = "pagefind"  # written by Pagefind, not declared among the outputs
INDEX = "index.html"
DASHBOARD = "dashboard.html"
SEARCH_PAGE = "search.html"
DATA_GUIDE = "data.html"  # 数据说明: what notices.json and each notice's record hold
NOT_FOUND = "404.html"
SITE_FEED = "feed.xml"
ROBOTS = "robots.txt"
SITEMAP = "sitemap.xml"
OPEN_PROBLEMS = "open-problems.html"  # every problem not done as of its latest notice
SERIES_DATA = "series.json"  # every notice series with each problem's history
SERIES_FOLDER = "series"
LEDGER_FORMATS = ("xlsx", "csv")  # a ledger (整改台账) is offered in both: Excel's own and the plainest


def ledger_of(page: str, format: str) -> str:
    """The ledger of what a page lists, beside it: organizations/quwei.html -> organizations/quwei.ledger.xlsx;
    the site's, beside the home page: ledger.xlsx."""
    stem = page.removesuffix(".html")
    return f"ledger.{format}" if page == INDEX else f"{stem}.ledger.{format}"


ASSETS = "assets"
STYLESHEET = f"{ASSETS}/site.css"
FOLDERS = {"organization": "organizations", "year": "years", "tag": "tags"}
SEARCH_UI_FILES = ("pagefind-ui.js", "pagefind-ui.css")  # copied next to the year shards, where search.html loads them
MAX_SLUG = 80  # a file name holds 255 bytes; a group page adds "~NN.html"
# a notice's slug becomes notices/<slug>.html and a QR code: 80 characters in all (240 bytes in Chinese) fit any
# file system's 255-byte file names with room for ".html", and 8 folder levels keep paths and QR codes short
MAX_ADDRESS = 80
MAX_FOLDERS = 8
NOTICE_SLUG = re.compile(r"^[\w\-]+(/[\w\-]+)*$")
GROUP_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")  # what make_group_slug makes, and a registry may give
RESERVED_NAMES = frozenset({"index", "pages"})  # organizations/index.html lists them; pages/ is the home list's
_ASCII_WORD = re.compile(r"[a-z0-9]+")
_CJK = re.compile(r"[\u3007\u3400-\u9fff\uf900-\ufaff]")  # 〇 is a numeral: 二〇二五 -> erlingerwu
_CJK_RUN = re.compile(r"[\u3007\u3400-\u9fff\uf900-\ufaff]+|[^\u3007\u3400-\u9fff\uf900-\ufaff]+")


class UnsafeAddress(ValueError):
    """A path that would leave the site's folder."""


def notice_page(slug: str) -> str:
    return f"notices/{slug}.html"


def notice_data(slug: str) -> str:
    return f"notices/{slug}.json"


def attachment(slug: str, path: str) -> str:
    """Where a notice's attached file is published: beside its page, at the path the notice gives made ASCII.

    The path is also the link on the page, so it may hold no scheme (javascript:) anywhere.
    """
    if ":" in path or not path.strip("./"):
        raise UnsafeAddress(path)
    return safe(posixpath.normpath(posixpath.join(posixpath.dirname(notice_page(slug)), ascii_file_path(path))))


def ascii_file_path(path: str) -> str:
    """A relative file path with each non-ASCII part transliterated, its extension kept: files/测评表.pdf ->
    files/cepingbiao.pdf. A notice's link to its attachment is rewritten the same way, so it still leads there."""
    parts = []
    for part in path.split("/"):
        stem, dot, suffix = part.rpartition(".") if "." in part.lstrip(".") else (part, "", "")
        parts.append(ascii_part(stem) + dot + (suffix if suffix.isascii() else ascii_part(suffix)))
    return "/".join(parts)


def file_slug(relative_stem: str) -> str:
    """The address of a notice that names none: its file's path under content/ (no suffix), made ASCII, its file
    name shortened with a hash of the path when the whole would pass MAX_ADDRESS. The file's name is the clerk's
    (a Word document's long title, in a year folder): it is published, never refused for its length."""
    slug = ascii_slug(relative_stem)
    folder, _, name = slug.rpartition("/")
    room = MAX_ADDRESS - len(folder) - 1 if folder else MAX_ADDRESS
    if len(slug) <= MAX_ADDRESS or room < 16:  # folders this long are refused by slug_problem, as written
        return slug
    return (f"{folder}/" if folder else "") + name[: room - 9].rstrip("-") + "-" + short_hash(relative_stem)


def slug_problem(slug: str) -> str | None:
    """Why a notice cannot be published at this address (its message code), or None."""
    if not NOTICE_SLUG.match(slug):
        return "slug-invalid"
    if len(slug) > MAX_ADDRESS or slug.count("/") >= MAX_FOLDERS:
        return "slug-too-long"
    return None


def ascii_slug(slug: str) -> str:
    """A notice's address made ASCII folder by folder: 2025/水务局 -> 2025/shuiwuju; an ASCII slug is unchanged."""
    return "/".join(ascii_part(part) for part in slug.split("/"))


def ascii_part(text: str) -> str:
    """One file or folder name made ASCII: unchanged when it is, else its words in pinyin joined by -."""
    if text.isascii():
        return text
    words = transliterated_words(text)
    if not words:
        return "n-" + short_hash(text)
    return words if len(words) <= MAX_SLUG else words[: MAX_SLUG - 9].rstrip("-") + "-" + short_hash(text)


def list_page(first: str, number: int) -> str:
    """Page N of a list: the home list's later pages are pages/N.html, a group's zhangsan~N.html."""
    if number == 1:
        return first
    if first == INDEX:
        return f"pages/{number}.html"
    return f"{first.removesuffix('.html')}~{number}.html"


def group_index(kind: str) -> str:
    return f"{FOLDERS[kind]}/index.html"


def template_addresses() -> dict[str, str]:
    """The site's fixed addresses by name, for templates (`{{ root }}{{ at.dashboard }}`): no template spells one."""
    return {
        "home": INDEX,
        "search": SEARCH_PAGE,
        "dashboard": DASHBOARD,
        "open_problems": OPEN_PROBLEMS,
        "open_data": OPEN_DATA,
        "data_guide": DATA_GUIDE,
        "feed": SITE_FEED,
        "organizations": group_index("organization"),
        "years": group_index("year"),
        "stylesheet": STYLESHEET,
        "script": f"{ASSETS}/site.js",
        "search_script": f"{ASSETS}/search.js",
        "search_ui_script": f"{SEARCH_FOLDER}/{SEARCH_UI_FILES[0]}",
        "search_ui_style": f"{SEARCH_FOLDER}/{SEARCH_UI_FILES[1]}",
    }


@dataclass(frozen=True)
class GroupAddresses:
    """Group pages of one site: an organisation's page takes the slug the site's registry gives it, else its name's.

    Held by the site's config, never by this module: two sites loaded in one process keep their own addresses.
    """

    registry: Mapping[str, str] = field(default_factory=dict)  # organisation full name -> its registered slug

    def page(self, kind: str, name: str) -> str:
        return f"{FOLDERS[kind]}/{self.slug_of(kind, name)}.html"

    def feed(self, kind: str, name: str) -> str:
        return f"{FOLDERS[kind]}/{self.slug_of(kind, name)}.xml"

    def slug_of(self, kind: str, name: str) -> str:
        if kind == "organization" and name in self.registry:
            return self.registry[name]
        return group_slug(name)


def series_slug(name: str) -> str:
    """A series' ASCII name, from its front-matter value as a group's is from its name."""
    return group_slug(name)


def series_page(name: str) -> str:
    return f"{SERIES_FOLDER}/{series_slug(name)}.html"


_SLUGS: dict[str, str] = {}  # a memo kept by the build state: pypinyin takes half a second to load


def remember_slugs(known: dict[str, str]) -> None:
    _SLUGS.update(known)


def known_slugs() -> dict[str, str]:
    return dict(_SLUGS)


def slugs_known(*names: str) -> dict[str, str]:
    """Those of these names whose slug was made in this process (a worker's, sent back to the build)."""
    return {name: _SLUGS[name] for name in names if name in _SLUGS}


def group_slug(name: str) -> str:
    """An ASCII file name for a group (memoised)."""
    if name not in _SLUGS:
        _SLUGS[name] = make_group_slug(name)
    return _SLUGS[name]


def make_group_slug(name: str) -> str:
    """An ASCII file name for a group: its name in pinyin without tones, else a short stable hash.

    Two names may share a slug (水务局 and 税务局 are both shuiwuju): check reports it as an error,
    as it does for two notices at one address.
    """
    slug = transliterated_words(name)
    if not slug:
        return "g-" + short_hash(name)
    if len(slug) > MAX_SLUG:
        slug = slug[: MAX_SLUG - 9].rstrip("-") + "-" + short_hash(name)
    return slug + "-group" if slug in RESERVED_NAMES else slug


def transliterated_words(text: str) -> str:
    """Lower-case ASCII words joined by -, each run of Chinese characters one word in pinyin without tones."""
    runs = [_pinyin(run) if _CJK.match(run) else run for run in _CJK_RUN.findall(text)]
    return "-".join(word for run in runs for word in _ASCII_WORD.findall(run.lower()))


def _pinyin(chinese: str) -> str:
    """One word per run of Chinese characters: 司法局 -> sifaju."""
    from . import pinyin  # only where group pages are named

    return pinyin.words(chinese)


def short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def safe(relative: str) -> str:
    """The path as it is, refusing any that is absolute, climbs out with .., or names a scheme."""
    parts = relative.split("/")
    if not relative or relative.startswith("/") or ".." in parts or ":" in parts[0] or "\\" in relative:
        raise UnsafeAddress(relative)
    return relative


# Names Windows keeps for devices, with any extension (con.html, nul.pdf): no such file can exist there, and zip
# tools and upload forms on Windows fail or write to the device
_WINDOWS_RESERVED = re.compile(r"/(con|prn|aux|nul|com[1-9]|lpt[1-9])(?:\.[^/\n]*)?(?=/|\n|$)")  # lower case


def reserved_name(address: str) -> str:
    """The name in an address that Windows reserves for a device ("" when none): 2025/con.html -> con."""
    found = _WINDOWS_RESERVED.search("/" + address.lower())
    return found.group(1) if found else ""


def one_file_as(address: str) -> str:
    """What an address is on a host that ignores case (Windows, macOS, most zip tools): Report.pdf and report.pdf
    are one file there, so two addresses with one such form are one address."""
    return address.lower()


def host_trouble(every: list[str]) -> bool:
    """Whether any of these addresses is reserved or one file with another on some host: asked of every address
    on every save in the preview, so in one scan of them all (0.4 ms for 2,000), the culprits found only then."""
    folded = "\n".join(every).lower()
    names = folded.split("\n")
    return bool(_WINDOWS_RESERVED.search("/" + folded.replace("\n", "\n/"))) or len(set(names)) != len(names)


def relative_root(page: str) -> str:
    """From a page back to the site root: "../" per folder."""
    return "../" * page.count("/")
