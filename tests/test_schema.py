"""One table types site.yaml and front-matter alike: the same value reads the same way in both files."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from site_gen.notice import grammar
from site_gen.notice.config import SiteConfig, load_config
from site_gen.notice.frontmatter import split
from site_gen.notice.grammar import forbidden_character
from site_gen.notice.reader import decode, parse_notice
from site_gen.notice.schema import (
    BODY_FIELDS,
    NOTICE_FIELDS,
    SITE_FIELDS,
    Field,
    Kind,
    body_labels,
    front_matter_text,
    parse_date,
    read_fields,
)


def read(yaml_text: str, fields=NOTICE_FIELDS):
    front, problems = split(f"---\n{yaml_text}\n---\n", "content/a.md")
    assert front is not None and problems == []
    return read_fields(front.data, fields, front.key_lines, "content/a.md")


def codes(found) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in found]


def test_typed_values():
    values, found = read(
        "title: 标题\norganization: 某局\ndate: 2025年4月2日\ndraft: true\ntags: 巡察，2025、 ,整改\n"
        "inspection:\n  round: 3\n  from: 2024-04-08\nlang: EN"
    )
    assert found == []
    assert values == {
        "title": "标题",
        "organization": "某局",
        "date": dt.date(2025, 4, 2),
        "draft": True,
        "tags": ("巡察", "2025", "整改"),  # commas of every width separate, empty items are dropped
        "inspection": {"round": "3", "from": dt.date(2024, 4, 8)},
        "lang": "en",
    }


def test_the_same_contact_reads_the_same_in_site_yaml_and_front_matter(tmp_path):
    contact = "contact:\n  phones: 0635-1234567, 0635-7654321\n  other: 来信请寄：某路 1 号，某局收\n"
    (tmp_path / "site.yaml").write_text("base_url: https://e.cn/\n" + contact, encoding="utf-8")
    config, problems = load_config(tmp_path)
    assert problems == []
    notice, _ = parse_notice(
        f"---\ntitle: t\norganization: o\ndate: 2025-04-02\n{contact}---\n", "content/a.md", SiteConfig(tmp_path), "a"
    )
    assert notice.contact == config.contact
    assert config.contact.phones == ("0635-1234567", "0635-7654321")
    assert config.contact.other == ("来信请寄：某路 1 号，某局收",)  # prose is one item, commas and all


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        ("group: {a: b}", [(1, "field-text")]),
        ("round: [1, 2]", [(1, "field-text")]),
        ("group: true", [(1, "field-text")]),
        ("from: 2024-02-30", [(1, "field-date")]),
    ],
)
def test_inspection_parts_are_type_checked(yaml_text, expected):
    _, found = read(yaml_text, NOTICE_FIELDS[3].fields)
    assert codes(found) == [(line + 1, code) for line, code in expected]


def test_wrong_types_are_never_stringified():
    values, found = read("title: {a: b}\norganization: [x]\ndate: 2025-04-02\ndraft: yes please\nlang: fr")
    assert codes(found) == [(2, "field-text"), (3, "field-text"), (5, "field-boolean"), (6, "field-choice")]
    assert values == {"date": dt.date(2025, 4, 2)}


def test_each_problem_is_at_its_own_line():
    _, found = read("title: t\norganization: o\ndate: 2025-04-02\ntags:\n  - a\n  - {b: c}\ncontact:\n  fax: 1\n")
    assert sorted(codes(found)) == [(7, "field-text"), (9, "unknown-field")]
    assert sorted(found)[1].message == 'unknown field "contact.fax" is ignored'


def test_required_fields():
    _, found = read("title: ''\norganization: o")
    assert codes(found) == [(2, "field-missing"), (1, "field-missing")]  # the empty title at its line; no date at 1


@pytest.mark.parametrize(
    ("value", "multiline", "bad"),
    [("a\x0bb", True, "U+000B"), ("a\x00", True, "U+0000"), ("a\nb", False, "U+000A"), ("a\nb\tc", True, "")],
)
def test_forbidden_characters(value, multiline, bad):
    assert forbidden_character(value, multiline) == bad


def test_control_characters_and_line_breaks_in_fields():
    _, found = read('title: "a\\x0bb"\norganization: o\ndate: 2025-04-02\nsummary: "two\\nlines"\nslug: "x\\ny"')
    assert codes(found) == [(2, "field-control-character"), (6, "field-newline")]  # summary may be a paragraph


def test_unknown_keys_inside_statuses_are_errors():
    _, found = read("statuses:\n  finished: [好了]", SITE_FIELDS)
    (problem,) = found
    assert (problem.line, problem.code, problem.severity) == (3, "status-name-unknown", "error")


def test_a_field_added_to_the_table_is_read_and_suggested():
    fields = (*NOTICE_FIELDS, Field("series", Kind.TEXT, "the series", "系列", "2025"))
    values, found = read("title: t\norganization: o\ndate: 2025-04-02\nseries: 第一期\nseris: x", fields)
    assert values["series"] == "第一期"
    assert [d.hint for d in found] == ["did you mean series?"]


def test_front_matter_text_follows_the_schema_and_reads_back():
    text = front_matter_text(
        {
            "contact": {"other": ("x",), "phones": ("0635-1234567",)},
            "date": "2025-04-02",
            "title": "标题",
            "organization": "某局",
            "inspection": {"to": "2024-06-01", "group": "", "from": "2024-04-08"},
        }
    )
    assert list(yaml.safe_load(text)) == ["title", "organization", "date", "inspection", "contact"]
    assert (
        "group" not in text and text.index("from:") < text.index("to:") and text.index("phones") < text.index("other")
    )
    values, found = read(text)
    assert found == [] and values["contact"]["phones"] == ("0635-1234567",)
    with pytest.raises(ValueError, match="contact.fax"):
        front_matter_text({"title": "t", "contact": {"fax": "1"}})


@pytest.mark.parametrize(
    "char", ["\x01", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9f", "\ufffe", "\t", "\u3000", "é"]
)
def test_a_character_gets_the_same_verdict_in_a_field_and_in_the_notice_text(char):
    """U+0085 once passed the file's check and failed the field's: one rule now refuses it in both places."""
    in_body = "---\ntitle: t\norganization: o\ndate: 2025-01-02\n---\n\n正文" + char + "。\n"
    _, file_problems = decode(in_body.encode("utf-8"), "content/a.md")
    in_field = read(f'summary: "摘\\u{ord(char):04x}要"')  # a YAML escape: YAML itself refuses some raw
    refused_in_file = any(d.code == "file-control-character" for d in file_problems)
    refused_in_field = any(d.code == "field-control-character" for d in in_field[1])
    assert refused_in_file == refused_in_field == bool(forbidden_character(char))


# --- body fields: the per-issue lines are schema entries too -------------------------------------------------------

_VALUES = {
    Kind.STATUS: "整改完成",
    Kind.DEADLINE: "2024年6月底",
    Kind.DUE_DATE: "2024年6月底",
    Kind.TEXT: "县住建局",
}


@pytest.mark.parametrize(("spec", "label"), [(spec, label) for spec in BODY_FIELDS for label in spec.labels])
def test_every_label_of_the_table_is_read_by_the_reader_as_its_field(spec, label, tmp_path):
    """Adding an alias to BODY_FIELDS is all it takes: the reader, the importer and the docs follow."""
    body = f"### 1. 问题\n{label}：{_VALUES[spec.kind]}\n"
    if spec.kind is not Kind.STATUS:
        body = body.replace("问题\n", "问题\n整改进度：正在整改\n")
    text = f"---\ntitle: t\norganization: o\ndate: 2025-01-02\n---\n\n{body}"
    notice, problems = parse_notice(text, "content/a.md", SiteConfig(root=tmp_path), "a")
    assert [p for p in problems if p.severity == "error"] == []
    issue = notice.issues[0]
    expected = {
        "status": issue.status.value == "done",
        "deadline": issue.deadline == dt.date(2024, 6, 30),
        "completed_on": issue.completed_on == dt.date(2024, 6, 30),
        "responsible": issue.responsible == "县住建局",
        "responsible_person": issue.responsible_person == "县住建局",
    }
    assert expected[spec.name], (label, issue)


def test_the_status_labels_are_the_sites_status_keys():
    rule = body_labels(("完成情况",))
    assert rule.read("完成情况：整改完成")[0] == "status"
    assert rule.read("整改进度：整改完成") is None  # the default keys are replaced, as for the status line alone
    assert rule.read("整改时限：6月底")[0] == "deadline"


@pytest.mark.parametrize(
    "text",
    ["2025-04-02", "2025年4月2日", "２０２５年４月２日", "2025.4.2", "2025/4/2", "2025年4月", "2025-02-30", "明天"],
)
def test_front_matter_dates_read_as_the_grammar_reads_them(text):
    """One owner of the written date forms: the front-matter reader gives the grammar's verdict."""
    assert parse_date(text) == grammar.date_value(text)
