"""Stage 2 for texts: cut cleaned lines into blocks; ``structure`` (shared with the XML reader) nests them.

The text reader finds where things start and which lines are headings. The rules follow the UN Editorial Manual (see shared/REFERENCE.md):

- a preambular paragraph starts on a line after one ending in a comma, with a participle or an
  adjective ('Recalling', 'Strongly condemning', 'Mindful'); a wrapped line such as
  'Al Mourabitoune, Ansar Eddine, …' starts with a capital but is not a new paragraph;
- an operative paragraph starts at a number and a full stop ('10.'), alone on its line or not;
- a section heading is an unpunctuated line (or two) standing right before an operative number;
- inside an operative paragraph: (a), (b), … sub-paragraphs, optionally with a heading line;
  (i), (ii), … items; • and – indents, numbered in order under the deepest open label;
- an annex starts at a line 'Annex' ('Annex I', 'Annex 2') after the operative part; its unpunctuated
  lines before any label are its title lines.

Nothing is lost silently: the header is read by its grammar (:func:`header.split_header`; an unknown
organ is an error), paragraph numbers of any length are read (too many digits to be real is an
error), a text that ends mid-sentence is an error (truncated), a line opening with a label the
structure step does not know ('(A)', 'a)') is a warning at its line, and an em dash at the start
of a line is an indent only where a list can start (after a clause ends), so re-wrapping running
text never makes one.
"""

from __future__ import annotations

import re
from ..model import Diagnostic, Header, Metadata, Resolution, Severity
from .clean import CleanText, Line
from .header import split_header
from .labels import ROMAN, next_letter
from .structure import AnnexBlocks, Block, Layout, infer_structure

OPERATIVE_NUMBER = re.compile(
    r"""^(?P<number>\d+)\.        # the paragraph number and its full stop, e.g. '10.', '1000.'
        (?:\s+(?P<rest>.*))?$      # the start of its text, when on the same line
    """,
    re.X,
)

MAX_PARAGRAPH_DIGITS = 9
"""A paragraph number longer than this cannot be real (numbers run from 1 without gaps): an error."""

UNKNOWN_LABEL = re.compile(
    r"""^(?P<label>
        \((?:[A-Z]|[IVXL]{2,6})\)    # a capital letter or roman numeral in brackets: '(A)', '(IV)'
      | (?:[a-z]|\d{1,2})\)          # a letter or number with a closing bracket only: 'a)', '1)'
    )(?:\s|$)""",
    re.X,
)
"""A line opening with what reads as a label the structure step does not place: kept as text, with a warning."""

ENDS_MID_SENTENCE = re.compile(
    r"""(?:[,;:(“‘/]            # a comma, semicolon, colon, open bracket or quote
      | (?<=[^\W\d_])-          # a word broken at its hyphen ('peace-'), not a rule of hyphens ('-----')
      | (?<=\s)[–—]             # a dash standing after a word
      | \b[a-z]+                # a word in lower case: 'seized of the'
    )$""",
    re.X,
)
CLOSING_FORMULA = re.compile(r"seized\s+of\s+the\s+matter")
"""'Decides to remain (actively) seized of the matter', the last words of most resolutions: a text
that ends with it is complete even where the full stop is missing."""

LETTER_LABEL = re.compile(
    r"""^\((?P<key>[a-z]{1,5})\)   # a lettered or roman label in brackets, e.g. '(c)' or '(ii)'
        (?:\s+(?P<rest>.*))?$      # text on the same line, if any
    """,
    re.X,
)

INDENT = re.compile(
    r"""^(?P<mark>[•–—])          # a bullet or a dash (en or em)
        \s*(?P<rest>.*)$           # the indent's text
    """,
    re.X,
)

PREAMBULAR_OPENING = re.compile(
    r"""^(?:
        (?:[A-Z][a-z]+ly|Further|Also|Again)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ing|ed)\b   # adverb and participle: 'Strongly condemning', 'Also strongly condemning'
      | (?:Further|Also|Again)\s+(?:mindful|aware|conscious|cognizant|convinced|determined|alarmed)\b  # 'Also mindful'
      | In\s+(?:this|that)\s+(?:regard|context|respect),\s+[a-z]+ing\b   # 'In this regard, calling'
      | [A-Z][a-z]+(?:ing|ed)\b                                   # a participle: 'Recalling', 'Concerned'
      | [A-Z][a-z]*-[a-z]+(?:ing|ed)\b                            # hyphenated: 'Re-emphasizing'
      | (?:While|Whilst)\s+[a-z]+ing\b                            # 'While noting'
      | (?:Mindful|Aware|Conscious|Cognizant|Convinced|Determined|Desirous|Alarmed|Bearing)\b  # adjectives
    )""",
    re.X,
)

