"""Small helpers of pages/render.py that templates call."""

from __future__ import annotations

from site_gen.pages.render import email_breaks


def test_an_e_mail_address_may_wrap_only_before_its_at_sign_and_dots():
    assert email_breaks("sfj_jiandu@linjiang.example.cn") == "sfj_jiandu<wbr>@linjiang<wbr>.example<wbr>.cn"


def test_an_e_mail_address_is_escaped_around_its_break_points():
    assert email_breaks("a<b>@x.cn") == "a&lt;b&gt;<wbr>@x<wbr>.cn"
