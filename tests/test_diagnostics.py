"""A diagnostic is a located, coded value; its words are made in the language it is shown in."""

from __future__ import annotations

import pickle

import pytest

from site_gen.base.diagnostics import Diagnostic, Severity, error, format_report, unknown_name, warning


def test_a_diagnostic_is_a_frozen_value_with_code_and_parameters():
    d = error("content/a.md", 3, "phone-invalid", column=5, value="123")
    assert (d.path, d.line, d.column, d.severity, d.code, d.params) == (
        "content/a.md",
        3,
        5,
        Severity.ERROR,
        "phone-invalid",
        (("value", "123"),),
    )
    with pytest.raises(AttributeError):
        d.line = 4  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(d)) == d


def test_a_parameter_may_be_named_like_the_location():
    d = error("content/a.md", 8, "attachment-missing", path="files/x.pdf", expected="content/files/x.pdf")
    assert d.path == "content/a.md" and d.message == 'attachment "files/x.pdf" does not exist'


def test_order_is_file_line_column_then_severity():
    later = warning("content/b.md", 1, "file-empty")
    first = error("content/a.md", 9, "file-empty")
    second = error("content/a.md", 10, "file-empty", column=1)
    assert sorted([later, second, first]) == [first, second, later]


def test_words_in_english_and_chinese_the_language_is_not_part_of_the_identity():
    d = error("content/a.md", 2, "field-missing", name="title", example="关于……的通报")
    assert d.message == "the required field title is missing"
    assert d.hint == "add a line such as  title: 关于……的通报  to the front-matter"
    zh = d.in_language("zh")
    assert (zh.message, zh.hint) == ("缺少必填字段 title", "在字段区加一行，例如：title: 关于……的通报")
    assert zh == d and not zh != d and hash(zh) == hash(d) and d.in_language("en").message == d.message


def test_format_and_report():
    d = error("content/a.md", 2, "file-empty")
    assert d.format() == (
        "content/a.md:2:1: error: the file is empty\n    hint: write the front-matter and the notice, or delete the file"
    )
    assert d.format("zh").startswith("content/a.md:2:1: error: 文件是空的\n    修改建议: ")
    report = format_report([warning("site.yaml", 1, "base-url-missing"), d], "en")
    assert report.splitlines()[0].startswith("content/a.md:2:1: error:")
    assert report.endswith("1 error(s), 1 warning(s) in 2 file(s)")


def test_json_form_names_everything_a_tool_needs():
    d = error("content/a.md", 2, "status-unknown", column=6, value="差不多", suggestion="", allowed="整改完成")
    assert d.in_language("zh").as_json() == {
        "file": "content/a.md",
        "line": 2,
        "column": 6,
        "severity": "error",
        "code": "status-unknown",
        "message": "无法识别的整改状态“差不多”",
        "hint": "可用的写法：整改完成（也可在 site.yaml 的 statuses: 中添加本单位的写法）",
    }


def test_unknown_name_suggests_the_closest_known_one():
    d = unknown_name("site.yaml", 4, "unknown-setting", "titel", ["title", "language"])
    assert (d.severity, d.message, d.hint) == (
        Severity.WARNING,
        'unknown setting "titel" is ignored',
        "did you mean title?",
    )
    far = unknown_name("site.yaml", 4, "unknown-setting", "zzz", ["title", "language"])
    assert far.hint == "known: title, language"


def test_an_unknown_code_is_a_programming_error():
    with pytest.raises(KeyError):
        _ = Diagnostic("a", 1, 1, Severity.ERROR, "no-such-code").message
