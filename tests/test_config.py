"""site.yaml: typed by the schema, located problems, and a vocabulary a site may extend but not bend."""

from __future__ import annotations

from site_gen.notice.config import load_config
from site_gen.notice.model import Status


def config_of(tmp_path, text: str):
    (tmp_path / "site.yaml").write_text(text, encoding="utf-8")
    return load_config(tmp_path)


def test_settings_are_typed(tmp_path):
    config, problems = config_of(
        tmp_path,
        "base_url: https://e.cn\nlanguage: en\nencoding: GBK\nallow_html: true\nstatus_keys: 进度, 情况\n"
        "footer:\n  site_id: 3301990000\n",
    )
    assert problems == []
    assert (config.base_url, config.language, config.encoding, config.allow_html) == (
        "https://e.cn/",
        "en",
        "gb18030",
        True,
    )
    assert config.status_keys == ("进度", "情况") and config.footer.site_id == "3301990000"


def test_a_line_break_in_base_url_is_an_error_not_a_robots_txt_line(tmp_path):
    config, problems = config_of(tmp_path, 'base_url: "https://e.cn/\\nDisallow: /"\n')
    assert [(d.line, d.code) for d in problems] == [(1, "field-newline")]
    assert "\n" not in config.base_url


def test_language_takes_only_zh_or_en(tmp_path):
    config, problems = config_of(tmp_path, "base_url: https://e.cn/\nlanguage: {a: b}\n")
    assert [(d.line, d.code) for d in problems] == [(2, "field-text")] and config.language == "zh"
    _, problems = config_of(tmp_path, "base_url: https://e.cn/\nlanguage: fr\n")
    assert [d.code for d in problems] == ["field-choice"]


def test_a_site_may_add_wordings(tmp_path):
    config, problems = config_of(tmp_path, "base_url: https://e.cn/\nstatuses:\n  done: [整改到位, 整改完成]\n")
    assert problems == []
    assert config.vocabulary.lookup("整改到位").status is Status.DONE


def test_a_built_in_wording_cannot_move_to_another_status(tmp_path):
    config, problems = config_of(
        tmp_path, "base_url: https://e.cn/\nstatuses:\n  done:\n    - 整改到位\n    - 正在整改\n"
    )
    assert [(d.line, d.code, d.severity) for d in problems] == [(5, "status-wording-taken", "error")]
    assert problems[0].message == 'statuses.done: "正在整改" already means in_progress'
    assert config.vocabulary.lookup("正在整改").status is Status.IN_PROGRESS


def test_duplicate_setting_and_unknown_setting(tmp_path):
    _, problems = config_of(tmp_path, "base_url: https://e.cn/\ntitle: a\ntitel: b\ntitle: c\n")
    assert sorted((d.line, d.code) for d in problems) == [(3, "unknown-setting"), (4, "yaml-duplicate-key")]


def test_missing_base_url_is_one_warning(tmp_path):
    _, problems = config_of(tmp_path, "title: x\n")
    assert [(d.code, d.severity) for d in problems] == [("base-url-missing", "warning")]
