"""`site-gen new notice [PATH]`: a notice skeleton to fill in, written once and opened nowhere.

The skeleton is marked draft: true, so a half-filled notice is never published by accident (Hugo's archetypes
do the same). Its status lines say 正在整改 / In progress: a valid wording that claims nothing is finished. Its
per-issue lines (整改时限：, 责任单位：) are left empty: an empty line states nothing and passes check, so no
deadline or unit is claimed before the clerk writes one.
"""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path, PurePosixPath

from ..base.layout import CONTENT
from ..notice.config import SiteConfig
from ..notice.organizations import Organization

SKELETON = {
    "zh": """\
---
title: {title}
organization: {organization}
date: {date}
draft: true          # 草稿：写完、核对无误后改成 false（或删掉这一行）才会发布
summary:             # 一两句话摘要，显示在首页列表和搜索结果里，例如：反馈的 5 项问题中 3 项已完成整改。
tags: []             # 标签，例如：[农业农村, 2025年巡察]
{series}inspection:          # 巡察的基本情况，不知道的可以空着
  group:             # 巡察组，例如：县委第一巡察组
  round:             # 巡察轮次，例如：十五届县委第二轮巡察
  from:              # 进驻日期，例如：2025-03-03
  to:                # 结束日期
  feedback:          # 反馈巡察意见的日期
{contact}---

（开头：何时、哪个巡察组对本单位开展巡察，何时反馈意见；整改工作的总体情况。）

## （一）……方面

### 1. 关于……的问题
整改进度：正在整改
整改时限：
责任单位：
责任人：
完成时间：

（整改措施和成效。状态行写法：整改完成、完成并长期坚持、视同完成、阶段性完成、正在整改、尚未开始。
整改时限写法：2025年6月底、6月底、2025-06-30、2025年底、长期坚持；完成时间写销号的日期；不填的行空着或删掉。）

### 2. 关于……的问题
整改进度：正在整改
整改时限：
责任单位：

（整改措施和成效。）

## 下一步工作

（今后的打算。）
""",
    "en": """\
---
title: {title}
organization: {organization}
date: {date}
draft: true          # not published until you set this to false (or delete the line)
summary:             # one or two sentences for lists and search results, e.g. Three of the five problems are fixed.
tags: []             # e.g. [agriculture, 2025 inspection]
{series}inspection:          # about the inspection; leave empty what you do not know
  group:             # who inspected, e.g. First inspection group
  round:             # which round
  from:              # when it started, e.g. 2025-03-03
  to:                # when it ended
  feedback:          # when the findings were handed back
{contact}lang: en
---

(Opening: who inspected, when, and when the findings were handed back; the overall progress.)

## (1) …

### 1. …
Status: In progress
Deadline:
Responsible unit:
Responsible person:
Completed on:

(What was done and what came of it. Status wordings: Completed, Completed, kept up long-term, Deemed completed,
Completed for this phase, In progress, Not started. Deadline: 2025-06-30, 2025.6 or Long-term; Completed on: the day
the item was closed. Leave a line empty or delete it when it does not apply.)

### 2. …
Status: In progress
Deadline:
Responsible unit:

(What was done.)

## Next steps

(What comes next.)
""",
}
CONTACT = {
    "zh": {
        True: "# contact:           # 不写则用单位名录或 site.yaml 里的联系方式；本通报另有时删掉 # 填写\n"
        "#   phones: [0000-1234567]\n#   emails: [xczg@example.gov.cn]\n#   address: 某某路 1 号\n",
        False: "contact:             # site.yaml 里没有默认联系方式：至少填一项\n"
        "  phones: []          # 例如：[0000-1234567]\n  emails: []          # 例如：[xczg@example.gov.cn]\n"
        "  address:            # 例如：某某路 1 号某某办公室\n",
    },
    "en": {
        True: "# contact:           # default: its organisation's or the site's; remove the # to give this notice its own\n"
        "#   phones: [+1 555 0100]\n#   emails: [progress@example.org]\n#   address: 1 Example Street\n",
        False: "contact:             # site.yaml has no default contact: fill in at least one\n"
        "  phones: []          # e.g. [+1 555 0100]\n  emails: []          # e.g. [progress@example.org]\n"
        "  address:            # e.g. 1 Example Street, Example Town\n",
    },
}
SERIES = {
    "zh": {
        "given": "series: {value}\n",
        "none": "# series:           # 同一单位同一轮巡察的历次通报写同一个名称，例如：十二届区委第二轮巡察·区市场监管局\n",
        "known": "# series:           # 本轮巡察的后续通报：删掉 # 并写上与前次通报相同的名称。本站已有：{names}\n",
    },
    "en": {
        "given": "series: {value}\n",
        "none": "# series:           # the same name in every notice of one inspection round, e.g. Round 2 · Market bureau\n",
        "known": "# series:           # a later notice of an inspection round: remove the # and give its name; "
        "this site has: {names}\n",
    },
}
PLACEHOLDER = {
    "zh": ("中共某某局党组", "{org}关于巡察整改进展情况的通报"),
    "en": ("Example organisation", "Progress report of {org} on the inspection's findings"),
}


