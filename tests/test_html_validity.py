"""Every generated page passes the W3C Nu HTML Checker (vnu.jar), run once over all files."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import html_pages

pytestmark = pytest.mark.slow  # the developer's loop leaves it out: -m "not slow and not browser"

VNU = Path(__file__).parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_is_valid_html(built_site):
    java = shutil.which("java")
    if not java or not VNU.is_file():
        pytest.fail("Java and vnu.jar are needed: run `bash tests/install.sh`")
    pages = [str(built_site / p) for p in html_pages(built_site)]
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--exit-zero-always", *pages],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]
    assert errors == []
    assert len(pages) >= 6
