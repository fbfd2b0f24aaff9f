"""The Akoma Ntoso reader: the UN's own XML file of a resolution (AKN4UN) → blocks → the model.

The files of UNxml/SCresolutions are an unofficial, imperfect markup, so this reader trusts their
words and their printed labels, not their nesting or their ``eId``s:

- sub-paragraphs may be nested (``list``/``point``/``sublist``) or flattened to the top level, and
  a number may stand in an empty paragraph with its text in the next one: both give the same
  blocks, and ``read.structure`` nests them by their labels;
- a ``paragraph`` without ``num`` whose text is all bold, and every ``subheading``, ``heading`` or
  ``crossHeading``, is a heading; a label typed into the text ('–\tfor the …') is read as a label;
- footnotes (``authorialNote``) are kept apart from the text, as footnotes of the element they sit in;
- metadata comes from the file: symbol, date, meeting and its record, the vote and voters, the draft
  and its sponsors, Chapter VII, the agenda item and the UNBIS, EuroVoc and SDG subjects.

``load_akn`` returns the checked model: the words of the file (preamble, operative part and annexes,
with labels, without footnotes) must equal the model's words in order, or the build fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree

from ..model import Diagnostic, Footnote, Header, Resolution, Severity
from .akn_metadata import read_akn_metadata
from .akn_text import clean_text as _clean
from .akn_text import local_name as _local
from .fidelity import model_words
from .parse import ANNEX_TITLE
from .labels import known_label
from .structure import AnnexBlocks, Block, Layout, infer_structure

MAX_BYTES = 20_000_000
"""No resolution file comes near this (the largest is under 2 MB); bigger is not a resolution."""

INLINE_LABEL = re.compile(
    r"""^\s*(?P<label>
        \((?:[a-z]{1,4}|[ivx]{1,6})\)   # '(a)', '(dd)', '(iv)'
      | \d{1,4}\.(?=\s)                 # '3.' followed by a space or tab
      | [•–—]                           # a bullet or a dash
    )[\t\u00a0 ]+(?P<rest>\S.*)$""",
    re.X | re.S,
)

CONTAINERS_OF_TEXT = {"content", "intro", "listIntroduction", "wrapUp", "block", "alinea"}
HEADINGS = {"heading", "subheading", "crossHeading"}
SKIPPED = {"num", "meta", "authorialNote", "img", "decoration"}
INLINE = {
    "span", "a", "i", "b", "u", "sup", "sub", "inline", "docDate", "term", "ref", "abbr", "mref", "date",
    "organization", "person", "location", "def", "entity", "docNumber", "docTitle", "shortTitle", "role",
    "quantity", "omissis", "docAuthority", "docStatus", "marker", "mmod", "rmod", "remark", "noteRef",
}


@dataclass
class _Reader:
    """Walks one file, collecting blocks and footnotes."""

    notes: list[tuple[int, str, str]]
    warnings: list[tuple[int, str]] = field(default_factory=list)
    """Lines where a <num> held no label (e.g. 'H.E.'): read as the start of the text instead."""

    def text(self, element: etree._Element, *, labels: bool = False) -> str:
        """The element's words in order, footnotes set aside; with ``labels``, item labels inline."""
        parts: list[str] = [element.text or ""]
        for child in element:
            name = _local(child)
            if labels and name == "num":
                parts.append(f" {''.join(child.itertext())} ")
            elif name == "authorialNote":
                self.notes.append((child.sourceline or 0, child.get("marker", ""), _clean(self.text(child))))
            elif name in ("eol", "br"):
                parts.append(" ")
            elif name in INLINE:
                parts.append(self.text(child, labels=labels))
            elif name and name not in SKIPPED:
                # A block inside a block ('<p>' after '<p>', an item of a list) is a new word.
                parts.append(" " + self.text(child, labels=labels) + " ")
            parts.append(child.tail or "")
        return "".join(parts)

    def blocks(self, element: etree._Element) -> list[Block]:
        """Blocks of a mainBody (or any part of one), in document order."""
        found: list[Block] = []
        self._walk(element, found, [])
        return found

    def _walk(self, element: etree._Element, found: list[Block], pending: list[str]) -> None:
        name = _local(element)
        if not name or name in SKIPPED:
            return
        line = element.sourceline or 0
        if name in HEADINGS:
            self._emit(found, pending, line, self.text(element), heading=True)
            return
        if name == "tr":
            cells = [_clean(self.text(cell)) for cell in element if _local(cell) in ("td", "th")]
            self._emit(found, pending, line, " ".join(cell for cell in cells if cell), heading=False)
            return
        if (name == "p" or name in CONTAINERS_OF_TEXT) and _holds_only_text(element):
            self._paragraph(element, found, pending)
            return
        if name == "p" or name in CONTAINERS_OF_TEXT:
            self._mixed(element, found, pending)
            return
        number = next((child for child in element if _local(child) == "num"), None)
        if number is None:
            for child in element:
                self._walk(child, found, pending)
            return
        if pending:
            # The enclosing label had no text of its own before this one ('20.' straight into '(a)').
            found.append(Block(line, "", pending.pop()))
        label = _clean("".join(number.itertext()))
        if label and not known_label(label):
            # Not a label at all ('H.E.' before a name): the words belong to the text.
            self.warnings.append((number.sourceline or line, f"<num>{label}</num> is not a label; read as the start of its text"))
            found.append(Block(line, label))
            for child in element:
                self._walk(child, found, pending)
            return
        own = [label]
        for child in element:
            self._walk(child, found, own)
        if own:
            # A label whose element holds no text ('1.' with an empty content): it stands alone.
            found.append(Block(line, "", own.pop()))

    def _mixed(self, element: etree._Element, found: list[Block], pending: list[str]) -> None:
        """Text with blocks inside ('“Decides that …' then a quoted list): runs of text and the blocks, in order."""
        run: list[str] = [element.text or ""]
        line = element.sourceline or 0

        def flush() -> None:
            raw = "".join(run)
            if _clean(raw):
                self._emit(found, pending, line, raw, heading=False)
            run.clear()

        for child in element:
            name = _local(child)
            if name == "authorialNote":
                self.notes.append((child.sourceline or 0, child.get("marker", ""), _clean(self.text(child))))
            elif name in INLINE or name in ("eol", "br"):
                run.append(self.text(child) if name in INLINE else " ")
            elif name and name not in SKIPPED:
                flush()
                self._walk(child, found, pending)
            run.append(child.tail or "")
        flush()

    def _paragraph(self, element: etree._Element, found: list[Block], pending: list[str]) -> None:
        raw = self.text(element)
        text = _clean(raw)
        line = element.sourceline or 0
        if not text:
            return
        bold = [span for span in element.iter() if _local(span) == "span" and "bold" in (span.get("class") or "")]
        bold_text = _clean(" ".join("".join(span.itertext()) for span in bold))
        italic = [span for span in element.iter() if _local(span) == "span" and "italic" in (span.get("class") or "")]
        italic_text = _clean(" ".join("".join(span.itertext()) for span in italic))
        heading_like = (bold and bold_text == text) or (italic and italic_text == text and not text.endswith((".", ",", ";", ":")))
        if heading_like and not pending and not INLINE_LABEL.match(raw):
            # A line all in bold, or all in italics without closing punctuation ('Listing'), is a heading.
            found.append(Block(line, text, heading=True))
            return
        if heading_like and pending and re.match(r"^\([a-z]+\)$", pending[0]):
            # '(c)' followed by its bold heading: the label stands alone, the heading follows.
            found.append(Block(line, "", pending.pop()))
            found.append(Block(line, text, heading=True))
            return
        self._emit(found, pending, line, raw, heading=False)

    def _emit(self, found: list[Block], pending: list[str], line: int, raw: str, *, heading: bool) -> None:
        text = _clean(raw)
        if not text and not pending:
            return
        if pending:
            found.append(Block(line, text, pending.pop()))
            return
        inline = INLINE_LABEL.match(raw) if not heading else None
        if inline:
            found.append(Block(line, _clean(inline["rest"]), _clean(inline["label"])))
            return
        found.append(Block(line, text, heading=heading))


