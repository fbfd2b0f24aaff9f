"""The reverse of the text reader: a model laid out as a PDF extraction would give it, and read back.

``layout_as_pdf_text(resolution)`` writes the lines that extracting the text of the UN's printed
resolution would give:

- the header: the title ('Resolution 2364 (2017)'), the adoption line wrapped after its 'on'
  ('… at its 7991st meeting, on' / '29 June 2017'), and 'The Security Council,';
- preambular and operative paragraphs filled to ``WIDTH`` columns; operative paragraphs open
  with their number ('12. Decides …'), every ``NUMBER_ALONE_EVERY``-th number alone on its line;
- sub-paragraphs, items and indents at the start of a line with their label ('(a) To …',
  '(ii) …', '– …'); a sub-paragraph heading on its own line(s) after its label standing alone;
- section headings on their own line(s) before their first paragraph;
- each annex from its title line ('Annex', 'Annex II'), its title lines, then its paragraphs;
- page furniture after every ``PAGE_LINES`` lines: page number ('4/14'), job number ('17-02364')
  and running head ('S/RES/2364 (2017)'); no metadata file.

A typesetter's line breaks carry no meaning, but the text reader reads meaning into line starts
and ends. So a line never breaks where the reader would see something the model does not hold:
no line starts with what reads as a label ('12.', '(a)', '–', '•') unless it is one, or is only
an 'Annex' title or page furniture; no line ends with a word and a hyphen ('peace-'); in the
preamble, no line after a comma starts with 'Recalling'-like words; in an annex, no line ends
a sentence inside a paragraph. Where that would make a line longer than ``WIDTH``, it is longer.

``round_trip(resolution)`` reads that text back through the text path (``clean_text``,
``parse_resolution`` with the model's own metadata, ``check_fidelity``), and ``differences``
says where two models disagree on structure and words: ids, labels, headings, texts, sections,
annexes and header; not source lines, repairs, footnotes or metadata.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Diagnostic, Element, ElementKind, Header, Resolution, Severity
from .clean import FURNITURE, LINE_END_HYPHEN, clean_text
from .fidelity import check_fidelity
from .parse import ANNEX_TITLE, INDENT, LETTER_LABEL, OPERATIVE_NUMBER, PREAMBULAR_OPENING, parse_resolution

WIDTH = 85
"""Columns of a line of the printed resolution, as extracted."""
PAGE_LINES = 45
"""Lines of text on a page, between two runs of page furniture."""
NUMBER_ALONE_EVERY = 3
"""Every third operative number stands alone on its line, as when the PDF puts its text in a box."""
CLAUSE_ENDS = (",", ";", ".", ":")

Breakable = Callable[[list[str], int, int], bool]
"""Whether a line holding words[start:end] may end before words[end]."""


def layout_as_pdf_text(resolution: Resolution) -> str:
    """The text a PDF extraction of ``resolution`` would give; see the module docstring."""
    lines = _header(resolution.header)
    for paragraph in resolution.preamble:
        lines += _wrap(paragraph.text.split(), _preamble_break)
    for position, paragraph in enumerate(resolution.operative, start=1):
        section = next((s for s in resolution.sections if s.first == paragraph.number), None)
        if section:
            lines += _wrap(section.heading.split(), _heading_break)
        lines += _element(paragraph, _operative_break, number_alone=position % NUMBER_ALONE_EVERY == 0)
    for annex in resolution.annexes:
        lines.append(annex.title)
        for heading in annex.headings:
            lines += _wrap(heading.split(), _heading_break)
        for item in annex.items:
            lines += _element(item, _annex_break, number_alone=False)
    return "\n".join(_paginate(lines, resolution)) + "\n"


def _header(header: Header) -> list[str]:
    lines = [header.title] if header.title else []
    if header.adoption:
        # The printed header breaks after 'on', before the date.
        before, on, date = header.adoption.rpartition(" on ")
        if on and date:
            lines += [f"{before} on", date]
        else:
            lines += _wrap(header.adoption.split(), _header_break)
    return lines + ([header.organ] if header.organ else [])


def _printed_label(element: Element) -> str:
    """'12.' for a numbered paragraph, the label as printed for the rest ('(a)', '–'), '' for none."""
    if element.kind in (ElementKind.OPERATIVE, ElementKind.ANNEX_PARAGRAPH) and element.label:
        return f"{element.label}."
    return element.label


def _element(element: Element, breakable: Breakable, *, number_alone: bool) -> list[str]:
    """An element's lines and its items' lines, each label at a line start."""
    label = _printed_label(element)
    words = element.text.split()
    lines: list[str] = []
    if element.heading:
        lines += [label] if label else []
        lines += _wrap(element.heading.split(), _heading_break)
        lines += _wrap(words, breakable)
    elif label and (not words or (number_alone and breakable(words, 0, 0))):
        lines.append(label)
        lines += _wrap(words, breakable)
    else:
        lines += _wrap([label, *words] if label else words, breakable)
    for item in element.items:
        lines += _element(item, breakable, number_alone=False)
    return lines


def _wrap(words: list[str], breakable: Breakable, width: int = WIDTH) -> list[str]:
    """Fill lines up to ``width`` columns, breaking only where ``breakable`` allows."""
    lines: list[str] = []
    start = 0
    while start < len(words):
        end, length = start + 1, len(words[start])
        while end < len(words) and length + 1 + len(words[end]) <= width:
            length += 1 + len(words[end])
            end += 1
        if end < len(words):
            cut = end
            while cut > start + 1 and not breakable(words, start, cut):
                cut -= 1
            if not breakable(words, start, cut):
                cut = end + 1
                while cut < len(words) and not breakable(words, start, cut):
                    cut += 1
            end = cut
        lines.append(" ".join(words[start:end]))
        start = end
    return lines


def _misread_line_start(words: list[str], end: int) -> bool:
    """Whether a line starting at words[end] reads as a label, an annex title or furniture."""
    opening = " ".join(words[end : end + 3])
    if OPERATIVE_NUMBER.match(opening) or LETTER_LABEL.match(opening) or INDENT.match(opening):
        return True
    # The whole line decides whether it is a title or furniture: try it as filled, and shorter.
    filled, length = end + 1, len(words[end])
    while filled < len(words) and length + 1 + len(words[filled]) <= WIDTH:
        length += 1 + len(words[filled])
        filled += 1
    lines = {" ".join(words[end:stop]) for stop in (end + 1, end + 2, end + 3, filled) if stop <= len(words)}
    return any(ANNEX_TITLE.match(line) or FURNITURE.match(line) for line in lines)


def _misread_line(words: list[str], start: int, end: int) -> bool:
    """Whether the line words[start:end] reads as more than a continuation, at its start or its end."""
    if end <= 0 or end >= len(words):
        return False
    line = " ".join(words[start:end])
    return bool(
        _misread_line_start(words, end)
        or LINE_END_HYPHEN.search(words[end - 1])
        or ANNEX_TITLE.match(line)
        or FURNITURE.match(line)
    )


def _operative_break(words: list[str], start: int, end: int) -> bool:
    if end == 0:
        return not _misread_line_start(words, 0)
    return not _misread_line(words, start, end)


def _preamble_break(words: list[str], start: int, end: int) -> bool:
    if not _operative_break(words, start, end):
        return False
    opens = PREAMBULAR_OPENING.match(" ".join(words[end : end + 3])) if end < len(words) else None
    return not (end > 0 and words[end - 1].endswith(CLAUSE_ENDS) and opens)


def _annex_break(words: list[str], start: int, end: int) -> bool:
    if not _operative_break(words, start, end):
        return False
    # A line ending a sentence closes an unlabelled annex paragraph: the next line opens another.
    return not (end > 0 and words[end - 1].rstrip("”’\"')").endswith((".", ":", ";")))


def _heading_break(words: list[str], start: int, end: int) -> bool:
    # A line ending in a comma, colon or full stop is text, not a heading line.
    return _operative_break(words, start, end) and not (end > 0 and words[end - 1].endswith(CLAUSE_ENDS))


def _header_break(words: list[str], start: int, end: int) -> bool:
    # The first line ending in 'Security Council' is taken for 'The Security Council,'.
    return not " ".join(words[start:end]).rstrip(",").endswith("Security Council")


def _paginate(lines: list[str], resolution: Resolution) -> list[str]:
    """The lines with page furniture between pages: page number, job number, running head."""
    metadata = resolution.metadata
    pages = max(1, -(-len(lines) // PAGE_LINES))
    job = f"{metadata.year % 100:02d}-{metadata.number:05d}"
    out: list[str] = []
    for page in range(pages):
        if page:
            out += [f"{page}/{pages}", job, "", metadata.symbol or f"S/RES/{metadata.number} ({metadata.year})"]
        out += lines[page * PAGE_LINES : (page + 1) * PAGE_LINES]
    return out


def round_trip(resolution: Resolution, *, source: str = "") -> tuple[Resolution | None, list[Diagnostic]]:
    """``resolution`` laid out as a PDF extraction and read back by the text path, with its metadata."""
    text = layout_as_pdf_text(resolution)
    clean, diagnostics = clean_text(text, source=source)
    read, parse_diagnostics = parse_resolution(clean, resolution.metadata, source=source)
    diagnostics += parse_diagnostics
    if read is None or any(d.severity is Severity.ERROR for d in diagnostics):
        return None, diagnostics
    fidelity = check_fidelity(text, read, source=source)
    if fidelity:
        return None, diagnostics + fidelity
    return read, diagnostics


def shape(resolution: Resolution) -> dict[str, object]:
    """What two readers of one resolution must agree on: header, structure, ids, labels, words."""
    model = resolution.as_dict()
    kept = {key: model[key] for key in ("header", "sections", "preamble", "operative", "annexes")}
    return _without_lines(kept)


def _without_lines(value: object) -> object:
    if isinstance(value, dict):
        return {key: _without_lines(item) for key, item in value.items() if key != "line"}
    if isinstance(value, list):
        return [_without_lines(item) for item in value]
    return value


def differences(expected: Resolution, actual: Resolution, *, limit: int = 5) -> list[str]:
    """Where ``actual`` differs from ``expected`` in shape, e.g. "operative[19].items[2].heading: 'A' ≠ 'B'"."""
    found: list[str] = []
    _compare(shape(expected), shape(actual), "", found, limit)
    return found


def _compare(expected: object, actual: object, path: str, found: list[str], limit: int) -> None:
    if len(found) >= limit or expected == actual:
        return
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in [*expected, *(key for key in actual if key not in expected)]:
            _compare(expected.get(key), actual.get(key), f"{path}.{key}" if path else key, found, limit)
        return
    if isinstance(expected, list) and isinstance(actual, list):
        for index, (left, right) in enumerate(zip(expected, actual)):
            _compare(left, right, f"{path}[{index}]", found, limit)
        if len(expected) != len(actual) and len(found) < limit:
            found.append(f"{path}: {len(expected)} entries ≠ {len(actual)}")
        return
    if isinstance(expected, str) and isinstance(actual, str):
        if expected.replace(" ", "") == actual.replace(" ", ""):
            path += " (spaces only)"
        # Long texts differ somewhere in the middle: show both around the first difference.
        at = next((i for i, (a, b) in enumerate(zip(expected, actual)) if a != b), min(len(expected), len(actual)))
        start = max(0, at - 30)
        expected, actual = expected[start : at + 40], actual[start : at + 40]
        if start:
            expected, actual = "…" + expected, "…" + actual
    found.append(f"{path}: {expected!r} ≠ {actual!r}")
