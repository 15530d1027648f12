"""Paths and small builders shared by the tests/test_importer_*.py files.

The seeds are the real documents in ../shared/seeds beside the repository (they must stay outside it);
expected values in the tests were written by hand from reading them (see ../shared/DOMAIN.md). A test
that reads them is marked @needs_seeds: on a plain clone it is skipped with the reason, and with CI=true
it fails instead (tests/conftest.py). The fixtures in tests/fixtures/import/ are the project's own and
cover every importer behaviour without the seeds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from site_gen.config import SiteConfig, load_config

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
FIXTURES = Path(__file__).parent / "fixtures" / "import"
SEED_000 = SEEDS / "000_53f53e53fdb15b08.txt"
SEED_001 = SEEDS / "001_2289b50be2cd3afc.txt"
SEED_002 = SEEDS / "002_69c4dd6300acab87.txt"
ALL_SEEDS = [SEED_000, SEED_001, SEED_002]
needs_seeds = pytest.mark.seeds  # see tests/conftest.py: skipped without ../shared/seeds, required when CI=true


def seed_param(seed: Path):
    """A seed as one case of a parametrized test, skipped (or required) like a @needs_seeds test."""
    return pytest.param(seed, marks=needs_seeds, id=seed.name[:3])


def site_config() -> SiteConfig:
    """The sample site's configuration (status vocabulary, language)."""
    return load_config(REPO)[0]


def body(*lines: str) -> list[tuple[int, str]]:
    """Lines numbered from 1, as the recognisers receive them after the chrome is removed."""
    return list(enumerate(lines, start=1))


def docx_of(lines: list[str], path: Path) -> Path:
    """A Word file with one paragraph per line, as a clerk's draft would be."""
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def html_of(lines: list[str], path: Path) -> Path:
    """A saved government page: head with a script, breadcrumb, the article in <p>, an ICP footer."""
    paragraphs = "".join(f"<p>{line}</p>\n" for line in lines if line.strip())
    page = (
        "<!DOCTYPE html><html><head><title>x</title><script>var a = '<p>not text</p>';</script></head><body>"
        "<nav>您当前所在位置：首页 &gt; 通知公告</nav>"
        f"<div class='article'>{paragraphs}</div>"
        "<footer><p>ICP备案号：示ICP备0000号 公网安备 0000号</p></footer></body></html>"
    )
    path.write_text(page, encoding="utf-8")
    return path
