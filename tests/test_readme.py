"""The README's annotated notice is real: with the annotations removed it reads as documented."""

import re
from pathlib import Path

from site_gen.config import SiteConfig
from site_gen.model import Status
from site_gen.reader import parse_notice

README = Path(__file__).resolve().parents[1] / "README.md"


def readme_example() -> str:
    text = README.read_text(encoding="utf-8")
    block = text.split("## Writing a notice", 1)[1].split("```markdown\n", 1)[1].split("\n```", 1)[0]
    return re.sub(r"\s+←.*$", "", block, flags=re.MULTILINE)


def test_readme_example_reads_as_documented():
    notice, problems = parse_notice(readme_example(), "content/example.md", SiteConfig(root=README.parent), "x")
    assert not [p for p in problems if p.severity == "error"], problems
    assert notice.organization == "中共临江区司法局党组"
    assert notice.slug == "2025/sifaju"
    assert notice.inspection.feedback.isoformat() == "2024-12-10"
    assert notice.contact.other == ("区委巡察办信箱：临江区滨江路 18 号",)
    assert [(i.id, i.status) for i in notice.issues] == [("s1-1", Status.DONE), ("s1-5", Status.IN_PROGRESS)]
    assert [s.id for s in notice.issues[1].sub_problems] == ["s1-5-1", "s1-5-2"]
    assert notice.sections[-1].title == "下一步工作" and not notice.sections[-1].issues
