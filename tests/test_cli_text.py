"""The command line speaks the site's language: every line from the coded table, no English prose on a Chinese site."""

from __future__ import annotations

import ast
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from site_gen.base import import_text
from site_gen.base.cli_text import ARGPARSE_CHINESE, CHINESE, ENGLISH, OWN_CODES, Listed, locale_language, note, say
from site_gen.base.messages import blanks
from site_gen.commands.cli import main, site_folder
from site_gen.notice.model import Status
from site_gen.notice.schema import NOTICE_FIELDS, SITE_FIELDS, field_names
from tests.cli_support import site_gen

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"

# What a Chinese line may spell in Latin letters: what the clerk types (commands, options, field names, file
# names, addresses) and names of formats and programs; the machine-readable "file:line: error:" label editors
# parse. Everything else in ASCII letters is English prose that escaped the tables.
TYPED = {
    "site", "gen", "build", "check", "serve", "import", "new", "notice", "schema", "json", "text", "yaml", "md",
    "html", "txt", "docx", "pdf", "markdown", "word", "gb18030", "gb", "utf", "ctrl", "http", "https", "localhost",
    "draft", "true", "false", "base_url", "lang", "zh", "en", "error", "warning", "dir", "py", "id", "url",
    "content", "output", "templates", "preview", "org", "mysite", "srv", "www", "xczg", "tab",
    "summary", "notices", "assets", "cache", "h", "d", "s", "o", "p", "q", "v", "gitignore",
    "excel", "wps", "csv", "mb",  # the programs a ledger comes from, a format and a unit
    "file", "line", "column", "severity", "code", "message", "hint",  # the JSON keys of check --format json
} | {part.lower() for name in field_names(NOTICE_FIELDS) + field_names(SITE_FIELDS) for part in name.split(".")} | {
    status.value for status in Status  # the canonical names, as site.yaml's statuses: spells them
}  # fmt: skip
PATHS = re.compile(
    r"(?:[\w.+-]+@[\w.-]+|[\w.+-]*/[\w./+-]*|[\w-]*\.(?:md|yaml|json|html|txt|docx|pdf|py|xlsx|xls|ods|csv)\b|--?[\w-]+|https?://\S+)"
)


def english_words(text: str) -> set[str]:
    """ASCII words in text once paths, options, file names and addresses are taken out."""
    return {word.lower() for word in re.findall(r"[A-Za-z][A-Za-z_]*", PATHS.sub(" ", text))} - TYPED


def test_both_tables_have_the_same_codes_and_blanks():
    assert set(ENGLISH) == set(CHINESE)
    for code in ENGLISH:
        assert blanks(CHINESE[code]) == blanks(ENGLISH[code]), code


def test_the_import_section_adds_codes_and_replaces_none():
    assert not OWN_CODES & (set(import_text.ENGLISH) | set(import_text.CHINESE))
    assert set(import_text.ENGLISH) <= set(ENGLISH) and set(import_text.CHINESE) <= set(CHINESE)


# --- every code site_gen/ says is in both tables with the blanks it fills, computed from the code -------------

# who says a code, and where its code is: say(code, language, ...), words = partial(say, ...), note(code, ...),
# SourceError(path, code, ...)
SPEAKERS = {"say": 0, "words": 0, "note": 0, "Note": 0, "SourceError": 1}
TABLE_NAMES = {"ENGLISH", "CHINESE"}


def modules() -> dict[str, ast.Module]:
    return {
        str(path.relative_to(REPO)): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted((REPO / "site_gen").rglob("*.py"))
        if path.name != "import_text.py"  # a table, not a speaker
    }


def said_codes(tree: ast.Module) -> list[tuple[ast.Call, ast.expr]]:
    """Each call of a speaker with the expression(s) its code may be: both sides of a conditional."""
    found = []
    for call in ast.walk(tree):
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)):
            continue
        if call.func.id in SPEAKERS and len(call.args) > SPEAKERS[call.func.id]:
            code = call.args[SPEAKERS[call.func.id]]
            found += [(call, side) for side in ((code.body, code.orelse) if isinstance(code, ast.IfExp) else (code,))]
    return found


def pattern_of(template: ast.JoinedStr) -> re.Pattern[str]:
    """f"phase-{phase}" as the codes it can be: phase-reading, phase-pages, …"""
    parts = [re.escape(p.value) if isinstance(p, ast.Constant) else "[a-z0-9-]+" for p in template.values]
    return re.compile("".join(parts))


def strings_outside_tables(tree: ast.Module) -> set[str]:
    """Every string constant of a module but the words of its tables (a code named anywhere counts as used)."""
    tables = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign | ast.AnnAssign)
        and any(
            isinstance(t, ast.Name) and t.id in TABLE_NAMES
            for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
        )
    ]
    inside = {id(node) for table in tables if table is not None for node in ast.walk(table)}
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in inside
    }


