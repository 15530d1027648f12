"""Website chrome around a notice: recognised, removed from the notice, and listed in the report."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sources import LINK, TABLE

# Whole lines that belong to the website, not to the notice.
CHROME = [
    ("breadcrumb", re.compile(r"^(您(当前)?所在(的)?位置|当前位置|所在位置)[:：]?")),
    ("breadcrumb", re.compile(r"^首页\s*(?:$|[>＞»›/→]|-+>)")),  # 首页 > 政务公开 > …, 首页->…, a lone 首页
    # 政务公开 > 巡察整改 > 正文, 首页->…: segments cannot hold a separator, so a line splits one way (no backtracking)
    ("breadcrumb", re.compile(r"^[^。，,；;>＞»›→]{1,20}(?:[>＞»›→][^。，,；;>＞»›→]{1,20}){2,}$")),
    ("font size", re.compile(r"^(字号|字体)\s*[:：]?\s*(大\s*中\s*小)?\s*$")),
    ("font size", re.compile(r"^[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小\s*[】\]]?$")),
    ("QR code", re.compile(r"(扫码|扫一扫|扫描二维码).{0,20}(浏览|阅读|分享|打开)")),
    (
        "site footer",
        re.compile(
            r"(ICP备|ICP证|公网安备|网站标识码|网站标识[:：]|主办单位[:：].*承办|技术支持|版权所有|Copyright|©)"
        ),
    ),
    ("site footer", re.compile(r"^(主办单位|主办|承办单位|承办|协办单位|协办|运维单位)\s*[:：]")),
    ("site footer", re.compile(r"^(?!.*(监督|举报|意见|来信|反映))(网站)?地址\s*[:：].{0,60}邮\s*编")),  # the portal's
    ("page counter", re.compile(r"^(访问量|浏览量|浏览次数|点击(总量|数|量|率)|阅读(量|数|次数))\s*[:：]")),
    ("related", re.compile(r"^(相关稿件|相关链接|相关阅读|打印本页|关闭窗口|【打印】|【关闭】)")),
    ("publication line", re.compile(r"^(发布时间|发布日期|日期|时间|来源|信息来源|作者|文章来源)\s*[:：]")),
    ("share", re.compile(r"^(分享到|分享)[:：]?\s*$")),
]
TOOLBAR_WORDS = re.compile(
    r"关怀版|无障碍(?:浏览|阅读|模式)?|长者(?:模式|版)|适老化?(?:模式|版)?|字号|字体|色调调节|色调|朗读|语音播报|"
    r"分享到|分享|打印本页|打印|关闭窗口|关闭|收藏本页|收藏|加入收藏|微信|微博|QQ空间|默认|繁体|简体|[大中小]"
)
TOOLBAR_LEFTOVER = re.compile(r"[\s【】\[\]()（）|｜/:：,，、·•\-]*")
REVIEWER = re.compile(r"^[-*·•\s]*([一二三四]审)\s*[:：]\s*(\S.*)$")
ATTACHMENT = re.compile(r"^附件\s*\d*\s*[:：]\s*(\S.*)$")
LINK_TEXT = re.compile(f"{LINK}[^{LINK}]*{LINK}")
SEPARATORS = re.compile(r"^[\s|｜>＞»/·•\-—:：,，、]*$")
GLUED_FONT_SIZE = re.compile(r"^(大\s*中\s*小)(?=\S)")


def toolbar(line: str) -> str | None:
    """关怀版 无障碍 字号 [大] [中] [小] 打印 关闭: a line made only of the page's tool words."""
    if len(line) > 60:
        return None
    named = [word for word in TOOLBAR_WORDS.findall(line) if len(word) >= 2]
    return "toolbar" if named and TOOLBAR_LEFTOVER.fullmatch(TOOLBAR_WORDS.sub("", line)) else None


@dataclass(frozen=True)
class Removed:
    line: int  # 1-based line in the source
    text: str
    kind: str
    whole: bool = True  # False: chrome glued to a sentence; the rest of the line stays in the notice
    kept: str = ""  # what of a partly removed line stays in the notice
    page: int = 0  # the PDF page of a page header, footer or number


def strip_chrome(lines: list[str]) -> tuple[list[tuple[int, str]], list[Removed], list[str], list[str]]:
    """Body lines (with their source line numbers), removed chrome, reviewers and attachment references."""
    body: list[tuple[int, str]] = []
    removed: list[Removed] = []
    reviewers: list[str] = []
    attachments: list[str] = []
    for number, raw in enumerate(lines, start=1):
        links_only = LINK in raw and bool(SEPARATORS.match(LINK_TEXT.sub("", raw)))
        line = raw.replace(LINK, "").strip().lstrip("\ufeff")
        if not line:
            continue
        if line.startswith(TABLE):  # a table of the notice (a 整改台账): kept whole, where it stands
            body.append((number, line))
            continue
        if links_only and not ATTACHMENT.match(line):  # a web page's navigation: menus, 上一篇, related links
            removed.append(Removed(number, line, "links"))
            continue
        glued = GLUED_FONT_SIZE.match(line)
        if glued:  # "大 中 小2023年,…": the page's size switcher glued to the first sentence
            line = line[glued.end() :].strip()
            removed.append(Removed(number, glued.group(1), "font size", whole=False, kept=line))
        kind = next((name for name, pattern in CHROME if pattern.search(line)), None) or toolbar(line)
        reviewer = REVIEWER.match(line)
        attachment = ATTACHMENT.match(line)
        if kind:
            removed.append(Removed(number, line, kind))
        elif reviewer:
            reviewers.append(f"{reviewer.group(1)}：{reviewer.group(2).strip()}")
            removed.append(Removed(number, line, "reviewer"))
        elif attachment:
            attachments.append(attachment.group(1))
            body.append((number, line))
        else:
            body.append((number, line))
    return body, removed, reviewers, attachments
