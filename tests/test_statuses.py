"""Status wording as clerks write it, mapped to canonical states."""

import pytest

from site_gen.notice.model import Status
from site_gen.notice.statuses import Vocabulary

SEEN_IN_REAL_NOTICES = [
    ("整改完成", Status.DONE),
    ("整改完毕", Status.DONE),
    ("已完成", Status.DONE),
    ("整改完成并长期坚持", Status.DONE_ONGOING),
    ("视同完成,持续整改", Status.DEEMED_DONE),
    ("视同完成，持续整改", Status.DEEMED_DONE),
    ("阶段性完成并需长期坚持", Status.PHASE_DONE),
    ("需持续整改", Status.IN_PROGRESS),
    ("正在整改", Status.IN_PROGRESS),
    ("尚未开始", Status.NOT_STARTED),
    ("基本完成取得阶段性成果并持续整改", Status.PHASE_DONE),
    ("未完成", Status.IN_PROGRESS),
]


@pytest.mark.parametrize(("wording", "expected"), SEEN_IN_REAL_NOTICES)
def test_every_real_wording_is_known(wording, expected):
    vocabulary = Vocabulary.default()
    assert vocabulary.lookup(wording).status is expected
    assert vocabulary.lookup(wording + "。").status is expected  # a final full stop is optional
    assert vocabulary.lookup(" " + wording + " ").status is expected


def test_compound_label_takes_least_advanced_part():
    vocabulary = Vocabulary.default()
    assert vocabulary.lookup("视同完成,持续整改;需持续整改").status is Status.IN_PROGRESS
    assert vocabulary.lookup("视同完成，持续整改；需持续整改。").status is Status.IN_PROGRESS
    assert vocabulary.lookup("整改完成；整改完成并长期坚持").status is Status.DONE_ONGOING


def test_unknown_wording_suggests_the_closest():
    lookup = Vocabulary.default().lookup("整改完了")
    assert lookup.status is None
    assert lookup.suggestion in ("整改完成", "整改完毕")  # both are one character away


def test_unknown_part_of_a_compound_is_named():
    lookup = Vocabulary.default().lookup("整改完成;差不多了")
    assert lookup.status is None and lookup.unknown == "差不多了"


def test_site_can_add_wordings():
    vocabulary = Vocabulary.default().with_extra({Status.DONE: ("整改到位",)})
    assert vocabulary.lookup("整改到位").status is Status.DONE
    assert vocabulary.lookup("整改完成").status is Status.DONE


def test_english_wordings():
    assert Vocabulary.default().lookup("Completed, kept up long-term").status is Status.DONE_ONGOING
    assert Vocabulary.default().lookup("in progress").status is Status.IN_PROGRESS