def _holds_only_text(element: etree._Element) -> bool:
    """True for a run of text (words and inline markup), false when blocks such as points sit inside."""
    for node in element:
        name = _local(node)
        if name in SKIPPED or name in ("eol", "br", ""):
            continue
        if name not in INLINE or not _holds_only_text(node):
            return False
    return True


def read_akn(path: Path) -> tuple[etree._Element | None, list[Diagnostic]]:
    """The file's ``statement`` element, or why it cannot be read."""

    def error(line: int, message: str) -> tuple[None, list[Diagnostic]]:
        return None, [Diagnostic(str(path), line, Severity.ERROR, message)]

    try:
        if path.stat().st_size > MAX_BYTES:
            return error(0, f"the file is larger than {MAX_BYTES // 1_000_000} MB: not the XML of one resolution")
        data = path.read_bytes()
    except OSError as problem:
        return error(0, f"cannot read the file: {problem.strerror}")
    if not data.strip():
        return error(1, "the file is empty: expected the Akoma Ntoso XML of a resolution")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as problem:
        line = problem.position[0] if problem.position else 0
        return error(line, f"malformed XML: {problem.msg}")
    statement = root[0] if _local(root) == "akomaNtoso" and len(root) and _local(root[0]) in ("statement", "doc") else None
    if statement is None:
        return error(root.sourceline or 1, f"expected <akomaNtoso><statement name=\"resolution\">, found <{_local(root) or root.tag}>")
    return statement, []


