"""From a source file to a checked model: read, clean, parse, check fidelity.

``load_resolution`` is the one entry point every command uses, so the fidelity check runs on
every build, not only in tests.
"""

from __future__ import annotations

import datetime
from dataclasses import replace
from pathlib import Path

from .read.clean import clean_text
from .read.fidelity import check_against, check_fidelity
from .model import Diagnostic, Metadata, Resolution, Severity
from .read.parse import parse_resolution
from .read.header import read_header, resolve_metadata
from .read.source import MetadataFile, read_metadata, read_text
from .sources import Source

PROVISIONAL = Metadata("", 0, 0, datetime.date.min, 0, "", "")
"""Stands in for metadata that has errors, so that the text is still parsed and its problems reported."""


def metadata_path(text_path: Path) -> Path:
    """The optional YAML file beside a source text: s-res-2364-2017.txt → s-res-2364-2017.yml."""
    return text_path.with_suffix(".yml")


def load_resolution(path: Path) -> tuple[Resolution | None, list[Diagnostic]]:
    """The checked model of one resolution from a text (.txt) or the UN's Akoma Ntoso file (.xml)."""
    if path.suffix.lower() == ".xml":
        from .read.akn import load_akn

        return load_akn(path)
    return load_text(path)


def load_text(text_path: Path) -> tuple[Resolution | None, list[Diagnostic]]:
    """The checked model of one resolution text, or None with the errors that prevent it.

    The metadata comes from the text's own header and from the YAML beside it, when there is one
    (errata, subject, or values the header does not give); where both give a value they must agree.
    """
    meta_path = metadata_path(text_path)
    raw, diagnostics = read_text(text_path)
    given: MetadataFile | None = MetadataFile(str(meta_path))
    if meta_path.exists() or meta_path.is_symlink():  # a dangling link is reported, not taken for no file
        given, meta_diagnostics = read_metadata(meta_path)
        diagnostics += meta_diagnostics
    if raw is None or given is None:
        return None, diagnostics
    clean, clean_diagnostics = clean_text(raw, given.errata, source=str(text_path), errata_source=str(meta_path))
    diagnostics += clean_diagnostics
    header, header_diagnostics = read_header(clean.lines, source=str(text_path))
    metadata, resolve_diagnostics = resolve_metadata(header, given, source=str(text_path))
    diagnostics += header_diagnostics + resolve_diagnostics
    # Parsed even when the metadata is wrong, so that one run reports every problem of the text.
    resolution, parse_diagnostics = parse_resolution(clean, metadata or PROVISIONAL, source=str(text_path))
    diagnostics += parse_diagnostics
    if resolution is None or metadata is None or any(d.severity is Severity.ERROR for d in diagnostics):
        return None, diagnostics
    fidelity = check_fidelity(raw, resolution, source=str(text_path))
    if fidelity:
        return None, diagnostics + fidelity
    return resolution, diagnostics


def load_source(source: Source) -> tuple[Resolution | None, list[Diagnostic]]:
    """The checked model of one source; a text with the UN's XML file beside it is checked against it.

    The text stays the source of the words. The XML file adds what no PDF says (the meeting record,
    the vote, the draft and its sponsors, Chapter VII, the subjects) and its footnotes; its date,
    number and meeting must agree with the text's header, and its words with the text's, paragraph
    by paragraph.
    """
    resolution, diagnostics = load_resolution(source.path)
    if resolution is None or source.partner is None:
        return resolution, diagnostics
    from .read.akn import load_akn

    official, official_diagnostics = load_akn(source.partner)
    diagnostics += official_diagnostics
    if official is None:
        return None, diagnostics
    mine, theirs = resolution.metadata, official.metadata
    for name in ("number", "year", "adopted", "meeting"):
        if getattr(theirs, name) and getattr(mine, name) != getattr(theirs, name):
            diagnostics.append(
                Diagnostic(str(source.partner), 0, Severity.ERROR, f"the UN's file gives {name} {getattr(theirs, name)} but {source.path.name} gives {getattr(mine, name)}")
            )
    diagnostics += check_against(resolution, official, source=str(source.partner))
    if any(d.severity is Severity.ERROR for d in diagnostics):
        return None, diagnostics
    metadata = replace(
        theirs,
        subject=mine.subject or theirs.subject,
        official_url=mine.official_url,
        source_kind=mine.source_kind,
        checked_against=source.partner.name,
    )
    return replace(resolution, metadata=metadata, footnotes=official.footnotes), diagnostics
