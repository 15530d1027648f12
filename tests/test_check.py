"""`site-gen check`: every mistake a clerk can make, located and explained, all reported at once.

Each fixture in tests/fixtures/broken/ holds one mistake; the expected line was counted by hand.
"""

from __future__ import annotations

import shutil
import subprocess
import tracemalloc
from pathlib import Path

import pytest

from site_gen.commands.build import load_site
from tests.cli_support import site_gen

BROKEN = Path(__file__).parent / "fixtures" / "broken"
DEFAULT_CONTACT = "base_url: https://example.cn/\ncontact:\n  emails: [site@example.cn]\n"

# fixture -> (severity, line or None, words the message must contain)
EXPECTED = {
    "no-front-matter.md": ("error", 1, "does not start with front-matter"),
    "unclosed.md": ("error", 1, "front-matter is not closed"),
    "missing-organization.md": ("error", 1, "organization is missing"),
    "impossible-date.md": ("error", 4, "date is not a valid date"),
    "dates-out-of-order.md": ("error", 9, "inspection.to (2024-03-01) is before inspection.from (2024-06-01)"),
    "unknown-key.md": ("warning", 7, 'unknown field "titel"'),
    "unknown-status.md": ("error", 12, 'unknown status "完成得差不多"'),
    "two-status-lines.md": ("error", 16, "a second status line"),
    "duplicate-ids.md": ("error", 14, 'issue id "s1-1" is used twice'),
    "empty-section.md": ("warning", 9, 'section "(一)空的方面" is empty'),
    "bad-contact.md": ("error", 6, '"打电话给我们" does not look like a phone number'),
    "prose-count.md": ("warning", 1, 'the text says "3项具体问题" but 2 issues are listed'),
    "attachment-escape.md": ("error", 8, 'attachment "../../../etc/passwd" is outside the notice\'s folder'),
    "slug-escape.md": ("error", 7, 'slug "../../outside"'),
    "gbk.md": ("error", None, "looks like GBK/GB18030"),
    "binary.md": ("error", 1, "not a text file"),
    "empty.md": ("error", 1, "the file is empty"),
    "remote-image.md": ("warning", 12, "the image https://photos.example.net/xunshan.jpg is on another host"),
}


def site_with(tmp_path: Path, *names: str, site_yaml: str = DEFAULT_CONTACT) -> Path:
    (tmp_path / "content").mkdir(parents=True, exist_ok=True)
    (tmp_path / "site.yaml").write_text(site_yaml, encoding="utf-8")
    for name in names:
        shutil.copy(BROKEN / name, tmp_path / "content" / name)
    return tmp_path


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_mistake_is_located(tmp_path, name):
    severity, line, words = EXPECTED[name]
    diagnostics = load_site(site_with(tmp_path, name)).diagnostics
    matching = [d for d in diagnostics if words in d.message]
    assert matching, [d.format() for d in diagnostics]
    (diagnostic,) = matching
    assert diagnostic.path == f"content/{name}"
    assert diagnostic.severity == severity
    if line is not None:
        assert diagnostic.line == line
    assert diagnostic.hint  # every message says what to do


def test_yaml_error_carries_yamls_own_line(tmp_path):
    (diagnostic,) = load_site(site_with(tmp_path, "yaml-syntax.md")).diagnostics
    assert "not valid YAML" in diagnostic.message and diagnostic.line in (2, 3, 4)


def test_unknown_key_suggests_the_right_one(tmp_path):
    (diagnostic,) = load_site(site_with(tmp_path, "unknown-key.md")).diagnostics
    assert diagnostic.hint == "did you mean title?"


def test_bad_email_is_reported_too(tmp_path):
    messages = [d.message for d in load_site(site_with(tmp_path, "bad-contact.md")).diagnostics]
    assert '"jubao.example.cn" does not look like an e-mail address' in messages


def test_links_that_lead_nowhere_and_script_links(tmp_path):
    diagnostics = load_site(site_with(tmp_path, "bad-links.md")).diagnostics
    messages = {d.message: d.line for d in diagnostics}
    assert messages == {
        'link to "files/missing.pdf" points to nothing published': 12,
        'link to "#i2" points nowhere in this notice': 12,
        "a javascript: link is not allowed and was removed": 12,
    }


