"""Read notice files into the model: the only place notices are parsed.

A notice is YAML front-matter and a Markdown body. In the body, ``##`` headings
are sections, ``###`` headings are issues and ``####`` headings are an issue's
sub-problems; the first lines under an issue or sub-problem heading may be its
status line (``整改进度：整改完成``) and its per-issue lines (``整改时限：2024年6月底``,
``责任单位：…``), in any order. Everything else is the clerk's Markdown.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import itertools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from markdown_it.token import Token

from ..base import addresses
from ..base.diagnostics import Diagnostic, Severity, error, warning
from . import characters, grammar, numbering, slips
from .config import SiteConfig, contact_from
from .frontmatter import split
from .links import remote_images, scan_links
from .markdown import parser
from .model import (
    Attachment,
    Correction,
    Disclosure,
    Inspection,
    Issue,
    Link,
    Notice,
    Section,
    Status,
    StatusLine,
    SubProblem,
)
from .schema import NOTICE_FIELDS, body_labels, body_line, date_forms, read_body_line, read_fields
from .validate import attachment_problems, link_problems

MAX_STATUS_LENGTH = grammar.MAX_STATUS_LENGTH
MAX_NOTICE_BYTES = 5_000_000  # real notices are 10-100 KB; this refuses pasted scans before reading them
_EXPLICIT_ID = re.compile(r"\s*\{#([A-Za-z][\w-]*)\}\s*$")


def content_digest(source: str, raw: bytes) -> str:
    return hashlib.sha256(source.encode("utf-8") + b"\0" + raw).hexdigest()


def read_notice(path: Path, config: SiteConfig) -> tuple[Notice | None, list[Diagnostic]]:
    """One notice file; None when it cannot be read at all."""
    source = path.relative_to(config.root).as_posix()
    if not path.resolve().is_relative_to(config.content_dir.resolve()):
        return None, [error(source, 1, "file-outside-content")]
    try:
        raw = read_bytes(path)
    except TooLarge as large:
        size = large.size
        return None, [error(source, 1, "file-too-large", size_mb=f"{size / 1e6:.0f}", max_mb=MAX_NOTICE_BYTES // 10**6)]
    except OSError as problem:  # another account's file on a shared drive, a failing disk
        return None, [error(source, 1, "file-unreadable", detail=problem.strerror or str(problem))]
    text, problems = decode(raw, source, config.encoding)
    if text is None:
        return None, problems
    notice, problems = parse_notice(text, source, config, default_slug(path, config))
    if notice is not None:
        notice = dataclasses.replace(notice, digest=content_digest(source, raw))
    return notice, problems


class TooLarge(Exception):
    def __init__(self, size: int):
        super().__init__(size)
        self.size = size


def read_bytes(path: Path) -> bytes:
    """The file's bytes, opened once (its size is asked of the open file: a pasted scan is refused unread)."""
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > MAX_NOTICE_BYTES:
            raise TooLarge(size)
        return handle.read()


def default_slug(path: Path, config: SiteConfig) -> str:
    """The file's path under content/, made ASCII (content/2025/水务局.md -> 2025/shuiwuju), and short enough."""
    return addresses.file_slug(path.relative_to(config.content_dir).with_suffix("").as_posix())


def decode(raw: bytes, source: str, encoding: str = "utf-8") -> tuple[str | None, list[Diagnostic]]:
    """Text of a notice file: BOM and CRLF accepted, GB18030 read when the site says so.

    A NUL anywhere means binary data (not only in the first 8 KB); any other control character
    is reported at its line, since it would make the feeds and sitemap ill-formed XML.
    """
    if not raw.strip():
        return None, [error(source, 1, "file-empty")]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Notepad's "Unicode": full of NULs, but text
        return None, [error(source, 1, "file-utf16")]
    if b"\x00" in raw:
        return None, [error(source, raw[: raw.index(b"\x00")].count(b"\n") + 1, "file-binary")]
    try:
        text = grammar.decode(raw, encoding)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        if grammar.detect_encoding(raw) == "gb18030":
            return None, [error(source, line, "file-gbk", source=source)]
        return None, [error(source, line, "file-encoding", encoding=encoding.upper())]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = grammar.first_forbidden(text)
    if bad is not None:
        line_start = text.rfind("\n", 0, bad) + 1
        line, column = text.count("\n", 0, bad) + 1, bad - line_start + 1
        return None, [error(source, line, "file-control-character", column, char=f"U+{ord(text[bad]):04X}")]
    return text, []