COUNCIL_VERB_OPENING = re.compile(
    r"""^(?![A-Z][a-z]+(?:ments|tions|ities|ships)\b)   # not a plural noun: 'Commitments to'
        [A-Z][a-z]+s               # a verb in the third person: 'Recalls', 'Decides', 'Expresses'
        \s+(?:that|to|the|its|note|with|all|also|further|upon|on|in|for|a|an
             |concern|deep|grave|serious|strong|full|appreciation|support)\b  # and what follows a verb
    """,
    re.X,
)
"""How an operative paragraph without a number opens ('Recommends to the General Assembly …')."""

SINGLE_PARAGRAPH_OPENING = re.compile(
    r"""^(?![A-Z][a-z]+(?:ments|tions|ities|ships)\b)   # not a plural noun
        [A-Z][a-z]+s\s+\S                               # 'Appoints Mrs.', 'Forwards the following'
    """,
    re.X,
)
"""How the one paragraph of a resolution without numbers opens, after a preamble ending in a comma."""

FULL_LINE = 70
"""A line at least this long runs to the right margin: text flowing on, not a title standing alone."""

SHORT_LINE = 0.7
"""A line shorter than this share of the text's measure ends its paragraph even without a comma, when
the next line opens like a new paragraph."""

LOWER_LABEL_LINE = re.compile(
    r"""^(?P<label>
        (?:[a-z]|[ivx]{1,6})\.        # third degree 'a.' or fourth degree 'iii.'
      | \(\d{1,2}\)                   # '(1)'
    )\s+(?P<rest>\S.*)$""",
    re.X,
)

# Sub-paragraph text in Council mandates opens with an infinitive or a framing phrase; a heading does not.
TASK_OPENING = re.compile(r"^(?:To|In)\s")
WRAPPED_HEADING_LENGTH = 55
"""A heading line at least this long may wrap onto the next line ('… and Al-Qaida' / 'Sanctions Committee')."""

ANNEX_TITLE = re.compile(
    r"""^(?P<title>
        (?:[A-Z][a-z]+\x20)?                # a word before it, as in 'Designation Annex'
        (?:Annex|ANNEX)(?:es|ES)?           # 'Annex', 'ANNEX'
        (?:\s+(?:[IVX]+|\d{1,2}|[A-Z]))?    # its number, if several: 'Annex II', 'Annex 2', 'Annex A'
        (?:\s*[-–—:]\s*\S.*)?               # a title after a dash: 'ANNEX 1 - Comprehensive Plan'
        (?:\s+(?:to|of)\s+resolution\s+\d{1,4}\s+\(\d{4}\))?  # 'Annex to resolution 1526 (2004)'
    )$""",
    re.X,
)


def _ends_clause(text: str) -> bool:
    return text.endswith((",", ";", ".", ":"))


def parse_resolution(clean: CleanText, metadata: Metadata, *, source: str = "") -> tuple[Resolution | None, list[Diagnostic]]:
    """Build the model from cleaned lines; problems come back as diagnostics, never exceptions."""
    layout, diagnostics = layout_text(clean, source=source)
    if layout is None:
        return None, diagnostics
    resolution, structure_diagnostics = infer_structure(layout, metadata, source=source, repairs=clean.repairs)
    return resolution, diagnostics + structure_diagnostics