def test_no_contact_anywhere_is_an_error(tmp_path):
    diagnostics = load_site(
        site_with(tmp_path, "no-contact.md", site_yaml="base_url: https://example.cn/\n")
    ).diagnostics
    assert [d.message for d in diagnostics] == ["the notice gives the public no way to reach the publisher"]


def test_bom_and_crlf_are_accepted_silently(tmp_path):
    load = load_site(site_with(tmp_path, "bom-crlf.md"))
    assert load.diagnostics == []
    assert load.notices[0].title == "带BOM和CRLF的文件"


def test_gbk_is_read_when_the_site_says_so(tmp_path):
    load = load_site(site_with(tmp_path, "gbk.md", site_yaml=DEFAULT_CONTACT + "encoding: gb18030\n"))
    assert load.diagnostics == []
    assert load.notices[0].title == "GBK编码的文件"


def test_gbk_message_says_how_to_convert(tmp_path):
    (diagnostic,) = load_site(site_with(tmp_path, "gbk.md")).diagnostics
    assert "iconv -f GB18030 -t UTF-8" in diagnostic.hint and "encoding: gb18030" in diagnostic.hint


def test_huge_file_is_refused_without_reading_it(tmp_path):
    site = site_with(tmp_path)
    with open(site / "content" / "huge.md", "wb") as handle:
        handle.write(b"---\ntitle: x\n---\n")
        handle.truncate(30_000_000)  # 30 MB by its size, on disk as a hole: refused by its size alone
    tracemalloc.start()
    diagnostics = load_site(site).diagnostics
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert ["is probably not one" in d.message for d in diagnostics] == [True]
    assert peak < 5_000_000  # the 30 MB file was never read into memory


def test_symlink_out_of_content_is_not_read(tmp_path):
    outside = tmp_path / "secret.md"
    outside.write_text("---\ntitle: secret\n---\n", encoding="utf-8")
    site = site_with(tmp_path / "site")
    (site / "content" / "link.md").symlink_to(outside)
    (diagnostic,) = load_site(site).diagnostics
    assert "outside content/" in diagnostic.message


def test_whole_folder_reported_together(tmp_path):
    site = site_with(tmp_path, *EXPECTED)
    result = site_gen("check", "--site", str(site))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for name in EXPECTED:  # every broken file is named in the one report
        assert f"content/{name}:" in result.stderr
    assert "content/unknown-status.md:12:" in result.stderr
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.endswith(f"涉及 {len(EXPECTED)} 个文件") and "个错误" in summary  # a Chinese site's words


def run_check(site: Path, *args: str) -> subprocess.CompletedProcess:
    return site_gen("check", "--site", str(site), *args)


def test_exit_status_clean_warnings_strict_and_usage(tmp_path):
    clean = site_with(tmp_path / "clean", "bom-crlf.md")
    assert run_check(clean).returncode == 0
    warned = site_with(tmp_path / "warned", "unknown-key.md")
    assert run_check(warned).returncode == 0
    assert run_check(warned, "--strict").returncode == 1
    assert run_check(clean, "--no-such-option").returncode == 2


# --- issue #15: each of these passed `check` (or was reported wrongly) before ---------------------------------------


def codes_at(site: Path) -> set[tuple[str, int, str]]:
    """(file name, line, code) of every diagnostic."""
    return {(Path(d.path).name, d.line, d.code) for d in load_site(site).diagnostics}


def test_alias_bomb_is_refused_at_its_line(tmp_path):
    assert codes_at(site_with(tmp_path, "alias-bomb.md")) == {("alias-bomb.md", 5, "yaml-aliases")}


def test_duplicate_key_is_an_error_not_last_wins(tmp_path):
    assert ("duplicate-key.md", 5, "yaml-duplicate-key") in codes_at(site_with(tmp_path, "duplicate-key.md"))


def test_wrong_types_are_errors_never_stringified(tmp_path):
    found = codes_at(site_with(tmp_path, "wrong-types.md"))
    assert found == {
        ("wrong-types.md", 5, "field-choice"),  # lang: fr
        ("wrong-types.md", 7, "field-text"),  # inspection.group: {a: b}
        ("wrong-types.md", 8, "field-text"),  # inspection.round: [1, 2]
        ("wrong-types.md", 10, "field-text"),  # contact.address: a list
        ("wrong-types.md", 11, "field-text"),  # contact.invitation: a mapping
    }


