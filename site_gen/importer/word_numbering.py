"""Word's automatic numbering (numbering.xml) rendered as Word shows it: "1." "一、" "（一）" and the level.

Most clerks number problems with Word's numbered lists (the List Number style, or the numbering
button): the number is not in the paragraph's text but in numbering.xml, applied through the
paragraph's own w:numPr or its style's. Word counts each list across the document, a paragraph
at one level restarting the levels below it, and writes the number with the level's w:lvlText
("%1." "（%1）" "%1、") in its w:numFmt (decimal, chineseCounting, …). This module does the same
for the formats notices use; a bullet or a format it does not know renders as nothing, and the
paragraph stays text.

Neither docx2python nor mammoth was chosen: on a python-docx List Number paragraph (numbering
through the style) docx2python writes no number and mammoth an HTML <ol> that starts again at 1
after every intervening paragraph; neither keeps the level a heading style gives.
"""

from __future__ import annotations

from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DIGITS = "零一二三四五六七八九"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
TIANGAN = "甲乙丙丁戊己庚辛壬癸"


def chinese(number: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 105 -> 一百零五 (counting, as in 一、 and （十二）)."""
    if number < 10:
        return DIGITS[number]
    if number < 20:
        return "十" + (DIGITS[number % 10] if number % 10 else "")
    if number < 100:
        return DIGITS[number // 10] + "十" + (DIGITS[number % 10] if number % 10 else "")
    rest = number % 100
    tail = (
        ""
        if not rest
        else ("零" + chinese(rest) if rest < 10 else chinese(rest) if rest >= 20 else "一" + chinese(rest))
    )
    return DIGITS[number // 100 % 10] + "百" + tail


def roman(number: int) -> str:
    values = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc")]
    values += [(50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for value, letters in values:
        while number >= value:
            out, number = out + letters, number - value
    return out


def formatted(number: int, style: str) -> str | None:
    """A counter in a w:numFmt; None for bullets and formats notices do not use."""
    if style in ("decimal", "decimalZero"):
        return f"{number:02d}" if style == "decimalZero" and number < 10 else str(number)
    if style == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(number))
    if style in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "japaneseCounting"):
        return chinese(number)
    if style == "ideographTraditional" and number <= len(TIANGAN):
        return TIANGAN[number - 1]
    if style in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and number <= len(CIRCLED):
        return CIRCLED[number - 1]
    if style in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter.upper() if style == "upperLetter" else letter
    if style in ("lowerRoman", "upperRoman"):
        return roman(number).upper() if style == "upperRoman" else roman(number)
    return None


@dataclass(frozen=True)
class Level:
    start: int = 1
    style: str = "decimal"
    text: str = "%1."


@dataclass
class Numbering:
    """numbering.xml's lists, and the counters of the document read so far (one pass, in order)."""

    abstract_of: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    levels: dict[tuple[str, int], Level] = field(default_factory=dict)  # (abstractNumId, ilvl) -> its format
    overrides: dict[tuple[str, int], int] = field(default_factory=dict)  # (numId, ilvl) -> startOverride
    counters: dict[str, dict[int, int]] = field(default_factory=dict)  # abstractNumId -> ilvl -> last number
    started: set[str] = field(default_factory=set)  # numIds whose start overrides were applied

    @classmethod
    def of(cls, numbering_element) -> Numbering:
        found = cls()
        if numbering_element is None:
            return found
        for abstract in numbering_element.iter(f"{W}abstractNum"):
            key = abstract.get(f"{W}abstractNumId")
            for lvl in abstract.iter(f"{W}lvl"):
                found.levels[(key, int(lvl.get(f"{W}ilvl", "0")))] = level_of_element(lvl)
        for num in numbering_element.iter(f"{W}num"):
            num_id = num.get(f"{W}numId")
            abstract = num.find(f"{W}abstractNumId")
            if abstract is not None:
                found.abstract_of[num_id] = abstract.get(f"{W}val")
            for override in num.iter(f"{W}lvlOverride"):
                start = override.find(f"{W}startOverride")
                if start is not None:
                    found.overrides[(num_id, int(override.get(f"{W}ilvl", "0")))] = int(start.get(f"{W}val", "1"))
        return found

    def render(self, num_id: str, ilvl: int) -> str:
        """The number Word shows for the next paragraph of this list at this level ("" for a bullet)."""
        abstract = self.abstract_of.get(num_id)
        if abstract is None or (abstract, ilvl) not in self.levels:
            return ""
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.started:  # a list restarted with startOverride (Word's "restart at 1")
            self.started.add(num_id)
            for (over_id, over_level), start in self.overrides.items():
                if over_id == num_id:
                    counters[over_level] = start - 1
        level = self.levels[(abstract, ilvl)]
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # 二、 after (一)(二): the next (一) starts again
        text = level.text
        for k in range(ilvl, -1, -1):
            shown_level = self.levels.get((abstract, k), Level())
            number = counters.get(k, shown_level.start)
            shown = formatted(number, level.style if k == ilvl else shown_level.style)
            if shown is None:
                return ""
            text = text.replace(f"%{k + 1}", shown)
        return text


def level_of_element(lvl) -> Level:
    def value(tag: str, default: str) -> str:
        element = lvl.find(f"{W}{tag}")
        return element.get(f"{W}val", default) if element is not None else default

    return Level(int(value("start", "1")), value("numFmt", "decimal"), value("lvlText", "%1."))
