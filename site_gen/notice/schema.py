"""Every site.yaml setting and front-matter field, declared once, and the one reader that types them.

The table below drives parsing (``read_fields``), the unknown-key "did you mean", the reference tables in
README.md and docs/fields.md (site_gen/schema_docs.py), the JSON Schema editors use (``json_schema``) and the
importer's front-matter (``front_matter_text``). Adding a field is one entry here plus using its value.

The body fields (``BODY_FIELDS``) are the lines under an issue heading (the status line, 整改时限：, 责任单位：, …):
their labels feed the one labelled-line rule of grammar.py, so the reader (``read_body_line``), the importer, the
model's attributes, the open data and docs/fields.md follow from the same table.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import yaml

from ..base.diagnostics import Diagnostic, Severity, error, unknown_name
from . import grammar
from .grammar import forbidden_character
from .ledger_columns import COMPUTED as _LEDGER_COMPUTED
from .ledger_columns import ROLES as _LEDGER_ALL
from .model import Status
from .statuses import DEFAULT_STATUS_KEYS


class Kind(StrEnum):
    TEXT = "text"  # one value; numbers are read as their digits
    TEXTS = "texts"  # a list; a single value may list several separated by , ， or 、
    LINES = "lines"  # a list; a single value is one item, commas and all (prose, status wordings)
    BOOLEAN = "boolean"
    DATE = "date"  # 2025-04-02 or 2025年4月2日
    CHOICE = "choice"
    MAPPING = "mapping"
    RECORDS = "records"  # a list of mappings; a bare value is the first field (an attachment's path)
    STATUS = "status"  # a body line: one of the site's status wordings (site.yaml statuses)
    DEADLINE = "deadline"  # a body line: a date in any form notices use, or 长期坚持 (no end date)
    DUE_DATE = "due_date"  # a body line: a date in any form notices use


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    help: str
    label_zh: str
    example: str = ""  # as written in YAML after "name: "
    required: bool = False
    default: str = ""  # as shown in the docs; the typed default lives with the code that uses the field
    choices: tuple[str, ...] = ()
    fields: tuple[Field, ...] = ()  # of a mapping, or of each record
    multiline: bool = False  # a line break is allowed (prose); elsewhere it is an error
    unknown_code: str = ""  # the diagnostic for an unknown key inside this mapping, when not the file's own
    record_code: str = ""  # of a list of records: the diagnostic for a record without its first field


def _contact_fields() -> tuple[Field, ...]:
    return (
        Field("phones", Kind.TEXTS, "telephone numbers", "电话", "[0635-1234567]"),
        Field("emails", Kind.TEXTS, "e-mail addresses", "电子邮箱", "[jubao@example.gov.cn]"),
        Field("address", Kind.TEXT, "postal address", "通信地址", "某某市某某路 1 号（邮编 252000）", multiline=True),
        Field("other", Kind.LINES, "any other way to reach the publisher", "其他方式", "[来信请寄：某某路 1 号]"),
        Field(
            "invitation",
            Kind.TEXT,
            "the sentence inviting the public to comment",
            "征求意见说明",
            "欢迎广大干部群众对巡察整改落实情况进行监督。",
            multiline=True,
        ),
    )


NOTICE_FIELDS: tuple[Field, ...] = (
    Field("title", Kind.TEXT, "the notice's title", "标题", "关于……巡察整改进展情况的通报", required=True),
    Field(
        "organization", Kind.TEXT, "the publisher, shown as the signature", "发布单位", "中共某某局党组", required=True
    ),
    Field("date", Kind.DATE, "publication date", "发布日期", "2025-04-02", required=True),
    Field(
        "inspection",
        Kind.MAPPING,
        "who inspected, in which round, and when",
        "巡察信息",
        fields=(
            Field("group", Kind.TEXT, "the inspection group", "巡察组", "区委第二巡察组"),
            Field("round", Kind.TEXT, "the inspection round", "巡察轮次", "十二届区委第三轮巡察"),
            Field("from", Kind.DATE, "first day of the inspection", "巡察开始", "2024-04-08"),
            Field("to", Kind.DATE, "last day of the inspection", "巡察结束", "2024-06-01"),
            Field("feedback", Kind.DATE, "the day findings were handed over", "反馈日期", "2024-07-15"),
        ),
    ),
    Field(
        "contact",
        Kind.MAPPING,
        "how the public reaches the publisher (each part defaults to site.yaml's)",
        "联系方式",
        fields=_contact_fields(),
    ),
    Field("tags", Kind.TEXTS, "tags, each with its own page", "标签", "[巡察, 2025]"),
    Field(
        "series",
        Kind.TEXT,
        "one inspection round of one organisation: its notices, ordered by date, track each problem over time",
        "通报系列",
        "十二届区委第二轮巡察·区市场监管局",
    ),
    Field("draft", Kind.BOOLEAN, "true while the notice must not be published", "草稿", "true", default="false"),
    Field("slug", Kind.TEXT, "the page's address", "页面地址", "2025/sifaju", default="the file's path under content/"),
    Field("summary", Kind.TEXT, "one or two sentences for the index and search engines", "摘要", "", multiline=True),
    Field("lang", Kind.CHOICE, "the language the notice is written in", "语言", "zh", choices=("zh", "en")),
    Field(
        "attachments",
        Kind.RECORDS,
        "files published with the notice, next to it in content/",
        "附件",
        fields=(
            Field("path", Kind.TEXT, "the file, relative to the notice", "文件路径", "files/survey.pdf", required=True),
            Field("title", Kind.TEXT, "the link text", "附件名称", "满意度测评表", default="the file name"),
        ),
    ),
    Field(
        "corrections",
        Kind.RECORDS,
        "changes made after publication, each with its date and what changed: shown on the page, in the data, "
        "and as the feed's and sitemap's last update",
        "更正记录",
        fields=(
            Field("date", Kind.DATE, "the day of the correction", "更正日期", "2025-07-01", required=True),
            Field(
                "note",
                Kind.TEXT,
                "what was corrected",
                "更正说明",
                "更正第3项问题的整改状态",
                required=True,
                multiline=True,
            ),
        ),
        record_code="correction-no-date",
    ),
    Field("reviewers", Kind.TEXTS, "review chain (一审/二审/三审), kept but not shown", "审核人", "[张三, 李四]"),
    Field(
        "disclosure",
        Kind.MAPPING,
        "the government-information-disclosure metadata of the published original (政府信息公开), shown in the "
        "page's metadata table and carried in the open data; site-gen import fills it",
        "政府信息公开",
        fields=(
            Field("index", Kind.TEXT, "the index number (索引号)", "索引号", "005123-2025-00017"),
            Field("number", Kind.TEXT, "the document number (文号)", "文号", "某党组〔2025〕3号"),
            Field("subject", Kind.TEXT, "the subject category (主题分类)", "主题分类", "综合政务"),
            Field(
                "publisher",
                Kind.TEXT,
                "the publishing body, as the portal names it (发布机构)",
                "发布机构",
                "某某市林业局",
            ),
            Field("written", Kind.DATE, "the day the document was written (成文日期)", "成文日期", "2025-03-18"),
            Field("method", Kind.TEXT, "how it is disclosed (公开方式)", "公开方式", "主动公开"),
        ),
    ),
)

_STATUS_NAMES = tuple(s.value for s in Status if s is not Status.UNSTATED)
LEDGER_ROLES = tuple(role for role in _LEDGER_ALL if role not in _LEDGER_COMPUTED)

SITE_FIELDS: tuple[Field, ...] = (
    Field(
        "title",
        Kind.TEXT,
        "the site's name, shown in every page header",
        "网站名称",
        "某某区巡察整改公开",
        default="巡察整改公开",
    ),
    Field(
        "base_url",
        Kind.TEXT,
        "the absolute address the site is published at (feeds, sitemap, canonical links, QR codes)",
        "网站地址",
        "https://xczg.example.gov.cn/",
    ),
    Field("language", Kind.CHOICE, "the language of every UI string", "语言", "zh", default="zh", choices=("zh", "en")),
    Field(
        "description", Kind.TEXT, "one sentence describing the site, for search engines", "网站简介", "", multiline=True
    ),
    Field("contact", Kind.MAPPING, "the default contact for every notice", "默认联系方式", fields=_contact_fields()),
    Field(
        "organizations",
        Kind.RECORDS,
        "the publishing organisations: one page each; a notice names one by full name, short name or alias",
        "单位名录",
        default="none: each name a notice writes is an organisation",
        fields=(
            Field(
                "name", Kind.TEXT, "the full name, shown on pages", "单位全称", "中共某某县司法局党组", required=True
            ),
            Field("short", Kind.TEXT, "the short name", "简称", "县司法局"),
            Field("aliases", Kind.TEXTS, "other names notices use for it", "别名", "[司法局党组, 县司法局党组]"),
            Field(
                "slug",
                Kind.TEXT,
                "its page's address: organizations/<slug>.html (a-z, 0-9, -)",
                "页面地址",
                "sifaju",
                default="the full name in pinyin",
            ),
            Field(
                "contact",
                Kind.MAPPING,
                "its contact defaults: a notice's own contact first, then these, then the site's",
                "联系方式",
                fields=_contact_fields(),
            ),
            Field(
                "parent", Kind.TEXT, "the organisation it is a unit of (any of its names)", "上级单位", "中共某某县委"
            ),
        ),
        record_code="organization-no-name",
    ),
    Field(
        "footer",
        Kind.MAPPING,
        "the site-wide footer",
        "页脚",
        fields=(
            Field("host", Kind.TEXT, "the hosting body (主办单位)", "主办单位", "某某区人民政府办公室"),
            Field("site_id", Kind.TEXT, "the government site code (网站标识码)", "网站标识码", '"3301990000"'),
            Field("icp", Kind.TEXT, "the ICP licence number, linked", "ICP备案号", "某ICP备00000000号-1"),
            Field("police", Kind.TEXT, "the public-security filing number (公网安备)", "公网安备号", ""),
        ),
    ),
    Field(
        "meta",
        Kind.MAPPING,
        "government-site meta tags in every page",
        "网页元数据",
        fields=tuple(
            Field(name, Kind.TEXT, f"the {name} meta tag", label, "")
            for name, label in (
                ("SiteName", "网站名称"),
                ("SiteDomain", "网站域名"),
                ("SiteIDCode", "网站标识码"),
                ("ColumnName", "栏目名称"),
            )
        ),
    ),
    Field(
        "statuses",
        Kind.MAPPING,
        "extra wordings per canonical status (a built-in wording cannot move)",
        "整改状态写法",
        default="the built-in wordings",
        fields=tuple(
            Field(name, Kind.LINES, f"more wordings meaning {name}", name, "[整改到位]") for name in _STATUS_NAMES
        ),
        unknown_code="status-name-unknown",
    ),
    Field(
        "status_keys",
        Kind.TEXTS,
        "the words that introduce a status line",
        "状态行标签",
        "[整改进度, 整改情况]",
        default="[整改进度, 整改情况, 整改状态, Status]",
    ),
    Field(
        "ledger_columns",
        Kind.MAPPING,
        "more column headers for ledgers (整改台账) that `site-gen import` reads, per kind of column",
        "台账列名",
        default="the built-in headers (docs/ledger.md)",
        fields=tuple(
            Field(role, Kind.LINES, f"more headers of the {role} column", role, "[问题简述]") for role in LEDGER_ROLES
        ),
        unknown_code="ledger-column-unknown",
    ),
    Field(
        "allow_html",
        Kind.BOOLEAN,
        "let notices contain raw HTML (off for safety)",
        "允许 HTML",
        "false",
        default="false",
    ),
    Field(
        "license",
        Kind.TEXT,
        "the licence of the open data (notices.json, each notice's record), shown on the 数据说明 page: "
        "an SPDX identifier or a sentence",
        "数据许可",
        "CC-BY-4.0",
        default="CC-BY-4.0",
    ),
    Field(
        "encoding",
        Kind.CHOICE,
        "gb18030 for notices saved by older Chinese editors",
        "文件编码",
        "utf-8",
        default="utf-8",
        choices=("utf-8", "gb18030", "gbk"),
    ),
    Field(
        "keep",
        Kind.TEXTS,
        "files put in output/ by hand that every build keeps (glob patterns relative to output/; dotfiles and "
        ".git are always kept)",
        "保留的文件",
        "[CNAME, google1234abcd.html, downloads/]",
    ),
)


@dataclass(frozen=True)
class BodyField:
    """A line under an issue or sub-problem heading that states one fact about it: 整改时限：2024年6月底.

    name is the model's attribute (Issue.deadline ...); label_zh and label_en are the labels a notice writes,
    aliases the other labels notices use for the same line. One labelled-line rule (grammar.labelled_line)
    reads them all; the status line is the case whose labels are the site's status_keys.
    """

    name: str
    kind: Kind
    help: str
    label_zh: str
    label_en: str
    aliases: tuple[str, ...] = ()
    example: str = ""  # the value as written after the label

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label_zh, self.label_en, *self.aliases)


BODY_FIELDS: tuple[BodyField, ...] = (
    BodyField(
        "status",
        Kind.STATUS,
        "the issue's rectification status (labels: site.yaml status_keys)",
        DEFAULT_STATUS_KEYS[0],
        "Status",
        tuple(key for key in DEFAULT_STATUS_KEYS[1:] if key != "Status"),
        "整改完成",
    ),
    BodyField(
        "deadline",
        Kind.DEADLINE,
        "when the issue is due; a month means its last day; 长期坚持 = long-term, no deadline",
        "整改时限",
        "Deadline",
        ("完成时限", "时限"),
        "2024年6月底",
    ),
    BodyField(
        "responsible",
        Kind.TEXT,
        "the unit responsible",
        "责任单位",
        "Responsible unit",
        ("牵头单位", "责任部门"),
        "县住建局",
    ),
    BodyField("responsible_person", Kind.TEXT, "the person responsible", "责任人", "Responsible person", (), "张某某"),
    BodyField(
        "completed_on",
        Kind.DUE_DATE,
        "when the issue was closed (销号)",
        "完成时间",
        "Completed on",
        ("销号时间",),
        "2024年5月20日",
    ),
)
BODY_FIELD = {spec.name: spec for spec in BODY_FIELDS}


@functools.lru_cache(maxsize=8)  # one per site (status_keys), made once, not once per notice
def body_labels(status_keys: tuple[str, ...]) -> grammar.LineLabels:
    """The labelled-line rule of a site: its status keys name the status, the table's labels the other lines."""
    names = {label: spec.name for spec in BODY_FIELDS[1:] for label in spec.labels}
    names.update({key: "status" for key in status_keys})  # a site's own status key wins
    return grammar.LineLabels(names)


