"""notices.json and each notice's record: documented key by key on the 数据说明 page, readable Chinese, stable bytes."""

from __future__ import annotations

import json
import re

from site_gen.commands.build import build_site
from site_gen.pages.open_data import DATA_FIELDS, documented, example_record, field_rows, plain_text


def key_tree(value) -> dict:
    """Every key path the data uses, lists merged item by item."""
    if isinstance(value, list):
        merged: dict = {}
        for item in value:
            for key, inner in key_tree(item).items():
                merged[key] = merge(merged.get(key, {}), inner)
        return merged
    if isinstance(value, dict):
        return {key: key_tree(inner) for key, inner in value.items()}
    return {}


def merge(a: dict, b: dict) -> dict:
    return {key: merge(a.get(key, {}), b.get(key, {})) for key in a.keys() | b.keys()}


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_every_key_of_notices_json_is_documented_and_every_documented_key_is_there(built_site):
    data = key_tree(load(built_site / "notices.json"))
    data["notices"]["progress"]["counts"] = {}  # its keys are the status names, documented as such
    assert data == documented(DATA_FIELDS, detail=False)


def test_a_notices_record_is_its_entry_plus_the_measures_as_html(built_site):
    record = load(built_site / "notices" / "2025" / "linjiang-sifaju.json")
    other = load(built_site / "notices" / "2024" / "linjiang-jiaoyuju.json")  # the sample with a disclosure block
    tree = merge(key_tree([record]), key_tree([other]))
    tree["progress"]["counts"] = {}
    (notices,) = [f for f in DATA_FIELDS if f.name == "notices"]
    assert tree == documented(notices.fields, detail=True)
    (entry,) = [n for n in load(built_site / "notices.json")["notices"] if n["slug"] == "2025/linjiang-sifaju"]
    issue = record["sections"][0]["issues"][0]
    assert issue["measures"] == entry["sections"][0]["issues"][0]["measures"]
    assert issue["measures"].startswith("一是制定《“法律明白人”进村入户三年计划》") and "<" not in issue["measures"]
    assert issue["measures_html"].startswith("<p>一是制定")
    assert "measures_html" not in json.dumps(entry)


def test_the_top_carries_the_schema_version_and_the_licence(built_site):
    data = load(built_site / "notices.json")
    assert list(data)[:4] == ["generator", "schema_version", "license", "documentation"]
    assert data["schema_version"] == 3 and data["license"] == "CC-BY-4.0"
    assert data["documentation"] == "https://xczg.linjiang.example.cn/data.html"


def test_the_licence_comes_from_site_yaml(site, tmp_path):
    path = site / "site.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "license: 署名使用，注明来源\n", encoding="utf-8")
    assert build_site(site, tmp_path / "out", search=False).ok
    assert load(tmp_path / "out" / "notices.json")["license"] == "署名使用，注明来源"
    page = (tmp_path / "out" / "data.html").read_text(encoding="utf-8")
    assert "数据许可：署名使用，注明来源。" in page


def test_attachments_give_title_address_size_and_type(built_site):
    record = load(built_site / "notices" / "2025" / "linjiang-sifaju.json")
    (attached,) = record["attachments"]
    file = built_site / attached["url"]
    assert attached == {
        "title": "巡察整改满意度测评表",
        "url": attached["url"],
        "size": file.stat().st_size,
        "type": "PDF",
    }
    assert file.is_file()


def test_chinese_is_written_as_it_is_and_the_bytes_do_not_change(built_site, tmp_path):
    from tests.conftest import REPO

    raw = (built_site / "notices.json").read_bytes()
    assert "云溪市临江区巡察整改公开".encode() in raw and b"\\u" not in raw
    assert build_site(REPO, tmp_path / "again", search=False).ok
    assert (tmp_path / "again" / "notices.json").read_bytes() == raw
    record = "notices/2025/linjiang-sifaju.json"
    assert (tmp_path / "again" / record).read_bytes() == (built_site / record).read_bytes()


def test_plain_text_keeps_one_line_per_block_and_decodes_entities():
    markup = "<p>一是<strong>建立</strong>台账&amp;清单。</p>\n<ul>\n<li>甲</li>\n<li>乙</li>\n</ul>\n<p>a<br>b</p>"
    assert plain_text(markup) == "一是建立台账&清单。\n甲\n乙\na\nb"


def test_the_data_page_lists_every_field_with_its_type_and_an_example_of_the_real_shape(built_site):
    page = (built_site / "data.html").read_text(encoding="utf-8")
    for path, kind, meaning, _ in field_rows("zh"):
        assert f"<code>{path}</code>" in page and f"<code>{kind}</code>" in page and meaning in page
    assert "notices[].sections[].issues[].measures" in page and "数据许可：CC-BY-4.0" in page
    example = json.loads(example_record("zh"))
    (notices,) = [f for f in DATA_FIELDS if f.name == "notices"]
    tree = key_tree([example])
    tree["progress"]["counts"] = {}
    assert tree == documented(notices.fields, detail=False)  # the example has exactly the data's keys


def test_the_data_page_is_linked_from_every_footer_the_dashboard_and_each_notice(built_site):
    for page in ("index.html", "dashboard.html", "notices/2025/linjiang-sifaju.html", "organizations/quwei.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        assert re.search(r'<footer.*href="(\.\./)*data\.html">数据说明</a>', html, re.S), page
    dashboard = (built_site / "dashboard.html").read_text(encoding="utf-8")
    assert '<p class="data-links"><a href="notices.json">' in dashboard
    notice = (built_site / "notices" / "2025" / "linjiang-sifaju.html").read_text(encoding="utf-8")
    assert '<a href="../../notices/2025/linjiang-sifaju.json">本通报数据（JSON）</a>' in notice