def parse_notice(text: str, source: str, config: SiteConfig, slug: str) -> tuple[Notice | None, list[Diagnostic]]:
    """A notice from its text; None when its front-matter has an error (its link and attachment errors still
    reported, so one check shows them all)."""
    front, problems = split(text, source)
    if front is None:
        return None, problems
    values, found = read_fields(front.data, NOTICE_FIELDS, front.key_lines, source)
    organization, base_contact, unknown = _organization(values.get("organization", ""), config, source, front.key_lines)
    contact, contact_problems = contact_from(values.get("contact"), source, front.key_lines, base=base_contact)
    fields = _Checks(source, front.key_lines)
    date = values.get("date")
    inspection = _inspection(values.get("inspection"))
    fields.check_date_order(inspection, date)
    attachments = _attachments(values.get("attachments", ()))
    corrections = _corrections(values.get("corrections", ()))
    fields.check_corrections(corrections, date)
    year = date.year if date else 1970  # a missing date is already an error: the notice is not made
    body, body_problems = parse_body(
        front.body, front.body_line, source, config, tuple(a.path for a in attachments), year
    )
    notice = Notice(
        source=source,
        slug=fields.slug(values.get("slug") or slug),
        title=values.get("title", ""),
        organization=organization,
        date=date or dt.date(1970, 1, 1),
        contact=contact,
        inspection=inspection,
        disclosure=_disclosure(values.get("disclosure")),
        summary=values.get("summary", ""),
        tags=values.get("tags", ()),
        draft=values.get("draft", False),
        lang=values.get("lang", ""),
        intro_html=body.intro_html,
        sections=tuple(body.sections),
        attachments=attachments,
        corrections=corrections,
        reviewers=values.get("reviewers", ()),
        links=tuple(body.links),
        series=values.get("series", ""),
    )
    front_problems = problems + found + unknown + contact_problems + fields.found
    body_problems += slips.summary_count_problems(notice, front.key_lines.get("summary", 1))
    if not notice.draft:
        body_problems += _placeholders(text, front.body, front.body_line, source)
    body_problems = lookalike_warnings(text, source) + body_problems
    if any(d.severity is Severity.ERROR for d in front_problems):
        later = link_problems(notice) + attachment_problems(notice, config)
        return None, front_problems + body_problems + later
    return notice, front_problems + body_problems


def organization_of(path: Path, config: SiteConfig) -> str:
    """The full name of the organisation a notice file names ("" when it names none)."""
    return header_of(path, config)[0]


def header_of(path: Path, config: SiteConfig) -> tuple[str, str, dt.date | None]:
    """A notice file's organisation (full name), series and date, from its front-matter alone, through the same
    reader: `new notice` offers the site's organisations and series without parsing every body or rendering a
    page (that took 1.6 s at 400 notices). OSError: the caller says the file cannot be read."""
    text, _ = decode(path.read_bytes(), path.name, config.encoding)
    front = split(text, path.name)[0] if text is not None else None
    if front is None:
        return "", "", None
    data = front.data if isinstance(front.data, dict) else {}
    wanted = {key: data.get(key) for key in ("organization", "series", "date") if key in data}
    values, _ = read_fields(wanted, NOTICE_FIELDS, {}, path.name)
    written = values.get("organization", "")
    organization = _organization(written, config, path.name, {})[0] if written else ""
    return organization, values.get("series", ""), values.get("date")


def _placeholders(text: str, body: str, body_line: int, source: str) -> list[Diagnostic]:
    """The starter's example contact and the skeleton's 关于……的问题 in a notice that is to be published."""
    front_matter = "\n".join(text.split("\n")[: body_line - 1])
    return (
        slips.starter_placeholders(front_matter, source)
        + slips.starter_placeholders(body, source, body_line, yaml=False)
        + slips.skeleton_placeholders(body, body_line, source)
    )