def layout_text(clean: CleanText, *, source: str = "") -> tuple[Layout | None, list[Diagnostic]]:
    """The blocks of a text: header, preambular paragraphs, operative blocks, annexes."""
    diagnostics: list[Diagnostic] = []

    def report(line: int, message: str, severity: Severity = Severity.ERROR) -> None:
        diagnostics.append(Diagnostic(source, line, severity, message))

    lines = list(clean.lines)
    found, problems = split_header(lines, source=source)
    if found is None:
        return None, problems
    header = Header(
        title=" ".join(line.text for line in found.header[: found.title_lines]),
        adoption=" ".join(line.text for line in found.header[found.title_lines :]),
        organ=" ".join(line.text for line in found.organ),
    )
    end_line = lines[-1].number
    body = lines[found.body_start :]
    starts = [i for i, line in enumerate(body) if OPERATIVE_NUMBER.match(line.text)]
    if not starts:
        opening = next(
            (i for i in range(len(body) - 1, 0, -1) if body[i - 1].text.endswith(",") and SINGLE_PARAGRAPH_OPENING.match(body[i].text)), None
        )
        if opening is not None and not body[-1].text.endswith(","):
            # A resolution of one unnumbered operative paragraph ('Recommends to the General Assembly …').
            single = Block(body[opening].number, " ".join(line.text for line in body[opening:]))
            return Layout(header, tuple(_preamble(body[:opening])), (single,), (), end_line), diagnostics
        report(body[-1].number if body else end_line, "no operative paragraph found (a line starting '1.'): the file may be truncated")
        return None, diagnostics
    last = " ".join(line.text for line in body[-2:])
    if ENDS_MID_SENTENCE.search(body[-1].text) and not CLOSING_FORMULA.search(last):
        report(body[-1].number, f"the text ends mid-sentence ({' '.join(last.split()[-6:])!r}): the file is truncated, or its last words are missing")
        return None, diagnostics
    for line in body[starts[0] :]:
        number = OPERATIVE_NUMBER.match(line.text)
        if number and len(number["number"]) > MAX_PARAGRAPH_DIGITS:
            digits = number["number"]
            shown = digits[:12] + ("…" if len(digits) > 12 else "")
            report(line.number, f"paragraph number {shown} has {len(digits)} digits: no resolution has that many paragraphs")
    if diagnostics:
        return None, diagnostics
    annex_at = [i for i, line in enumerate(body) if i > starts[0] and ANNEX_TITLE.match(line.text)]
    operative_end = annex_at[0] if annex_at else len(body)
    headings = {line.number for start in starts if start < operative_end for line in _heading_run(body, start)}
    first = starts[0] - len(_heading_run(body, starts[0]))
    preamble = _preamble(body[:first])
    operative = _operative_blocks(body[first:operative_end], headings, report)
    annexes = []
    for position, at in enumerate(annex_at):
        end = annex_at[position + 1] if position + 1 < len(annex_at) else len(body)
        annexes.append(_annex_blocks(body[at], body[at + 1 : end], report))
    return Layout(header, tuple(preamble), tuple(operative), tuple(annexes), end_line), diagnostics


def _indent_mark(text: str, previous: str, after_heading: bool) -> re.Match[str] | None:
    """A bullet or an en dash always opens an indent; an em dash only where a list can start: after
    a clause ends (',', ';', ':', '.'), a heading or a bare label. Elsewhere it is a dash in running
    text that a line break put first ('… du centre' / '— PSIRC), and calls …'). The en dash, the
    Editorial Manual's indent mark, also follows 'and' in the UN's lists, so it cannot be judged so."""
    mark = INDENT.match(text)
    if mark is None or mark["mark"] != "—" or after_heading or not previous:
        return mark
    return mark if _ends_clause(previous.rstrip('”’")')) or _bare_label(previous) else None


def _bare_label(text: str) -> bool:
    """'13.' or '(c)' alone on its line."""
    match = OPERATIVE_NUMBER.match(text) or LETTER_LABEL.match(text)
    return match is not None and not match["rest"]


def _warn_unknown_label(text: str, line: int, report) -> None:
    unknown = UNKNOWN_LABEL.match(text)
    if unknown:
        report(line, f"unknown label {unknown['label']!r} at the start of a line: kept as text of the paragraph before it", Severity.WARNING)


def _heading_run(body: list[Line], start: int) -> list[Line]:
    """Unpunctuated heading lines (at most two) standing right before the number line at ``start``."""
    run: list[Line] = []
    index = start - 1
    while index >= 0 and len(run) < 2 and not _ends_clause(body[index].text):
        run.insert(0, body[index])
        index -= 1
    if not run or index < 0 or not run[0].text[:1].isupper() or PREAMBULAR_OPENING.match(run[0].text):
        return []  # 'Underscoring that …' without its comma is still a preambular paragraph
    if OPERATIVE_NUMBER.match(body[index].text) or LETTER_LABEL.match(body[index].text):
        return []  # right after a bare '2.' or '(b)' come its words, not a heading
    return run


