"""Read notice files into the model: the only place notices are parsed.

A notice is YAML front-matter and a Markdown body. In the body, ``##`` headings
are sections, ``###`` headings are issues and ``####`` headings are an issue's
sub-problems; the first line under an issue or sub-problem heading may be its
status line (``整改进度：整改完成``). Everything else is the clerk's Markdown.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from markdown_it.token import Token

from . import grammar, numbering
from .config import SiteConfig, notice_sources, parse_contact
from .diagnostics import Diagnostic, error, unknown_name, warning
from .frontmatter import split
from .links import scan_links
from .markdown import parser
from .model import Attachment, Inspection, Issue, Link, Notice, Section, Status, StatusLine, SubProblem
from .parallel import inherited, ordered_map

NOTICE_KEYS = {
    "title": "the notice's title",
    "organization": "the publisher, e.g. 中共某某局党组",
    "date": "publication date, e.g. 2025-04-02",
    "inspection": "group, round, from, to, feedback",
    "contact": "phones, emails, address, other, invitation (defaults from site.yaml)",
    "tags": "a list of tags",
    "draft": "true while the notice must not be published",
    "slug": "the page's address, default from the file path",
    "summary": "one or two sentences for the index and search engines",
    "lang": "zh or en: the language the notice is written in",
    "attachments": "files published with the notice: a list of {path, title}",
    "reviewers": "review chain (一审/二审/三审), kept but not shown",
}
MAX_STATUS_LENGTH = grammar.MAX_STATUS_LENGTH
MAX_NOTICE_BYTES = 5_000_000  # real notices are 10-100 KB; this refuses pasted scans before reading them
INSPECTION_KEYS = ("group", "round", "from", "to", "feedback")
_EXPLICIT_ID = re.compile(r"\s*\{#([A-Za-z][\w-]*)\}\s*$")
_SLUG_OK = re.compile(r"^[\w\-]+(/[\w\-]+)*$")


def read_site(config: SiteConfig, drafts: bool = True) -> tuple[list[Notice], list[Diagnostic]]:
    """Every notice under content/, in a stable order, with every problem found."""
    notices: list[Notice] = []
    sources, found = notice_sources(config)
    paths = [config.root / source for source in sources]
    for notice, problems in ordered_map(_read_shared, paths, {"config": config}):
        found += problems
        if notice is not None and (drafts or not notice.draft):
            notices.append(notice)
    notices.sort(key=newest_first)
    return notices, found


def newest_first(notice) -> tuple[int, str]:
    """The order of every listing: newest first, then by address (a Notice or a Listed)."""
    return (-notice.date.toordinal(), notice.slug)


def _read_shared(path: Path) -> tuple[Notice | None, list[Diagnostic]]:
    return read_notice(path, inherited("config"))


def content_digest(source: str, raw: bytes) -> str:
    return hashlib.sha256(source.encode("utf-8") + b"\0" + raw).hexdigest()


def read_notice(path: Path, config: SiteConfig) -> tuple[Notice | None, list[Diagnostic]]:
    """One notice file; None when it cannot be read at all."""
    source = path.relative_to(config.root).as_posix()
    if not path.resolve().is_relative_to(config.content_dir.resolve()):
        return None, [
            error(
                source,
                1,
                "this file is a link to somewhere outside content/ and was not read",
                "copy the notice into content/ instead of linking to it",
            )
        ]
    size = path.stat().st_size
    if size > MAX_NOTICE_BYTES:
        return None, [
            error(
                source,
                1,
                f"the file is {size / 1e6:.0f} MB; a notice is at most "
                f"{MAX_NOTICE_BYTES // 1_000_000} MB and this is probably not one",
                "keep large documents (scans, PDFs) as attachments and link to them",
            )
        ]
    raw = path.read_bytes()
    text, problems = decode(raw, source, config.encoding)
    if text is None:
        return None, problems
    notice, problems = parse_notice(text, source, config, default_slug(path, config))
    if notice is not None:
        notice = dataclasses.replace(notice, digest=content_digest(source, raw))
    return notice, problems


def default_slug(path: Path, config: SiteConfig) -> str:
    return path.relative_to(config.content_dir).with_suffix("").as_posix()


def decode(raw: bytes, source: str, encoding: str = "utf-8") -> tuple[str | None, list[Diagnostic]]:
    """Text of a notice file: BOM and CRLF accepted, GB18030 read when the site says so."""
    if not raw.strip():
        return None, [
            error(source, 1, "the file is empty", "write the front-matter and the notice, or delete the file")
        ]
    if b"\x00" in raw[:8192]:
        return None, [
            error(
                source,
                1,
                "this is not a text file (it contains binary data)",
                "notices are plain-text .md files; keep Word or PDF files as attachments",
            )
        ]
    try:
        text = grammar.decode(raw, encoding)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        hint = "save the file as UTF-8 in your editor"
        if grammar.detect_encoding(raw) == "gb18030":
            message = "the file is not UTF-8; it looks like GBK/GB18030 (common in older Chinese editors)"
            hint = (
                f"convert it: iconv -f GB18030 -t UTF-8 {source} > converted.md, or set encoding: gb18030 in site.yaml"
            )
        else:
            message = f"the file is not valid {encoding.upper()} text"
        return None, [error(source, line, message, hint)]
    return text, []


def parse_notice(text: str, source: str, config: SiteConfig, slug: str) -> tuple[Notice | None, list[Diagnostic]]:
    front, problems = split(text, source)
    if front is None:
        return None, problems
    fields = _Fields(front.data, front.key_lines, source)
    title = fields.text("title", required=True)
    organization = fields.text("organization", required=True)
    date = fields.date("date", required=True)
    contact, contact_problems = parse_contact(
        front.data.get("contact"), source, fields.line("contact"), base=config.contact
    )
    fields.found += contact_problems
    slug = fields.slug(slug)
    fields.warn_unknown(NOTICE_KEYS)
    inspection = fields.inspection()
    fields.check_date_order(inspection, date)
    body, body_problems = parse_body(front.body, front.body_line, source, config)
    notice = Notice(
        source=source,
        slug=slug,
        title=title,
        organization=organization,
        date=date or dt.date(1970, 1, 1),
        contact=contact,
        inspection=inspection,
        summary=fields.text("summary"),
        tags=tuple(fields.text_list("tags")),
        draft=fields.boolean("draft"),
        lang=fields.text("lang"),
        intro_html=body.intro_html,
        sections=tuple(body.sections),
        attachments=fields.attachments(),
        reviewers=tuple(fields.text_list("reviewers")),
        links=tuple(body.links),
    )
    found = problems + fields.found + body_problems
    if any(d.severity == "error" for d in fields.found):
        return None, found
    return notice, found


class _Fields:
    """Typed access to front-matter fields that records a located problem for each bad one."""

    def __init__(self, data: dict, key_lines: dict[str, int], source: str):
        self.data, self.key_lines, self.source = data, key_lines, source
        self.found: list[Diagnostic] = []

    def line(self, key: str) -> int:
        return self.key_lines.get(key, 1)

    def fail(self, key: str, message: str, hint: str = "") -> None:
        self.found.append(error(self.source, self.line(key), message, hint))

    def text(self, key: str, required: bool = False) -> str:
        value = self.data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.found.append(
                    error(
                        self.source,
                        1 if key not in self.key_lines else self.line(key),
                        f"the required field {key} is missing",
                        f"add a line such as  {key}: {_EXAMPLES[key]}  to the front-matter",
                    )
                )
            return ""
        if isinstance(value, (dict, list, bool)):
            self.fail(key, f"{key} must be text, not a {type(value).__name__}")
            return ""
        return str(value).strip()

    def text_list(self, key: str) -> list[str]:
        value = self.data.get(key)
        if value is None:
            return []
        if isinstance(value, str):
            return [part.strip() for part in re.split(r"[,，、]", value) if part.strip()]
        if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
            return [str(v).strip() for v in value]
        self.fail(key, f"{key} must be a list, e.g. [巡察, 2024]")
        return []

    def boolean(self, key: str) -> bool:
        value = self.data.get(key, False)
        if isinstance(value, bool):
            return value
        self.fail(key, f"{key} must be true or false, not {value!r}")
        return False

    def date(self, key: str, required: bool = False, data: dict | None = None, label: str = "") -> dt.date | None:
        data = self.data if data is None else data
        value = data.get(key)
        label = label or key
        if value is None:
            if required:
                self.text(key, required=True)
            return None
        parsed = parse_date(value)
        if parsed is None:
            self.fail(
                label.split(".")[0], f"{label} is not a valid date: {value!r}", "write it as 2025-04-02 or 2025年4月2日"
            )
        return parsed

    def slug(self, default: str) -> str:
        value = self.text("slug") or default
        if not _SLUG_OK.match(value) or ".." in PurePosixPath(value).parts:
            self.fail(
                "slug",
                f'slug "{value}" can only use letters, digits, - and _, with / between folders',
                "rename the file or set slug: to something like 2024-sifaju",
            )
            return "invalid"
        return value

    def inspection(self) -> Inspection | None:
        value = self.data.get("inspection")
        if value is None:
            return None
        if not isinstance(value, dict):
            self.fail("inspection", "inspection must be a mapping of group, round, from, to, feedback")
            return None
        for key in value:
            if key not in INSPECTION_KEYS:
                self.found.append(
                    unknown_name(self.source, self.line("inspection"), "inspection field", key, INSPECTION_KEYS)
                )
        return Inspection(
            group=str(value.get("group") or "").strip(),
            round=str(value.get("round") or "").strip(),
            start=self.date("from", data=value, label="inspection.from"),
            end=self.date("to", data=value, label="inspection.to"),
            feedback=self.date("feedback", data=value, label="inspection.feedback"),
        )

    def check_date_order(self, inspection: Inspection | None, published: dt.date | None) -> None:
        """Inspection start <= end <= feedback <= publication: anything else is a typo in a date."""
        if inspection is None:
            return
        steps = [
            ("inspection.from", inspection.start),
            ("inspection.to", inspection.end),
            ("inspection.feedback", inspection.feedback),
            ("date", published),
        ]
        known = [(name, value) for name, value in steps if value is not None]
        for (earlier, earlier_date), (later, later_date) in itertools.pairwise(known):
            if later_date < earlier_date:
                self.fail(
                    "inspection",
                    f"{later} ({later_date}) is before {earlier} ({earlier_date})",
                    "check both dates: an inspection ends after it starts, findings come after it, "
                    "and the notice is published last",
                )

    def attachments(self) -> tuple[Attachment, ...]:
        value = self.data.get("attachments")
        if value is None:
            return ()
        if not isinstance(value, list):
            self.fail("attachments", "attachments must be a list of {path, title}")
            return ()
        result = []
        for item in value:
            if isinstance(item, str):
                result.append(Attachment(path=item, title=PurePosixPath(item).name))
            elif isinstance(item, dict) and isinstance(item.get("path"), str):
                result.append(
                    Attachment(path=item["path"], title=str(item.get("title") or PurePosixPath(item["path"]).name))
                )
            else:
                self.fail("attachments", f"attachment {item!r} needs a path", "write - path: files/survey.pdf")
        return tuple(result)

    def warn_unknown(self, known: dict[str, str]) -> None:
        for key in self.data:
            if key not in known:
                self.found.append(unknown_name(self.source, self.line(key), "field", key, known))


_EXAMPLES = {"title": "关于……巡察整改进展情况的通报", "organization": "中共某某局党组", "date": "2025-04-02"}


def parse_date(value: object) -> dt.date | None:
    """A date from YAML's own date type or from text such as 2025年4月2日."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return grammar.date_value(value)
    return None


