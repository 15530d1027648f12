"""A clerk on a Chinese site reads every message and hint in Chinese."""

from __future__ import annotations

import re

import pytest

from site_gen.build import load_site
from tests.test_check import EXPECTED, site_with

# an untranslated message is English prose: three or more English words in a row outside quotes and field names
ENGLISH_PROSE = re.compile(r"\b[a-z]{2,}(?: [a-z]{2,}){2,}\b")
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|'[^']*'|`[^`]*`|\([^)]*@[^)]*\)|https?://\S+|[\w./-]+\.(?:md|yaml|pdf)\b")


def english_left(text: str) -> list[str]:
    return ENGLISH_PROSE.findall(QUOTED.sub("", text))


@pytest.mark.parametrize("name", sorted(EXPECTED) + ["yaml-syntax.md", "bad-links.md", "no-contact.md"])
def test_every_message_and_hint_is_chinese(tmp_path, name):
    yaml = "contact:\n  emails: [a@example.cn]\n" if name != "no-contact.md" else ""
    diagnostics = load_site(site_with(tmp_path, name, site_yaml=yaml)).diagnostics
    assert diagnostics
    for diagnostic in diagnostics:
        shown = diagnostic.in_language("zh")
        assert english_left(shown.message) == [], (diagnostic.message, shown.message)
        assert english_left(shown.hint) == [], (diagnostic.hint, shown.hint)


def test_english_sites_keep_english(tmp_path):
    (diagnostic,) = load_site(site_with(tmp_path, "unknown-status.md")).diagnostics[-1:]
    assert diagnostic.in_language("en") == diagnostic


def test_cli_report_is_chinese_on_a_chinese_site(tmp_path):
    import subprocess
    import sys

    site = site_with(tmp_path, "unknown-status.md", "dates-out-of-order.md")
    result = subprocess.run(
        [sys.executable, "-m", "site_gen", "check", "--site", str(site)], capture_output=True, text=True
    )
    assert "content/unknown-status.md:12:6: error: 无法识别的整改状态“完成得差不多”" in result.stderr
    assert "修改建议: 可用的写法：整改完成, 整改完毕" in result.stderr
    assert "inspection.to（2024-03-01）早于 inspection.from（2024-06-01）" in result.stderr