def body_values(spec: BodyField, value: str, year: int) -> dict[str, object] | None:
    """The model's attributes a body line sets (a date line's value typed); None when its date can't be read.

    An empty value (整改时限： in a skeleton still to fill in) states nothing. year is the notice's, for 6月底.
    """
    text = value.strip().rstrip("。.；;")
    if not text:
        return {}
    if spec.kind is Kind.TEXT:
        return {spec.name: text}
    if spec.kind is Kind.DEADLINE and grammar.is_long_term(text):
        return {"deadline": None, "long_term": True}
    due = grammar.due_date(text, year)
    return None if due is None else {spec.name: due}


@dataclass(frozen=True)
class BodyLine:
    """A per-issue line as check and import both take it (never the status line: its value is a wording)."""

    spec: BodyField
    label: str  # as written
    value: str
    column: int  # of the value, 1-based
    values: dict[str, object] | None  # the model's attributes it sets; None when its date can't be read


def read_body_line(labels: grammar.LineLabels, text: str, year: int) -> BodyLine | None:
    """The per-issue line a line of text is, or None when it is text: no label, the status label, or a label
    before prose (责任单位：<a sentence>). The reader and the importer both decide here."""
    read = labels.read(text)
    return None if read is None else body_line(*read, year)


def body_line(name: str, match: re.Match[str], year: int) -> BodyLine | None:
    """read_body_line for a line the labelled-line rule has already matched (the reader matches each line once)."""
    if name == "status":
        return None
    value = match.group("value")
    if len(value) > grammar.MAX_FIELD_LENGTH:
        return None
    spec = BODY_FIELD[name]
    return BodyLine(spec, match.group("key"), value, match.start("value") + 1, body_values(spec, value, year))