# --- body -------------------------------------------------------------------


@dataclass
class _Body:
    intro_html: str = ""
    sections: list[Section] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


@dataclass
class _Open:
    """A heading being filled with its content tokens while the body is walked."""

    level: int
    title: str
    explicit_id: str
    line: int
    tokens: list[Token] = field(default_factory=list)
    children: list[_Open] = field(default_factory=list)


def parse_body(body: str, first_line: int, source: str, config: SiteConfig) -> tuple[_Body, list[Diagnostic]]:
    """Sections, issues and sub-problems from the Markdown body, parsed once."""
    md = parser(config.allow_html)
    tokens = md.parse(body)
    root = _Open(level=1, title="", explicit_id="", line=first_line)
    stack = [root]
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open" and token.level == 0 and token.tag in ("h2", "h3", "h4"):
            level = int(token.tag[1])
            title, explicit_id = _heading_text(tokens[index + 1].content)
            line = first_line + (token.map[0] if token.map else 0)
            while stack[-1].level >= level:
                stack.pop()
            if level == 3 and stack[-1].level == 1:  # an issue with no section: an untitled section
                section = _Open(level=2, title="", explicit_id="", line=line)
                stack[-1].children.append(section)
                stack.append(section)
            heading = _Open(level=level, title=title, explicit_id=explicit_id, line=line)
            stack[-1].children.append(heading)
            stack.append(heading)
            index += 3
            continue
        stack[-1].tokens.append(token)
        index += 1
    builder = _BodyBuilder(md, source, first_line, config)
    body = builder.build(root)
    body.links, link_problems = scan_links(tokens, first_line, source)
    return body, builder.found + link_problems


