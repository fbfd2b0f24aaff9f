"""A Markdown extension that lists a paragraph's sub-paragraphs in the page's table of contents.

Material's right-hand contents list is built from the headings Python-Markdown's ``toc`` finds, and
a paragraph's text is one raw HTML block, which ``toc`` never sees. Headings for (a)…(g) would need
ids of their own, and the ids ``op-20-a`` belong to the elements' ``<div>``s. So the templates mark
each listed element with ``data-toc="(a) Ceasefire …"``, and this extension, after ``toc`` has run,
turns the marks into entries linking to the element's id (nested as the elements are) and removes
the attribute from the page. Entries come before the page's other second-level headings, in the
order of the text.

mkdocs.yml lists it under markdown_extensions as ``build_scripts.render.contents``.
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

MARK = re.compile(
    r"""
    <div\ class="res-el\ [^"]*"\ id="(?P<id>[a-z0-9-]+)"   # an element's opening tag and its id
    \ data-toc="(?P<title>[^"]*)"                          # its entry, escaped HTML as the template wrote it
    """,
    re.X,
)
LEVEL = 2
"""Entries for sub-paragraphs sit where ## headings sit; their own items one level below."""


class ContentsTreeprocessor(Treeprocessor):
    def run(self, root) -> None:
        tokens = getattr(self.md, "toc_tokens", None)
        if tokens is None:
            return
        stash = self.md.htmlStash.rawHtmlBlocks
        entries = []
        for index, block in enumerate(stash):
            if not isinstance(block, str) or "data-toc=" not in block:
                continue
            entries += _entries(block)
            stash[index] = re.sub(r' data-toc="[^"]*"', "", block)
        if not entries:
            return
        # The page title (a level-1 heading) holds the rest; Material lists its children.
        holder = tokens[0]["children"] if len(tokens) == 1 and tokens[0]["level"] == 1 else tokens
        holder[:0] = entries


def _entries(block: str) -> list[dict]:
    """Nested toc tokens for the marked elements of one block, by how deep each element's div sits."""
    top: list[dict] = []
    open_at: list[tuple[int, dict]] = []  # (div depth, token) of the entries still open
    depth = 0
    for tag in re.finditer(r"<div\b[^>]*>|</div>", block):
        if tag.group() == "</div>":
            depth -= 1
            while open_at and open_at[-1][0] > depth:
                open_at.pop()
            continue
        depth += 1
        mark = MARK.match(tag.group())
        if not mark:
            continue
        token = {"level": LEVEL + len(open_at), "id": mark["id"], "name": mark["title"], "html": mark["title"], "children": []}
        (open_at[-1][1]["children"] if open_at else top).append(token)
        open_at.append((depth, token))
    return top


class ContentsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # After toc (priority 5), before the raw HTML goes back into the page.
        md.treeprocessors.register(ContentsTreeprocessor(md), "resolution_contents", 4)


def makeExtension(**kwargs) -> ContentsExtension:  # noqa: N802 - Python-Markdown's entry point
    return ContentsExtension(**kwargs)