def date_forms(spec: BodyField) -> str:
    """The forms a date line accepts, for the hint of one that can't be read."""
    forms = grammar.DATE_FORMS + (grammar.LONG_TERM_FORMS if spec.kind is Kind.DEADLINE else ())
    return ", ".join(forms)


_SPLIT = re.compile(r"[,，、]")


def parse_date(value: object) -> dt.date | None:
    """A date from YAML's own date type or from text such as 2025年4月2日."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return grammar.date_value(value)  # the grammar owns every written date form
    return None


class _Reader:
    """Types one file's values against the schema, recording a located problem for each bad one."""

    def __init__(self, path: str, lines: dict[str, int], unknown_code: str):
        self.path, self.lines, self.unknown_code = path, lines, unknown_code
        self.found: list[Diagnostic] = []

    def line(self, dotted: str) -> int:
        """The line of a key or list item, else of the nearest enclosing one, else 1."""
        while dotted:
            if dotted in self.lines:
                return self.lines[dotted]
            dotted = dotted.rpartition(".")[0]
        return 1

    def fail(self, dotted: str, code: str, **params: object) -> None:
        self.found.append(error(self.path, self.line(dotted), code, column=1, **params))

    def mapping(self, data: dict, fields: tuple[Field, ...], prefix: str, unknown_code: str) -> dict[str, object]:
        by_name = {f.name: f for f in fields}
        values: dict[str, object] = {}
        for key in data:
            if key not in by_name:
                self.unknown(prefix, key, by_name, unknown_code)
        for name, spec in by_name.items():
            dotted = prefix + name
            raw = data.get(name)
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                if spec.required:
                    line = self.lines[dotted] if dotted in self.lines else self.line(prefix.rstrip("."))
                    self.found.append(error(self.path, line, "field-missing", name=dotted, example=spec.example))
                continue
            value = self.value(spec, raw, dotted)
            if value is not None:
                values[name] = value
        return values

    def unknown(self, prefix: str, key: object, by_name: dict[str, Field], code: str) -> None:
        known = [prefix + name for name in by_name]
        severity = Severity.ERROR if code == "status-name-unknown" else Severity.WARNING
        self.found.append(unknown_name(self.path, self.line(f"{prefix}{key}"), code, f"{prefix}{key}", known, severity))

    def value(self, spec: Field, raw: object, dotted: str) -> object:
        if spec.kind in (Kind.TEXT, Kind.CHOICE):
            return self.text(spec, raw, dotted)
        if spec.kind in (Kind.TEXTS, Kind.LINES):
            return self.items(spec, raw, dotted)
        if spec.kind is Kind.BOOLEAN:
            if isinstance(raw, bool):
                return raw
            return self.fail(dotted, "field-boolean", name=dotted, value=_shown(raw))
        if spec.kind is Kind.DATE:
            parsed = parse_date(raw)
            if parsed is None:
                self.fail(dotted, "field-date", name=dotted, value=_shown(raw))
            return parsed
        if spec.kind is Kind.MAPPING:
            if isinstance(raw, dict):
                return self.mapping(raw, spec.fields, dotted + ".", spec.unknown_code or self.unknown_code)
            keys = ", ".join(f.name for f in spec.fields)
            return self.fail(dotted, "field-mapping", name=dotted, keys=keys, example=example_block(spec))
        return self.records(spec, raw, dotted)

    def scalar(self, spec: Field, raw: object, dotted: str) -> str | None:
        """Text from a string or a number; anything else is an error, never its Python spelling."""
        if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
            found = "mapping" if isinstance(raw, dict) else "list" if isinstance(raw, list) else "true or false"
            self.fail(dotted, "field-text", name=dotted, found=found, example=spec.example or "…")
            return None
        text = str(raw).strip()
        bad = forbidden_character(text, spec.multiline)
        if bad == "U+000A":
            self.fail(dotted, "field-newline", name=dotted)
            return None
        if bad:
            self.fail(dotted, "field-control-character", name=dotted, char=bad)
            return None
        return text

    def text(self, spec: Field, raw: object, dotted: str) -> str | None:
        text = self.scalar(spec, raw, dotted)
        if text is None or spec.kind is not Kind.CHOICE:
            return text
        if text.lower() in spec.choices:
            return text.lower()
        return self.fail(dotted, "field-choice", name=dotted, value=text, allowed=", ".join(spec.choices))

    def items(self, spec: Field, raw: object, dotted: str) -> tuple[str, ...] | None:
        if isinstance(raw, (str, int, float)) and not isinstance(raw, bool):
            raw = _SPLIT.split(str(raw)) if spec.kind is Kind.TEXTS else [raw]
            dotted_items = [dotted] * len(raw)
        elif isinstance(raw, list):
            dotted_items = [f"{dotted}.{index}" for index in range(len(raw))]
        else:
            return self.fail(dotted, "field-list", name=dotted, example=spec.example)
        texts = [self.scalar(spec, item, where) for item, where in zip(raw, dotted_items, strict=True)]
        if any(text is None for text in texts):
            return None
        return tuple(text for text in texts if text)

    def records(self, spec: Field, raw: object, dotted: str) -> tuple[tuple[int, dict[str, object]], ...] | None:
        """Each record with its own line; a bare value is the record's first field."""
        keys = ", ".join(f.name for f in spec.fields)
        if not isinstance(raw, list):
            return self.fail(dotted, "field-records", name=dotted, keys=keys, example=example_block(spec))
        result = []
        for index, item in enumerate(raw):
            where = f"{dotted}.{index}"
            if isinstance(item, (str, int, float)) and not isinstance(item, bool):
                item = {spec.fields[0].name: item}
            if not isinstance(item, dict) or item.get(spec.fields[0].name) is None:
                self.fail(where, spec.record_code, item=_shown(item))
                continue
            before = len(self.found)
            values = self.mapping(item, spec.fields, where + ".", self.unknown_code)
            if len(self.found) == before or all(d.severity == "warning" for d in self.found[before:]):
                result.append((self.line(where), values))
        return tuple(result)