def _measure(lines: list[Line]) -> int:
    """The width of a full line of this text: most lines of a justified page run to the margin."""
    lengths = sorted(len(line.text) for line in lines)
    return lengths[len(lengths) * 3 // 4] if lengths else 0


def _preamble(lines: list[Line]) -> list[Block]:
    """One block per preambular paragraph: a new one opens after a comma, at a participle or adjective."""
    paragraphs: list[list[Line]] = []
    short = SHORT_LINE * _measure(lines)
    for line in lines:
        previous = paragraphs[-1][-1].text if paragraphs else ""
        opens = PREAMBULAR_OPENING.match(line.text) or COUNCIL_VERB_OPENING.match(line.text)
        if not paragraphs or (opens and (_ends_clause(previous.rstrip("”’\"")) or len(previous) < short)):
            paragraphs.append([])
        paragraphs[-1].append(line)
    return [Block(paragraph[0].number, " ".join(line.text for line in paragraph)) for paragraph in paragraphs]


def _operative_blocks(lines: list[Line], headings: set[int], report) -> list[Block]:
    """Labelled lines open blocks; a letter's heading lines are headings; the rest continue."""
    blocks: list[Block] = []
    letter: str | None = None
    heading: list[str] = []
    heading_open = False
    previous = ""
    for line in lines:
        text = line.text
        number = OPERATIVE_NUMBER.match(text)
        label = LETTER_LABEL.match(text)
        mark = _indent_mark(text, previous, bool(blocks) and blocks[-1].heading)
        previous = text
        if line.number in headings:
            blocks.append(Block(line.number, text, heading=True))
            heading_open = False
        elif number:
            blocks.append(Block(line.number, number["rest"] or "", f"{number['number']}."))
            letter, heading_open = None, False
        elif label:
            key = label["key"]
            if key == next_letter(letter) or key not in ROMAN:
                letter = key
            # A label alone on its line may be followed by its heading ('(c)' / 'Protection of civilians …').
            heading, heading_open = [], not label["rest"]
            blocks.append(Block(line.number, label["rest"] or "", f"({key})"))
        elif mark:
            blocks.append(Block(line.number, mark["rest"], mark["mark"].replace("—", "–")))
            heading_open = False
        elif lower := LOWER_LABEL_LINE.match(text):
            blocks.append(Block(line.number, lower["rest"], lower["label"]))
            heading_open = False
        elif heading_open and _continues_heading(heading, text):
            heading.append(text)
            blocks.append(Block(line.number, text, heading=True))
        else:
            heading_open = False
            _warn_unknown_label(text, line.number, report)
            blocks.append(Block(line.number, text))
    return blocks


def _annex_blocks(title: Line, lines: list[Line], report) -> AnnexBlocks:
    """An annex: its unpunctuated lines before any label are title lines, then one block per line."""
    blocks: list[Block] = []
    labelled = False
    for position, line in enumerate(lines):
        text = line.text
        number = OPERATIVE_NUMBER.match(text)
        label = LETTER_LABEL.match(text)
        mark = _indent_mark(text, lines[position - 1].text if position else title.text, bool(blocks) and blocks[-1].heading)
        following = lines[position + 1].text if position + 1 < len(lines) else ""
        if number:
            blocks.append(Block(line.number, number["rest"] or "", f"{number['number']}."))
        elif label:
            blocks.append(Block(line.number, label["rest"] or "", f"({label['key']})"))
        elif mark:
            blocks.append(Block(line.number, mark["rest"], mark["mark"].replace("—", "–")))
        elif lower := LOWER_LABEL_LINE.match(text):
            blocks.append(Block(line.number, lower["rest"], lower["label"]))
        else:
            _warn_unknown_label(text, line.number, report)
            # A title line ends unpunctuated; a paragraph's first line runs on into a lower-case word.
            heading = (
                not labelled
                and not _ends_clause(text)
                and not following[:1].islower()
                and all(b.heading for b in blocks)
                and not (", " in text and len(text) >= FULL_LINE)  # a paragraph's first, full line
            )
            if heading and blocks and blocks[-1].heading and len(lines[position - 1].text) >= FULL_LINE:
                # A title line that runs to the margin wraps onto the next: one heading.
                blocks[-1] = Block(blocks[-1].line, f"{blocks[-1].text} {text}", heading=True)
            else:
                blocks.append(Block(line.number, text, heading=heading))
            continue
        labelled = True
    return AnnexBlocks(title.text, title.number, tuple(blocks))


def _continues_heading(heading: list[str], text: str) -> bool:
    """Whether ``text`` is the heading's next line rather than the start of the sub-paragraph's text."""
    if not heading:
        return (text[:1].isupper() or text[:1].isdigit()) and not _ends_clause(text) and not TASK_OPENING.match(text)
    if text[:1].islower():
        return True
    return len(heading[-1]) >= WRAPPED_HEADING_LENGTH and not _ends_clause(text) and not TASK_OPENING.match(text)
