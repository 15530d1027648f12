"""Front-matter as clerks type it: lines for every key, duplicates and alias bombs refused, full-width colons forgiven."""

from __future__ import annotations

from site_gen.notice.frontmatter import ALIAS_BUDGET, split


def test_every_key_and_item_has_its_line():
    front, _ = split("---\ntitle：标题\ncontact:\n  phones:\n    - 1\n    - 2\n---\nbody\n", "a.md")
    assert front.data["title"] == "标题"
    assert front.key_lines == {
        "title": 2,
        "contact": 3,
        "contact.phones": 4,
        "contact.phones.0": 5,
        "contact.phones.1": 6,
    }
    assert (front.body, front.body_line) == ("body\n", 8)


def test_a_duplicate_key_is_an_error_at_the_second():
    front, problems = split("---\ntitle: a\ncontact:\n  address: x\n  address: y\ntitle: b\n---\n", "a.md")
    assert [(d.line, d.code, dict(d.params)) for d in sorted(problems)] == [
        (5, "yaml-duplicate-key", {"name": "contact.address", "first_line": "4"}),
        (6, "yaml-duplicate-key", {"name": "title", "first_line": "2"}),
    ]


def test_an_alias_bomb_is_refused_before_it_is_built():
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 12)]  # 10**12 values
    front, problems = split("---\n" + "\n".join(levels) + "\n---\n", "a.md")
    assert front is None
    assert [(d.code, dict(d.params)) for d in problems] == [("yaml-aliases", {"budget": str(ALIAS_BUDGET)})]


def test_a_few_aliases_are_fine():
    front, problems = split("---\nbase: &c {phones: [1]}\ncontact: *c\n---\n", "a.md")
    assert problems == [] and front.data["contact"] == {"phones": [1]}


def test_yaml_syntax_error_at_yamls_own_line():
    front, problems = split("---\ntitle: t\ntags: [a, b\n---\n", "a.md")
    assert front is None and problems[0].code == "front-matter-yaml" and problems[0].line in (3, 4)


# --- YAML errors a clerk can fix: the line quoted, a caret under the column, the cause and the fixed line ----


def yaml_error(text: str, language: str = "zh") -> str:
    _, problems = split(f"---\n{text}\norganization: 中共临江区农业农村局党组\n---\n正文\n", "content/a.md")
    (problem,) = problems
    return problem.in_language(language).format()


def test_an_unquoted_colon_in_a_title_is_quoted_with_its_fix():
    assert yaml_error("title: 关于: 农业局巡察整改情况的通报") == (
        "content/a.md:2:10: error: 字段区格式有误：值里含有“: ”，YAML 把它当成了又一个字段名：请给整个值加上引号\n"
        "    title: 关于: 农业局巡察整改情况的通报\n"
        "               ^\n"
        '    修改建议: 请把这一行改成：title: "关于: 农业局巡察整改情况的通报"'
    )


def test_the_cause_and_fix_are_english_on_an_english_site():
    shown = yaml_error("title: Progress: second round", "en")
    assert 'front-matter is not valid YAML: the value contains ": "' in shown
    assert shown.endswith('hint: write the line as: title: "Progress: second round"')


def test_a_missing_space_after_the_colon_is_named_on_its_own_line():
    assert yaml_error("title:关于农业局的通报") == (
        "content/a.md:2:6: error: 字段区格式有误：冒号后面少了一个空格，YAML 认不出这是“字段名: 值”\n"
        "    title:关于农业局的通报\n"
        "         ^\n"
        "    修改建议: 请把这一行改成：title: 关于农业局的通报"
    )


def test_an_unclosed_quote_is_named_at_the_line_it_opens():
    shown = yaml_error('title: "关于农业局的通报')
    assert shown.startswith("content/a.md:2:")
    assert "值里的引号只有前一半，没有闭合" in shown and '请把这一行改成：title: "关于农业局的通报"' in shown


def test_an_unclosed_bracket_is_named_at_the_line_it_opens_not_the_next_key():
    shown = yaml_error("tags: [司法行政, 2024年巡察")  # YAML stumbles at organization: on the next line
    assert shown.startswith("content/a.md:2:7: error:"), shown
    assert "方括号 [ 或花括号 { 没有闭合" in shown and "请把这一行改成：tags: [司法行政, 2024年巡察]" in shown
    assert yaml_error("tags: [一, 二]\ncontact: {phones: [0571-1]").startswith("content/a.md:3:10:")  # the open one
    shown = yaml_error("contact: {phones: [0571-88001234]")
    assert shown.startswith("content/a.md:2:10:") and "contact: {phones: [0571-88001234]}" in shown


def test_full_width_spaces_as_indentation_are_read_as_tabs_are():
    text = "---\ntitle: 通报\ninspection:\n\u3000group: 区委第一巡察组\n\tround: 第三轮\n  to: 2024-11-15\n---\n正文\n"  # each as wide as two spaces
    front, problems = split(text, "content/a.md")
    assert problems == [] and front is not None
    assert front.data["inspection"] == {"group": "区委第一巡察组", "round": "第三轮", "to": "2024-11-15"}
    assert front.key_lines["inspection.group"] == 4


def test_a_full_width_space_after_the_colon_is_forgiven():
    front, problems = split("---\ntitle:\u3000通报\n---\n", "content/a.md")
    assert problems == [] and front.data["title"] == "通报"


def test_site_yaml_errors_are_explained_the_same_way(tmp_path):
    from site_gen.notice.config import load_config

    (tmp_path / "site.yaml").write_text("title: 临江区: 巡察整改公开\n", encoding="utf-8")
    _, problems = load_config(tmp_path)
    (problem,) = problems
    assert problem.code == "config-yaml" and problem.line == 1
    assert problem.in_language("zh").hint == '请把这一行改成：title: "临江区: 巡察整改公开"'
    assert problem.excerpt == ("title: 临江区: 巡察整改公开", " " * 13 + "^")
