"""From a source file to a checked model: read, clean, parse, check fidelity.

``load_resolution`` is the one entry point every command uses, so the fidelity check runs on
every build, not only in tests.
"""

from __future__ import annotations

from pathlib import Path

from .read.clean import clean_text
from .read.fidelity import check_fidelity
from .model import Diagnostic, Resolution, Severity
from .read.parse import parse_resolution
from .read.source import read_metadata, read_text


def metadata_path(text_path: Path) -> Path:
    """The YAML file beside a source text: s-res-2364-2017.txt → s-res-2364-2017.yml."""
    return text_path.with_suffix(".yml")


def load_resolution(path: Path) -> tuple[Resolution | None, list[Diagnostic]]:
    """The checked model of one resolution from a text (.txt) or the UN's Akoma Ntoso file (.xml)."""
    if path.suffix.lower() == ".xml":
        from .read.akn import load_akn

        return load_akn(path)
    return load_text(path)


def load_text(text_path: Path) -> tuple[Resolution | None, list[Diagnostic]]:
    """The checked model of one resolution text, or None with the errors that prevent it."""
    meta_path = metadata_path(text_path)
    if not meta_path.exists():
        return None, [Diagnostic(str(meta_path), 0, Severity.ERROR, f"missing metadata file beside {text_path.name}")]
    raw, diagnostics = read_text(text_path)
    metadata, errata, meta_diagnostics = read_metadata(meta_path)
    diagnostics += meta_diagnostics
    if raw is None or metadata is None:
        return None, diagnostics
    clean, clean_diagnostics = clean_text(raw, errata, source=str(text_path), errata_source=str(meta_path))
    diagnostics += clean_diagnostics
    resolution, parse_diagnostics = parse_resolution(clean, metadata, source=str(text_path))
    diagnostics += parse_diagnostics
    if resolution is None or any(d.severity is Severity.ERROR for d in diagnostics):
        return None, diagnostics
    fidelity = check_fidelity(raw, resolution, source=str(text_path))
    if fidelity:
        return None, diagnostics + fidelity
    return resolution, diagnostics