def code_problems(trees: dict[str, ast.Module], english: dict[str, str], chinese: dict[str, str]) -> list[str]:
    """What is wrong between the code and the tables: a code said but missing from a table, a call that leaves a
    blank unfilled (a KeyError in front of the clerk), a code no line of site_gen/ says any more."""
    problems, patterns, named = [], [], set()
    for module, tree in trees.items():
        named |= strings_outside_tables(tree)
        for call, code in said_codes(tree):
            where = f"{module}:{call.lineno}"
            if isinstance(code, ast.JoinedStr):
                patterns.append(pattern_of(code))
                if not any(patterns[-1].fullmatch(known) for known in english):
                    problems.append(f"{where}: no code is like {ast.unparse(code)}")
            elif isinstance(code, ast.Constant) and isinstance(code.value, str):
                if code.value not in english or code.value not in chinese:
                    problems.append(f"{where}: {code.value} is not in both tables")
                    continue
                given = {keyword.arg for keyword in call.keywords}
                if None not in given:  # no **values: what the call gives is all it gives
                    for language, table in (("en", english), ("zh", chinese)):
                        if missing := blanks(table[code.value]) - given:
                            problems.append(f"{where}: {code.value} ({language}) needs {sorted(missing)}")
    for code in english:
        if code not in named and not any(pattern.fullmatch(code) for pattern in patterns):
            problems.append(f"{code}: said nowhere in site_gen/")
    return problems


def test_every_code_said_is_in_both_tables_with_its_blanks_and_every_code_is_said():
    trees = modules()
    assert sum(len(said_codes(tree)) for tree in trees.values()) > 150  # the scan sees the calls
    assert code_problems(trees, ENGLISH, CHINESE) == []


def test_the_code_scan_fails_on_a_missing_code_an_unfilled_blank_and_a_dead_code():
    tree = ast.parse(
        'words("import-title-made", title=t)\n'
        'note("import-audit-merged", count=1, listing=a, answers=b)\n'
        'say("no-such-code", language)\n'
        'words(f"phase-{x}")\nwords(f"nothing-{x}")\n'
    )
    english = {k: ENGLISH[k] for k in ("import-title-made", "import-audit-merged", "phase-reading", "report-none")}
    chinese = dict(english) | {"import-title-made": CHINESE["import-title-made"]}
    del chinese["import-audit-merged"]
    assert code_problems({"m.py": tree}, english, chinese) == [
        "m.py:2: import-audit-merged is not in both tables",
        "m.py:3: no-such-code is not in both tables",
        "m.py:5: no code is like f'nothing-{x}'",
        "report-none: said nowhere in site_gen/",
    ]
    chinese["import-audit-merged"] = english["import-audit-merged"]
    assert code_problems({"m.py": tree}, english, chinese)[0] == "m.py:2: import-audit-merged (en) needs ['how']"


def test_every_speaker_is_one_the_scan_knows():
    """A new alias of say (w = partial(say, ...)) would hide its codes from the scan."""
    aliases = {
        target.id
        for tree in modules().values()
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Call)
        and ast.unparse(node.value.func) == "partial"
        and node.value.args
        and ast.unparse(node.value.args[0]) == "say"
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    assert aliases and aliases <= set(SPEAKERS), aliases


def test_a_note_is_worded_when_shown_and_its_values_in_the_same_language():
    merged = note(
        "import-audit-merged", count=3, listing="一、问题", answers="二、整改", how=note("import-audit-by-number")
    )
    assert (
        merged.in_language("zh")
        == "审计整改报告：“一、问题”列出的 3 个问题与“二、整改”中的整改情况按编号一一对应，已合并为 3 个问题"
    )
    assert merged.in_language("en").endswith(
        "were matched with the rectifications in “二、整改” by number into 3 issues"
    )
    assert str(merged) == f"{merged.in_language('zh')} ({merged.in_language('en')})"
    listed = Listed(("“一、”", note("import-decision-opening")))
    assert (listed.in_language("zh"), listed.in_language("en")) == ("“一、”、开头", "“一、”, the opening")


@pytest.mark.parametrize("code", sorted(CHINESE))
def test_the_chinese_table_has_no_english_prose(code):
    assert english_words(re.sub(r"\{[a-z_]+\}", "", CHINESE[code])) == set(), code


def test_the_scan_catches_an_english_line():
    assert english_words("built 3 notice(s) into output/") == {"built", "into"}
    assert english_words("已检查 3 份通报：没有错误  content/2025/a.md:1:1: error:") == set()


def test_argparse_words_are_translated():
    assert all(
        english_words(re.sub(r"%(?:\(\w+\))?[sr]", "", chinese)) == set() for chinese in ARGPARSE_CHINESE.values()
    )


