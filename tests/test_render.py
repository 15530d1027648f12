"""Small helpers of pages/render.py that templates call."""

from __future__ import annotations

from site_gen.pages.render import email_breaks


def test_an_e_mail_address_may_wrap_only_before_its_at_sign_and_dots():
    assert email_breaks("sfj_jiandu@linjiang.example.cn") == "sfj_jiandu<wbr>@linjiang<wbr>.example<wbr>.cn"


def test_an_e_mail_address_is_escaped_around_its_break_points():
    assert email_breaks("a<b>@x.cn") == "a&lt;b&gt;<wbr>@x<wbr>.cn"


def test_a_second_site_in_one_process_compiles_no_theme_template_but_an_edited_one(tmp_path, monkeypatch):
    """The preview and a test run build many sites in one process: the theme is compiled once, and a template
    edited on disk is compiled again (Jinja checks the source's checksum), never served stale."""
    import jinja2

    from site_gen.commands.build import build_site
    from tests.corpus import generate

    first, second = tmp_path / "first", tmp_path / "second"
    generate(first, 2, seed=3, kb=1)
    generate(second, 2, seed=4, kb=1)
    assert build_site(first, first / "output", search=False).ok
    compiled = []
    original = jinja2.Environment.compile

    def compiling(self, source, name=None, *args, **kwargs):
        compiled.append(name)
        return original(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", compiling)
    assert build_site(second, second / "output", search=False).ok
    assert compiled == []
    assert list((second / ".site-gen-cache").rglob("__jinja2_*.cache"))  # its own cache folder has them too
    (second / "templates").mkdir()
    footer = '{% extends "base.html" %}'
    (second / "templates" / "404.html").write_text(footer + "{% block content %}<p>改过的页面</p>{% endblock %}")
    assert build_site(second, second / "output", search=False).ok
    assert compiled == ["404.html"]
    assert "改过的页面" in (second / "output" / "404.html").read_text(encoding="utf-8")