def _heading_text(text: str) -> tuple[str, str]:
    match = _EXPLICIT_ID.search(text)
    if match:
        return text[: match.start()].strip(), match.group(1)
    return text.strip(), ""


class _BodyBuilder:
    """Turns the heading tree into model objects, rendering each part's Markdown once."""

    def __init__(self, md, source: str, first_line: int, config: SiteConfig):
        self.md, self.source, self.first_line, self.config = md, source, first_line, config
        self.found: list[Diagnostic] = []
        self.status_line_pattern = grammar.status_line(config.status_keys)

    def build(self, root: _Open) -> _Body:
        body = _Body(intro_html=self.render(root.tokens))
        for position, child in enumerate(root.children, start=1):
            if child.level == 2:
                body.sections.append(self.section(child, position))
            else:  # a sub-problem heading outside any issue: keep its text, say where it belongs
                self.found.append(
                    warning(
                        self.source,
                        child.line,
                        "a #### heading outside an issue is shown as text",
                        "#### is for an issue's sub-problems; put it under a ### issue heading",
                    )
                )
        return body

    def section(self, heading: _Open, position: int) -> Section:
        number = numbering.leading_number(heading.title)
        section_id = heading.explicit_id or (f"s{number}" if number else f"s{position}")
        if not heading.children and not heading.explicit_id:
            section_id = f"part-{position}"  # text-only parts (总体情况, 下一步) must not take a problem section's id
        if not heading.title:
            section_id = ""
        issues = [self.issue(child, section_id, ordinal) for ordinal, child in enumerate(heading.children, start=1)]
        return Section(
            id=section_id,
            title=heading.title,
            intro_html=self.render(heading.tokens),
            line=heading.line,
            issues=tuple(issues),
        )

    def issue(self, heading: _Open, section_id: str, ordinal: int) -> Issue:
        number = numbering.leading_number(heading.title) or ordinal
        prefix = f"{section_id}-" if section_id else "i"
        issue_id = heading.explicit_id or f"{prefix}{number}"
        status_line, tokens = self.take_status_line(heading.tokens)
        sub_problems = tuple(self.sub_problem(child, issue_id, k) for k, child in enumerate(heading.children, start=1))
        if status_line and any(sub.status_line for sub in sub_problems):
            self.found.append(
                error(
                    self.source,
                    status_line.line,
                    "this issue has a status line and so do its sub-problems",
                    "keep the status lines of the sub-problems (#### headings) and remove this one: "
                    "the issue's status is derived from them",
                )
            )
        return Issue(
            id=issue_id,
            number=str(number),
            title=heading.title,
            status_line=status_line,
            body_html=self.render(tokens),
            line=heading.line,
            sub_problems=sub_problems,
        )

    def sub_problem(self, heading: _Open, issue_id: str, ordinal: int) -> SubProblem:
        status_line, tokens = self.take_status_line(heading.tokens)
        return SubProblem(
            id=heading.explicit_id or f"{issue_id}-{ordinal}",
            title=heading.title,
            status_line=status_line,
            body_html=self.render(tokens),
            line=heading.line,
        )

    def take_status_line(self, tokens: list[Token]) -> tuple[StatusLine | None, list[Token]]:
        """The status line, if the first paragraph starts with one, and the tokens without it."""
        self.flag_late_status_lines(tokens)
        if len(tokens) < 3 or tokens[0].type != "paragraph_open":
            return None, tokens
        inline = tokens[1]
        first, _, rest = inline.content.partition("\n")
        match = self.status_line_pattern.match(first)
        if not match:
            return None, tokens
        value = match.group("value")
        if len(value) > MAX_STATUS_LENGTH and self.config.vocabulary.lookup(value).status is None:
            return None, tokens  # "整改情况：" introducing the measures, as some notices use it
        line = self.first_line + (tokens[0].map[0] if tokens[0].map else 0)
        status_line = self.status(value, line, first.find(value) + 1)
        if not rest.strip():
            return status_line, tokens[3:]
        remaining = self.md.parse(rest)  # the clerk went on without a blank line: keep the rest as text
        return status_line, remaining + tokens[3:]

    def status(self, value: str, line: int, column: int) -> StatusLine:
        lookup = self.config.vocabulary.lookup(value)
        if lookup.status is None:
            hint = f'did you mean "{lookup.suggestion}"? ' if lookup.suggestion else ""
            chinese = self.config.language == "zh"
            allowed = [w for w in self.config.vocabulary.all_wordings if w.isascii() != chinese]
            hint += "allowed: " + ", ".join(allowed)
            hint += " (add your own wording under statuses: in site.yaml)"
            self.found.append(error(self.source, line, f'unknown status "{value.strip()}"', hint, column))
            return StatusLine(wording=value.strip(), status=Status.UNSTATED, line=line)  # reported, not guessed
        return StatusLine(wording=value.strip().rstrip("。."), status=lookup.status, line=line)

    def flag_late_status_lines(self, tokens: list[Token]) -> None:
        """A second status line further down one issue is a mistake worth stopping for."""
        for position in range(3, len(tokens)):
            token = tokens[position]
            if token.type != "inline" or token.level != 1 or tokens[position - 1].type != "paragraph_open":
                continue
            match = self.status_line_pattern.match(token.content.partition("\n")[0])
            if match and self.config.vocabulary.lookup(match.group("value")).status is not None:
                line = self.first_line + (token.map[0] if token.map else 0)
                self.found.append(
                    error(
                        self.source,
                        line,
                        "a second status line in the same issue",
                        "an issue has one status line, right under its heading; "
                        "split it into #### sub-problems if parts differ",
                    )
                )

    def render(self, tokens: list[Token]) -> str:
        if not tokens:
            return ""
        return self.md.renderer.render(tokens, self.md.options, {})
