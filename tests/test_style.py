"""Lint and format, as the style guide asks, so CI keeps them clean."""

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]])
def test_ruff(command):
    ruff = shutil.which("ruff")
    if not ruff:
        pytest.fail("ruff is not installed: run `bash tests/install.sh`")
    result = subprocess.run([ruff, *command, "site_gen", "tests", "bench"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
