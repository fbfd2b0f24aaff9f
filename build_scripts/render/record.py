"""The record of a resolution on its overview page: adoption, vote, draft, Chapter VII, subjects, source.

Most of it comes from the UN's Akoma Ntoso file (no PDF says who voted or who drafted); a row whose
fact no source gives is left out rather than shown empty.
"""

from __future__ import annotations

from markupsafe import Markup

from ..citations import ordinal
from ..model import Metadata, Resolution, SubjectScheme, Vote
from .elements import macros

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


def adoption_text(metadata: Metadata) -> Markup:
    """'29 June 2017, at the Council’s 7991st meeting (S/PV.7991)'; the meeting is left out when unknown."""
    return macros().adoption(long_date(metadata), ordinal(metadata.meeting) if metadata.meeting else "", metadata.meeting_record)


def vote_text(vote: Vote) -> Markup:
    """'15 in favour, none against, none abstaining (adopted unanimously)', with the members in a disclosure."""
    counts = ", ".join(f"{count} {what}" if count else f"none {what}" for count, what in zip(vote.counts, ("in favour", "against", "abstaining")))
    description = vote.description[:1].lower() + vote.description[1:]
    groups = [(what, ", ".join(member_name(name) for name in names)) for what, names in (("In favour", vote.in_favour), ("Against", vote.against), ("Abstaining", vote.abstaining)) if names]
    return macros().vote(counts, description, groups)


def record_rows(resolution: Resolution) -> list[tuple[str, Markup | str]]:
    """(heading, value) rows for the overview table, in reading order; values with links are Markup."""
    meta = resolution.metadata
    rows: list[tuple[str, Markup | str]] = [("Adopted", adoption_text(meta))]
    if meta.vote:
        rows.append(("Vote", vote_text(meta.vote)))
    if meta.draft:
        rows.append(("Draft", macros().draft(meta.draft, ", ".join(meta.sponsors))))
    if meta.chapter_vii:
        rows.append(("Charter", "Adopted under Chapter VII of the Charter of the United Nations"))
    if meta.subject:
        rows.append(("Agenda item", meta.subject))
    return rows


def subjects_html(resolution: Resolution) -> Markup:
    """The file's subject terms, by thesaurus, each linked to its entry; empty when there are none."""
    schemes = []
    for scheme, name in SCHEME_NAMES.items():
        terms = [(subject.term, subject.url if subject.url.startswith("http") else "") for subject in resolution.metadata.subjects if subject.scheme is scheme]
        if terms:
            schemes.append((name, terms))
    return macros().subjects(schemes)


def source_note(resolution: Resolution) -> Markup:
    """Where the words come from, and what they were checked against."""
    meta = resolution.metadata
    return macros().source_note(meta.source_kind, meta.official_url, meta.checked_against)
