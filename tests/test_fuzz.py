"""Random notices into the reader and renderer: a page or located problems, never an exception."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_gen.base.diagnostics import Diagnostic
from site_gen.notice.config import SiteConfig
from site_gen.notice.reader import parse_notice
from site_gen.pages.render import environment, render_notice

pytestmark = pytest.mark.slow  # the developer's loop leaves it out: -m "not slow and not browser"

PUNCTUATION = "：:，,；;。（）()、#-*>`[]{}<>\"'|\\!&\n\t 　"
text = st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(PUNCTUATION), max_size=300)
scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | text
values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4), max_leaves=20
)
fields = st.fixed_dictionaries(
    {},
    optional={
        "title": values,
        "organization": values,
        "date": values | st.dates(),
        "inspection": values,
        "contact": values,
        "tags": values,
        "draft": values,
        "slug": values,
        "attachments": values,
        "lang": values,
    },
) | st.dictionaries(text, values, max_size=5)
body_lines = st.lists(
    st.sampled_from(
        [
            "## (一)方面",
            "### 1. 关于的问题",
            "#### 一是",
            "整改进度：整改完成",
            "整改情况：视同完成；需持续整改",
            "整改进度：",
            "整改时限：6月底",
            "完成时限：长期坚持",
            "**责任单位：**<script>x</script>",
            "完成时间：2024年13月",
            "责任人：",
            "<script>x</script>",
            "[a](javascript:x)",
            "> ",
            "- ",
            "```",
            "{#x}",
        ]
    )
    | text,
    max_size=30,
)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_and_render(source: str) -> None:
    from site_gen.notice.model import Contact

    config = SiteConfig(root=Path("/nonexistent"), contact=Contact(phones=("0000-1234567",)))
    notice, problems = parse_notice(source, "content/fuzz.md", config, "fuzz")
    assert all(isinstance(p, Diagnostic) and p.path == "content/fuzz.md" and p.line >= 0 for p in problems)
    if notice is not None:
        html = render_notice(environment(config), notice)
        assert "<script>x" not in html and 'href="javascript:' not in html


@SETTINGS
@given(front=fields, body=body_lines)
def test_random_front_matter_and_body(front, body):
    try:
        front_text = yaml.safe_dump(front, allow_unicode=True)
    except yaml.YAMLError:
        return
    read_and_render(f"---\n{front_text}---\n" + "\n".join(body))


@SETTINGS
@given(raw=text)
def test_random_text_as_a_whole_file(raw):
    read_and_render(raw)
    read_and_render("---\n" + raw)
    read_and_render("---\ntitle: x\norganization: y\ndate: 2025-01-01\n---\n" + raw)


@SETTINGS
@given(depth=st.integers(min_value=1, max_value=200), size=st.integers(min_value=0, max_value=200_000))
def test_deep_nesting_and_huge_strings(depth, size):
    read_and_render("---\ntitle: " + "[" * depth + "\n---\n")
    read_and_render("---\ntitle: x\norganization: y\ndate: 2025-01-01\n---\n" + "> " * depth + "甲" * size)
