"""Where a saved portal page's notice ends: its article container, then its signature.

A portal wraps the notice in menus above and related articles, share buttons and a footer below
(主办单位, 地址, 邮编, ICP, the portal's phone). html_source finds the container holding most of
the page's text; when that container ends with the notice's signature, everything after it is
the portal's and is removed (and listed). Inside the article, what follows the signature (分享,
上一篇/下一篇, 相关文章) is removed too. Nothing the notice says is cut: a page whose article shows
no signature is left to the chrome rules, line by line.
"""

from __future__ import annotations

from ..notice.grammar import date_value
from .boilerplate import ATTACHMENT, Removed
from .metadata import PUBLISHER

SIGNATURE_REACH = 6  # the signature date sits among the article's last non-blank lines
PAGE_TAIL = 12  # lines of page text a portal puts after the signature inside the article (分享, 上一篇, 相关)


def signature_at(lines: list[tuple[int, str]], reach: int = SIGNATURE_REACH) -> int | None:
    """Index of the last signature date line among the last lines (中共某某局党组 / 2025年4月2日), or None."""
    for index in range(len(lines) - 1, max(0, len(lines) - reach) - 1, -1):
        text = lines[index][1]
        above = lines[index - 1][1] if index else ""
        if date_value(text) and len(above) <= 40 and PUBLISHER.search(above) and "。" not in above:
            return index
    return None


def outside_article(
    body: list[tuple[int, str]], article_end: int | None
) -> tuple[list[tuple[int, str]], list[Removed]]:
    """The body lines after the article's container, when the container ends with the signature, are the
    portal's (the chrome rules have named what they know: footer, links; the rest is listed as outside)."""
    if article_end is None:
        return body, []
    inside = [(number, text) for number, text in body if number <= article_end]
    if len(inside) == len(body) or signature_at(inside) is None:
        return body, []
    return inside, [Removed(number, text, "outside the article") for number, text in body if number > article_end]


def after_signature(body: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[Removed]]:
    """The body up to its signature; what follows (分享, 上一篇, 相关文章) is the page's. An attachment line
    after the signature (附件：…) is the notice's: then nothing is cut."""
    found = signature_at(body, PAGE_TAIL)
    if found is None or found == len(body) - 1:
        return body, []
    tail = body[found + 1 :]
    if any(ATTACHMENT.match(text) for _, text in tail):
        return body, []
    return body[: found + 1], [Removed(number, text, "after the signature") for number, text in tail]
