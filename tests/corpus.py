"""A seeded corpus of realistic notices in site-gen's own syntax, for tests and benchmarks.

    python -m tests.corpus OUT_DIR --notices 1000 [--seed 1] [--kb 21] [--series 3]

Each notice: front-matter with inspection and contact, an opening paragraph, 6 sections x 3 issues, every status
(and some unstated), sub-problems in some issues, Chinese measures text padded to about --kb kilobytes.
With --series N, every N successive notices are one series (series: front-matter, the first one's organisation,
issue titles numbered so that each matches the same issue in the others): the random draws, so the rest of
each notice, are the same as without it.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

ORGS = [
    "司法局",
    "水务局",
    "教育局",
    "卫生健康委员会",
    "市场监管局",
    "财政局",
    "自然资源局",
    "住建局",
    "农业农村局",
    "文旅局",
]
COUNTIES = ["临江区", "清河县", "北山区", "南湖区", "东坪县", "西岭县", "云溪区", "长宁县"]
STATUSES = [
    "整改完成",
    "整改完成并长期坚持",
    "视同完成，持续整改",
    "阶段性完成并需长期坚持",
    "正在整改",
    "尚未开始",
    None,
]
NUMERALS = "一二三四五六七八九十"
PHRASES = [
    "建立健全工作台账",
    "逐项明确责任人和完成时限",
    "开展专项督查",
    "完善制度机制",
    "强化日常监督",
    "组织专题学习",
    "召开专题会议研究部署",
    "深入基层走访调研",
    "规范审批流程",
    "加强培训指导",
    "落实主体责任",
    "推动问题动态清零",
    "形成长效机制",
    "定期通报整改进度",
    "严格考核问责",
]


def sentence(rng: random.Random) -> str:
    parts = rng.sample(PHRASES, 3)
    return f"{parts[0]}，{parts[1]}，{parts[2]}，共涉及{rng.randint(2, 90)}个单位{rng.randint(1, 400)}项具体事项。"


def paragraph(rng: random.Random, sentences: int) -> str:
    return "".join(sentence(rng) for _ in range(sentences))


def notice(rng: random.Random, index: int, kb: int) -> str:
    county, org = rng.choice(COUNTIES), rng.choice(ORGS)
    year = rng.choice([2023, 2024, 2025])
    lines = [
        "---",
        f"title: 中共{county}{org}党组关于巡察整改进展情况的通报（第{index}号）",
        f"organization: 中共{county}{org}党组",
        f"date: {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        f"summary: {county}{org}巡察整改进展，共 18 项问题。",
        f"tags: [{county}, {year}年巡察]",
        "inspection:",
        f"  group: {county}委第{NUMERALS[rng.randint(0, 4)]}巡察组",
        f"  round: 十二届{county}委第{NUMERALS[rng.randint(0, 5)]}轮巡察",
        f"  from: {year - 1}-03-01",
        f"  to: {year - 1}-05-01",
        f"  feedback: {year - 1}-06-01",
        "contact:",
        f"  phones: [0571-{rng.randint(1000000, 9999999)}]",
        f"  emails: [xczg{index}@example.cn]",
        "---",
        "",
        paragraph(rng, 3),
        "",
    ]
    per_issue_sentences = max(1, (kb * 1024 - 2500) // (18 * 125))  # a sentence is about 125 bytes
    for section in range(6):
        lines += [f"## ({NUMERALS[section]}){rng.choice(PHRASES)}方面", ""]
        for issue in range(1, 4):
            number = section * 3 + issue
            lines += [f"### {number}. 关于{rng.choice(PHRASES)}不到位的问题"]
            if rng.random() < 0.15:
                lines.append("")
                for k in range(2):
                    status = rng.choice(STATUSES[:-1])
                    lines += [
                        f"#### {NUMERALS[k]}是{rng.choice(PHRASES)}",
                        f"整改进度：{status}",
                        "",
                        paragraph(rng, per_issue_sentences // 2),
                        "",
                    ]
                continue
            status = rng.choice(STATUSES)
            if status:
                lines.append(f"整改进度：{status}")
            lines += ["", paragraph(rng, per_issue_sentences), ""]
    return "\n".join(lines)


def in_series(text: str, index: int, size: int, first_organization: str) -> str:
    """A notice made one of a series: its series line, its series' organisation, issue titles that match."""
    text = text.replace("\ninspection:", f"\nseries: 基准系列{index // size}\ninspection:", 1)
    text = re.sub(r"(?m)^organization: .*$", f"organization: {first_organization}", text, count=1)
    return re.sub(r"(?m)^### (\d+)\. .*$", r"### \1. 关于第\1项整改事项落实不到位的问题", text)


def generate(out: Path, count: int, seed: int = 1, kb: int = 21, series: int = 0) -> None:
    rng = random.Random(seed)
    (out / "content").mkdir(parents=True, exist_ok=True)
    (out / "site.yaml").write_text(
        "title: 基准测试站点\nbase_url: https://bench.example.cn/\ncontact:\n  phones: [0571-1234567]\n",
        encoding="utf-8",
    )
    for index in range(count):
        folder = out / "content" / f"{index // 500:03d}"
        folder.mkdir(exist_ok=True)
        text = notice(rng, index, kb)
        if series:
            if index % series == 0:
                first = re.search(r"(?m)^organization: (.*)$", text).group(1)  # type: ignore[union-attr]
            text = in_series(text, index, series, first)
        (folder / f"notice-{index:05d}.md").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--notices", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kb", type=int, default=21)
    parser.add_argument("--series", type=int, default=0, help="every N successive notices are one series")
    args = parser.parse_args()
    generate(args.out, args.notices, args.seed, args.kb, args.series)


if __name__ == "__main__":
    main()