def load_akn(path: Path) -> tuple[Resolution | None, list[Diagnostic]]:
    """The checked model of one resolution from the UN's Akoma Ntoso file."""
    statement, diagnostics = read_akn(path)
    if statement is None:
        return None, diagnostics
    source = str(path)
    metadata, meta_diagnostics = read_akn_metadata(statement, source)
    diagnostics += meta_diagnostics
    if metadata is None:
        return None, diagnostics
    reader = _Reader(notes=[])
    layout, layout_diagnostics = _layout(statement, reader, source)
    diagnostics += layout_diagnostics
    diagnostics += [Diagnostic(source, line, Severity.WARNING, message) for line, message in reader.warnings]
    if layout is None:
        return None, diagnostics
    resolution, structure_diagnostics = infer_structure(layout, metadata, source=source)
    diagnostics += structure_diagnostics
    if resolution is None or any(d.severity is Severity.ERROR for d in diagnostics):
        return None, diagnostics
    resolution = replace(resolution, footnotes=_footnotes(reader.notes, resolution))
    fidelity = check_akn_fidelity(statement, resolution, source=source)
    if fidelity:
        return None, diagnostics + fidelity
    return resolution, diagnostics


def _layout(statement: etree._Element, reader: _Reader, source: str) -> tuple[Layout | None, list[Diagnostic]]:
    def first(name: str) -> etree._Element | None:
        return next((child for child in statement if _local(child) == name), None)

    preamble, body = first("preamble"), first("mainBody")
    if body is None:
        return None, [Diagnostic(source, statement.sourceline or 0, Severity.ERROR, "no <mainBody>: the file holds no operative part")]
    titles = {element.get("refersTo"): _clean(reader.text(element)) for element in statement.iter() if _local(element) == "docTitle"}
    organ, pp_blocks, early = "", [], []
    for child in preamble if preamble is not None else ():
        if early or _numbered(child):
            # Operative paragraphs marked up inside the preamble: from the first number on, they are operative.
            found = reader.blocks(child)
            if not early:
                opening = next(i for i, block in enumerate(found) if block.label)
                pp_blocks += [replace(block, label="", heading=False) for block in found[:opening]]
                found = found[opening:]
            early += found
            continue
        # A preambular paragraph that lists items keeps their labels in its text: '… informed by: (a) the …'.
        text = _clean(reader.text(child, labels=True))
        if not text:
            continue
        if _local(child) == "formula" or (not organ and not pp_blocks and text.rstrip(",").endswith("Security Council")):
            organ = text
            continue
        pp_blocks.append(Block(child.sourceline or 0, text))
    header = Header(title=titles.get("#resolutionNumber", ""), adoption=titles.get("#adoption", ""), organ=organ)
    blocks = early + reader.blocks(body)
    # Preambular paragraphs marked up in the main body, before the first number: 'Remaining fully committed …,'.
    while blocks and not blocks[0].label and not blocks[0].heading and blocks[0].text.endswith(",") and any(b.label for b in blocks):
        pp_blocks.append(blocks.pop(0))
    operative, inline_annexes = _split_inline_annexes(blocks)
    annexes = list(inline_annexes)
    attachments = first("attachments")
    for doc in attachments.iter() if attachments is not None else ():
        if _local(doc) != "doc":
            continue
        annex_blocks: list[Block] = []
        for part in doc:
            if _local(part) not in ("meta",):
                annex_blocks += reader.blocks(part)
        annexes += _annexes(annex_blocks, doc.sourceline or 0)
    end_line = max((element.sourceline or 0) for element in statement.iter())
    return Layout(header, tuple(pp_blocks), tuple(operative), tuple(annexes), end_line), []


