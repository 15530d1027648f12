"""The reference tables are the schema's, and the JSON Schema editors get accepts and refuses what check does."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from site_gen.commands.schema_docs import json_schema, reference_table, with_current_tables
from site_gen.notice.frontmatter import split
from tests.cli_support import site_gen

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", ["README.md", "docs/fields.md"])
def test_reference_tables_are_current(name):
    text = (REPO / name).read_text(encoding="utf-8")
    assert "<!-- fields:" in text
    assert with_current_tables(text) == text, "run: python -m site_gen.commands.schema_docs"


def test_tables_name_every_field_with_its_chinese_label():
    table = (REPO / "docs" / "fields.md").read_text(encoding="utf-8")
    for row in (
        "| `contact.phones` | 电话 |",
        "| `inspection.feedback` | 反馈日期 |",
        "| `status_keys` | 状态行标签 |",
    ):
        assert row in table
    assert reference_table(()).count("\n") == 1  # header and rule only


def front_matter(path: Path) -> dict:
    front, problems = split(path.read_text(encoding="utf-8"), path.name)
    assert front is not None and problems == []
    return front.data


def test_the_json_schema_is_valid_and_accepts_every_sample_notice():
    schema = json_schema("notice")
    jsonschema.Draft202012Validator.check_schema(schema)
    for path in sorted((REPO / "content").rglob("*.md")):
        jsonschema.validate(front_matter(path), schema)


@pytest.mark.parametrize(
    "bad",
    [
        {"group": {"a": "b"}},
        {"lang": "fr"},
        {"draft": "yes"},
        {"titel": "x"},
        {"inspection": {"grp": "x"}},
        {"attachments": [{"title": "no path"}]},
    ],
)
def test_the_json_schema_refuses_what_check_refuses(bad):
    data = {"title": "t", "organization": "o", "date": "2025-04-02"}
    if "group" in bad:
        data["inspection"] = bad
    else:
        data |= bad
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema("notice"))


def test_site_yaml_schema_accepts_the_sample_site():
    import yaml

    data = yaml.safe_load((REPO / "site.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(data, json_schema("site"))


def test_cli_prints_the_schema():
    result = site_gen("schema", cwd=REPO)
    assert result.returncode == 0 and json.loads(result.stdout) == json_schema("notice")
    result = site_gen("schema", "site")
    assert json.loads(result.stdout)["properties"]["language"]["enum"] == ["zh", "en"]
