"""Type-check site_gen/ with mypy, as issue #14 asks: the whole package, the engine and the model strictly.

The settings are in pyproject.toml ([tool.mypy]); mypy is pinned in the test extras, so a missing
checker is a failure here, never a skip.
"""

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # mypy over the package, twice: the developer's loop runs `mypy` when it wants it

REPO = Path(__file__).resolve().parents[1]

# The engine and the model: checked with the per-module flags of `--strict`.
STRICT = [
    "engine/site",
    "engine/state",
    "engine/outputs",
    "base/addresses",
    "commands/build",
    "engine/staging",
    "notice/summary",
    "notice/model",
    "engine/cache",
    "engine/lock",
]
UNTYPED = "\n\ndef untyped_helper(value):\n    return value\n"


def mypy(*arguments: str) -> subprocess.CompletedProcess:
    """mypy of this interpreter, so it sees the installed libraries' types (jinja2, markupsafe, yaml stubs)."""
    if importlib.util.find_spec("mypy") is None:
        pytest.fail("mypy is not installed: run `bash tests/install.sh`")
    command = [sys.executable, "-m", "mypy", *arguments]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True)


def test_site_gen_type_checks():
    result = mypy()
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_engine_and_the_model_are_checked_strictly(tmp_path):
    """An unannotated function is an error in each engine and model module, and allowed elsewhere (cli.py).

    Guards the configuration: mypy's `strict = true` in a per-module section turns strictness on for
    every module, so pyproject.toml spells the flags out; a typo in a module name would silently drop one.
    """
    shadows = []
    for name in [*STRICT, "commands/cli"]:
        source = REPO / "site_gen" / f"{name}.py"
        shadow = tmp_path / f"{name.replace('/', '-')}.py"
        shadow.write_text(source.read_text(encoding="utf-8") + UNTYPED, encoding="utf-8")
        shadows += ["--shadow-file", str(source), str(shadow)]
    result = mypy(*shadows, "--cache-dir", str(tmp_path / "cache"))
    flagged = set(
        re.findall(
            r"^site_gen/(\w+/\w+)\.py:\d+: error: Function is missing .*\[no-untyped-def\]$", result.stdout, re.M
        )
    )
    assert flagged == set(STRICT), result.stdout + result.stderr