def _numbered(element: etree._Element) -> bool:
    """Whether a part of the preamble holds numbered paragraphs ('1.', '2.')."""
    return any(_local(node) == "num" and re.match(r"^\d+\.$", _clean("".join(node.itertext()))) for node in element.iter())


def _split_inline_annexes(blocks: list[Block]) -> tuple[list[Block], list[AnnexBlocks]]:
    """An annex typed into the main body after the operative part starts at a heading 'Annex'."""
    starts = [i for i, block in enumerate(blocks) if block.heading and ANNEX_TITLE.match(block.text) and any(b.label for b in blocks[:i])]
    if not starts:
        return blocks, []
    annexes = []
    for position, start in enumerate(starts):
        end = starts[position + 1] if position + 1 < len(starts) else len(blocks)
        annexes.append(_annex(blocks[start:end], blocks[start].line))
    return blocks[: starts[0]], annexes


def _annexes(blocks: list[Block], line: int) -> list[AnnexBlocks]:
    """One attachment may hold several annexes, each opening at a heading 'Annex II'."""
    starts = [i for i, block in enumerate(blocks) if block.heading and ANNEX_TITLE.match(block.text)]
    if not starts or starts[0] != 0:
        starts = [0, *starts]
    return [_annex(blocks[start : (starts[k + 1] if k + 1 < len(starts) else len(blocks))], line) for k, start in enumerate(starts)]


def _annex(blocks: list[Block], line: int) -> AnnexBlocks:
    if blocks and blocks[0].heading and ANNEX_TITLE.match(blocks[0].text):
        return AnnexBlocks(blocks[0].text, blocks[0].line, tuple(blocks[1:]))
    return AnnexBlocks("", line, tuple(blocks))


def _footnotes(notes: list[tuple[int, str, str]], resolution: Resolution) -> tuple[Footnote, ...]:
    starts = sorted((element.line, element.id) for element in (*resolution.elements(), *resolution.annex_elements()))
    footnotes = []
    for line, marker, text in notes:
        owner = ""
        for start, element in starts:
            if start <= line:
                owner = element
        footnotes.append(Footnote(marker=marker, element_id=owner, text=text, line=line))
    return tuple(footnotes)


def akn_words(statement: etree._Element) -> list[str]:
    """The file's own words in order: preamble (without the formula), main body, annexes; labels in, footnotes out."""
    reader = _Reader(notes=[])
    words: list[str] = []
    for part in statement:
        name = _local(part)
        if name == "preamble":
            for child in part:
                if _local(child) != "formula":
                    words += _all_words(reader, child)
        elif name in ("mainBody", "attachments"):
            words += _all_words(reader, part)
    return words


def _all_words(reader: _Reader, element: etree._Element) -> list[str]:
    words: list[str] = []
    _collect(reader, element, words)
    return words


def _collect(reader: _Reader, element: etree._Element, words: list[str]) -> None:
    name = _local(element)
    if name in ("meta", "authorialNote", "img", "decoration"):
        return
    if name == "num":
        words += _clean("".join(element.itertext())).split()
        return
    children = list(element)
    number = next((child for child in children if _local(child) == "num"), None)
    if number is not None:
        # The label is read first, wherever the file puts its <num> among the element's parts.
        _collect(reader, number, words)
    words += _clean(element.text or "").split() if name else []
    for child in children:
        if child is not number:
            _collect(reader, child, words)
        words += _clean(child.tail or "").split()


def check_akn_fidelity(statement: etree._Element, resolution: Resolution, *, source: str = "") -> list[Diagnostic]:
    """Errors where the model's words differ from the file's: nothing dropped, added or moved."""
    expected = "".join(akn_words(statement))
    header = resolution.header
    skip = len(f"{header.title} {header.adoption} {header.organ}".split())
    actual = model_words(resolution)[skip:]
    if "".join(actual) == expected:
        return []
    joined = "".join(actual)
    at = next((i for i, (a, b) in enumerate(zip(joined, expected)) if a != b), min(len(joined), len(expected)))
    return [
        Diagnostic(
            source,
            0,
            Severity.ERROR,
            f"fidelity: the model's words differ from the file's near {expected[max(0, at - 30):at + 30]!r} "
            f"(model: {joined[max(0, at - 30):at + 30]!r})",
        )
    ]
