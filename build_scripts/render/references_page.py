"""/references/: every resolution, document and instrument the corpus cites, with where."""

from __future__ import annotations

from .. import ids
from ..model import Resolution
from ..analyse.references import INSTRUMENTS, Instrument, Reference, ReferenceKind
from .links import REFERENCES_PAGE, element_name
from .markup import attribute, escape, relative_url
from .pages import Page, front_matter


def _cited_in(page: str, resolution: Resolution, element_ids: list[str]) -> str:
    number = resolution.metadata.number
    links = [f'<a href="{relative_url(page, ids.permalink(number, e))}">{escape(element_name(e))}</a>' for e in dict.fromkeys(element_ids)]
    return f"{escape(resolution.metadata.symbol)}: " + ", ".join(links)


def references_page(corpus: list[tuple[Resolution, tuple[Reference, ...]]]) -> Page:
    """The references index: cited resolutions and documents link to undocs.org; instruments are listed."""
    page = REFERENCES_PAGE
    by_symbol: dict[tuple[str, str], list[tuple[Resolution, str]]] = {}
    by_instrument: dict[str, list[tuple[Resolution, str]]] = {}
    named: dict[str, Instrument] = {}
    for resolution, references in corpus:
        for reference in references:
            if reference.kind in (ReferenceKind.RESOLUTION, ReferenceKind.DOCUMENT):
                by_symbol.setdefault((reference.symbol, reference.url), []).append((resolution, reference.element_id))
            elif reference.kind is ReferenceKind.INSTRUMENT and reference.instrument:
                by_instrument.setdefault(reference.instrument.slug, []).append((resolution, reference.element_id))
                named.setdefault(reference.instrument.slug, reference.instrument)

    def rows(entries: list[tuple[Resolution, str]]) -> str:
        grouped: dict[int, tuple[Resolution, list[str]]] = {}
        for resolution, element in entries:
            grouped.setdefault(resolution.metadata.number, (resolution, []))[1].append(element)
        return "<br>".join(_cited_in(page, r, e) for r, e in grouped.values())

    def sort_key(item):
        symbol = item[0][0]
        parts = symbol.replace("(", " ").replace(")", " ").replace("/", " ").split()
        return [(0, int(p)) if p.isdigit() else (1, p) for p in parts]

    resolutions = sorted(((k, v) for k, v in by_symbol.items() if k[0].startswith("S/RES/")), key=sort_key)
    documents = sorted(((k, v) for k, v in by_symbol.items() if not k[0].startswith("S/RES/")), key=sort_key)
    body = [
        front_matter("References", "Every resolution, document and instrument cited, linked to the official documents and to where it is cited."),
        "# References\n",
        "Every document the resolutions cite, with a link to the official text where one exists and to each paragraph that cites it.\n",
    ]
    for title, anchor, entries in (("Security Council resolutions", "resolutions", resolutions), ("Other UN documents", "documents", documents)):
        if not entries:
            continue
        body.append(f"## {title} {{ #{anchor} }}\n")
        table = "".join(
            f'<tr><td><a href="{attribute(url)}">{escape(symbol)}</a></td><td>{rows(where)}</td></tr>' for (symbol, url), where in entries
        )
        body.append(f'<table><thead><tr><th scope="col">Document</th><th scope="col">Cited in</th></tr></thead><tbody>{table}</tbody></table>\n')
    body.append("## Other instruments { #instruments }\n")
    body.append("Agreements, statutes and policies named in the text. They have no UN document symbol to link to.\n")
    # The table's instruments in its order, then those a resolution defines itself, by name.
    defined = sorted((i for slug, i in named.items() if slug not in {t.slug for t in INSTRUMENTS}), key=lambda i: i.name)
    for instrument in (*INSTRUMENTS, *defined):
        if instrument.slug in by_instrument:
            body.append(f'<h3 id="{instrument.slug}">{escape(instrument.name)}</h3>\n')
            body.append(f"<p>Cited in {rows(by_instrument[instrument.slug])}</p>\n")
    return Page(page, "\n".join(body))
