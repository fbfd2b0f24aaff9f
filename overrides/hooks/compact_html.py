"""MkDocs hook: drop the indentation and blank lines that the theme's templates leave between tags.

Material's templates indent every tag, so a paragraph page carried ~3.4 KB of whitespace that a browser
ignores (scripts/page_bytes.py). A run of whitespace that holds a line break becomes one line break:
what a browser shows is the same (white space between tags collapses to one space at most), and each
line break stays, so inline scripts keep their line ends. Tags (and their attributes, where a citation
to copy may hold line breaks), ``<pre>``, ``<textarea>``, ``<code>``, ``<script>``, ``<style>`` and comments
are kept byte for byte. It lives beside the theme's templates because every build copies that folder
(shards, benchmarks, tests) and MkDocs never publishes a theme's ``.py`` files.
"""

from __future__ import annotations

import re

KEPT = re.compile(
    r"""
    (?P<verbatim> <(?P<element>pre|textarea|code|script|style)\b.*?</(?P=element)\s*>)  # contents whose spaces matter
    | (?P<comment> <!--.*?-->)
    | (?P<tag> </?[a-zA-Z!][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>)  # a tag, quoted values may hold '>' or line breaks
    """,
    re.S | re.I | re.X,
)
LINE_BREAK_WHITESPACE = re.compile(r"[ \t]*\n[ \t\n]*")


def compact(html: str) -> str:
    """``html`` with every whitespace run that holds a line break, outside tags and verbatim elements, as one '\\n'."""
    pieces = []
    position = 0
    for match in KEPT.finditer(html):
        pieces.append(LINE_BREAK_WHITESPACE.sub("\n", html[position : match.start()]))
        pieces.append(match[0])
        position = match.end()
    pieces.append(LINE_BREAK_WHITESPACE.sub("\n", html[position:]))
    return "".join(pieces).lstrip("\n")


def on_post_page(output: str, **_) -> str:
    return compact(output)