def lookalike_warnings(text: str, source: str) -> list[Diagnostic]:
    """A radical or compatibility form on a line (pasted from a PDF): shown right, read wrong. One per line."""
    return [
        warning(source, line, "text-lookalike", column, char=char, code=f"U+{ord(char):04X}", plain=plain)
        for line, column, char, plain in characters.lookalikes(text)
    ]


def _organization(written: str, config: SiteConfig, source: str, lines: dict[str, int]):
    """The full name of the organisation a notice names, the contact it inherits, and a warning when the
    site's registry does not know it (with the closest name it has)."""
    registry = config.organizations
    known = registry.find(written) if written else None
    if known is not None:
        return known.name, known.contact, []
    problem = registry.unknown_name(source, lines.get("organization", 1), written)
    return written, config.contact, [problem] if problem else []


def _inspection(values: dict | None) -> Inspection | None:
    if values is None:
        return None
    return Inspection(
        group=values.get("group", ""),
        round=values.get("round", ""),
        start=values.get("from"),
        end=values.get("to"),
        feedback=values.get("feedback"),
    )


def _disclosure(values: dict | None) -> Disclosure | None:
    if not values:
        return None
    texts = {name: values.get(name, "") for name in ("index", "number", "subject", "publisher", "method")}
    return Disclosure(written=values.get("written"), **texts)


def _attachments(records: tuple[tuple[int, dict], ...]) -> tuple[Attachment, ...]:
    return tuple(
        Attachment(path=values["path"], title=values.get("title") or PurePosixPath(values["path"]).name, line=line)
        for line, values in records
    )


def _corrections(records: tuple[tuple[int, dict], ...]) -> tuple[Correction, ...]:
    """Newest first, as the page lists them; two on one day keep the order they are written in."""
    found = [Correction(date=values["date"], note=values["note"], line=line) for line, values in records]
    return tuple(sorted(found, key=lambda c: c.date, reverse=True))


class _Checks:
    """The front-matter checks that need more than one field's type: the address, the order of dates."""

    def __init__(self, source: str, key_lines: dict[str, int]):
        self.source, self.key_lines = source, key_lines
        self.found: list[Diagnostic] = []

    def fail(self, key: str, code: str, **params: object) -> None:
        self.found.append(error(self.source, self.key_lines.get(key, 1), code, column=1, **params))

    def slug(self, value: str) -> str:
        """The address, ASCII: a Chinese slug (or file name) is written in pinyin, as group pages are."""
        address = addresses.ascii_slug(value)
        problem = addresses.slug_problem(address)
        if problem == "slug-invalid":
            self.fail("slug", problem, slug=value)
        elif problem:
            shown = address if len(address) <= 40 else address[:37] + "..."
            self.fail("slug", problem, slug=shown, max_length=addresses.MAX_ADDRESS, max_parts=addresses.MAX_FOLDERS)
        return "invalid" if problem else address

    def check_corrections(self, corrections: tuple[Correction, ...], published: dt.date | None) -> None:
        """A correction dated before the notice it corrects is a typo in one of the two dates."""
        for correction in corrections:
            if published is not None and correction.date < published:
                self.found.append(
                    warning(
                        self.source,
                        correction.line or self.key_lines.get("corrections", 1),
                        "correction-before-date",
                        corrected=correction.date,
                        published=published,
                    )
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
                    later if later != "date" else "inspection",
                    "date-order",
                    later=later,
                    later_date=later_date,
                    earlier=earlier,
                    earlier_date=earlier_date,
                )


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


