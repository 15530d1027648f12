"""What the importer tells the clerk, in both languages: the report shows the site's one.

A note is made once with its Chinese and English words; as a string it reads "中文 (English)", so
logs and tests can search either, and the report asks for the language the site is in.
"""

from __future__ import annotations


class Said(str):
    """A sentence in Chinese and English; str(said) is both, in_language() one of them."""

    zh: str
    en: str

    def __new__(cls, zh: str, en: str) -> Said:
        said = super().__new__(cls, f"{zh} ({en})")
        said.zh, said.en = zh, en
        return said

    def in_language(self, language: str) -> str:
        return self.en if language == "en" else self.zh


def in_language(text: str, language: str) -> str:
    """A Said in the language; any other string as it is."""
    return text.in_language(language) if isinstance(text, Said) else text
