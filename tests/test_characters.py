"""site_gen/notice/characters.py: radical and compatibility forms that look like ideographs, mapped to them."""

from __future__ import annotations

from site_gen.notice.characters import lookalikes, normalise


def test_kangxi_and_supplement_radicals_become_the_ideographs_they_show():
    # as Chromium's PDF text layer gives them with the Noto CJK fonts
    assert normalise("⼀、（⼀）关于⻘年⼲部培养不⾜的问题") == "一、（一）关于青年干部培养不足的问题"
    assert normalise("示例市⽔务局 2025年12⽉1⽇") == "示例市水务局 2025年12月1日"
    assert normalise("⻔⻋⻢⻥⻓⻛⻜⻚") == "门车马鱼长风飞页"


def test_compatibility_ideographs_and_half_width_punctuation():
    assert normalise("\uf9b4\uf900") == "\u9818\u8c48"  # 領 豈 compatibility forms -> unified
    assert normalise("整改完成｡一是､二是") == "整改完成。一是、二是"


def test_plain_text_and_full_width_forms_the_grammar_reads_are_kept():
    text = "（一）１．整改进度：整改完成，ＡＢＣ　１２３"
    assert normalise(text) is text
    assert normalise("﨑") == "﨑"  # a unified ideograph in the compatibility block: nothing else to map to


def test_lookalikes_are_located_once_per_line():
    assert list(lookalikes("一行\n第⼀行⽉\n\n⻘")) == [(2, 2, "⼀", "一"), (4, 1, "⻘", "青")]
