"""From a status as a clerk wrote it to a canonical Status.

Real notices write the same state many ways (整改完成 / 整改完毕 / 已完成, with
ASCII or full-width punctuation, with or without a final 。), and sometimes
one label for several sub-problems (视同完成,持续整改;需持续整改). The
vocabulary maps wordings to states; a compound takes its least advanced part.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from .model import Status, least_advanced

# Wordings seen in published notices (see DOMAIN.md), plus English for English notices.
DEFAULT_WORDINGS: dict[Status, tuple[str, ...]] = {
    Status.DONE: ("整改完成", "整改完毕", "已完成", "已整改", "Completed", "Done"),
    Status.DONE_ONGOING: (
        "整改完成并长期坚持",
        "已完成并长期坚持",
        "Completed, kept up long-term",
    ),
    Status.DEEMED_DONE: ("视同完成,持续整改", "视同完成", "Deemed completed, still in progress"),
    Status.PHASE_DONE: (
        "阶段性完成并需长期坚持",
        "阶段性完成",
        "基本完成",
        "基本完成并持续整改",
        "基本完成取得阶段性成果并持续整改",
        "Completed for this phase",
    ),
    Status.IN_PROGRESS: (
        "需持续整改",
        "正在整改",
        "持续整改",
        "整改中",
        "未完成",
        "长期坚持",
        "In progress",
    ),
    Status.NOT_STARTED: ("尚未开始", "未开始", "Not started"),
}

DEFAULT_STATUS_KEYS: tuple[str, ...] = ("整改进度", "整改情况", "整改状态", "Status")

_FULL_TO_ASCII = str.maketrans({"，": ",", "；": ";", "：": ":", "、": ",", "．": "."})
_TRAILING = " 。.;,!！"


def normalize_wording(text: str) -> str:
    """Fold the punctuation variants clerks type into one spelling for lookup."""
    folded = text.translate(_FULL_TO_ASCII).strip().rstrip(_TRAILING).strip()
    folded = ",".join(part.strip() for part in folded.split(","))
    return ";".join(part.strip() for part in folded.split(";")).casefold()


@dataclass(frozen=True)
class Lookup:
    """The result of reading one status value: a status, or why not."""

    status: Status | None
    unknown: str = ""
    suggestion: str = ""


class Vocabulary:
    """The site's wordings for each canonical status."""

    def __init__(self, wordings: dict[Status, tuple[str, ...]]):
        self.wordings = wordings
        self._by_wording = {normalize_wording(text): status for status, texts in wordings.items() for text in texts}

    @classmethod
    def default(cls) -> Vocabulary:
        return cls(dict(DEFAULT_WORDINGS))

    def with_extra(self, extra: dict[Status, tuple[str, ...]]) -> Vocabulary:
        merged = {status: self.wordings.get(status, ()) + extra.get(status, ()) for status in Status}
        return Vocabulary({status: texts for status, texts in merged.items() if texts})

    @property
    def all_wordings(self) -> list[str]:
        return [text for texts in self.wordings.values() for text in texts]

    def lookup(self, value: str) -> Lookup:
        """Read a status value; a compound (parts joined by ;) gives its least advanced part."""
        key = normalize_wording(value)
        if key in self._by_wording:
            return Lookup(self._by_wording[key])
        parts = [part for part in key.split(";") if part]
        statuses = []
        for part in parts:
            if part not in self._by_wording:
                return Lookup(None, unknown=part, suggestion=self.suggest(part))
            statuses.append(self._by_wording[part])
        if not statuses:
            return Lookup(None, unknown=value.strip())
        return Lookup(least_advanced(statuses))

    def suggest(self, wording: str) -> str:
        """The closest known wording, for a "did you mean" hint."""
        known = {normalize_wording(text): text for text in self.all_wordings}
        close = difflib.get_close_matches(normalize_wording(wording), list(known), n=1, cutoff=0.5)
        return known[close[0]] if close else ""
