"""The organisations registry in site.yaml: every name leads to one organisation, mistakes are located errors."""

from __future__ import annotations

from site_gen.notice.config import load_config
from site_gen.notice.organizations import name_key

REGISTRY = """\
base_url: https://e.cn/
contact:
  phones: [0635-1111111]
  address: 示例县人民路 1 号
organizations:
  - name: 中共示例县委
    short: 县委
    slug: xianwei
  - name: 中共示例县水务局党组
    short: 县水务局
    aliases: [水务局党组, 水务局]
    slug: shuiwu
    parent: 县委
    contact:
      emails: [shuiwu@example.cn]
"""


def config_of(tmp_path, text: str):
    (tmp_path / "site.yaml").write_text(text, encoding="utf-8")
    return load_config(tmp_path)


def located(problems) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in problems]


def test_every_name_leads_to_the_full_name(tmp_path):
    config, problems = config_of(tmp_path, REGISTRY)
    assert problems == []
    registry = config.organizations
    for written in ("中共示例县水务局党组", "县水务局", "水务局党组", "水务局", " 水务局 ", "县 水务局"):
        assert registry.full_name(written) == "中共示例县水务局党组", written
    assert registry.full_name("县税务局") == "县税务局"  # not registered: kept as written
    assert registry.find("县税务局") is None


def test_full_width_brackets_and_letters_are_the_same_name():
    assert name_key("中共某某县委（办公室）") == name_key("中共某某县委(办公室)")
    assert name_key("ＡＢ局") == name_key("AB局")


def test_contact_is_the_organisations_then_the_sites_part_by_part(tmp_path):
    config, _ = config_of(tmp_path, REGISTRY)
    water = config.organizations.find("水务局")
    assert water.contact.emails == ("shuiwu@example.cn",)
    assert water.contact.phones == ("0635-1111111",) and water.contact.address == "示例县人民路 1 号"  # the site's
    assert config.organizations.find("县委").contact == config.contact


def test_parent_is_resolved_to_its_full_name_and_lists_its_units(tmp_path):
    config, _ = config_of(tmp_path, REGISTRY)
    registry = config.organizations
    assert registry.find("水务局").parent == "中共示例县委"
    assert [unit.name for unit in registry.units("中共示例县委")] == ["中共示例县水务局党组"]
    assert registry.units("中共示例县水务局党组") == ()


def test_a_name_given_to_two_organisations_is_an_error_at_its_line(tmp_path):
    text = REGISTRY + "  - name: 中共示例县水利局党组\n    aliases: [水利局, 水务局]\n"
    config, problems = config_of(tmp_path, text)
    assert located(problems) == [(17, "organization-name-taken")]
    assert dict(problems[0].params)["other"] == "中共示例县水务局党组"
    assert config.organizations.full_name("水利局") == "中共示例县水利局党组"  # its other names still lead to it
    assert config.organizations.full_name("水务局") == "中共示例县水务局党组"  # the name taken stays the first's
    _, problems = config_of(tmp_path, REGISTRY + "  - name: 中共示例县委\n")
    assert located(problems) == [(16, "organization-name-taken")]


def test_a_slug_must_be_ascii_unique_and_not_reserved(tmp_path):
    _, problems = config_of(tmp_path, REGISTRY + "  - name: 甲局\n    slug: 甲局\n  - name: 乙局\n    slug: index\n")
    assert located(problems) == [(17, "organization-slug-invalid"), (19, "organization-slug-invalid")]
    _, problems = config_of(tmp_path, REGISTRY + "  - name: 丙局\n    slug: shuiwu\n")
    assert located(problems) == [(17, "organization-slug-taken")]


def test_an_unknown_parent_is_an_error_with_did_you_mean(tmp_path):
    _, problems = config_of(tmp_path, REGISTRY.replace("parent: 县委", "parent: 县委员会"))
    assert located(problems) == [(13, "organization-parent-unknown")]
    assert dict(problems[0].params)["suggestion"] == "中共示例县委"


def test_a_parent_loop_is_an_error(tmp_path):
    text = REGISTRY.replace("    slug: xianwei\n", "    slug: xianwei\n    parent: 水务局\n")
    _, problems = config_of(tmp_path, text)
    assert sorted(located(problems)) == [(6, "organization-parent-loop"), (10, "organization-parent-loop")]


def test_an_entry_without_a_name_and_an_unknown_key_are_located(tmp_path):
    _, problems = config_of(tmp_path, REGISTRY + "  - short: 某局\n  - name: 丁局\n    shrot: 丁\n")
    assert located(problems) == [(16, "organization-no-name"), (18, "unknown-setting")]
    assert "organizations.3.short" in problems[1].hint  # did you mean (the fourth entry)


def test_a_bad_phone_in_a_registry_contact_is_located(tmp_path):
    _, problems = config_of(tmp_path, REGISTRY.replace("emails: [shuiwu@example.cn]", "phones: [12, 0635-2222222]"))
    assert located(problems) == [(15, "phone-invalid")]


def test_without_a_registry_nothing_changes(tmp_path):
    config, problems = config_of(tmp_path, "base_url: https://e.cn/\n")
    assert problems == [] and not config.organizations
    assert config.organizations.full_name("任何单位") == "任何单位"
    assert config.organizations.unknown_name("content/x.md", 3, "任何单位") is None
