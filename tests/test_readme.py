"""The README is true: its annotated notice reads as documented, its Quick start is two commands, and the
commands of "Start your own site" run as written in an empty folder."""

import re
import shlex
import subprocess
import sys
from pathlib import Path

from site_gen.notice.config import SiteConfig, load_config
from site_gen.notice.model import Status
from site_gen.notice.reader import parse_notice

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


def code_block(section: str, language: str = "sh") -> str:
    text = README.read_text(encoding="utf-8")
    return text.split(f"## {section}\n", 1)[1].split(f"```{language}\n", 1)[1].split("\n```", 1)[0]


def commands(block: str) -> list[list[str]]:
    """Each line of a shell block without its # comment, split as the shell would."""
    return [shlex.split(line, comments=True) for line in block.splitlines() if line.split("#", 1)[0].strip()]


def test_quick_start_is_exactly_two_commands_in_a_virtual_environment():
    """A stock Debian or Ubuntu Python refuses pip install outside a virtual environment (PEP 668): both commands
    make or use .venv, and nothing is installed with the system's pip."""
    first, second = code_block("Quick start").splitlines()
    assert shlex.split(first, comments=True) == [
        *["python3", "-m", "venv", ".venv", "&&", ".venv/bin/pip", "install", "-e", "."],
        *["&&", ".venv/bin/site-gen", "build"],
    ]
    assert shlex.split(second, comments=True) == ["bash", "tests/install.sh", "&&", ".venv/bin/python", "-m", "pytest"]


def test_ci_runs_exactly_the_readmes_test_command():
    test_command = code_block("Quick start").splitlines()[1].split("#", 1)[0].strip()
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert ci[-1] == test_command


def test_install_script_makes_and_uses_the_virtual_environment():
    script = (README.parent / "tests" / "install.sh").read_text(encoding="utf-8")
    assert "[ -x .venv/bin/python ] || python3 -m venv .venv" in script
    assert '.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"' in script
    assert "\npython -m pip" not in script and "apt-get install" in script  # still installs apt packages as root
    assert subprocess.run(["bash", "-n", str(README.parent / "tests" / "install.sh")]).returncode == 0


def test_start_your_own_site_runs_as_documented(tmp_path):
    documented = commands(code_block("Start your own site"))
    assert [command[:3] for command in documented] == [
        ["site-gen", "new", "site"],
        ["site-gen", "new", "notice"],
        ["site-gen", "check", "--site"],
        ["site-gen", "build", "--site"],
    ]
    outputs = []
    for command in documented:
        run = subprocess.run(
            [sys.executable, "-m", "site_gen", *command[1:]], cwd=tmp_path, capture_output=True, text=True
        )
        assert run.returncode == 0, (command, run.stdout, run.stderr)
        assert "Traceback" not in run.stderr
        outputs.append(run.stdout)
    site = tmp_path / "mysite"
    notice = Path(outputs[1].strip())
    assert (tmp_path / notice).is_file() and notice.parts[:2] == ("mysite", "content")
    assert "organization: 中共某某局党组" in (tmp_path / notice).read_text(encoding="utf-8")
    assert (site / "content" / "example.md").is_file() and (site / "templates").is_dir()
    home = (site / "output" / "index.html").read_text(encoding="utf-8")
    assert "暂无已发布的通报" in home  # both notices are drafts until the clerk says otherwise


def test_the_organisations_example_reads_as_documented(tmp_path):
    (tmp_path / "site.yaml").write_text(code_block("Organisations", "yaml") + "\n", encoding="utf-8")
    config, problems = load_config(tmp_path)
    assert [d.code for d in problems] == ["base-url-missing"]
    registry = config.organizations
    assert registry.full_name("司法局党组") == registry.full_name("区司法局") == "中共临江区司法局党组"
    justice = registry.find("临江区司法局")
    assert (
        justice.parent == "中共临江区委" and justice.slug == "sifaju" and justice.contact.phones == ("0571-8800 2345",)
    )
