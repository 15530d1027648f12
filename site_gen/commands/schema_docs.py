"""What the schema (site_gen/schema.py) says, written for people and for editors.

The reference tables in README.md and docs/fields.md sit between ``<!-- fields:NAME -->`` and
``<!-- /fields:NAME -->`` and are made here (tests/test_schema_docs.py checks they are current;
``python -m site_gen.commands.schema_docs`` rewrites them). The JSON Schema is printed by ``site-gen schema``
so an editor with YAML support completes and checks site.yaml and front-matter fields.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from ..notice.grammar import DATE_VALUE
from ..notice.schema import BODY_FIELDS, NOTICE_FIELDS, SITE_FIELDS, BodyField, Field, Kind

_DATE_PATTERN = DATE_VALUE.pattern  # the grammar's own front-matter date, not a copy of it
_SCALAR = {"type": ["string", "number"]}
SCHEMAS = {"notice": NOTICE_FIELDS, "site": SITE_FIELDS}
_TITLES = {"notice": "site-gen notice front-matter", "site": "site-gen site.yaml"}


def json_schema(which: str) -> dict:
    """A JSON Schema (draft 2020-12) of the front-matter ("notice") or of site.yaml ("site")."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": _TITLES[which]}
    schema.update(_object(SCHEMAS[which]))
    return schema


def _object(fields: tuple[Field, ...]) -> dict:
    result: dict = {
        "type": "object",
        "properties": {f.name: _property(f) for f in fields},
        "additionalProperties": False,
    }
    required = [f.name for f in fields if f.required]
    if required:
        result["required"] = required
    return result


def _property(spec: Field) -> dict:
    described: dict[str, object] = {"title": spec.label_zh, "description": spec.help}
    if spec.example:
        value = yaml.safe_load(spec.example)
        described["examples"] = [spec.example if isinstance(value, dt.date) else value]
    return described | _type(spec)


def _type(spec: Field) -> dict:
    if spec.kind is Kind.TEXT:
        return dict(_SCALAR)
    if spec.kind in (Kind.TEXTS, Kind.LINES):
        return {"anyOf": [_SCALAR, {"type": "array", "items": _SCALAR}]}
    if spec.kind is Kind.BOOLEAN:
        return {"type": "boolean"}
    if spec.kind is Kind.DATE:
        return {"type": "string", "pattern": _DATE_PATTERN}
    if spec.kind is Kind.CHOICE:
        return {"enum": list(spec.choices)}
    if spec.kind is Kind.MAPPING:
        return _object(spec.fields)
    record = _object(spec.fields)
    return {"type": "array", "items": {"anyOf": [{"type": "string"}, record]}}


_KIND_WORDS = {
    Kind.TEXT: "text",
    Kind.TEXTS: "list (or one value; commas separate items)",
    Kind.LINES: "list (or one value)",
    Kind.BOOLEAN: "`true` / `false`",
    Kind.DATE: "date (`2025-04-02`, `2025年4月2日`)",
    Kind.CHOICE: "one of",
    Kind.MAPPING: "mapping",
    Kind.RECORDS: "list of mappings",
    Kind.STATUS: "a status wording (`整改完成`, `正在整改`, …)",
    Kind.DEADLINE: "date (`2024-06-30`, `2024年6月底`, `6月底`, `2024年6月`, `2024年底`, `2024.6`) or `长期坚持`",
    Kind.DUE_DATE: "date (`2024-06-30`, `2024年6月30日`, `2024年6月底`, `2024.6`, …)",
}


def reference_table(fields: tuple[Field, ...], nested: bool = True) -> str:
    """A Markdown table of the fields (and, when nested, their parts as dotted names)."""
    rows = ["| field | 名称 | type | meaning | default | example |", "|---|---|---|---|---|---|"]
    rows += _rows(fields, "", nested)
    return "\n".join(rows)


def _rows(fields: tuple[Field, ...], prefix: str, nested: bool) -> list[str]:
    rows = []
    for spec in fields:
        kind = _KIND_WORDS[spec.kind]
        if spec.choices:
            kind += " " + ", ".join(f"`{c}`" for c in spec.choices)
        meaning = spec.help + (" **(required)**" if spec.required else "")
        if spec.fields and not nested:
            meaning += ": " + ", ".join(f"`{f.name}`" for f in spec.fields)
        default = spec.default or ""
        example = f"`{spec.example}`" if spec.example else ""
        cells = [f"`{prefix}{spec.name}`", spec.label_zh, kind, meaning, default, example]
        rows.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
        if nested:
            rows += _rows(spec.fields, f"{prefix}{spec.name}.", nested)
    return rows


def body_table(fields: tuple[BodyField, ...] = BODY_FIELDS) -> str:
    """A Markdown table of the lines under an issue heading: its labels, what it holds, its open-data key."""
    rows = [
        "| line | English label | also written | value | meaning | model and open data | example |",
        "|---|---|---|---|---|---|---|",
    ]
    for spec in fields:
        keys = "`deadline`, `long_term`" if spec.kind is Kind.DEADLINE else f"`{spec.name}`"
        cells = [
            f"`{spec.label_zh}：`",
            f"`{spec.label_en}:`",
            ", ".join(f"`{alias}：`" for alias in spec.aliases),
            _KIND_WORDS[spec.kind],
            spec.help,
            keys,
            f"`{spec.label_zh}：{spec.example}`",
        ]
        rows.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(rows)


# name of a region in a document -> its table
REGIONS = {
    "body": body_table,
    "site": lambda: reference_table(SITE_FIELDS, nested=False),
    "site-full": lambda: reference_table(SITE_FIELDS),
    "notice-full": lambda: reference_table(NOTICE_FIELDS),
}
_REGION = re.compile(r"(<!-- fields:([\w-]+) -->\n)(.*?)(<!-- /fields:\2 -->)", re.S)


def with_current_tables(text: str) -> str:
    """The document with every generated region replaced by the schema's current table."""
    return _REGION.sub(lambda m: m.group(1) + REGIONS[m.group(2)]() + "\n" + m.group(4), text)


def main(root: Path) -> None:
    for name in ("README.md", "docs/fields.md"):
        path = root / name
        path.write_text(with_current_tables(path.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main(Path.cwd())
