"""Article text as the extractor sees it.

Uploaded HTML becomes plain text with the standard library's parser: scripts,
styles, navigation and the document head are dropped, block elements end a
line. Whitespace is normalised (line endings, runs of spaces and tabs, runs of
blank lines, trailing spaces) while no-break and ideographic spaces are kept,
because they separate digit groups ("1 200") and belong to the typography of the
article. Every character offset the extractor reports is an offset into this
cleaned text.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_DROPPED = {"script", "style", "nav", "noscript", "template", "head", "svg", "iframe", "button", "select"}
_BLOCKS = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section", "table", "td",
    "th", "tr", "ul", "title",
}  # fmt: skip
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}

_SPACES = re.compile(r"[ \t\f\v\r]+")
_TRAILING = re.compile(r"[ \t]+\n")
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


class _TextParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            if tag in _BLOCKS and not self.skipping:
                self.parts.append("\n")
            return
        if tag in _DROPPED:
            self.skipping += 1
        self.stack.append(tag)
        if tag in _BLOCKS and not self.skipping:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _VOID or tag not in self.stack:
            return
        # Close everything opened inside the tag too: real pages leave elements unclosed.
        while self.stack:
            opened = self.stack.pop()
            if opened in _DROPPED:
                self.skipping -= 1
            if opened == tag:
                break
        if tag in _BLOCKS and not self.skipping:
            self.parts.append("\n\n" if tag in {"p", "h1", "h2", "h3", "h4", "h5", "h6", "title"} else "\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data.replace("\n", " "))


def html_to_text(markup: str) -> str:
    """The readable text of an HTML document, cleaned."""
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    return clean_text("".join(parser.parts))


def clean_text(text: str) -> str:
    """Normalise line endings and whitespace; keep every other character as it is."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = _SPACES.sub(" ", text)
    text = _TRAILING.sub("\n", text)
    text = _BLANK_LINES.sub("\n\n", text)
    return "\n".join(line.strip(" ") for line in text.split("\n")).strip()


def looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def read_article(path: str | Path) -> str:
    """The cleaned text of a .txt, .md or .html file (UTF-8, with or without a byte-order mark)."""
    path = Path(path)
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    if path.suffix.lower() in HTML_SUFFIXES or looks_like_html(text):
        return html_to_text(text)
    return clean_text(text)
