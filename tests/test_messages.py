"""Every diagnostic code has English and Chinese words, the Chinese without English prose, and docs/errors.md lists
every code and no other."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from site_gen.base.messages import CHINESE, ENGLISH, blanks, render
from site_gen.commands.build import load_site
from site_gen.notice.schema import NOTICE_FIELDS, SITE_FIELDS, field_names
from tests.cli_support import site_gen
from tests.test_check import EXPECTED, site_with

ERRORS_DOC = Path(__file__).resolve().parents[1] / "docs" / "errors.md"

# What a Chinese text may spell in Latin letters: field and setting names (from the schema), the values and
# syntax a clerk types (file names, YAML, addresses), and names of encodings and programs. Nothing else.
SPELLED_AS_TYPED = {
    "yaml", "md", "utf", "gbk", "gb", "iconv", "converted", "http", "https", "mailto", "tel", "true", "false",
    "content", "files", "survey", "pdf", "name", "example", "gov", "cn", "xczg", "site", "gen", "out", "output",
    "word", "tab", "sifaju", "id", "x0b", "gb18030", "mb", "s1", "sitemap", "xml", "status_keys", "f", "t",
    "cache", "sudo", "root", "no", "wait", "docs", "hosting",
    "unicode", "windows", "macos", "cname", "downloads", "con", "nul", "aux", "prn", "com1", "lpt1",
    "check", "build", "strict", "new", "notice", "serve", "import", "lang", "zh", "en", "port",
}  # fmt: skip
FIELD_WORDS = {
    part.lower() for name in field_names(NOTICE_FIELDS) + field_names(SITE_FIELDS) for part in name.split(".")
}
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def latin_words(template: str) -> set[str]:
    without_blanks = re.sub(r"\{[a-z_]+\}", "", template)
    return {word.lower() for word in LATIN_WORD.findall(without_blanks)}


def wordings(text) -> list[str]:
    return [text.message, *([text.hint] if isinstance(text.hint, str) else text.hint)]


def test_every_code_has_english_and_chinese_words():
    assert set(CHINESE) == set(ENGLISH)
    for code in ENGLISH:
        assert ENGLISH[code].message and CHINESE[code].message, code
        assert ENGLISH[code].hint and CHINESE[code].hint, f"{code}: every message says what to do"


@pytest.mark.parametrize("code", sorted(ENGLISH))
def test_chinese_words_use_no_english_beyond_field_names_and_typed_values(code):
    for template in wordings(CHINESE[code]):
        assert latin_words(template) <= FIELD_WORDS | SPELLED_AS_TYPED, (code, template)


@pytest.mark.parametrize("code", sorted(ENGLISH))
def test_both_languages_fill_only_blanks_the_code_provides(code):
    english = set().union(*(blanks(t) for t in wordings(ENGLISH[code])))
    chinese = set().union(*(blanks(t) for t in wordings(CHINESE[code])))
    assert chinese <= english, (code, chinese - english)


def test_the_check_catches_an_english_fragment():
    assert "mapping" in latin_words("inspection 应为 a mapping with {keys}")
    assert not latin_words("字段 {name} 应为文字") - FIELD_WORDS


def test_a_hint_falls_back_when_a_blank_is_empty():
    params = {"name": "titel", "suggestion": "title", "known": "title, date"}
    assert render("unknown-field", params, "en")[1] == "did you mean title?"
    assert render("unknown-field", params | {"suggestion": ""}, "en")[1] == "known: title, date"
    assert render("unknown-field", params | {"suggestion": ""}, "zh")[1] == "可用的名称：title, date"


def test_yamls_own_explanation_is_worded_in_chinese():
    assert render("front-matter-yaml", {"problem": "could not find expected ':'"}, "zh")[0] == (
        "字段区格式有误：缺少冒号（应为“字段名: 值”）"
    )
    assert (
        render("front-matter-yaml", {"problem": "something new"}, "zh")[0] == "字段区格式有误：YAML 提示“something new”"
    )


def test_errors_doc_lists_every_code_and_no_other():
    listed = re.findall(r"^\| `([a-z0-9-]+)` \|", ERRORS_DOC.read_text(encoding="utf-8"), re.MULTILINE)
    assert sorted(listed) == sorted(set(listed)), "a code is listed twice"
    assert set(listed) == set(ENGLISH)


# an untranslated message is English prose: three or more English words in a row outside quotes and field names
ENGLISH_PROSE = re.compile(r"\b[a-z]{2,}(?: [a-z]{2,}){2,}\b")
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|'[^']*'|`[^`]*`|\([^)]*@[^)]*\)|https?://\S+|[\w./-]+\.(?:md|yaml|pdf)\b")
MORE = ["yaml-syntax.md", "bad-links.md", "no-contact.md", "wrong-types.md", "attachment-scheme.md", "link-lines.md"]


@pytest.mark.parametrize("name", sorted(EXPECTED) + MORE)
def test_every_message_and_hint_a_fixture_produces_is_chinese(tmp_path, name):
    yaml = "contact:\n  emails: [a@example.cn]\n" if name != "no-contact.md" else ""
    diagnostics = load_site(site_with(tmp_path, name, site_yaml=yaml)).diagnostics
    assert diagnostics
    for diagnostic in diagnostics:
        shown = diagnostic.in_language("zh")
        for text in (shown.message, shown.hint):
            assert ENGLISH_PROSE.findall(QUOTED.sub("", text)) == [], (diagnostic.message, text)


def test_cli_report_is_chinese_on_a_chinese_site(tmp_path):
    site = site_with(tmp_path, "unknown-status.md", "dates-out-of-order.md")
    result = site_gen("check", "--site", str(site))
    assert "content/unknown-status.md:12:6: error: 无法识别的整改状态“完成得差不多”" in result.stderr
    assert "修改建议: 可用的写法：整改完成, 整改完毕" in result.stderr
    assert "inspection.to（2024-03-01）早于 inspection.from（2024-06-01）" in result.stderr
