"""From a source file to a checked model: read, clean, parse, check fidelity.

``load_resolution`` is the one entry point every command uses, so the fidelity check runs on
every build, not only in tests.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from .read.clean import clean_text
from .read.fidelity import check_fidelity
from .model import Diagnostic, Metadata, Resolution, Severity
from .read.parse import parse_resolution
from .read.header import read_header, resolve_metadata
from .read.source import MetadataFile, read_metadata, read_text

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
    if meta_path.exists():
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