def test_control_characters_in_fields_are_located_errors(tmp_path):
    diagnostics = load_site(site_with(tmp_path, "control-in-field.md")).diagnostics
    assert {(d.line, d.code, dict(d.params)["char"]) for d in diagnostics} == {
        (2, "field-control-character", "U+000B"),
        (5, "field-control-character", "U+0000"),
    }


def test_a_nul_after_the_first_8_kb_is_refused_like_one_before(tmp_path):
    site = site_with(tmp_path, "bom-crlf.md")
    source = (site / "content" / "bom-crlf.md").read_bytes()
    (site / "content" / "late-nul.md").write_bytes(source + b"x" * 9000 + b"\x00\n")
    assert [(d.path, d.code) for d in load_site(site).diagnostics] == [("content/late-nul.md", "file-binary")]


def test_a_control_character_in_the_body_is_located(tmp_path):
    site = site_with(tmp_path, "bom-crlf.md")
    text = (BROKEN / "link-lines.md").read_text(encoding="utf-8").replace("段落第一行", "段落\x0c第一行")
    (site / "content" / "ff.md").write_text(text, encoding="utf-8")
    (diagnostic,) = [d for d in load_site(site).diagnostics if d.path == "content/ff.md"]
    assert (diagnostic.line, diagnostic.column, diagnostic.code) == (10, 3, "file-control-character")


def test_phone_error_is_reported_once(tmp_path):
    yaml = "base_url: https://e.cn/\ncontact:\n  phones: {a: b}\n  emails: [a@e.cn]\n"
    diagnostics = load_site(site_with(tmp_path, site_yaml=yaml)).diagnostics
    assert [(d.path, d.line, d.code) for d in diagnostics] == [("site.yaml", 3, "field-list")]


def test_character_reference_javascript_link_is_an_error_at_its_line(tmp_path):
    assert codes_at(site_with(tmp_path, "script-entity.md")) == {("script-entity.md", 11, "link-script")}


def test_link_errors_point_at_the_links_own_line(tmp_path):
    assert codes_at(site_with(tmp_path, "link-lines.md")) == {
        ("link-lines.md", 11, "link-anchor"),
        ("link-lines.md", 12, "link-unpublished"),
    }


def test_attachment_errors_point_at_the_attachment(tmp_path):
    assert ("attachment-escape.md", 8, "attachment-outside") in codes_at(site_with(tmp_path, "attachment-escape.md"))


def test_a_front_matter_error_does_not_hide_link_and_attachment_errors(tmp_path):
    assert codes_at(site_with(tmp_path, "front-error-and-links.md")) == {
        ("front-error-and-links.md", 4, "field-date"),
        ("front-error-and-links.md", 6, "attachment-missing"),
        ("front-error-and-links.md", 12, "link-anchor"),
    }


@pytest.mark.parametrize("name", ["long-slug.md", "deep-slug.md"])
def test_a_slug_no_file_system_can_hold_is_a_check_error(tmp_path, name):
    assert codes_at(site_with(tmp_path, name)) == {(name, 5, "slug-too-long")}


def test_an_attachment_that_is_an_address_is_refused_even_when_such_a_file_exists(tmp_path):
    site = site_with(tmp_path, "attachment-scheme.md")
    (site / "content" / "files").mkdir()
    (site / "content" / "files" / "ok.pdf").write_bytes(b"%PDF-1.4\n")
    (site / "content" / "javascript:alert(document.domain)").write_text("x", encoding="utf-8")
    assert codes_at(site) == {("attachment-scheme.md", 7, "attachment-scheme")}
    result = run_check(site)
    assert result.returncode == 1 and "content/attachment-scheme.md:7:1:" in result.stderr


def test_a_notice_file_cannot_be_attached(tmp_path):
    site = site_with(tmp_path, "attachment-draft.md")
    draft = "---\ntitle: 草稿\norganization: 测试局党组\ndate: 2025-04-02\ndraft: true\n---\n"
    (site / "content" / "draft-notice.md").write_text(draft, encoding="utf-8")
    assert ("attachment-draft.md", 6, "attachment-notice") in codes_at(site)