def skeleton(
    config: SiteConfig,
    day: dt.date,
    title: str = "",
    organization: str = "",
    registered: Organization | None = None,
    series: str = "",
    known_series: tuple[str, ...] = (),
) -> str:
    """The text of a new notice; empty title and organisation become placeholders to replace. Its series line
    names the one given, else offers the series the site already has (commented out).

    The contact block is commented out when the notice inherits a reachable contact (its registered
    organisation's, else the site's), and left to fill when it would have none."""
    language = config.language
    default_org, title_pattern = PLACEHOLDER[language]
    organization = organization or default_org
    return SKELETON[language].format(
        title=_yaml_text(title or title_pattern.format(org=organization)),
        organization=_yaml_text(organization),
        date=day.isoformat(),
        contact=CONTACT[language][(registered.contact if registered else config.contact).is_reachable],
        series=series_line(language, series, known_series),
    )


def series_line(language: str, series: str, known: tuple[str, ...]) -> str:
    words = SERIES[language]
    if series:
        return words["given"].format(value=_yaml_text(series))
    return words["known"].format(names="；".join(known)) if known else words["none"]


def _yaml_text(value: str) -> str:
    """A one-line YAML string, quoted only when plain text would be read as something else."""
    needs_quotes = value[:1] in "!&*[]{}#|>@`\"'%,-?:" or ": " in value or " #" in value or value != value.strip()
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"' if needs_quotes else value


def default_path(config: SiteConfig, day: dt.date) -> Path:
    """content/<year>/notice-<date>.md, or -2, -3 … when that name is taken: ASCII, so any host keeps the address."""
    folder = config.content_dir / str(day.year)
    stem = f"notice-{day.isoformat()}"
    candidate = folder / f"{stem}.md"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}.md"
        number += 1
    return candidate


def given_path(config: SiteConfig, typed: str) -> Path:
    """PATH as typed: relative to content/ (a leading content/ is accepted too), .md added when missing."""
    relative = PurePosixPath(typed.replace("\\", "/"))
    if relative.parts and relative.parts[0] == CONTENT:
        relative = PurePosixPath(*relative.parts[1:])
    if relative.suffix != ".md":
        relative = relative.with_name(relative.name + ".md")
    return config.content_dir / Path(*relative.parts)


def path_problem(config: SiteConfig, path: Path) -> str:
    """Why a notice cannot be written at path (English; the command words it per language), or ""."""
    if not path.resolve().is_relative_to(config.content_dir.resolve()):
        return "outside"
    if path.exists():
        return "exists"
    return ""


def closest(name: str, known: list[str]) -> list[str]:
    """Known organisations that look like a misspelling of name (did-you-mean)."""
    return difflib.get_close_matches(name, known, n=3, cutoff=0.6)
