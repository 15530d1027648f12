"""site_gen/importer/word.py: Word files, and the damaged or hostile ones refused before they are parsed."""

from __future__ import annotations

import zipfile

import pytest

from site_gen.importer import word
from site_gen.importer.sources import SourceError, read_lines
from tests.importer_support import docx_of

LINES = ["中共示例局党组关于巡察整改进展情况的通报", "1.关于学习不深的问题。", "整改情况：整改完成"]


def rewritten(source, target, replace):
    """A copy of a .docx with word/document.xml replaced by replace(old_xml)."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in original.infolist():
            data = original.read(item)
            out.writestr(item.filename, replace(data) if item.filename == "word/document.xml" else data)
    return target


def test_a_truncated_docx_is_a_clear_message(tmp_path):
    source = docx_of(LINES, tmp_path / "whole.docx")
    cut = tmp_path / "cut.docx"
    cut.write_bytes(source.read_bytes()[: source.stat().st_size // 2])  # the download stopped half-way
    cut_xml = rewritten(source, tmp_path / "cut_xml.docx", lambda xml: xml[: len(xml) // 2])  # a part cut short
    for damaged in (cut, cut_xml):
        with pytest.raises(SourceError, match="not a readable Word .docx file") as caught:
            read_lines(damaged)
        assert str(damaged) in str(caught.value) and "另存为" in str(caught.value)


def test_an_entity_bomb_is_refused(tmp_path):
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    )
    source = docx_of(LINES, tmp_path / "plain.docx")
    hostile = rewritten(source, tmp_path / "laughs.docx", lambda xml: bomb + xml.split(b"?>", 1)[1])
    with pytest.raises(SourceError, match="declares XML entities") as caught:
        read_lines(hostile)
    assert "word/document.xml" in str(caught.value)


def test_a_zip_bomb_is_refused_from_the_zip_directory(tmp_path, monkeypatch):
    monkeypatch.setattr(word, "MAX_XML_BYTES", 2_000_000)  # the real budget is 30 MB: a small bomb shows the rule
    source = docx_of(LINES, tmp_path / "plain.docx")
    padded = rewritten(
        source, tmp_path / "bomb.docx", lambda xml: xml.replace(b"<w:body>", b"<w:body>" + b" " * 3_000_000)
    )
    assert padded.stat().st_size < 100_000  # inflates 30 times and more
    with pytest.raises(SourceError, match="would inflate to") as caught:
        read_lines(padded)
    assert str(padded) in str(caught.value)