def parse_body(
    body: str,
    first_line: int,
    source: str,
    config: SiteConfig,
    attachments: tuple[str, ...] = (),
    year: int = 1970,
) -> tuple[_Body, list[Diagnostic]]:
    """Sections, issues and sub-problems from the Markdown body, parsed once; links to attachments lead to
    their ASCII addresses. year is the notice's, for a date line that names a month without one (6月底)."""
    md = parser(config.allow_html)
    tokens = md.parse(body)
    _follow_attachments(tokens, attachments)
    image_problems = remote_images(tokens, first_line, source)
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
    builder = _BodyBuilder(md, source, first_line, config, year)
    parsed = builder.build(root)
    parsed.links, link_problems = scan_links(tokens, first_line, source)
    return parsed, builder.found + link_problems + image_problems + slips.unheaded_hashes(tokens, first_line, source)


def _follow_attachments(tokens: list[Token], attachments: tuple[str, ...]) -> None:
    """A link to an attached file (files/测评表.pdf) is rewritten to where it is published (files/cepingbiao.pdf)."""
    moved = {path: addresses.ascii_file_path(path) for path in attachments if not path.isascii()}
    if not moved:
        return
    for token in tokens:
        for child in token.children or ():
            if child.type == "link_open":
                target, hash_mark, fragment = unquote(str(child.attrGet("href") or "")).partition("#")
                if PurePosixPath(target).as_posix() in moved:
                    child.attrSet("href", moved[PurePosixPath(target).as_posix()] + hash_mark + fragment)


def _heading_text(text: str) -> tuple[str, str]:
    match = _EXPLICIT_ID.search(text)
    if match:
        return text[: match.start()].strip(), match.group(1)
    return text.strip(), ""