def test_json_report_one_object_per_problem_in_the_sites_language(tmp_path):
    import json

    site = site_with(tmp_path, "bad-contact.md", "unknown-key.md")
    result = run_check(site, "--format", "json")
    assert result.returncode == 1 and result.stderr == ""
    problems = json.loads(result.stdout)
    assert problems[0] == {
        "file": "content/bad-contact.md",
        "line": 6,
        "column": 1,
        "severity": "error",
        "code": "phone-invalid",
        "message": "“打电话给我们”不像电话号码",
        "hint": "请写数字，可带区号，例如 0635-8419109",
    }
    assert [(p["file"], p["code"]) for p in problems[1:]] == [
        ("content/bad-contact.md", "email-invalid"),
        ("content/unknown-key.md", "unknown-field"),
    ]
    clean = run_check(site_with(tmp_path / "clean", "bom-crlf.md"), "--format", "json")
    assert clean.returncode == 0 and json.loads(clean.stdout) == []


def test_an_organisation_the_registry_lacks_and_a_registry_mistake_are_reported_together(tmp_path):
    import json

    site = tmp_path / "site"
    shutil.copytree(Path(__file__).parent / "fixtures" / "registry", site)
    notice = site / "content" / "2025" / "司法局.md"
    notice.write_text(
        notice.read_text(encoding="utf-8").replace("organization: 县司法局", "organization: 县司法局党委"),
        encoding="utf-8",
    )
    yaml_path = site / "site.yaml"
    yaml_path.write_text(yaml_path.read_text(encoding="utf-8").replace("aliases: 司法局", "aliases: 水务局"), "utf-8")
    result = run_check(site, "--format", "json")
    found = {(p["file"], p["line"], p["severity"], p["code"]): p for p in json.loads(result.stdout)}
    assert result.returncode == 1 and set(found) == {
        ("site.yaml", 21, "error", "organization-name-taken"),  # aliases: 水务局, a name of another
        ("content/2025/司法局.md", 3, "warning", "organization-unknown"),
    }
    unknown = found[("content/2025/司法局.md", 3, "warning", "organization-unknown")]
    assert "县司法局党委" in unknown["message"] and unknown["hint"] == "是不是要写 中共示例县司法局党组？"


def test_radical_forms_pasted_from_a_pdf_are_located_warnings(tmp_path):
    site = site_with(tmp_path, "bom-crlf.md")
    text = (BROKEN / "link-lines.md").read_text(encoding="utf-8").replace("段落第一行", "段落⽉第⼀行⻘")
    (site / "content" / "kangxi.md").write_text(text, encoding="utf-8")
    found = [d for d in load_site(site).diagnostics if d.path == "content/kangxi.md" and d.code == "text-lookalike"]
    (diagnostic,) = found  # one per line: the first form on it
    assert (diagnostic.line, diagnostic.column) == (10, 3)
    assert diagnostic.severity.name == "WARNING"
    assert dict(diagnostic.params) == {"char": "⽉", "code": "U+2F49", "plain": "月"}


def test_check_renders_no_card_of_the_theme_but_a_sites_own_card_to_find_its_mistakes(site, monkeypatch):
    """check shows no page: with the theme's templates it renders none. A site's own card template is rendered,
    as the build would: an undefined name in it is located by check, not first by a build."""
    import jinja2

    rendered = []
    original = jinja2.Template.render

    def rendering(self, *args, **kwargs):
        rendered.append(self.name)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Template, "render", rendering)
    load = load_site(site)
    assert not [d for d in load.diagnostics if d.severity == "error"] and len(load.notices) >= 5
    assert rendered == []
    (site / "templates").mkdir()
    theme = Path(__file__).resolve().parents[1] / "templates" / "_notice_card.html"
    text = theme.read_text(encoding="utf-8").replace("{{ notice.title }}", "{{ notice.titel }}", 1)
    (site / "templates" / "_notice_card.html").write_text(text, encoding="utf-8")
    line = text[: text.index("notice.titel")].count("\n") + 1
    found = run_check(site)
    assert found.returncode == 1 and "Traceback" not in found.stderr
    assert f"templates/_notice_card.html:{line}" in found.stdout + found.stderr