def _shown(value: object) -> str:
    """A wrong value as the clerk would recognise it, cut short (an alias bomb never gets here)."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def read_fields(
    data: dict, fields: tuple[Field, ...], lines: dict[str, int], path: str, unknown_code: str = "unknown-field"
) -> tuple[dict[str, Any], list[Diagnostic]]:
    """The typed values of one file's fields (only those given and valid) and every problem, located.

    Any: each value's type is the one its Field declares (below), known to this table, not to a type checker.

    lines maps a dotted key ("contact.phones", "attachments.0") to its line in the file.
    TEXT -> str, TEXTS/LINES -> tuple[str, ...], BOOLEAN -> bool, DATE -> date, CHOICE -> str,
    MAPPING -> dict, RECORDS -> tuple of (line, dict).
    """
    reader = _Reader(path, lines, unknown_code)
    values = reader.mapping(data, fields, "", unknown_code)
    return values, reader.found


def field_names(fields: tuple[Field, ...], prefix: str = "") -> list[str]:
    """Every field's dotted name, nested ones included."""
    names = []
    for spec in fields:
        names.append(prefix + spec.name)
        names += field_names(spec.fields, prefix + spec.name + ".")
    return names


def example_block(spec: Field) -> str:
    """A few lines of YAML showing how the field is written."""
    if spec.kind is Kind.RECORDS:
        first, *rest = spec.fields
        extra = "".join(f", {f.name}: {f.example}" for f in rest)
        return f"{spec.name}:\n  - {{{first.name}: {first.example}{extra}}}"
    shown = [f for f in spec.fields if f.example][:2]
    return f"{spec.name}:\n" + "\n".join(f"  {f.name}: {f.example}" for f in shown)


def front_matter_text(values: dict[str, object]) -> str:
    """YAML front-matter for the importer: the schema's fields in its order, empty ones left out.

    A name the schema does not declare is a programming error (the reader would warn about it), so it raises.
    """
    return yaml.safe_dump(_ordered(values, NOTICE_FIELDS, ""), allow_unicode=True, sort_keys=False, width=1000).strip()


def _ordered(values: dict[str, object], fields: tuple[Field, ...], prefix: str) -> dict[str, object]:
    by_name = {f.name: f for f in fields}
    unknown = [prefix + str(name) for name in values if name not in by_name]
    if unknown:
        raise ValueError(f"not notice fields: {unknown}")
    ordered: dict[str, object] = {}
    for name, spec in by_name.items():
        value = values.get(name)
        if isinstance(value, dict):
            value = _ordered(value, spec.fields, f"{prefix}{name}.")
        elif isinstance(value, tuple):
            value = list(value)
        if value not in (None, "", [], {}):
            ordered[name] = value
    return ordered
