"""The one place where source text becomes markup: escape everything, then wrap annotated spans.

Nothing from a resolution's text is ever interpreted as Markdown, HTML, Jinja or Material syntax.
Text is HTML-escaped and the characters that Markdown extensions react to are written as numeric
character references, so a browser shows them as themselves and Python-Markdown leaves them alone
even outside raw HTML blocks.
"""

from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass
from enum import Enum

# Characters Markdown, pymdown-extensions or Jinja could act on, as character references.
_MARKDOWN_SPECIAL = {ord(c): f"&#{ord(c)};" for c in "*_`[]{}|\\#!:~^=+<>&\"'"}


def escape(text: str) -> str:
    """``text`` as inert HTML: every markup character is a character reference."""
    return text.translate(_MARKDOWN_SPECIAL)


def attribute(text: str) -> str:
    """``text`` escaped for use inside a double-quoted HTML attribute."""
    return html.escape(text, quote=True)


class SpanKind(str, Enum):
    """What a marked span is, which decides its element and class."""

    LINK = "link"
    """A cross-reference: <a href>."""
    ABBREVIATION = "abbreviation"
    """An acronym with its expansion: <abbr title>."""
    RESTORED = "restored"
    """Words restored editorially: <ins>."""


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of an element's text to wrap in markup."""

    start: int
    """Offset of the first character in the element's text."""
    end: int
    """Offset after the last character."""
    kind: SpanKind
    """Which element wraps it."""
    target: str = ""
    """href for links, expansion for abbreviations, note for restored words."""
    css_class: str = ""
    """Extra class, e.g. 'res-ref-internal' or 'res-ref-external'."""


def render_text(text: str, spans: list[Span]) -> str:
    """Escaped ``text`` with non-overlapping ``spans`` wrapped; outer spans win over nested ones."""
    chosen: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if span.start < span.end and (not chosen or span.start >= chosen[-1].end):
            chosen.append(span)
    parts, position = [], 0
    for span in chosen:
        parts.append(escape(text[position : span.start]))
        parts.append(_wrap(span, escape(text[span.start : span.end])))
        position = span.end
    parts.append(escape(text[position:]))
    return "".join(parts)


def _wrap(span: Span, inner: str) -> str:
    css = f' class="{attribute(span.css_class)}"' if span.css_class else ""
    if span.kind is SpanKind.LINK:
        return f'<a href="{attribute(span.target)}"{css}>{inner}</a>'
    if span.kind is SpanKind.ABBREVIATION:
        return f'<abbr title="{attribute(span.target)}"{css}>{inner}</abbr>'
    return f'<ins title="{attribute(span.target)}"{css}>{inner}</ins>'


def relative_url(from_page: str, to_page: str) -> str:
    """Link from a directory URL to a page or file, both site-relative ('2364/op/16/' → '2364/op/34/').

    Relative links keep the site working from a sub-path such as https://user.github.io/repo/.
    A fragment on ``to_page`` is kept; a file ('data/2364.json') keeps no trailing slash.
    """
    path, _, fragment = to_page.partition("#")
    if path == from_page:
        link = ""
    else:
        link = posixpath.relpath(path or ".", from_page or ".")
        if path.endswith("/") or not path:
            link += "/"
    if fragment:
        return f"{link}#{fragment}"
    return link or "./"
