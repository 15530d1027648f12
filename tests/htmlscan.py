"""A small HTML reader for tests: elements by attribute, and visible text, with the standard library only."""

from __future__ import annotations

from html.parser import HTMLParser


class Element:
    def __init__(self, tag: str, attrs: dict[str, str]):
        self.tag, self.attrs, self.text = tag, attrs, ""


class Page(HTMLParser):
    VOID = {"meta", "link", "br", "img", "input", "hr", "source", "path", "circle"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._open: list[Element] = []
        self.html = html
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.elements.append(element)
        if tag not in self.VOID:
            self._open.append(element)

    def handle_endtag(self, tag):
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index].tag == tag:
                del self._open[index:]
                break

    def handle_data(self, data):
        for element in self._open:
            element.text += data

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Element]:
        def matches(e: Element) -> bool:
            return (tag is None or e.tag == tag) and all(
                (e.attrs.get(k.replace("_", "-")) == v) if v is not True else k.replace("_", "-") in e.attrs
                for k, v in attrs.items()
            )

        return [e for e in self.elements if matches(e)]

    def by_id(self, element_id: str) -> Element:
        (element,) = self.find_all(id=element_id)
        return element
