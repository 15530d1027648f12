"""Word .docx files to lines, refusing what would exhaust memory before python-docx sees it.

A .docx is a zip of XML parts. The zip's directory states every part's inflated size, so a
zip bomb (1.5 MB that inflates to 1.5 GB) is refused from the directory alone; Word never
writes a DTD, so a part declaring entities (a "billion laughs" bomb) is refused too.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from .reading import SourceError, read_bytes

MAX_DOCX_BYTES = 50_000_000  # the file itself, pictures included
MAX_INFLATED_BYTES = 200_000_000  # all parts inflated; a 300-page report with photos is well under this
MAX_XML_BYTES = 30_000_000  # the XML parts inflated; a long notice's document.xml is 1-2 MB
SAVE_AS = "open it in Word or WPS and save it again as .docx (文件 > 另存为 > Word 文档)"


def docx_lines(path: Path) -> list[str]:
    """One line per paragraph, then one per table row (contacts are sometimes laid out in a table)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import LxmlError

    check_package(path)
    try:
        document = docx.Document(str(path))
        lines = [paragraph.text for paragraph in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                lines.append("  ".join(cell.text.strip() for cell in row.cells))
    except (PackageNotFoundError, LxmlError, zipfile.BadZipFile, zlib.error, KeyError, ValueError, EOFError) as exc:
        raise SourceError(f"{path}: Word 文件已损坏 not a readable Word .docx file ({exc}); {SAVE_AS}") from exc
    return lines


def check_package(path: Path) -> None:
    """Refuse a truncated zip, a zip bomb and entity declarations before any part is parsed."""
    import io

    raw = read_bytes(path, MAX_DOCX_BYTES)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            parts = package.infolist()
            inflated = sum(part.file_size for part in parts)
            xml = [part for part in parts if part.filename.endswith((".xml", ".rels"))]
            if inflated > MAX_INFLATED_BYTES or sum(part.file_size for part in xml) > MAX_XML_BYTES:
                raise SourceError(
                    f"{path}: 文件解压后过大，疑似损坏或恶意文件 this .docx would inflate to {inflated / 1e6:,.0f} MB, far more than any notice "
                    f"({MAX_INFLATED_BYTES / 1e6:.0f} MB at most); it is damaged or not a real Word file: {SAVE_AS}"
                )
            for part in xml:
                with package.open(part) as stream:
                    head = stream.read(65536)  # the prolog, where a DTD would be
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise SourceError(
                        f"{path}: 文件含有 Word 不会写入的实体声明 {part.filename} declares XML entities, which Word never writes; "
                        f"the file was not made by Word and is not imported: {SAVE_AS}"
                    )
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as exc:
        if isinstance(exc, SourceError):
            raise
        raise SourceError(
            f"{path}: Word 文件已损坏或不完整 not a readable Word .docx file (damaged or cut short: {exc}); {SAVE_AS}"
        ) from exc