def test_the_locale_decides_when_there_is_no_site():
    assert locale_language({"LANG": "zh_CN.UTF-8"}) == "zh"
    assert locale_language({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}) == "en"
    assert locale_language({}) == "en"


def test_english_on_an_english_site():
    assert say("checked", "en", count=2) == "checked 2 notice(s): no errors"
    assert say("checked", "zh", count=2) == "已检查 2 份通报：没有错误"


# --- the commands, run on a Chinese site --------------------------------------------------------------------


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    environment = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": ""}  # the site's language decides, not the locale
    return site_gen(*args, cwd=cwd, env=environment)


@pytest.fixture
def chinese_site(tmp_path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(REPO / "content", site / "content")
    shutil.copy(REPO / "site.yaml", site / "site.yaml")
    return site


HELPS = [[], ["build"], ["check"], ["schema"], ["serve"], ["import"], ["new"], ["new", "site"], ["new", "notice"]]


@pytest.mark.parametrize("command", HELPS, ids=lambda c: " ".join(c) or "site-gen")
def test_help_of_every_command_is_chinese(chinese_site, command):
    result = run(*command, "--help", cwd=chinese_site)
    assert result.returncode == 0 and "用法：site-gen" in result.stdout
    assert english_words(result.stdout) == set(), result.stdout


def test_a_usage_error_is_chinese(chinese_site):
    result = run("build", "--port", "1", cwd=chinese_site)
    assert result.returncode == 2 and "site-gen：错误：无法识别的参数：--port 1" in result.stderr


def test_build_and_check_print_no_english(chinese_site):
    (chinese_site / "content" / "2025" / "draft.md").write_text(
        "---\ntitle: 草稿通报\norganization: 中共临江区委\ndate: 2025-05-01\ndraft: true\n---\n\n### 1. 关于甲的问题\n"
        "整改进度：整改完成\n",
        encoding="utf-8",
    )
    built = run("build", "-v", cwd=chinese_site / "content" / "2025")  # found upwards from a sub-folder
    assert built.returncode == 0, built.stderr
    assert re.search(r"\d 份草稿没有发布（draft: true；build -D 可一并生成）：.*content/2025/draft\.md", built.stdout)
    assert "正在生成通报页面：" in built.stderr  # -v: a line per phase, though not on a terminal
    checked = run("check", cwd=chinese_site)
    assert checked.returncode == 0 and checked.stdout.startswith("已检查 ")
    for output in (built.stdout, built.stderr, checked.stdout, checked.stderr):
        assert english_words(output) == set(), output
    failed = run("check", "-s", str(chinese_site / "nope"), cwd=chinese_site)
    assert failed.returncode == 1 and english_words(failed.stderr) == set(), failed.stderr


def test_the_preview_starts_in_chinese(chinese_site):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": ""}
    process = subprocess.Popen(
        [sys.executable, "-m", "site_gen", "serve", "-p", str(port)],
        cwd=chinese_site,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )
    try:
        first = process.stdout.readline()
    finally:
        process.terminate()
        _, errors = process.communicate(timeout=30)
    assert first.startswith("正在预览 ") and f"http://127.0.0.1:{port}/" in first and "按 Ctrl-C 停止" in first
    assert english_words(first + errors) == set(), first + errors


def test_the_site_is_found_upwards_and_site_yaml_is_accepted(tmp_path):
    (tmp_path / "site.yaml").write_text("title: 站\n", encoding="utf-8")
    inner = tmp_path / "content" / "2025"
    inner.mkdir(parents=True)
    assert site_folder(None, inner) == tmp_path.resolve()
    assert site_folder(None, tmp_path) == Path(".")
    assert site_folder(tmp_path / "site.yaml") == tmp_path
    assert site_folder(None, Path("/")) == Path(".")


def test_check_fails_on_a_file_given_as_the_site(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    assert main(["check", "--site", str(tmp_path / "notes.txt")]) == 1
    assert main(["check", "--site", str(tmp_path / "nope")]) == 1
    assert "site-missing" not in capsys.readouterr().err  # worded, not coded


def test_the_import_report_and_summary_are_chinese_on_a_chinese_site(chinese_site, tmp_path):
    sources = tmp_path / "old"
    sources.mkdir()
    for name in ("status_blocks.txt", "no_status_subs.txt"):
        shutil.copy(FIXTURES / "import" / name, sources / name)
    result = run("import", "--dry-run", str(sources), cwd=chinese_site)
    assert result.returncode == 0, result.stderr
    assert "导入汇总：" in result.stdout and "共 2 个文件：2 个已导入，0 个未导入" in result.stdout
    assert "  注意: 问题编号从 3 跳到 6，中间的编号原文没有，未补" in result.stdout  # the notes too, from the table
    assert english_words(result.stdout) == set(), result.stdout
