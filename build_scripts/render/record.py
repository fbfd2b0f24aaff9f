"""The record of a resolution on its overview page: adoption, vote, draft, Chapter VII, subjects, source.

Most of it comes from the UN's Akoma Ntoso file (no PDF says who voted or who drafted); a row whose
fact no source gives is left out rather than shown empty.
"""

from __future__ import annotations

from ..citations import ordinal
from ..model import Metadata, Resolution, SubjectScheme, Vote
from .markup import attribute, escape

UNDOCS = "https://undocs.org/"
SCHEME_NAMES = {SubjectScheme.UNBIS: "UNBIS Thesaurus", SubjectScheme.EUROVOC: "EuroVoc", SubjectScheme.SDG: "Sustainable Development Goals"}
SMALL_WORDS = {"of", "and", "the", "for", "de", "d’", "del"}


def long_date(metadata: Metadata) -> str:
    """'29 June 2017'."""
    return f"{metadata.adopted.day} {metadata.adopted:%B %Y}"


def member_name(name: str) -> str:
    """The file's 'BOLIVIA (PLURINATIONAL STATE OF)' as 'Bolivia (Plurinational State of)'."""
    if not name.isupper():
        return name
    words = []
    for position, word in enumerate(name.lower().replace("'", "’").split(" ")):
        bare = word.strip("()")
        if position and bare in SMALL_WORDS:
            words.append(word)
        elif word.startswith("("):
            words.append("(" + word[1:2].upper() + word[2:])
        else:
            words.append(word[:1].upper() + word[1:])
    return " ".join(words).replace("D’i", "d’I")


def _document_link(symbol: str) -> str:
    return f'<a href="{attribute(UNDOCS + symbol)}">{escape(symbol)}</a>'


def adoption_text(metadata: Metadata) -> str:
    """'29 June 2017, at the Council’s 7991st meeting (S/PV.7991)'; the meeting is left out when unknown."""
    text = escape(long_date(metadata))
    if metadata.meeting:
        text += f", at the Council’s {ordinal(metadata.meeting)} meeting"
        if metadata.meeting_record:
            text += f" ({_document_link(metadata.meeting_record)})"
    elif metadata.meeting_record:
        text += f" ({_document_link(metadata.meeting_record)})"
    return text


def vote_text(vote: Vote) -> str:
    """'15 in favour, none against, none abstaining (adopted unanimously)', with the members in a disclosure."""
    counts = [f"{count} {what}" if count else f"none {what}" for count, what in zip(vote.counts, ("in favour", "against", "abstaining"))]
    text = ", ".join(counts)
    if vote.description:
        text += f" ({escape(vote.description[:1].lower() + vote.description[1:])})"
    groups = [(what, names) for what, names in (("In favour", vote.in_favour), ("Against", vote.against), ("Abstaining", vote.abstaining)) if names]
    if groups:
        lists = "".join(f"<p><strong>{what}:</strong> {escape(', '.join(member_name(name) for name in names))}</p>" for what, names in groups)
        text += f"<details><summary>How each member voted</summary>{lists}</details>"
    return text


def record_rows(resolution: Resolution) -> list[tuple[str, str]]:
    """(heading, HTML) rows for the overview table, in reading order."""
    meta = resolution.metadata
    rows = [("Adopted", adoption_text(meta))]
    if meta.vote:
        rows.append(("Vote", vote_text(meta.vote)))
    if meta.draft:
        sponsors = f", submitted by {escape(', '.join(meta.sponsors))}" if meta.sponsors else ""
        rows.append(("Draft", _document_link(meta.draft) + sponsors))
    if meta.chapter_vii:
        rows.append(("Charter", "Adopted under Chapter VII of the Charter of the United Nations"))
    if meta.subject:
        rows.append(("Agenda item", escape(meta.subject)))
    return rows


def subjects_html(resolution: Resolution) -> str:
    """The file's subject terms, by thesaurus, each linked to its entry; '' when there are none."""
    parts = []
    for scheme, name in SCHEME_NAMES.items():
        terms = [subject for subject in resolution.metadata.subjects if subject.scheme is scheme]
        if not terms:
            continue
        links = ", ".join(
            f'<a href="{attribute(term.url)}">{escape(term.term)}</a>' if term.url.startswith("http") else escape(term.term) for term in terms
        )
        parts.append(f"<p><strong>{escape(name)}:</strong> {links}</p>")
    return "".join(parts)


def source_note(resolution: Resolution) -> str:
    """Where the words come from, and what they were checked against."""
    meta = resolution.metadata
    if meta.source_kind == "akn":
        return (
            "The text comes from the United Nations’ Akoma Ntoso file of this resolution (repository "
            '<a href="https://github.com/UNxml/SCresolutions">UNxml/SCresolutions</a>), an unofficial copy prepared from the '
            f'official electronic file; the official text is the document at <a href="{attribute(meta.official_url)}">{escape(meta.official_url)}</a>.'
        )
    note = "The text is the text extracted from the official PDF, with every repair shown as an editorial note."
    if meta.checked_against:
        note += (
            f" It was checked word for word, paragraph by paragraph, against the United Nations’ Akoma Ntoso file "
            f"<code>{escape(meta.checked_against)}</code> (repository "
            '<a href="https://github.com/UNxml/SCresolutions">UNxml/SCresolutions</a>), and they agree.'
        )
    return note
