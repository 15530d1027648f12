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