class _BodyBuilder:
    """Turns the heading tree into model objects, rendering each part's Markdown once."""

    def __init__(self, md, source: str, first_line: int, config: SiteConfig, year: int = 1970):
        self.md, self.source, self.first_line, self.config, self.year = md, source, first_line, config, year
        self.found: list[Diagnostic] = []
        self.labels = body_labels(config.status_keys)
        self.status_line_pattern = grammar.status_line(config.status_keys)

    def build(self, root: _Open) -> _Body:
        body = _Body(intro_html=self.render(root.tokens))
        self.flag_status_lines_outside(root.tokens)
        for position, child in enumerate(root.children, start=1):
            if child.level == 2:
                body.sections.append(self.section(child, position))
            else:  # a sub-problem heading outside any issue: keep its text, say where it belongs
                self.found.append(warning(self.source, child.line, "heading-outside-issue"))
        return body

    def section(self, heading: _Open, position: int) -> Section:
        number = numbering.leading_number(heading.title)
        section_id = heading.explicit_id or (f"s{number}" if number else f"s{position}")
        if not heading.children and not heading.explicit_id:
            section_id = f"part-{position}"  # text-only parts (总体情况, 下一步) must not take a problem section's id
        if not heading.title:
            section_id = ""
        self.flag_status_lines_outside(heading.tokens)
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
        lines, tokens = self.take_labelled_lines(heading.tokens)
        status_line = lines.pop("status", None)
        sub_problems = tuple(self.sub_problem(child, issue_id, k) for k, child in enumerate(heading.children, start=1))
        if status_line and any(sub.status_line for sub in sub_problems):
            self.found.append(error(self.source, status_line.line, "status-issue-and-subs"))
        return Issue(
            id=issue_id,
            number=str(number),
            title=heading.title,
            status_line=status_line,
            body_html=self.render(tokens),
            line=heading.line,
            sub_problems=sub_problems,
            **lines,
        )

    def sub_problem(self, heading: _Open, issue_id: str, ordinal: int) -> SubProblem:
        lines, tokens = self.take_labelled_lines(heading.tokens)
        status_line = lines.pop("status", None)
        return SubProblem(
            id=heading.explicit_id or f"{issue_id}-{ordinal}",
            title=heading.title,
            status_line=status_line,
            body_html=self.render(tokens),
            line=heading.line,
            **lines,
        )

    def take_labelled_lines(self, tokens: list[Token]) -> tuple[dict, list[Token]]:
        """The status line and per-issue lines the first paragraphs start with (any order, blank lines or not),
        as the model's attributes ("status" -> StatusLine, "deadline" -> date ...), and the tokens without them."""
        values: dict = {}
        seen: set[str] = set()
        while len(tokens) >= 3 and tokens[0].type == "paragraph_open" and tokens[1].type == "inline":
            start = self.first_line + (tokens[0].map[0] if tokens[0].map else 0)
            lines = tokens[1].content.split("\n")
            taken = 0
            for offset, text in enumerate(lines):
                if not self.take_line(text, start + offset, values, seen):
                    break
                taken += 1
            if taken == 0:
                break
            if taken < len(lines):  # the clerk went on without a blank line: keep the rest as text
                tokens = self.md.parse("\n".join(lines[taken:])) + tokens[3:]
                break
            tokens = tokens[3:]
        self.flag_late_status_lines(tokens)
        return values, tokens

    def take_line(self, text: str, line: int, values: dict, seen: set[str]) -> bool:
        """Read one labelled line into values; False when the line is text (no label, or a label before prose)."""
        read = self.labels.read(text)
        if read is None:
            return False
        if read[0] == "status":
            return self.take_status(read[1], line, values, seen)
        found = body_line(*read, self.year)
        if found is None:
            return False  # 责任单位：<a sentence>: prose that starts with a label
        name = found.spec.name
        if name in seen:
            self.found.append(error(self.source, line, "body-field-twice", label=found.label))
        elif found.values is None:
            params = {"label": found.label, "value": found.value, "forms": date_forms(found.spec)}
            self.found.append(error(self.source, line, "body-date", found.column, **params))
        else:
            values.update(found.values)
        seen.add(name)
        return True

    def take_status(self, match: re.Match[str], line: int, values: dict, seen: set[str]) -> bool:
        """The status line: the labelled line whose value is one of the site's wordings."""
        value = match.group("value")
        if len(value) > MAX_STATUS_LENGTH and self.config.vocabulary.lookup(value).status is None:
            return False  # "整改情况：" introducing the measures, as some notices use it
        if "status" in seen:
            self.found.append(error(self.source, line, "status-second"))
        else:
            values["status"] = self.status(value, line, match.start("value") + 1)
        seen.add("status")
        return True

    def status(self, value: str, line: int, column: int) -> StatusLine:
        lookup = self.config.vocabulary.lookup(value)
        if lookup.status is None:
            chinese = self.config.language == "zh"
            allowed = ", ".join(w for w in self.config.vocabulary.all_wordings if w.isascii() != chinese)
            self.found.append(
                error(
                    self.source,
                    line,
                    "status-unknown",
                    column,
                    value=value.strip(),
                    suggestion=lookup.suggestion,
                    allowed=allowed,
                )
            )
            return StatusLine(wording=value.strip(), status=Status.UNSTATED, line=line)  # reported, not guessed
        return StatusLine(wording=value.strip().rstrip("。."), status=lookup.status, line=line)

    def flag_late_status_lines(self, tokens: list[Token]) -> None:
        """A second status line further down one issue is a mistake worth stopping for; a per-issue line down in
        the measures is shown as text, which the clerk should know (it states nothing there)."""
        for position in range(1, len(tokens)):
            token = tokens[position]
            if token.type != "inline" or token.level != 1 or tokens[position - 1].type != "paragraph_open":
                continue
            first = token.content.partition("\n")[0]
            line = self.first_line + (token.map[0] if token.map else 0)
            match = self.status_line_pattern.match(first)
            if match and self.config.vocabulary.lookup(match.group("value")).status is not None:
                self.found.append(error(self.source, line, "status-second"))
            elif (late := read_body_line(self.labels, first, self.year)) is not None and late.values:
                self.found.append(warning(self.source, line, "body-line-late", label=late.label))

    def flag_status_lines_outside(self, tokens: list[Token]) -> None:
        """A status line in the opening or a section's own text belongs to no issue: its heading is missing."""
        self.found += slips.status_lines_outside(tokens, self.first_line, self.source, self.is_status_line)

    def is_status_line(self, text: str) -> bool:
        match = self.status_line_pattern.match(text)
        return match is not None and self.config.vocabulary.lookup(match.group("value")).status is not None

    def render(self, tokens: list[Token]) -> str:
        if not tokens:
            return ""
        return self.md.renderer.render(tokens, self.md.options, {})
