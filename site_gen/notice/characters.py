"""Characters that look like ideographs but are other code points, and the ideographs they stand for.

A PDF printed by Chromium with the Noto CJK fonts has a text layer in Kangxi radicals (⽉ U+2F49 for
月, ⼀ U+2F00 for 一) and CJK radical forms (⻘ U+2ED8 for 青), because the font maps those glyphs to
the radical code points. On screen they look right; to a program they are other characters:
``一、`` is not a heading, ``12⽉1⽇`` is not a date, and search for the unit's name finds nothing.
Pasted text can carry them too, and compatibility ideographs (U+F900–U+FAFF) and half-width CJK
punctuation (｡ ､ ｢ ｣) likewise. NFKC maps the Kangxi block and the compatibility ideographs; the CJK
Radicals Supplement has no decomposition for most of its code points, so a table maps those that stand
for a character a notice writes (Unicode's EquivalentUnifiedIdeograph.txt). Full-width letters, digits
and punctuation (１．（一）：) are left as they are: the notice grammar reads them, and clerks type them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

# CJK Radicals Supplement -> the unified ideograph each stands for (EquivalentUnifiedIdeograph.txt).
RADICALS_SUPPLEMENT = dict(
    zip(
        map(chr, [
            0x2E81, 0x2E83, 0x2E85, 0x2E86, 0x2E89, 0x2E8A, 0x2E8C, 0x2E8D, 0x2E8E, 0x2E90, 0x2E92, 0x2E93,
            0x2E95, 0x2E96, 0x2E98, 0x2E99, 0x2E9B, 0x2E9C, 0x2E9D, 0x2E9F, 0x2EA0, 0x2EA1, 0x2EA2, 0x2EA3,
            0x2EA4, 0x2EA6, 0x2EA7, 0x2EA8, 0x2EA9, 0x2EAA, 0x2EAB, 0x2EAC, 0x2EAD, 0x2EAE, 0x2EAF, 0x2EB0,
            0x2EB2, 0x2EB6, 0x2EB7, 0x2EB9, 0x2EBA, 0x2EBC, 0x2EBD, 0x2EBE, 0x2EC1, 0x2EC2, 0x2EC3, 0x2EC4,
            0x2EC5, 0x2EC6, 0x2EC8, 0x2EC9, 0x2ECB, 0x2ECC, 0x2ECF, 0x2ED0, 0x2ED1, 0x2ED3, 0x2ED4, 0x2ED6,
            0x2ED7, 0x2ED8, 0x2ED9, 0x2EDA, 0x2EDB, 0x2EDC, 0x2EDD, 0x2EDF, 0x2EE0, 0x2EE2, 0x2EE3, 0x2EE4,
            0x2EE5, 0x2EE6, 0x2EE7, 0x2EE8, 0x2EE9, 0x2EEA, 0x2EEC, 0x2EEE, 0x2EF0, 0x2EF3,
        ]),
        "厂乚亻冂刂卜小小兀尢巳幺彐忄扌攵旡日月母民氵氺灬爫丬牛犭王疋罒示礻竹糸纟罒羊羊耂肀肉臼艹虎衤覀西"
        "见角讠贝车辶阝钅長长门阝雨青韦页风飞食飠饣马骨鬼鱼鸟卤麦黄黾齐齿龙龟",
        strict=True,
    )
)  # fmt: skip
HALF_WIDTH_PUNCTUATION = {"｡": "。", "｢": "「", "｣": "」", "､": "、", "･": "・"}
LOOKALIKE = re.compile(
    "[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff\uff61-\uff65\U0002f800-\U0002fa1f]"
)  # radicals, Kangxi radicals, compatibility ideographs, half-width CJK punctuation


def plain(char: str) -> str:
    """The character a look-alike stands for; the character itself when it stands for nothing else."""
    if char in RADICALS_SUPPLEMENT:
        return RADICALS_SUPPLEMENT[char]
    if char in HALF_WIDTH_PUNCTUATION:
        return HALF_WIDTH_PUNCTUATION[char]
    if LOOKALIKE.fullmatch(char):
        return unicodedata.normalize("NFKC", char)
    return char


def normalise(text: str) -> str:
    """The text with every look-alike replaced by the ideograph or punctuation it stands for."""
    if not LOOKALIKE.search(text):  # the usual case: one scan, no copy
        return text
    return LOOKALIKE.sub(lambda match: plain(match.group()), text)


def lookalikes(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(line, column, character, what it stands for) of the first look-alike on each line that has one."""
    for number, line in enumerate(text.split("\n"), start=1):
        for match in LOOKALIKE.finditer(line):
            if plain(match.group()) != match.group():
                yield number, match.start() + 1, match.group(), plain(match.group())
                break
